// A disk that misbehaves, for cx run in this process: a stand-in for fs.writeSync (which cx's writer,
// src/store/files.ts, calls for every file it writes) that fails for files in one folder. Linux only:
// a write's file is found through /proc/self/fd.
import fs from 'node:fs';
import { cpSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { vi } from 'vitest';

type WriteSync = (fd: number, buffer: Buffer, offset?: number, length?: number, position?: number | null) => number;

const pathOf = (fd: number): string => {
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return '';
  }
};

const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });

/**
 * Runs `work` on a disk with `free` bytes left for the files of `dir`: a write past them takes what
 * fits, then fails with ENOSPC, as a full disk does. With `refuse`, only files whose path it accepts
 * fail (at once), and the others have all the room they need.
 */
export async function onDisk<T>(
  dir: string,
  free: number,
  work: () => Promise<T>,
  refuse?: (path: string) => boolean,
): Promise<T> {
  const original = fs.writeSync as unknown as WriteSync;
  let left = free;
  const spy = vi.spyOn(fs, 'writeSync').mockImplementation(((fd, buffer, offset = 0, length, position) => {
    const path = typeof fd === 'number' && Buffer.isBuffer(buffer) ? pathOf(fd) : '';
    const size = length ?? buffer.length - offset;
    if (!path.startsWith(dir)) return original.call(fs, fd, buffer, offset, size, position);
    if (refuse) {
      if (refuse(path)) throw noSpace();
      return original.call(fs, fd, buffer, offset, size, position);
    }
    if (left <= 0) throw noSpace();
    const taken = Math.min(size, left);
    left -= taken;
    return original.call(fs, fd, buffer, offset, taken, position);
  }) as WriteSync as never);
  try {
    return await work();
  } finally {
    spy.mockRestore();
  }
}

/** Every file in a folder and below it, by its path inside it, with its text. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files[relative(dir, path)] = readFileSync(path, 'utf8');
  }
  return files;
}

/** A copy of a folder, for a run of a command that should start from the same files. */
export const copyOf = (from: string, to: string): string => {
  cpSync(from, to, { recursive: true });
  return to;
};

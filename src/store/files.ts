// The file-system steps the roster store is made of: a write that either happens whole or not at all,
// a read that refuses anything but a regular file, and the temporary files an interrupted write leaves.
//
// conf writes the roster with `atomically`, whose writeFileSync takes a short write for a whole one and
// renames a truncated file into place on a nearly full disk. The build (scripts/build.mjs) and the
// tests (vitest.config.ts) point conf's `atomically` at this module, whose writeFileSync is writeWhole.
// fs is used as one object (fs.writeSync, not an imported writeSync), so a test can stand in for a call.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { io } from '../io.js';

/** The temporary files writeWhole makes (and those of atomically and of older cx), never committed data. */
export const TEMPORARY = /\.tmp-[0-9a-f-]+$|\.\d+\.tmp$/;

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

let counter = 0;

/** A file written in full beside its target, not yet in place: `commit` renames it there, `discard` drops it. */
export interface Staged {
  commit(): void;
  discard(): void;
}

/**
 * Writes `data` to a temporary file beside `path` (beside the file it links to, for a symbolic link)
 * and makes sure it is all there: every byte written (a short write is written on from where it
 * stopped), flushed to the disk, and read back the same. Anything short of that throws, and leaves
 * nothing behind.
 */
export function stage(path: string, data: string | Buffer, mode = 0o600): Staged {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const target = realTarget(path);
  const temporary = `${target}.tmp-${process.pid}-${(counter++).toString(16)}`;
  const drop = () => fs.rmSync(temporary, { force: true });
  let fd: number | undefined;
  try {
    fd = fs.openSync(temporary, 'wx+', mode);
    for (let done = 0; done < bytes.length;) {
      const wrote = fs.writeSync(fd, bytes, done, bytes.length - done, done);
      if (!(wrote > 0)) throw Object.assign(new Error('the disk took none of the data'), { code: 'ENOSPC' });
      done += wrote;
    }
    fs.fsyncSync(fd);
    const back = Buffer.alloc(bytes.length);
    const read = bytes.length === 0 ? 0 : fs.readSync(fd, back, 0, bytes.length, 0);
    if (fs.fstatSync(fd).size !== bytes.length || read !== bytes.length || !back.equals(bytes)) {
      throw Object.assign(new Error('what was written reads back differently'), { code: 'EIO' });
    }
    fs.closeSync(fd);
    fd = undefined;
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    drop();
    throw error;
  }
  return {
    commit: () => {
      try {
        fs.renameSync(temporary, target);
      } catch (error) {
        drop();
        throw error;
      }
    },
    discard: drop,
  };
}

/** What runs just before a write replaces its file: the store's check that the roster is still the one it read. */
let beforeReplace: ((data: Buffer) => void) | undefined;

/** Runs `work` (a conf write) with `check` called just before the file is replaced. */
export function checkingBeforeReplace<T>(check: (data: Buffer) => void, work: () => T): T {
  beforeReplace = check;
  try {
    return work();
  } finally {
    beforeReplace = undefined;
  }
}

/** Writes a file whole or not at all (see stage), then renames it into place; mode 0600 unless said. */
export function writeWhole(path: string, data: string | Buffer, mode = 0o600): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const staged = stage(path, bytes, mode);
  try {
    beforeReplace?.(bytes);
  } catch (error) {
    staged.discard();
    throw error;
  }
  staged.commit();
}

/** atomically's writeFileSync, as conf calls it: `writeFileSync(path, data, { mode })`. */
export function writeFileSync(path: string, data: string | Uint8Array, options?: { mode?: number | string | false }): void {
  const mode = typeof options?.mode === 'number' ? options.mode : 0o600;
  writeWhole(path, typeof data === 'string' ? data : Buffer.from(data), mode);
}

/** The file a write to `path` replaces: the one a symbolic link points to, or `path` itself. */
function realTarget(path: string): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return path; // not there yet
  }
}

/** What a path is, when it is neither a regular file nor a folder, in words for a message. */
export function specialKind(stat: fs.Stats): string | undefined {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return undefined;
}

/** A file's bytes and identity; a named pipe, device or socket is refused before anything is read. */
export function readRegular(path: string): { bytes: Buffer; stat: fs.BigIntStats } {
  // Non-blocking: opening a named pipe with no writer would wait for one.
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    // A socket cannot be opened at all (ENXIO): say what it is.
    const kind = (error as NodeJS.ErrnoException).code === 'ENXIO' ? specialKind(fs.statSync(path)) : undefined;
    if (kind) throw Object.assign(new Error(`it is ${kind}, not a file`), { code: 'ESPECIAL', kind });
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd, { bigint: true });
    const kind = specialKind(fs.fstatSync(fd));
    if (kind) throw Object.assign(new Error(`it is ${kind}, not a file`), { code: 'ESPECIAL', kind });
    if (stat.isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    return { bytes: fs.readFileSync(fd), stat };
  } finally {
    fs.closeSync(fd);
  }
}

/** The identity of a file that changes whenever it is replaced or written: device, inode, size and times. */
export const identity = (stat: fs.BigIntStats): string => [stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join(':');

/** Makes a folder and its missing parents, private to the user, one at a time (Node's recursive mkdir
 * can loop for ever where a parent refuses new folders, under /proc, say). */
export function makeFolder(dir: string): void {
  if (isFolder(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeFolder(parent);
  fs.mkdirSync(dir, { mode: 0o700 });
}

/** Whether a path is a folder (false when it is missing, or below a file). */
export function isFolder(path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The names of the files in a folder (none when it is missing) that match a pattern. */
export const filesIn = (dir: string, pattern: RegExp): string[] =>
  isFolder(dir) ? fs.readdirSync(dir).filter((file) => pattern.test(file)) : [];

/** The temporary files left in these folders by writes that were interrupted (a cx killed midway). */
export const leftovers = (...dirs: string[]): string[] =>
  dirs.flatMap((dir) => filesIn(dir, TEMPORARY).map((file) => join(dir, file)));

/** A lock not refreshed for this long belongs to a cx that died, or was paused: it is taken over. */
export const STALE_LOCK_MS = 10_000;
/** How a change waits for another cx to finish (for 20 s, or CX_LOCK_WAIT_MS). */
const RETRIES = { retries: 1000, factor: 1.2, minTimeout: 10, maxTimeout: 250, randomize: true };

/**
 * Takes the lock on a folder: proper-lockfile's lock folder at `lockPath`, refreshed by its timer, and
 * taken over once STALE_LOCK_MS old. Through the file system given to it, the folder is made private
 * to the user (mode 0700), and one whose time is in the future (a clock set wrong, a copy from
 * another machine) is taken for as old as can be, so that it is taken over rather than blocking every
 * change until then (a cx's own is at most a second ahead: proper-lockfile may round its time up).
 * Resolves to its release; fails with ELOCKED after waiting 20 s (CX_LOCK_WAIT_MS).
 */
export async function lockFolder(dir: string, lockPath: string): Promise<() => Promise<void>> {
  const { default: lockfile } = await import('proper-lockfile'); // CommonJS: its API is the default export
  const wait = Number(io().env.CX_LOCK_WAIT_MS);
  return lockfile.lock(dir, {
    lockfilePath: lockPath,
    realpath: false,
    stale: STALE_LOCK_MS,
    fs: lockFs,
    onCompromised: () => undefined, // seen only once the work is done: the store checks its writes
    retries: { ...RETRIES, maxRetryTime: wait > 0 ? wait : 20_000 },
  });
}

const lockFs = {
  ...fs,
  mkdir: (path: string, callback: (error: NodeJS.ErrnoException | null) => void) => fs.mkdir(path, { mode: 0o700 }, callback),
  stat: (path: string, callback: (error: NodeJS.ErrnoException | null, stat?: fs.Stats) => void) =>
    fs.stat(path, (error, stat) => {
      if (stat && stat.mtimeMs > Date.now() + 2000) stat.mtime = new Date(0);
      callback(error, stat);
    }),
};

/**
 * Whether a file written at `path` would take the place of one of a folder's own: the file at its
 * real path (through a symbolic link, the one it points to) is one of `files` (by their real paths),
 * or is in `dir` with a name `names` matches, or below one of its folders `below`.
 */
export function takesThePlaceOf(path: string, dir: string, names: RegExp, below: string[], files: string[]): boolean {
  const real = (file: string) => {
    try {
      return fs.realpathSync(file);
    } catch {
      return file;
    }
  };
  const target = fs.existsSync(path) ? real(path) : join(real(dirname(path)), basename(path));
  if (files.some((file) => fs.existsSync(file) && real(file) === target)) return true;
  const [first, ...rest] = relative(real(dir), target).split(sep);
  if (first === undefined || first === '..' || isAbsolute(relative(real(dir), target))) return false;
  return rest.length > 0 ? below.includes(first) : names.test(first);
}

/** A system error in words for a message: what happened to the disk or the file. */
export function problemOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'no space left on the disk';
  if (code === 'EDQUOT') return 'your disk quota is used up';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

/** What the user is told after a write that failed: nothing changed, and what to do about it. */
export const NOTHING_CHANGED = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  const fix = code === 'ENOSPC' || code === 'EDQUOT' ? ': free some space and try again' : '';
  return `; nothing was changed${fix}`;
};

/** What stands in the way of the roster, in words that say what to do: a folder where the file should
 * be, or a file where one of the folders above it should be. Undefined when neither is the case. */
export function pathProblem(path: string): string | undefined {
  if (isFolder(path)) return 'it is a folder, not a file; move it out of the way (cx keeps the roster in a file of that name)';
  for (let folder = dirname(path); folder !== dirname(folder); folder = dirname(folder)) {
    if (!fs.existsSync(folder) || isFolder(folder)) continue; // missing (or below a file), or as it should be
    const fix = io().env.CX_CONFIG_DIR ? 'set CX_CONFIG_DIR to a folder, or move that file away' : 'move that file away';
    return `${folder} is a file, not a folder; ${fix}`;
  }
  return undefined;
}

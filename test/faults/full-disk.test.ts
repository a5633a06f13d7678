// A real full disk: the built cx on a 2 MB tmpfs holding a roster of about 270 KB and its backups,
// filled to leave ten levels of free space (none at all to more than the roster twice over), for every
// command that writes. Mounting a tmpfs needs root (CI runs as root); without it these tests are
// skipped, saying so, and test/faults.test.ts (part of npm test) runs the same commands at the same
// levels against an injected disk (a stand-in for fs.writeSync that fails with ENOSPC once the bytes
// are used up), which needs nothing.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cx, rosterBytes, rosterFile, tempDir } from '../helpers/cli.js';
import { snapshot } from '../helpers/disk.js';
import { WRITING, oneLiners, rows } from './shared.js';

const mountPoint = mkdtempSync(join(tmpdir(), 'cx-tmpfs-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', mountPoint], { stdio: 'pipe' });
  mounted = true;
} catch (error) {
  console.warn(`test/faults/full-disk.test.ts: skipped, no tmpfs could be mounted (${String(error).split('\n')[0]})`);
}
afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

const NOW = { CX_NOW: '2026-11-24T09:00:00.000Z' };
const free = () => {
  const { bavail, bsize } = statfsSync(mountPoint);
  return bavail * bsize;
};

/** A roster of about 270 KB, with changes behind it, on the ordinary disk: each run starts from a copy. */
let base: string;
beforeAll(() => {
  base = tempDir();
  expect(cx(base, ['import', '-'], { input: rows(215) }).status).toBe(0);
  for (const args of [
    ['set', 'Person 1', '--team', 'Ops'],
    ['log', 'Person 7', 'Coffee'],
    ['set', 'Person 8', '--role', 'Buyer'],
  ]) {
    expect(cx(base, args).status).toBe(0);
  }
});

describe.runIf(mounted)('a read-only disk', () => {
  it('a change says so in one line and changes nothing; cx doctor names it, and reads on', () => {
    const dir = join(mountPoint, 'read-only');
    rmSync(dir, { recursive: true, force: true });
    cpSync(base, dir, { recursive: true });
    const before = snapshot(dir);
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    try {
      const set = cx(dir, ['set', 'Person 1', '--team', 'Sales'], { env: NOW });
      expect(set.status).toBe(1);
      expect(set.stderr).toBe(`cx: cannot save changes to the roster in ${dir}: the disk is read-only; nothing was changed\n`);
      const doctor = cx(dir, ['doctor'], { env: NOW });
      expect(doctor.status).toBe(1);
      expect(doctor.stdout).toContain(`cx cannot save changes: ${dir} is on a read-only disk`);
      expect(doctor.stdout).toContain('is readable: 215 people');
      expect(cx(dir, ['list'], { env: NOW }).status).toBe(0);
      const out = cx(tempDir(), ['export', '-o', join(dir, 'out.json')], { env: NOW });
      expect(out.stderr).toBe(`cx: cannot write ${join(dir, 'out.json')}: the disk is read-only\n`);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    }
    try {
      expect(snapshot(dir)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true }); // the tmpfs is small: the next tests need its room
    }
  });
});

describe.runIf(mounted)('a full tmpfs, at ten levels of free space, for every command that writes', () => {
  it.each(WRITING)('cx %s saves the change whole, or says so in one line and changes nothing', (name, args, input) => {
    const start = join(tempDir(), 'start');
    cpSync(base, start, { recursive: true });
    if (name === 'doctor --restore') writeFileSync(rosterFile(start), '{"version":1,"people":[');
    const reference = join(tempDir(), 'reference');
    cpSync(start, reference, { recursive: true });
    const done = cx(reference, args, { input, env: NOW });
    expect(done.status, done.stderr).toBe(0);
    const after = rosterBytes(reference);
    const size = Math.max(readFileSync(rosterFile(start)).length, after?.length ?? 0);
    expect(size).toBeGreaterThan(250_000);
    expect(size).toBeLessThan(300_000);
    const levels = [0, 4096, 16_384, 65_536, size / 2, size, size + 65_536, 2 * size, 2 * size + 131_072, 4 * size];
    const outcomes = new Set<number | null>();
    for (const level of levels.map((n) => Math.floor(n / 4096) * 4096)) {
      const dir = join(mountPoint, 'cx');
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(mountPoint, 'filler'), { force: true });
      mkdirSync(dir, { mode: 0o700 });
      cpSync(start, dir, { recursive: true });
      const before = snapshot(dir);
      // What is left on the disk is what this level allows (a tmpfs counts whole 4 KB pages).
      const fill = Math.max(0, free() - level);
      if (fill > 0) writeFileSync(join(mountPoint, 'filler'), Buffer.alloc(fill));
      const result = cx(dir, args, { input, env: NOW });
      const where = `${Math.round(free() / 1024)} KB free: ${result.stderr}`;
      outcomes.add(result.status);
      oneLiners(result);
      expect([0, 1], where).toContain(result.status);
      if (result.status === 0) expect(rosterBytes(dir), where).toBe(after);
      else if (rosterBytes(dir) !== before['roster.json']) expect(rosterBytes(dir), where).toBe(after);
      else if (name !== 'forget' || !result.stderr.includes('could not finish')) expect(snapshot(dir), where).toEqual(before);
      // With room again, the roster reads, and an interrupted forget is finished by cx doctor.
      rmSync(join(mountPoint, 'filler'), { force: true });
      if (name !== 'doctor --restore' || result.status === 0) expect(cx(dir, ['list']).status, where).toBe(0);
      if (name === 'forget' && (result.status === 0 || result.stderr.includes('could not finish'))) {
        expect(cx(dir, ['doctor']).status, where).toBe(0);
        for (const [file, text] of Object.entries(snapshot(dir))) expect(text, `${where} ${file}`).not.toContain('"Person 7"');
      }
    }
    // The levels reach both: a disk too full for the change, and one with room for it (doctor --restore
    // needs no room: it renames).
    expect([...outcomes].sort()).toEqual(name === 'doctor --restore' ? [0] : [0, 1]);
  });
});

// Writers killed (SIGKILL: no handler runs, nothing is cleaned up) at 20 random moments of an import, a
// forget and an undo on a roster of 3,000 people with backups behind it. After each kill the roster
// reads, and is the one before or the one after; a change that did not happen left no undo entry; a
// forget cut short is finished by cx doctor or the next cx forget. The moments are spread over the
// command's own duration (past Node's start), measured first; the seed is printed, and CX_TEST_SEED replays a run.
import { cpSync, existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cx, cxStart, rosterBytes, run, tempDir } from '../helpers/cli.js';
import { snapshot } from '../helpers/disk.js';
import { oneLiners, rows } from './shared.js';

const NOW = { CX_NOW: '2026-11-24T09:00:00.000Z' };
const KILLS = 20;
const seed = Number(process.env.CX_TEST_SEED ?? Date.now() % 1_000_000);
console.log(`test/faults/killed.test.ts: seed ${seed} (CX_TEST_SEED=${seed} replays these moments)`);
let state = seed;
/** A small seeded generator (mulberry32): the same seed, the same moments. */
const random = (): number => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Ages the lock a killed cx left, as if the 10 seconds after which it is taken over had passed. */
const staleLock = (dir: string): void => {
  const old = new Date(Date.now() - 60_000);
  try {
    utimesSync(join(dir, 'roster.lock'), old, old);
  } catch {} // none left
};

/** The files cx keeps, without the temporary ones a killed write leaves (never part of the roster). */
const kept = (dir: string): Record<string, string> =>
  Object.fromEntries(Object.entries(snapshot(dir)).filter(([file]) => !/\.tmp-/.test(file)));

let base: string;
beforeAll(() => {
  base = tempDir();
  expect(cx(base, ['import', '-'], { input: rows(3000) }).status).toBe(0);
  for (const args of [
    ['set', 'Person 1', '--team', 'Ops'],
    ['log', 'Person 7', 'Coffee about the reorg'],
    ['set', 'Person 8', '--role', 'Buyer'],
  ]) {
    expect(cx(base, args, { env: NOW }).status).toBe(0);
  }
});

const COMMANDS: [string, string[], string?][] = [
  ['import', ['import', '-'], ['name,team', ...Array.from({ length: 3000 }, (_, i) => `Person ${i},Sales`)].join('\n')],
  ['forget', ['forget', 'Person 7', '--yes']],
  ['undo', ['undo']],
];

describe.runIf(process.platform !== 'win32')('a writer killed at 20 random moments', () => {
  it.each(COMMANDS)('cx %s leaves the roster before or after, readable, and nothing half done', async (name, args, input) => {
    const reference = tempDir();
    cpSync(base, reference, { recursive: true });
    const started = Date.now();
    const done = cx(reference, args, { input, env: NOW });
    const duration = Date.now() - started;
    expect(done.status, done.stderr).toBe(0);
    const after = rosterBytes(reference);
    const outcomes = { before: 0, after: 0 };
    for (let kill = 0; kill < KILLS; kill++) {
      const dir = tempDir();
      cpSync(base, dir, { recursive: true });
      const before = kept(dir);
      // Node's own start takes the first part of it: the moments are where cx reads, changes and writes.
      const delay = Math.floor(duration * (0.25 + 0.8 * random()));
      const writer = cxStart(dir, args, { input, env: NOW });
      await new Promise((resolve) => setTimeout(resolve, delay));
      writer.child.kill('SIGKILL');
      const result = await writer.done;
      const where = `killed after ${delay} ms (of ${duration}): ${result.stderr}`;
      oneLiners(result);
      const roster = rosterBytes(dir);
      expect([before['roster.json'], after], where).toContain(roster);
      outcomes[roster === after ? 'after' : 'before']++;
      staleLock(dir);
      expect((await run(dir, ['list'])).status, where).toBe(0);
      if (name === 'forget') {
        // Asked to forget, cx forgets: the next cx forget, or cx doctor, finishes what was cut short.
        const begun = roster === after || existsSync(join(dir, 'forgetting.json'));
        const finish = await run(dir, kill % 2 ? ['forget', 'Person 7', '--yes'] : ['doctor']);
        oneLiners(finish);
        if (kill % 2 || begun) {
          for (const [file, text] of Object.entries(snapshot(dir))) {
            expect(text, `${where} ${file}`).not.toContain('"Person 7"');
            expect(text, `${where} ${file}`).not.toContain('Coffee about the reorg');
          }
        } else expect(kept(dir), where).toEqual(before); // it had not begun: doctor changes nothing
      } else if (roster === before['roster.json']) {
        // A change that did not happen left no backup and no undo entry.
        expect(kept(dir), where).toEqual(before);
      }
      if (name !== 'forget') {
        const next = await run(dir, ['undo']);
        oneLiners(next);
        expect([0, 1], where).toContain(next.status);
      }
    }
    console.log(
      `cx ${name}: ${duration} ms unkilled; of ${KILLS} kills, ${outcomes.before} left the roster before, ${outcomes.after} after`,
    );
  });
});

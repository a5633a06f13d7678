// A writer paused past the lock's stale time (Ctrl+Z, SIGSTOP, a machine that stalls): the lock is
// taken over after 10 seconds, another cx saves its change, and the paused one, continued, must lose
// neither that change nor its own. Each case takes the stale time and a little more; they run at once.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { ROOT, cx, cxStart, rosterBytes, tempDir } from '../helpers/cli.js';
import { oneLiners, rows } from './shared.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const STOPS = ['--require', join(ROOT, 'test', 'helpers', 'short-writes.cjs')];

/** Whether a process is stopped (Linux: its state in /proc). */
const stopped = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('T') ?? false;
  } catch {
    return false;
  }
};

const names = (dir: string): string[] =>
  (JSON.parse(rosterBytes(dir) ?? '{"people":[]}').people as { name: string }[]).map((p) => p.name);

/**
 * Where a writer stops itself (SIGSTOP, from a preloaded stand-in for fs: test/helpers/short-writes.cjs):
 * as soon as it holds the lock (before it reads the roster), or as it starts to write the new roster.
 */
const MOMENTS = {
  'holding the lock': 'roster\\.lock$',
  'writing the new roster': 'roster\\.json\\.tmp-',
};

describe.runIf(process.platform === 'linux')('a writer stopped past the stale time', () => {
  it.concurrent.for(
    Object.keys(MOMENTS).flatMap((moment) => [
      ['import', moment],
      ['forget', moment],
    ]) as [string, keyof typeof MOMENTS][],
  )('cx %s stopped while %s, then a cx set: both changes are kept', async ([command, moment], { expect }) => {
    const dir = tempDir();
    expect(cx(dir, ['import', '-'], { input: rows(command === 'forget' ? 6000 : 10) }).status).toBe(0);
    const args = command === 'import' ? ['import', '-'] : ['forget', 'Person 3', '--yes'];
    const env = { CX_TEST_WRITES: 'stop', CX_TEST_KILL_AT: MOMENTS[moment] };
    const writer = cxStart(dir, args, { input: command === 'import' ? rows(20_000, 100) : '', env, nodeArgs: STOPS });
    for (let waited = 0; !stopped(writer.child.pid ?? 0) && waited < 30_000; waited += 10) await sleep(10);
    expect(stopped(writer.child.pid ?? 0), 'the writer stopped there').toBe(true);
    if (moment === 'holding the lock') expect(existsSync(join(dir, 'roster.lock'))).toBe(true);
    try {
      await sleep(11_000); // past the 10 s after which a lock not refreshed is taken over
      const intruder = cx(dir, ['set', 'Intruder', '--add']);
      expect(intruder.status, intruder.stderr).toBe(0);
      expect(names(dir)).toContain('Intruder');
    } finally {
      writer.child.kill('SIGCONT');
    }
    const done = await writer.done;
    oneLiners(done);
    expect(done.status, done.stderr).toBe(0);
    const after = names(dir);
    expect(after).toContain('Intruder'); // the change made while it was stopped is still there
    if (command === 'import') expect(after).toHaveLength(10 + 20_000 + 1);
    else expect(after).not.toContain('Person 3');
    expect(cx(dir, ['doctor']).status).toBe(0);
  });
});

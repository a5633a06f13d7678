// The roster survives what a user's machine does to it: a disk that fills up or cuts a write short, a
// file replaced while cx works, a duplicate id, a special file where the roster should be. A write
// either happens whole or not at all. These run in this process with the fault injected (a stand-in
// for fs.writeSync), or as the built cx with it preloaded; the slow ones (a real full disk on a small
// tmpfs, paused and killed writers) are in test/faults/, run by `npm run test:faults` (.ci/run).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cx, rosterBytes, rosterFile, run, tempDir } from './helpers/cli.js';
import { copyOf, onDisk, snapshot } from './helpers/disk.js';
import { WRITING, oneLiners, rows } from './faults/shared.js';

const SHORT_WRITES = ['--require', join(ROOT, 'test', 'helpers', 'short-writes.cjs')];
const linux = process.platform === 'linux';

/** Runs cx in this process and fails the test unless it exits 0. */
const ok = async (dir: string, args: string[], input?: string) => {
  const result = await run(dir, args, { input });
  if (result.status !== 0) throw new Error(`cx ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result;
};

describe.runIf(linux)('the built cx on a disk that cuts writes short', () => {
  it('writes on where a write stopped: the roster is whole (every write takes half of what it is given)', async () => {
    const dir = tempDir();
    await ok(dir, ['import', '-'], rows(100));
    const half = { CX_TEST_WRITES: 'half' };
    for (const args of [['set', 'Person 1', '--team', 'Ops'], ['log', 'Person 2', 'Coffee'], ['undo']]) {
      const result = cx(dir, args, { env: half, nodeArgs: SHORT_WRITES });
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(JSON.parse(rosterBytes(dir) ?? '').people).toHaveLength(100); // whole: it parses
    }
    expect((await ok(dir, ['show', 'Person 1', '--json'])).stdout).toContain('"team": "Ops"');
  });

  it('keeps the roster and says so in one line when the disk fills up midway', () => {
    const dir = tempDir();
    expect(cx(dir, ['import', '-'], { input: rows(100) }).status).toBe(0);
    const before = rosterBytes(dir);
    const size = readFileSync(join(dir, 'roster.json')).length;
    for (const free of [0, 4096, Math.floor(size / 2), size + 4096]) {
      const result = cx(dir, ['set', 'Person 1', '--team', 'Ops'], {
        env: { CX_TEST_WRITES: 'full', CX_TEST_FREE: String(free) },
        nodeArgs: SHORT_WRITES,
      });
      expect(result.status, `${free} bytes free`).toBe(1);
      expect(result.stderr).toMatch(
        /^cx: could not (save the roster to|keep a backup of the roster in) \S+: no space left on the disk; nothing was changed: free some space and try again\n$/,
      );
      expect(rosterBytes(dir)).toBe(before);
    }
  });
});

const NOW = { CX_NOW: '2026-11-24T09:00:00.000Z' };

/** A roster of forty people with a few changes behind it (so backups to undo and restore). */
async function aRoster(): Promise<string> {
  const dir = tempDir();
  await ok(dir, ['import', '-'], rows(40));
  await ok(dir, ['set', 'Person 1', '--team', 'Ops']);
  await ok(dir, ['log', 'Person 7', 'Coffee']);
  await ok(dir, ['set', 'Person 8', '--role', 'Buyer']);
  return dir;
}

describe.runIf(linux)('a full disk, at ten levels of free space, for every command that writes', () => {
  it.each(WRITING)('cx %s saves the change whole, or says so in one line and changes nothing', async (name, args, input) => {
    const base = await aRoster();
    if (name === 'doctor --restore') writeFileSync(rosterFile(base), '{"version":1,"people":[');
    const reference = copyOf(base, tempDir());
    const done = await run(reference, args, { input, env: NOW });
    expect(done.status, done.stderr).toBe(0);
    const after = rosterBytes(reference);
    const size = readFileSync(rosterFile(aRosterSize(base, reference))).length;
    const levels = [0, 512, size / 2, size - 1, size + 512, 2 * size - 512, 2 * size + 512, 2 * size + 4096, 3 * size, 12 * size];
    const outcomes = new Set<number>();
    for (const free of levels.map(Math.floor)) {
      const dir = copyOf(base, tempDir());
      const before = snapshot(dir);
      const result = await onDisk(dir, free, () => run(dir, args, { input, env: NOW }));
      outcomes.add(result.status ?? -1);
      oneLiners(result);
      expect([0, 1], `${free} bytes free: ${result.stderr}`).toContain(result.status);
      if (result.status === 0) expect(rosterBytes(dir), `${free} bytes free`).toBe(after);
      else if (rosterBytes(dir) !== before['roster.json'])
        expect(rosterBytes(dir), `${free} bytes free: ${result.stderr}`).toBe(after);
      else if (name !== 'forget' || !result.stderr.includes('could not finish')) expect(snapshot(dir)).toEqual(before);
      if (name !== 'doctor --restore' || result.status === 0) expect((await run(dir, ['list'])).status).toBe(0);
      if (name === 'forget') {
        // A forget cut short is finished by cx doctor, once there is room: the person is nowhere.
        if (result.status === 0 || result.stderr.includes('could not finish')) {
          if (result.status !== 0) expect(result.stderr).toMatch(/; cx doctor finishes it once there is room, as does/);
          await run(dir, ['doctor']);
          for (const [file, text] of Object.entries(snapshot(dir))) expect(text, file).not.toContain('"Person 7"');
        } else expect(result.stderr).toMatch(/^cx: could not start forgetting them: .*nothing was changed: free some space/);
      }
    }
    if (name !== 'doctor --restore') expect([...outcomes].sort()).toEqual([0, 1]); // the levels cover both
  });
});

/** The roster whose size sets the levels: the larger of the one before and the one after. */
const aRosterSize = (before: string, after: string): string =>
  readFileSync(rosterFile(before)).length > (rosterBytes(after)?.length ?? 0) ? before : after;

describe.runIf(linux)('what a change does once it is saved', () => {
  it('a change saved when the backup index cannot be written is reported saved, with a note: not as failed', async () => {
    const dir = await aRoster();
    const result = await onDisk(
      dir,
      0,
      () => run(dir, ['set', 'Person 2', '--team', 'Ops']),
      (path) => path.includes('index.json'),
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Person 2: team – → Ops\n');
    expect(result.stderr).toMatch(
      /^cx: note: the change was saved, but cx undo cannot take it back: .*\(no space left on the disk\)\n$/,
    );
    expect((await ok(dir, ['show', 'Person 2', '--json'])).stdout).toContain('"team": "Ops"');
  });

  it('a cx killed as it writes the roster leaves no backup for a change that never happened: undo keeps a hand edit', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add', '--team', 'Ops']);
    const killed = cx(dir, ['set', 'Dana Lee', '--team', 'Sales'], { env: { CX_TEST_WRITES: 'kill' }, nodeArgs: SHORT_WRITES });
    expect(killed.status).toBeNull(); // killed
    const handEdited = (rosterBytes(dir) ?? '').replace('"team": "Ops"', '"team": "Legal"');
    writeFileSync(rosterFile(dir), handEdited);
    const undo = await run(dir, ['undo']);
    expect(undo.stderr).toMatch(/^Nothing to undo: no earlier version of the roster is kept \(to take someone out again: cx rm/);
    expect(rosterBytes(dir)).toBe(handEdited);
  });

  it('cx doctor finds a roster gone while backups remain, and --restore puts the newest back', async () => {
    const dir = await aRoster();
    const people = JSON.parse(rosterBytes(dir) ?? '').people.length;
    rmSync(rosterFile(dir));
    const doctor = await run(dir, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toContain(`✗ there is no roster at ${rosterFile(dir)}, but 3 backups of it are kept`);
    expect(doctor.stdout).toContain('cx doctor --restore');
    await ok(dir, ['doctor', '--restore', '--yes']);
    expect(JSON.parse(rosterBytes(dir) ?? '').people).toHaveLength(people);
  });
});

describe('a lock that is not what it seems', () => {
  it('one with a time in the future (a clock set wrong) is taken over at once, not after the skew', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add']);
    mkdirSync(join(dir, 'roster.lock'));
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(join(dir, 'roster.lock'), future, future);
    const result = await run(dir, ['set', 'Dana Lee', '--team', 'Ops'], { env: { CX_LOCK_WAIT_MS: '2000' } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('two people with one id', () => {
  it('an export edited into a second person keeps the first one safe: the import is refused, and says why', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add']);
    await ok(dir, ['set', 'Sam Ortiz', '--add']);
    const twin = (await ok(dir, ['export'])).stdout.replaceAll('"Dana Lee"', '"Dana Twin"');
    const before = rosterBytes(dir);
    const result = await run(dir, ['import', '-'], { input: twin });
    expect(result.status).toBe(2);
    const id = JSON.parse(before ?? '').people[0].id;
    expect(result.stderr).toBe(
      `stdin: item 1: its id "${id}" is Dana Lee's already; leave "id" out to add Dana Twin as someone new\ncx: nothing was imported: 1 row has a problem; fix it and import again\n`,
    );
    expect(rosterBytes(dir)).toBe(before);
    await ok(dir, ['import', '-'], twin.replace(/"id": "[^"]*",\n/, '')); // without its id: someone new
    await ok(dir, ['forget', 'Dana Twin', '--yes']);
    expect((await ok(dir, ['list', '--json'])).stdout).toContain('"name": "Dana Lee"');
  });

  it('a roster with two people of one id (by hand) stops every command, and rm touches neither', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add']);
    await ok(dir, ['set', 'Sam Ortiz', '--add']);
    const data = JSON.parse(rosterBytes(dir) ?? '');
    data.people[1].id = data.people[0].id;
    const text = JSON.stringify(data, null, 2);
    writeFileSync(rosterFile(dir), text);
    for (const args of [['list'], ['rm', 'Sam Ortiz', '--yes'], ['forget', 'Sam Ortiz', '--yes']]) {
      const result = await run(dir, args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('(person 2 (Sam Ortiz) has the same id as person 1 (Dana Lee))');
    }
    expect(rosterBytes(dir)).toBe(text);
  });

  it('imported ids and times are checked like every other field', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add']);
    const [dana] = JSON.parse((await ok(dir, ['export'])).stdout);
    const bad = (change: object) => JSON.stringify([{ ...dana, name: 'Kim Park', id: 'k1', ...change }]);
    for (const [change, message] of [
      [{ createdAt: '+cmd' }, 'the exported record has a createdAt that is not a time: "+cmd"'],
      [{ updatedAt: '2026-13-45T99:00:00Z' }, 'has an updatedAt that is not a time'],
      [{ id: '' }, 'has an id that is empty'],
      [{ log: [{ on: 'today', text: 'hi' }] }, 'has a log entry whose day is not a day (YYYY-MM-DD): "today"'],
    ] as const) {
      const result = await run(dir, ['import', '-'], { input: bad(change) });
      expect(result.status, message).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });
});

/** Ages the lock a killed cx left, as if the 10 seconds after which it is taken over had passed. */
function staleLock(dir: string): void {
  const old = new Date(Date.now() - 60_000);
  utimesSync(join(dir, 'roster.lock'), old, old);
}

describe('cx forget erases every copy', () => {
  const everywhere = (dir: string, text: string) =>
    Object.entries(snapshot(dir))
      .filter(([, content]) => content.includes(text))
      .map(([file]) => file);

  it('of someone removed earlier under the same name, still in the backups: undo cannot bring them back', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add', '--note', 'the first Dana: a secret']);
    await ok(dir, ['set', 'Sam Ortiz', '--add']);
    await ok(dir, ['rm', 'Dana Lee', '--yes']);
    await ok(dir, ['set', 'Dana Lee', '--add', '--note', 'the second Dana']);
    const result = await ok(dir, ['forget', 'Dana Lee', '--yes']);
    expect(result.stdout).toMatch(
      /^Forgot "Dana Lee": removed from the roster, with their history and log, and from 2 backups\.\n$/,
    );
    expect(everywhere(dir, 'Dana')).toEqual([]);
    await run(dir, ['undo', '--force']);
    await run(dir, ['undo', '--force']);
    expect(everywhere(dir, 'Dana')).toEqual([]);
  });

  it('of someone no longer in the roster at all', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add', '--note', 'a secret']);
    await ok(dir, ['rm', 'Dana Lee', '--yes']);
    const result = await ok(dir, ['forget', 'dana lee', '--yes']);
    expect(result.stdout).toBe(
      'Forgot "Dana Lee", no longer in the roster: removed from 1 backup, with their history and log.\n',
    );
    expect(everywhere(dir, 'a secret')).toEqual([]);
    expect((await run(dir, ['forget', 'Dana Lee', '--yes'])).stderr).toBe(
      'cx: no one is in the roster yet; add "Dana Lee" with: cx assess "Dana Lee"\n',
    );
  });

  it.runIf(linux)('when it was killed half-way: the next cx forget, or cx doctor, finishes it', async () => {
    for (const finisher of [['forget', 'Dana Lee', '--yes'], ['doctor']]) {
      const dir = tempDir();
      await ok(dir, ['set', 'Dana Lee', '--add', '--note', 'a secret']);
      await ok(dir, ['set', 'Sam Ortiz', '--add']);
      for (const team of ['A', 'B']) await ok(dir, ['set', 'Sam Ortiz', '--team', team]);
      // Killed as it rewrites the first backup: the roster no longer holds her, the backups still do.
      const env = { CX_TEST_WRITES: 'kill', CX_TEST_KILL_AT: 'backups/roster-' };
      expect(cx(dir, ['forget', 'Dana Lee', '--yes'], { env, nodeArgs: SHORT_WRITES }).status).toBeNull();
      expect(rosterBytes(dir)).not.toContain('Dana Lee');
      expect(everywhere(dir, 'Dana Lee').length).toBeGreaterThan(0);
      staleLock(dir);
      const finished = await run(dir, finisher);
      expect(finished.status, finished.stderr).toBe(0);
      if (finisher[0] === 'doctor') expect(finished.stdout).toContain('✓ finished a cx forget that was interrupted');
      expect(everywhere(dir, 'Dana Lee')).toEqual([]);
      expect(everywhere(dir, 'a secret')).toEqual([]);
    }
  });

  it('when the roster cannot be read: the backups at once, the roster once doctor --restore mends it', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add', '--note', 'a secret']);
    await ok(dir, ['set', 'Sam Ortiz', '--add']);
    await ok(dir, ['set', 'Sam Ortiz', '--team', 'Ops']);
    const [dana] = JSON.parse(rosterBytes(dir) ?? '').people;
    writeFileSync(join(dir, 'forgetting.json'), JSON.stringify({ ids: [dana.id], names: ['Dana Lee'] })); // cut short
    writeFileSync(rosterFile(dir), '{"version":1,"people":[');
    const doctor = await run(dir, ['doctor']);
    expect(doctor.stdout).toContain(
      '✗ a cx forget that was interrupted is finished in the backups (2 scrubbed), but not in the roster, which cannot be read',
    );
    expect(everywhere(dir, 'a secret')).toEqual([]);
    await ok(dir, ['doctor', '--restore', '--yes']);
    expect(everywhere(dir, 'Dana Lee')).toEqual([]);
    expect(JSON.parse(rosterBytes(dir) ?? '').people.map((p: { name: string }) => p.name)).toEqual(['Sam Ortiz']);
  });

  it.runIf(linux)('in the temporary file a killed change left', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Sam Ortiz', '--add']);
    const killed = cx(dir, ['set', 'Dana Lee', '--add', '--note', 'a secret'], {
      env: { CX_TEST_WRITES: 'kill', CX_TEST_KILL_WHEN: 'after' },
      nodeArgs: SHORT_WRITES,
    });
    expect(killed.status).toBeNull();
    expect(everywhere(dir, 'a secret')).toEqual([expect.stringMatching(/^roster\.json\.tmp-/)]);
    staleLock(dir);
    const doctor = await run(dir, ['doctor']);
    expect(doctor.stdout).toContain('✓ removed 2 temporary files left by an interrupted cx'); // the backup's and the roster's
    expect(everywhere(dir, 'a secret')).toEqual([]);
  });
});

describe('cx export --output never writes over the roster or its other files', () => {
  it.each([
    ['the roster itself', (dir: string) => rosterFile(dir)],
    [
      'a file doctor set aside',
      (dir: string) => {
        writeFileSync(join(dir, 'roster.json.replaced-1'), 'kept by cx doctor');
        return join(dir, 'roster.json.replaced-1');
      },
    ],
    ['a backup', (dir: string) => join(dir, 'backups', 'index.json')],
    [
      'a link elsewhere to the roster',
      (dir: string) => {
        const link = join(tempDir(), 'roster.csv');
        symlinkSync(rosterFile(dir), link);
        return link;
      },
    ],
  ])('refuses %s, with exit 2, and changes nothing', async (_, target) => {
    const dir = await aRoster();
    const output = target(dir);
    const before = snapshot(dir);
    const result = await run(dir, ['export', '--format', 'csv', '--output', output]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `cx: --output ${output} is one of the files cx keeps the roster in (in ${dir}); write the export somewhere else\n`,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes anywhere else', async () => {
    const dir = await aRoster();
    const output = join(tempDir(), 'roster.json');
    expect((await run(dir, ['export', '--output', output])).status).toBe(0);
    expect(JSON.parse(readFileSync(output, 'utf8'))).toHaveLength(40);
  });
});

describe('what reaches the terminal from outside cx is inert', () => {
  const ESCAPES = /[\u001b\u0007\u009b\u0085]/;
  const SEQUENCE = '\u001b]0;PWNED\u0007';

  it('a roster that is an escape sequence: cx list and cx doctor name it without obeying it', async () => {
    const dir = tempDir();
    writeFileSync(rosterFile(dir), SEQUENCE);
    for (const args of [['list'], ['doctor']]) {
      const result = await run(dir, args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(`${result.stdout}${result.stderr}`, args.join(' ')).not.toMatch(ESCAPES);
      expect(`${result.stdout}${result.stderr}`).toContain('\\x1b]0;PWNED\\x07');
    }
  });

  it('a crafted backup and backup index: cx doctor and cx undo name them without obeying them', async () => {
    const dir = await aRoster();
    const [first] = JSON.parse(readFileSync(join(dir, 'backups', 'index.json'), 'utf8')) as { file: string }[];
    writeFileSync(join(dir, 'backups', first?.file ?? ''), SEQUENCE);
    const index = JSON.parse(readFileSync(join(dir, 'backups', 'index.json'), 'utf8'));
    index.at(-1).command = `set${SEQUENCE}`;
    writeFileSync(join(dir, 'backups', 'index.json'), JSON.stringify(index));
    writeFileSync(join(dir, 'backups', `roster-${SEQUENCE}.json`), '{}');
    const doctor = await run(dir, ['doctor']);
    expect(doctor.stdout).toContain('\\x1b]0;PWNED\\x07');
    expect(doctor.stdout).not.toMatch(ESCAPES);
    const undo = await run(dir, ['undo']);
    expect(undo.stdout).toMatch(/^Undid cx set\\x1b\]0;PWNED\\x07 of /);
  });

  it('a backup index that names a file outside backups/ is not followed: undo deletes nothing else', async () => {
    const dir = await aRoster();
    const index = JSON.parse(readFileSync(join(dir, 'backups', 'index.json'), 'utf8'));
    index.push({ ...index.at(-1), file: '../roster.json' });
    writeFileSync(join(dir, 'backups', 'index.json'), JSON.stringify(index));
    await ok(dir, ['undo']);
    expect(JSON.parse(rosterBytes(dir) ?? '').people).toHaveLength(40);
  });

  it('CSV export writes control characters as cx shows them (\\x1b), and a carriage return as a line end', async () => {
    const dir = tempDir();
    await ok(dir, ['import', '-'], 'name,role,team,notes\nDana Lee,"\u001b[31mred","A\rB","one\r\ntwo\u009b2J"\n');
    const csv = (await ok(dir, ['export', '--format', 'csv'])).stdout;
    expect(csv).not.toMatch(/[\u001b\r\u009b]/);
    expect(csv).toContain('\\x1b[31mred,"A\nB",,"one\ntwo\\x9b2J"');
    expect(csv).toContain('""to"":""one\\ntwo\\u009b2J""'); // in the history: JSON's own escape
    // JSON keeps every character (escaped), and imports back exactly.
    const json = (await ok(dir, ['export'])).stdout;
    expect(json).not.toMatch(/[\u001b\r\u009b]/);
    const copy = tempDir();
    await ok(copy, ['import', '-'], json);
    expect(rosterBytes(copy)).toBe(rosterBytes(dir));
  });

  it('--json escapes C1 controls, direction marks, soft hyphens and line separators', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add']);
    const data = JSON.parse(rosterBytes(dir) ?? '');
    const odd = 'Da\u2028na\u061c L\u00adee\u202e\u0085';
    Object.assign(data.people[0], { name: odd, notes: `note${odd}`, team: '\u2066T\u2069' });
    writeFileSync(rosterFile(dir), JSON.stringify(data));
    const RAW = /[\u0085\u061c\u00ad\u202e\u2028\u2066\u2069]/;
    for (const args of [
      ['list', '--json'],
      ['show', odd, '--json'],
      ['export'],
      ['todo', '--json'],
      ['set', odd, '--role', 'x', '--json'],
    ]) {
      const { stdout } = await ok(dir, args);
      expect(stdout, args.join(' ')).not.toMatch(RAW);
      expect(stdout).toContain('Da\\u2028na\\u061c L\\u00adee\\u202e\\u0085');
    }
    const [listed] = JSON.parse((await ok(dir, ['list', '--json'])).stdout);
    expect(listed).toMatchObject({ name: odd, notes: `note${odd}`, team: '\u2066T\u2069' });
    for (const args of [['list'], ['show', odd], ['__names']])
      expect((await ok(dir, args)).stdout, args.join(' ')).not.toMatch(RAW);
  });
});

describe.runIf(linux)('a roster that is not a file', () => {
  it.each([
    ['a named pipe (FIFO)', (path: string) => execFileSync('mkfifo', [path])],
    ['a link to /dev/zero', (path: string) => symlinkSync('/dev/zero', path)],
    [
      'a socket',
      // A process that listens on it and is gone: the socket file stays.
      (path: string) =>
        execFileSync(process.execPath, [
          '-e',
          "require('net').createServer().listen(process.argv[1], () => process.exit(0))",
          path,
        ]),
    ],
  ])('%s is refused by every command with a clear line, before any read; doctor --restore mends it', async (kind, make) => {
    const dir = await aRoster();
    rmSync(rosterFile(dir));
    make(rosterFile(dir));
    const what = kind === 'a link to /dev/zero' ? 'a device' : kind;
    for (const args of [['list'], ['set', 'Person 1', '--team', 'X'], ['forget', 'Person 1', '--yes']]) {
      const result = cx(dir, args, { timeout: 5000 });
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toBe(
        `cx: the roster ${rosterFile(dir)} is ${what}, not a file, and was left untouched: cx reads the roster only from a regular file; move it away (cx doctor --restore puts back the newest backup)\n`,
      );
    }
    const doctor = cx(dir, ['doctor'], { timeout: 5000 });
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toContain(`✗ the roster ${rosterFile(dir)} is ${what}, not a file`);
    expect(cx(dir, ['doctor', '--restore', '--yes'], { timeout: 5000 }).status).toBe(0);
    expect(JSON.parse(rosterBytes(dir) ?? '').people).toHaveLength(40);
  });
});

describe('limits on what a value may hold', () => {
  const long = 'n'.repeat(10_001);

  it('a note, role or log entry longer than 10,000 characters is refused on the way in, with exit 2', async () => {
    const dir = await aRoster();
    const before = rosterBytes(dir);
    for (const [args, message] of [
      [
        ['set', 'Person 1', '--note', long],
        'cx: --note is 10,001 characters long; it can be at most 10,000; nothing was changed\n',
      ],
      [
        ['set', 'Person 1', '--role', long],
        'cx: --role is 10,001 characters long; it can be at most 10,000; nothing was changed\n',
      ],
      [['log', 'Person 1', long], 'cx: the log entry is 10,001 characters long; it can be at most 10,000; nothing was logged\n'],
    ] as const) {
      expect(await run(dir, [...args]), args[0]).toMatchObject({ status: 2, stderr: message });
    }
    const imported = await run(dir, ['import', '-'], { input: `name,notes\nPerson 1,${long}\n` });
    expect(imported.status).toBe(2);
    expect(imported.stderr).toContain('stdin: line 2: "notes" is 10,001 characters long; it can be at most 10,000\n');
    expect(rosterBytes(dir)).toBe(before);
  });

  it.each([
    [
      'a note longer than 10,000 characters',
      (person: Record<string, unknown>) => Object.assign(person, { notes: long }),
      'has a text longer than 10,000 characters (in "notes")',
    ],
    [
      'a value nested 200,000 deep',
      (person: Record<string, unknown>) => Object.assign(person, { extra: 'DEEP' }),
      'has values nested more than 32 deep (in "extra")',
    ],
  ])('a roster (edited by hand) with %s is refused with a clear line, and cx doctor finds it', async (_, edit, problem) => {
    const dir = await aRoster();
    const data = JSON.parse(rosterBytes(dir) ?? '');
    edit(data.people[3]);
    const text = JSON.stringify(data).replace('"DEEP"', `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    writeFileSync(rosterFile(dir), text);
    for (const args of [['list'], ['export'], ['set', 'Person 1', '--team', 'X']]) {
      const result = await run(dir, args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toBe(
        `cx: the roster ${rosterFile(dir)} is not in the shape cx expects (person 4 (Person 3) ${problem}); it was left untouched: fix it by hand, or run cx doctor to restore a backup\n`,
      );
    }
    const doctor = await run(dir, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toContain(problem);
    expect(rosterBytes(dir)).toBe(text);
  });

  it('text that is not UTF-8 is refused, not replaced: in an import (exit 2), on the command line, in the roster', async () => {
    const dir = await aRoster();
    const before = rosterBytes(dir);
    const file = join(tempDir(), 'latin1.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('name,notes\nPerson 1,caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(await run(dir, ['import', file])).toMatchObject({
      status: 2,
      stderr: `cx: cannot read the import file ${file}: it is not UTF-8 text (line 2); save it as UTF-8 and try again\n`,
    });
    const typed = await run(dir, ['set', 'Person 1', '--note', 'caf\uFFFD']);
    expect(typed.status).toBe(2);
    expect(typed.stderr).toContain('--note holds "\uFFFD": its text was not UTF-8');
    expect(rosterBytes(dir)).toBe(before);
    const bytes = Buffer.from(before ?? '');
    const at = bytes.indexOf('Person 2');
    bytes[at] = 0xe9; // one byte of another encoding, as an editor set to Latin-1 would save it
    writeFileSync(rosterFile(dir), bytes);
    const list = await run(dir, ['list']);
    expect(list.status).toBe(1);
    expect(list.stderr).toMatch(/is not UTF-8 text \(line \d+; it was saved in another encoding\); it was left untouched/);
  });
});

// The roster is safe: broken files, backups and undo, concurrency, kills, versions, forgetting, odd input.
// Commands run in this process (run); only what needs real processes (several at once, one killed, a
// terminal) starts the built cx. What makes a record sound is tested on its own in records.test.ts.
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cxStart, rosterBytes, rosterFile, run, tempDir } from './helpers/cli.js';
import { KEY, Terminal } from './helpers/pty.js';

const people = (dir: string) => JSON.parse(rosterBytes(dir) ?? '{"people":[]}').people as { name: string; stage: string }[];
const names = (dir: string) =>
  people(dir)
    .map((p) => p.name)
    .sort();
/** Runs cx and fails the test unless it exits 0. */
const ok = async (dir: string, args: string[], input?: string) => {
  const result = await run(dir, args, { input });
  if (result.status !== 0) throw new Error(`cx ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result;
};
const assess = (dir: string, name: string, answers: object) =>
  ok(dir, ['assess', name, '--answers', '-', '--json'], JSON.stringify(answers));
const buyIn = { understands: 'yes', relevant: 'yes', endorses: 'yes', pledged: 'no', stance: 'keen', participation: 'joins' };
/** The roster's text with one edit, as a person editing it by hand would make it. */
const edited = (dir: string, from: string, to: string): string => {
  const text = rosterBytes(dir) ?? '';
  if (!text.includes(from)) throw new Error(`the roster does not hold ${from}`);
  return text.replace(from, to);
};

describe('a roster cx cannot read is reported, never rewritten', () => {
  const commands = [
    ['list'],
    ['show', 'Dana Lee'],
    ['assess', 'Dana Lee', '--answers', '-'],
    ['set', 'Dana Lee', '--stage', '3'],
    ['import', '-'],
    ['log', 'Dana Lee', 'hello'],
    ['todo'],
    ['board'],
    ['export'],
    ['rm', 'Dana Lee', '--yes'],
    ['forget', 'Dana Lee', '--yes'],
    ['undo'],
  ];

  it.each([
    [
      'invalid JSON',
      '{\n  "version": 1,\n  "people": [\n    { "name": "Dana Lee" "id": "x" }\n  ]\n}\n',
      /is not valid JSON \(Expected ',' or '}' after property value in JSON at position 57 \(line 4, column 26\)\)/,
    ],
    ['a truncated file', '{"version":1,"people":[', /is not valid JSON \(Unexpected end of JSON input \(line 1, column 24\)\)/],
    [
      'a word where a value should be',
      '{"version": 1,\n "people": nobody}',
      /is not valid JSON \(Unexpected token .* \(line 2, column 13\)\)/,
    ],
    ['null', 'null', /is not in the shape cx expects \(it is not a JSON object\)/],
    ['people by name', '{"version":1,"people":{"Dana Lee":{}}}', /is not in the shape cx expects \("people" is not a list\)/],
    [
      'an unknown stage',
      '{"version":1,"people":[{"id":"a","name":"A","stage":"nirvana","disposition":null,"reasons":[],"history":[]}]}',
      /is not in the shape cx expects \(person 1 \(A\) has an unknown stage\)/,
    ],
  ])('%s: every command stops with exit 1, names the file and what is wrong, and leaves it alone', async (_, text, message) => {
    const dir = tempDir();
    writeFileSync(rosterFile(dir), text);
    for (const args of commands) {
      const result = await run(dir, args, { input: 'name\nDana Lee\n' });
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toContain(`cx: the roster ${rosterFile(dir)} `);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/; it was left untouched: fix it by hand, or run cx doctor to restore a backup\n$/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    const doctor = await run(dir, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toMatch(message);
    expect(readFileSync(rosterFile(dir), 'utf8')).toBe(text);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});

describe('a file where the roster folder should be, or a folder where the roster should be', () => {
  const commands = [
    ['list'],
    ['show', 'Dana Lee'],
    ['set', 'Dana Lee', '--add', '--stage', '2'],
    ['log', 'Dana Lee', 'hello'],
    ['export'],
    ['undo'],
  ];

  it('every command says which one is in the way and what to do, in one line, with exit 1', async () => {
    const dir = tempDir();
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'mine');
    for (const configDir of [file, join(file, 'below')]) {
      for (const args of commands) {
        const result = await run(configDir, args);
        expect(result.status, args.join(' ')).toBe(1);
        expect(result.stderr).toBe(
          `cx: cannot use the roster at ${join(configDir, 'roster.json')}: ${file} is a file, not a folder; set CX_CONFIG_DIR to a folder, or move that file away\n`,
        );
      }
      const doctor = await run(configDir, ['doctor']);
      expect(doctor.status).toBe(1);
      expect(doctor.stdout).toBe(
        `✗ cx cannot keep a roster at ${join(configDir, 'roster.json')}: ${file} is a file, not a folder; set CX_CONFIG_DIR to a folder, or move that file away\n`,
      );
    }
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('a roster that is a folder is reported as such, and cx doctor --restore puts back a backup beside it', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add', '--stage', '2']);
    await ok(dir, ['set', 'Dana Lee', '--stage', '3']);
    rmSync(rosterFile(dir));
    mkdirSync(rosterFile(dir));
    for (const args of commands) {
      const result = await run(dir, args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toBe(
        `cx: cannot use the roster at ${rosterFile(dir)}: it is a folder, not a file; move it out of the way (cx keeps the roster in a file of that name)\n`,
      );
    }
    const doctor = await run(dir, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toContain(`✗ cx cannot read the roster at ${rosterFile(dir)}: it is a folder, not a file`);
    expect(doctor.stdout).not.toContain('chmod 600');
    expect(doctor.stdout).toContain('cx doctor --restore');
    expect((await run(dir, ['doctor', '--restore', '--yes'])).status).toBe(0);
    expect(people(dir).map((p) => [p.name, p.stage])).toEqual([['Dana Lee', 'skepticism']]);
  });
});

describe('a roster edited by hand', () => {
  it('is checked in full: a bad edit stops every command', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', 'Sam Ortiz', '--add', '--stage', 'buy-in']);
    const text = edited(dir, '"stage": "buy-in"', '"stage": "nirvana"');
    writeFileSync(rosterFile(dir), text);
    for (const args of [['list'], ['set', 'Sam Ortiz', '--team', 'Ops'], ['export']]) {
      const result = await run(dir, args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('has an unknown stage');
    }
    expect(rosterBytes(dir)).toBe(text);
  });

  it('is used as edited when the edit is sound, and written back with it by the next change', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', 'Sam Ortiz', '--add', '--stage', 'buy-in']);
    writeFileSync(rosterFile(dir), edited(dir, '"stage": "buy-in"', '"stage": "action"'));
    const listed = JSON.parse((await ok(dir, ['list', '--json'])).stdout) as { stage: string }[];
    expect(listed.map((p) => p.stage).sort()).toEqual(['action', 'buy-in']);
    expect((await ok(dir, ['doctor'])).stdout).toContain('is readable: 2 people');
    await ok(dir, ['set', 'Sam Ortiz', '--team', 'Ops']);
    expect(people(dir)).toMatchObject([{ stage: 'action' }, { stage: 'buy-in', team: 'Ops' }]);
  });

  it('with a record cx would not write is found by cx doctor; a change fails, keeps every backup, and doctor --restore mends it', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add']);
    for (let i = 0; i < 11; i++) await ok(dir, ['set', 'Dana Lee', '--role', `R${i}`]);
    const backups = () =>
      readdirSync(join(dir, 'backups'))
        .filter((file) => file.startsWith('roster-'))
        .sort();
    const before = backups();
    expect(before).toHaveLength(10);
    const eve = { id: 'x1', name: 'Eve Bad', stage: null, disposition: null, reasons: [], confidence: null };
    const text = JSON.stringify({
      version: 1,
      people: [...people(dir), { ...eve, createdAt: 'a', updatedAt: 'b', history: [{}] }],
    });
    writeFileSync(rosterFile(dir), text);

    const doctor = await run(dir, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toContain(
      `✗ the roster ${rosterFile(dir)} is not in the shape cx expects (person 2 (Eve Bad) has a history entry without a time, source or changes); it was left untouched\n`,
    );
    expect(doctor.stdout).toContain('10 of 10 backups are good');

    const change = await run(dir, ['set', 'Eve Bad', '--role', 'X']);
    expect(change.status).toBe(1);
    expect(change.stderr).toContain('person 2 (Eve Bad) has a history entry without');
    expect(change.stderr.trim().split('\n')).toHaveLength(1);
    expect(rosterBytes(dir)).toBe(text);
    expect(backups()).toEqual(before);

    expect((await run(dir, ['doctor', '--restore', '--yes'])).status).toBe(0);
    expect(names(dir)).toEqual(['Dana Lee']);
  });

  it('with two people whose names differ only in case or spacing stops every command', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', 'Sam Ortiz', '--add']);
    writeFileSync(rosterFile(dir), edited(dir, '"name": "Sam Ortiz"', '"name": "dana  LEE"'));
    for (const args of [['list'], ['show', 'Dana Lee'], ['set', 'Dana Lee', '--team', 'x'], ['log', 'dana lee', 'hi']]) {
      const result = await run(dir, args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain('(person 2 (dana  LEE) has the same name as person 1 (Dana Lee))');
    }
  });

  it('keeps a field called "__proto__" as a field, and records only what changed', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add']);
    writeFileSync(rosterFile(dir), edited(dir, '"history":', '"__proto__": {"team": "Ghost"}, "history":'));
    expect((await run(dir, ['set', 'Dana Lee', '--stage', 'buy-in'])).stdout).toBe('Dana Lee: stage – → buy-in\n');
    const [saved] = JSON.parse(rosterBytes(dir) ?? '').people;
    expect(Object.getOwnPropertyDescriptor(saved, '__proto__')?.value).toEqual({ team: 'Ghost' });
    expect(saved.stage).toBe('buy-in');
    expect(JSON.parse((await run(dir, ['show', 'Dana Lee', '--json'])).stdout).team).toBeUndefined();
  });
});

describe('what cx writes is what it checks', () => {
  it.each([
    [
      'JSON',
      '[{"id":"x1","name":"Eve Bad","history":[{"bogus":true}],"createdAt":"a","updatedAt":"b"}]',
      'has a history entry without',
    ],
    [
      'JSON',
      '[{"id":"x1","name":"Eve Bad","history":[],"assessment":{"foo":1},"createdAt":"a","updatedAt":"b"}]',
      'has an assessment without',
    ],
    [
      'CSV',
      'name,id,createdAt,updatedAt,history,log\nEve,e1,a,b,[],"[{""on"":""2026-01-02"",""text"":""hi"",""tactic"":""bogus""}]"\n',
      'has a log entry without',
    ],
  ])('an exported record from %s with parts cx does not write is refused, and nothing changes', async (_, text, message) => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add']);
    const before = rosterBytes(dir);
    const result = await run(dir, ['import', '-'], { input: text });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`the exported record ${message}`);
    expect(rosterBytes(dir)).toBe(before);
  });

  it('cx forget scrubs a broken copy set aside, which stays as broken as it was', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', 'Sam Ortiz', '--add', '--stage', 'skepticism']);
    await ok(dir, ['set', 'Dana Lee', '--team', 'Ops']); // a good backup to restore
    writeFileSync(rosterFile(dir), edited(dir, '"stage": "skepticism"', '"stage": "bogus"'));
    await ok(dir, ['doctor', '--restore', '--yes']);
    await ok(dir, ['forget', 'Sam Ortiz', '--yes']);
    const kept = readdirSync(dir).find((file) => file.startsWith('roster.json.replaced-')) ?? '';
    expect(readFileSync(join(dir, kept), 'utf8')).not.toContain('Sam Ortiz');
    copyFileSync(join(dir, kept), rosterFile(dir));
    const result = await run(dir, ['list']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('has an unknown stage');
  });

  it('cx forget scrubs copies with odd entries, and says which copies it could not read', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', 'Sam Ortiz', '--add']);
    const data = JSON.parse(rosterBytes(dir) ?? '{}');
    writeFileSync(join(dir, 'roster.json.replaced-1'), JSON.stringify({ version: 1, people: [null, ...data.people] }));
    writeFileSync(join(dir, 'roster.json.replaced-2'), '{"version":1,"people":[{"name":"Dana Lee"');
    writeFileSync(join(dir, 'roster.json.replaced-3'), '{"version":1,"people":[{"name":"Kim Park"');
    const result = await run(dir, ['forget', 'Dana Lee', '--yes']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^Forgot "Dana Lee"/);
    expect(result.stderr).toBe(
      `cx: a copy of the roster could not be read or rewritten, and may still hold them; delete it by hand: ${join(dir, 'roster.json.replaced-2')}\n`,
    );
    const scrubbed = readFileSync(join(dir, 'roster.json.replaced-1'), 'utf8');
    expect(scrubbed).not.toContain('Dana Lee');
    expect(scrubbed).toContain('Sam Ortiz');
  });
});

describe('a roster that is a symbolic link', () => {
  it.each([['absolute'], ['relative']])(
    'keeps real backups, and undo puts back the file it points to (%s link)',
    async (kind) => {
      const dir = tempDir();
      await ok(dir, ['set', 'Dana Lee', '--add', '--stage', 'skepticism']);
      mkdirSync(join(dir, 'data'));
      const real = join(dir, 'data', 'roster.json');
      copyFileSync(rosterFile(dir), real);
      rmSync(rosterFile(dir));
      symlinkSync(kind === 'absolute' ? real : join('data', 'roster.json'), rosterFile(dir));
      const first = readFileSync(real, 'utf8');
      await ok(dir, ['set', 'Dana Lee', '--stage', 'buy-in']);
      await ok(dir, ['set', 'Dana Lee', '--stage', 'action']);
      expect(JSON.parse(readFileSync(real, 'utf8')).people[0].stage).toBe('action');
      const backups = readdirSync(join(dir, 'backups')).filter((file) => file.startsWith('roster-'));
      for (const file of backups) expect(lstatSync(join(dir, 'backups', file)).isSymbolicLink()).toBe(false);
      expect(lstatSync(rosterFile(dir)).isSymbolicLink()).toBe(true);
      await ok(dir, ['undo']);
      expect(JSON.parse((await ok(dir, ['show', 'Dana Lee', '--json'])).stdout).stage).toBe('buy-in');
      await ok(dir, ['undo']);
      expect(lstatSync(rosterFile(dir)).isSymbolicLink()).toBe(true);
      expect(readFileSync(real, 'utf8')).toBe(first);
    },
  );
});

describe('backups and undo', () => {
  it('keeps the previous version before every change, private, and at most ten', async () => {
    const dir = tempDir();
    await assess(dir, 'Dana Lee', buyIn);
    for (let i = 0; i < 12; i++) await ok(dir, ['set', 'Dana Lee', '--note', `note ${i}`]);
    const files = readdirSync(join(dir, 'backups')).filter((file) => file.startsWith('roster-'));
    expect(files).toHaveLength(10);
    expect(statSync(join(dir, 'backups')).mode & 0o777).toBe(0o700);
    for (const file of [...files, 'index.json']) expect(statSync(join(dir, 'backups', file)).mode & 0o777).toBe(0o600);
  });

  it("cx undo names a change by cx's clock, which CX_NOW pins", async () => {
    const dir = tempDir();
    const env = { CX_NOW: '2027-03-15' }; // the start of that day, where the user is
    await run(dir, ['set', 'Dana Lee', '--add'], { env });
    await run(dir, ['set', 'Dana Lee', '--team', 'Ops'], { env });
    const result = await run(dir, ['undo'], { env });
    expect(result.stdout).toBe('Undid cx set of 2027-03-15 00:00 (Dana Lee). No earlier change can be undone.\n');
  });

  it('cx undo puts back the roster as it was before the last change, and says what it undid', async () => {
    const dir = tempDir();
    await assess(dir, 'Dana Lee', buyIn);
    const afterAssess = rosterBytes(dir);
    await ok(dir, ['set', 'Dana Lee', 'Sam Ortiz', '--add', '--stage', 'commitment']);
    const afterSet = rosterBytes(dir);
    await ok(dir, ['import', '-'], 'name,team\nKim Park,Ops\n');
    let result = await ok(dir, ['undo']);
    expect(result.stdout).toMatch(
      /^Undid cx import stdin of \d{4}-\d\d-\d\d \d\d:\d\d \(Kim Park\)\. 1 earlier change can still be undone\.\n$/,
    );
    expect(rosterBytes(dir)).toBe(afterSet);
    result = await ok(dir, ['undo']);
    expect(result.stdout).toContain('Undid cx set');
    expect(result.stdout).toContain('(Dana Lee, Sam Ortiz). No earlier change can be undone.');
    expect(rosterBytes(dir)).toBe(afterAssess);
    const nothing = await ok(dir, ['undo']);
    expect(nothing.stderr).toBe(
      'Nothing to undo: no earlier version of the roster is kept (to take someone out again: cx rm "<name>", or cx forget to erase every trace).\n',
    );
    expect(rosterBytes(dir)).toBe(afterAssess);
    const none = join(tempDir(), 'not-yet');
    expect((await run(none, ['undo'])).stderr).toBe('Nothing to undo: no earlier version of the roster is kept.\n');
    expect(existsSync(none)).toBe(false);
  });

  it('cx doctor --yes without --restore is a usage error', async () => {
    expect(await run(tempDir(), ['doctor', '--yes'])).toMatchObject({
      status: 2,
      stderr: 'cx: --yes goes with --restore, whose question it answers; cx doctor alone changes nothing\n',
    });
  });

  it('cx undo refuses after a change it cannot take back (cx forget, an edit by hand), unless --force', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Ann One', 'Bob Two', '--add', '--stage', '2']);
    await ok(dir, ['set', 'Ann One', '--team', 'Ops']);
    const beforeLog = rosterBytes(dir);
    await ok(dir, ['log', 'Ann One', 'Lunch']);
    await ok(dir, ['forget', 'Bob Two', '--yes']);
    const afterForget = rosterBytes(dir);
    const refused = await run(dir, ['undo']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^cx: the last change was cx forget, which cannot be undone: what it erased is kept nowhere\. To undo the change before it \(cx log of .*\), run cx undo --force\n$/,
    );
    expect(rosterBytes(dir)).toBe(afterForget);
    expect((await ok(dir, ['undo', '--force'])).stdout).toContain('Undid cx log');
    expect(rosterBytes(dir)).not.toContain('Bob Two'); // the backup was scrubbed by forget
    expect(JSON.parse(rosterBytes(dir) ?? '').people[0].log).toBeUndefined();
    // The changes before it undo as usual: forget kept the index in step with the scrubbed backups.
    expect((await ok(dir, ['undo'])).stdout).toContain('Undid cx set');
    expect(names(dir)).toEqual(['Ann One']);
    expect(beforeLog).toContain('Bob Two');

    await ok(dir, ['set', 'Ann One', '--team', 'Finance']);
    writeFileSync(rosterFile(dir), edited(dir, '"team": "Finance"', '"team": "Legal"'));
    const handEdited = rosterBytes(dir);
    const handEdit = await run(dir, ['undo']);
    expect(handEdit.status).toBe(1);
    expect(handEdit.stderr).toMatch(
      /^cx: the roster was changed after cx set of .* in a way undo cannot take back \(an edit by hand, say\); nothing was changed\. To undo cx set anyway, losing that change: cx undo --force\n$/,
    );
    expect(rosterBytes(dir)).toBe(handEdited);
    await ok(dir, ['undo', '--force']);
    expect(people(dir)[0]).not.toHaveProperty('team');
  });

  it('after cx rm and then cx forget of the same person, cx undo neither claims to undo the rm nor brings them back', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Ann One', 'Dana Lee', '--add']);
    await ok(dir, ['set', 'Ann One', '--team', 'Ops']);
    await ok(dir, ['rm', 'Dana Lee', '--yes']);
    await ok(dir, ['forget', 'Dana Lee', '--yes']);
    const afterForget = rosterBytes(dir);
    const refused = await run(dir, ['undo']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^cx: the last change was cx forget, which cannot be undone.*\(cx set of .*\), run cx undo --force\n$/,
    );
    expect(rosterBytes(dir)).toBe(afterForget);
    const forced = await ok(dir, ['undo', '--force']);
    expect(forced.stdout).toMatch(/^Undid cx set of .* \(Ann One\)\./);
    expect(names(dir)).toEqual(['Ann One']);
    expect(people(dir)[0]).not.toHaveProperty('team');
  });

  it('a hand edit made before a cx forget still stops cx undo when it comes to it', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'A', 'B', '--add']);
    await ok(dir, ['set', 'A', '--role', 'one']);
    await ok(dir, ['log', 'A', 'x']);
    writeFileSync(rosterFile(dir), edited(dir, '"role": "one"', '"role": "by hand"'));
    await ok(dir, ['log', 'A', 'two']);
    await ok(dir, ['forget', 'B', '--yes']);
    expect((await run(dir, ['undo'])).stderr).toContain('the last change was cx forget');
    expect((await ok(dir, ['undo', '--force'])).stdout).toContain('Undid cx log');
    const handEdited = rosterBytes(dir);
    expect(handEdited).toContain('"role": "by hand"');
    const refused = await run(dir, ['undo']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('(an edit by hand, say)');
    expect(rosterBytes(dir)).toBe(handEdited);
  });

  it('a second cx forget is named by cx undo too', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'A', 'B', 'C', '--add']);
    await ok(dir, ['log', 'A', 'x']);
    await ok(dir, ['forget', 'B', '--yes']);
    await ok(dir, ['forget', 'C', '--yes']);
    expect((await run(dir, ['undo'])).stderr).toContain('the last change was cx forget');
    expect((await ok(dir, ['undo', '--force'])).stdout).toContain('Undid cx log');
    expect(names(dir)).toEqual(['A']);
  });

  it('cx doctor --restore takes the restored change off the list, so cx undo goes on from there', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'A', '--add']);
    for (const text of ['one', 'two', 'three']) await ok(dir, ['log', 'A', text]);
    writeFileSync(rosterFile(dir), `${rosterBytes(dir)}junk`);
    await ok(dir, ['doctor', '--restore', '--yes']);
    const logged = () => JSON.parse(rosterBytes(dir) ?? '').people[0].log.map((entry: { text: string }) => entry.text);
    expect(logged()).toEqual(['one', 'two']);
    const undo = await ok(dir, ['undo']);
    expect(undo.stdout).toMatch(/^Undid cx log of .* \(A\)\. 1 earlier change can still be undone\.\n$/);
    expect(logged()).toEqual(['one']);
  });

  it('cx doctor checks the file and backups, and restores the newest good backup', async () => {
    const dir = tempDir();
    await assess(dir, 'Dana Lee', buyIn);
    await ok(dir, ['set', 'Dana Lee', '--team', 'Ops']);
    const healthy = await ok(dir, ['doctor']);
    expect(healthy.stdout).toContain('is readable: 1 person');
    expect(healthy.stdout).toContain('the roster is readable by you alone');
    expect(healthy.stdout).toContain('1 of 1 backups are good');
    writeFileSync(rosterFile(dir), '{"version":1,"people":[');
    const broken = await run(dir, ['doctor']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(
      `✗ the roster ${rosterFile(dir)} is not valid JSON (Unexpected end of JSON input (line 1, column 24))`,
    );
    expect(broken.stdout).toContain('cx doctor --restore');
    expect((await run(dir, ['doctor', '--restore'])).status).toBe(2); // asks first: no terminal, no --yes
    const restored = await ok(dir, ['doctor', '--restore', '--yes']);
    expect(restored.stdout).toContain('Restored the backup');
    expect(names(dir)).toEqual(['Dana Lee']);
    expect(statSync(rosterFile(dir)).mode & 0o777).toBe(0o600);
    const kept = readdirSync(dir).find((file) => file.startsWith('roster.json.replaced-'));
    expect(kept && readFileSync(join(dir, kept), 'utf8')).toBe('{"version":1,"people":[');
  });

  it('cx doctor names backups it cannot read, and backup files the index does not know', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'A', '--add']);
    for (const text of ['one', 'two']) await ok(dir, ['log', 'A', text]);
    const [first] = readdirSync(join(dir, 'backups')).filter((file) => file.startsWith('roster-'));
    writeFileSync(join(dir, 'backups', first ?? ''), 'garbage');
    writeFileSync(join(dir, 'backups', 'roster-stray.json'), '{}');
    const doctor = await run(dir, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toContain(`✗ backup ${first} is not valid JSON (Unexpected token`);
    expect(doctor.stdout).toContain('1 of 2 backups are good');
    expect(doctor.stdout).toContain('✗ 1 backup files are not in the index (left by an interrupted cx)');
  });
});

describe('several cx at once lose nothing', () => {
  it('20 `cx set --add` started together all land', async () => {
    const dir = tempDir();
    await assess(dir, 'Dana Lee', buyIn);
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => cxStart(dir, ['set', `Person ${i}`, '--add', '--team', 'T']).done),
    );
    for (const result of runs) expect(result.status, result.stderr).toBe(0);
    expect(names(dir)).toHaveLength(21);
  });

  it('a bulk import and several `cx set` at the same time keep every change', async () => {
    const dir = tempDir();
    await assess(dir, 'Dana Lee', buyIn);
    const rows = ['name,stage', ...Array.from({ length: 3000 }, (_, i) => `Imported ${i},${(i % 5) + 1}`)].join('\n');
    const importing = cxStart(dir, ['import', '-'], { input: rows });
    const setting = Array.from({ length: 6 }, (_, i) => cxStart(dir, ['set', `Setter ${i}`, '--add']).done);
    const runs = await Promise.all([importing.done, ...setting]);
    for (const result of runs) expect(result.status, result.stderr).toBe(0);
    expect(names(dir)).toHaveLength(1 + 3000 + 6);
  });

  it('takes over a lock left by a cx that was killed', async () => {
    const dir = tempDir();
    await assess(dir, 'Dana Lee', buyIn);
    mkdirSync(join(dir, 'roster.lock'));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'roster.lock'), old, old);
    await ok(dir, ['set', 'Dana Lee', '--team', 'Ops']);
    expect(existsSync(join(dir, 'roster.lock'))).toBe(false);
  });

  it('gives up on a lock held too long with a clear message, and changes nothing', async () => {
    const dir = tempDir();
    await assess(dir, 'Dana Lee', buyIn);
    const before = rosterBytes(dir);
    mkdirSync(join(dir, 'roster.lock')); // fresh: another cx is at work
    const started = Date.now();
    const result = await run(dir, ['set', 'Dana Lee', '--team', 'Ops'], { env: { CX_LOCK_WAIT_MS: '400' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the roster is in use by another cx command and stayed locked too long; try again');
    expect(result.stderr).toContain('clears itself within 10 seconds');
    expect(Date.now() - started).toBeLessThan(8000);
    expect(rosterBytes(dir)).toBe(before);
  });
});

describe('killing cx midway', () => {
  it('leaves the old roster or the new one, never a torn file', async () => {
    const rows = [
      'name,stage,notes',
      ...Array.from({ length: 20_000 }, (_, i) => `Person ${i},${(i % 5) + 1},${'note '.repeat(20)}`),
    ].join('\n');
    for (const delay of [150, 300, 450, 600, 900]) {
      const dir = tempDir();
      await assess(dir, 'Dana Lee', buyIn);
      const before = rosterBytes(dir);
      const { child, done } = cxStart(dir, ['import', '-'], { input: rows });
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await done;
      const text = rosterBytes(dir) ?? '';
      const count = JSON.parse(text).people.length; // parses: not torn
      if (text !== before) expect(count).toBe(20_001);
      expect(readdirSync(dir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    }
  });
});

describe('file versions', () => {
  it('reads the first released format, and keeps it valid through changes', async () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'test', 'fixtures', 'roster-format-1.json'), rosterFile(dir));
    expect((await ok(dir, ['show', 'dana lee', '--json'])).stdout).toContain('"stage": "buy-in"');
    await ok(dir, ['todo', '--json', '--date', '2026-12-24']);
    await ok(dir, ['set', 'Dana Lee', '--stage', 'commitment']);
    const saved = JSON.parse(rosterBytes(dir) ?? '{}');
    expect(saved.version).toBe(1);
    expect(saved.people[0]).toMatchObject({ name: 'Dana Lee', stage: 'commitment', role: 'VP Operations' });
  });

  it('migrates a file without a version, keeping a backup of the original', async () => {
    const dir = tempDir();
    const original = readFileSync(join(ROOT, 'test', 'fixtures', 'roster-format-1.json'), 'utf8').replace('"version": 1,', '');
    writeFileSync(rosterFile(dir), original);
    await ok(dir, ['set', 'Dana Lee', '--team', 'Ops']);
    expect(JSON.parse(rosterBytes(dir) ?? '{}').version).toBe(1);
    const backup = readdirSync(join(dir, 'backups')).find((file) => file.endsWith('-format0.json'));
    expect(backup && readFileSync(join(dir, 'backups', backup), 'utf8')).toBe(original);
  });

  it('refuses to write a file from a newer cx, and says to upgrade', async () => {
    const dir = tempDir();
    const newer = '{"version":99,"people":[]}';
    writeFileSync(rosterFile(dir), newer);
    for (const args of [['list'], ['set', 'A', '--add']]) {
      const result = await run(dir, args);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `cx: the roster ${rosterFile(dir)} was written by a newer cx (format 99; this cx reads up to 1); it was left untouched: upgrade cx to use it\n`,
      );
    }
    expect(rosterBytes(dir)).toBe(newer);
  });
});

describe('privacy', () => {
  it('cx forget removes the person, their history and log, from the roster and every backup', async () => {
    const dir = tempDir();
    await assess(dir, 'Dana Lee', buyIn);
    await assess(dir, 'Sam Ortiz', buyIn);
    await ok(dir, ['log', 'Dana Lee', 'Secret chat about the reorg']);
    await ok(dir, ['set', 'Dana Lee', '--note', 'Dislikes the CFO']);
    expect((await run(dir, ['forget', 'Dana Lee'])).status).toBe(2); // no terminal: needs --yes
    const result = await ok(dir, ['forget', 'dana lee', '--yes']);
    expect(result.stdout).toMatch(
      /^Forgot "Dana Lee": removed from the roster, with their history and log, and from 3 backups\.\n$/,
    );
    expect(names(dir)).toEqual(['Sam Ortiz']);
    const everything = [rosterFile(dir), ...readdirSync(join(dir, 'backups')).map((file) => join(dir, 'backups', file))];
    for (const file of everything) {
      const text = readFileSync(file, 'utf8');
      for (const secret of ['Dana Lee', 'Secret chat', 'Dislikes the CFO']) expect(text, file).not.toContain(secret);
    }
  });
});

describe('hostile and odd input', () => {
  it('prints names, notes and cells inert: no escape sequence reaches the terminal', async () => {
    const dir = tempDir();
    const csv = 'name,notes,role\nDana Lee,"\u001b]0;owned\u0007\u001b[2J\u001b[31mred",\u001b[1;1Hboss\n';
    await ok(dir, ['import', '-'], csv);
    for (const args of [['show', 'Dana Lee'], ['list'], ['import', '--dry-run', '-'], ['todo'], ['board']]) {
      const result = await run(dir, args, { input: csv.replace('red', 'blue') });
      expect(`${result.stdout}${result.stderr}`, args.join(' ')).not.toContain('\u001b');
      expect(`${result.stdout}${result.stderr}`).not.toContain('\u0007');
    }
    expect((await run(dir, ['show', 'Dana Lee'])).stdout).toContain('\\x1b[1;1Hboss');
  });

  it.each([
    ['an empty name', ''],
    ['a name of spaces', '   '],
    ['a name of 201 characters', 'x'.repeat(201)],
    ['a name with a newline', 'Dana\nLee'],
  ])('refuses %s everywhere with exit 2', async (_, name) => {
    const dir = tempDir();
    for (const args of [
      ['assess', name, '--answers', '-'],
      ['set', name, '--add', '--team', 'x'],
    ]) {
      const result = await run(dir, args, { input: '{}' });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(rosterBytes(dir)).toBeNull();
  });

  it('keeps one person for names that differ only in case or spacing', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dana Lee', '--add']);
    await ok(dir, ['set', 'DANA   LEE', '--add', '--team', 'Ops']);
    await assess(dir, '  dana lee ', buyIn);
    await ok(dir, ['import', '-'], 'name,role\ndana LEE,COO\n');
    expect(people(dir)).toHaveLength(1);
    expect(people(dir)[0]).toMatchObject({ name: 'Dana Lee', team: 'Ops', role: 'COO' });
  });

  it('Ctrl+C at a later question, and a closed terminal, save nothing', async () => {
    const dir = tempDir();
    await assess(dir, 'Dana Lee', buyIn);
    const before = rosterBytes(dir);
    let terminal = new Terminal(['assess', 'Dana Lee'], dir);
    // At Buy-in, whether other work keeps winning is asked as a follow-up after the fifth question.
    for (const prompt of ['(1 of 7)', '(2 of 7)', '(3 of 7)', '(4 of 7)', '(5 of 7)', '(follow-up)', '(6 of 7)', '(7 of 7)']) {
      await terminal.answer(prompt, KEY.enter);
    }
    await terminal.answer('support matter', KEY.ctrlC);
    expect(await terminal.exited).toBe(130);
    expect(terminal.text).toContain('cx: Stopped; nothing was saved.');
    terminal = new Terminal(['assess', 'Dana Lee'], dir);
    await terminal.answer('(1 of 7)', KEY.enter);
    await terminal.waitFor('(2 of 7)');
    terminal.hangUp();
    expect(await terminal.exited).toBe(130);
    expect(rosterBytes(dir)).toBe(before);
  });
});

describe('no network', () => {
  it('the built CLI uses no networking module', () => {
    const files = [
      ...readdirSync(join(ROOT, 'dist'), { recursive: true }).map((file) => join('dist', String(file))),
      ...readdirSync(join(ROOT, 'bin')).map((file) => join('bin', file)),
    ].filter((file) => /\.c?js$/.test(file));
    expect(files).toEqual(expect.arrayContaining([join('bin', 'cx.cjs'), join('dist', 'cli.cjs'), join('dist', 'prompts.cjs')]));
    for (const file of files) {
      const code = readFileSync(join(ROOT, file), 'utf8');
      expect(code, file).not.toMatch(/(?:from|require\(|import\()\s*["'](node:)?(http|https|http2|net|tls|dgram|dns)["']/);
      expect(code, file).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket\(/);
    }
  });
});

describe('names a new person cannot be given', () => {
  it('are refused, yet someone already saved under one (by hand, or by an older cx) can still be named', async () => {
    const dir = tempDir();
    const odd = 'Bad\uFFFDName';
    expect((await run(dir, ['set', odd, '--add'])).stderr).toContain('its text was not UTF-8');
    const person = {
      id: 'a',
      name: odd,
      stage: 'action',
      disposition: null,
      reasons: [],
      confidence: null,
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-01T09:00:00.000Z',
      history: [],
    };
    writeFileSync(rosterFile(dir), JSON.stringify({ version: 1, people: [person] }));
    await ok(dir, ['show', odd]);
    await ok(dir, ['log', odd, 'Coffee']);
    await ok(dir, ['set', odd, '--role', 'Buyer']);
    await ok(dir, ['assess', odd, '--answers', '-'], '{}');
    expect((await run(dir, ['import', '-'], { input: `name,team\n${odd},Buyers\n` })).stdout).toContain('0 added, 1 updated');
    const refusedRow = await run(dir, ['import', '-'], { input: `name,team\nAnn,X\n${odd},Y\nBad\uFFFDOther,Z\n` });
    expect(refusedRow.status).toBe(2);
    expect(refusedRow.stderr).toMatch(
      /^stdin: line 4: a name cannot contain .*not UTF-8.*\ncx: nothing was imported: 1 row has a problem/,
    );
    const other = await run(dir, ['set', odd, 'Bad\uFFFDOther', '--add']);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/its text was not UTF-8.*: "Bad\uFFFDOther"\n$/);
    await ok(dir, ['rm', odd, '--yes']);
    expect(people(dir)).toEqual([]);
  });
});

describe('found in a last check', () => {
  const setUp = async () => {
    const dir = tempDir();
    await assess(dir, 'Dana Lee', buyIn);
    await ok(dir, ['set', 'Dana Lee', '--team', 'Ops']);
    await ok(dir, ['log', 'Dana Lee', 'Coffee']);
    return dir;
  };
  const newestBackup = (dir: string) => {
    const files = readdirSync(join(dir, 'backups'))
      .filter((file) => file.startsWith('roster-'))
      .sort();
    return join(dir, 'backups', files.at(-1) as string);
  };

  it.each([
    ['garbage', 'garbage', 'is not valid JSON'],
    ['a roster of the wrong shape', '{"version":1,"people":[{"x":1}]}', 'is not in the shape cx expects'],
  ])('cx undo refuses a backup that is %s, and changes nothing', async (_, text, problem) => {
    const dir = await setUp();
    writeFileSync(newestBackup(dir), text);
    const before = rosterBytes(dir);
    const result = await run(dir, ['undo']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^cx: the version before the last change \\(.+\\) ${problem} \\(.+\\); nothing was changed\\. cx doctor shows the backups that can be read\\n$`,
      ),
    );
    expect(rosterBytes(dir)).toBe(before);
  });

  it('cx undo and cx doctor still find the backups when their index is gone', async () => {
    const dir = await setUp();
    rmSync(join(dir, 'backups', 'index.json'));
    expect((await run(dir, ['doctor'])).stdout).toContain('2 of 2 backups are good');
    expect((await ok(dir, ['undo'])).stdout).toMatch(/^Undid cx a change of .+\. 1 earlier change can still be undone\.\n$/);
    expect(JSON.parse(rosterBytes(dir) ?? '{}').people[0].log).toBeUndefined();
  });

  it('cx forget also erases the person from files doctor set aside and from backups missing from the index', async () => {
    const dir = await setUp();
    writeFileSync(rosterFile(dir), '{"broken":');
    await ok(dir, ['doctor', '--restore', '--yes']);
    rmSync(join(dir, 'backups', 'index.json'));
    await ok(dir, ['forget', 'Dana Lee', '--yes']);
    const files = [
      ...readdirSync(dir).map((f) => join(dir, f)),
      ...readdirSync(join(dir, 'backups')).map((f) => join(dir, 'backups', f)),
    ];
    for (const file of files.filter((f) => !f.endsWith('backups')))
      expect(readFileSync(file, 'utf8'), file).not.toContain('Dana Lee');
  });

  it('cx doctor --restore leaves a readable roster alone and points to cx undo', async () => {
    const dir = await setUp();
    const before = rosterBytes(dir);
    const result = await run(dir, ['doctor', '--restore', '--yes']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('nothing to restore; to take back the last change, use cx undo');
    expect(rosterBytes(dir)).toBe(before);
  });

  it.each([
    [['log', 'Dana Lee', 'Lunch', '--date', '2027-01-01'], '--date 2027-01-01 is in the future'],
    [['board', '--since', '2027-01-01'], '--since 2027-01-01 is in the future'],
  ])('refuses a day in the future: %j', async (args, message) => {
    const dir = await setUp();
    const before = rosterBytes(dir);
    const result = await run(dir, args, { env: { CX_NOW: '2026-11-24T09:00:00Z' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(rosterBytes(dir)).toBe(before);
  });

  it('suggests a command that a shell can run, whatever the name', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Dan "The Man" Smith', '--add']);
    const [item] = JSON.parse((await ok(dir, ['todo', '--json'])).stdout);
    expect(item.action).toContain(`cx assess 'Dan "The Man" Smith'`);
  });

  it('cx show --json always has a log list', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Ann', '--add']);
    expect(JSON.parse((await ok(dir, ['show', 'Ann', '--json'])).stdout).log).toEqual([]);
  });

  it('prints invisible and text-direction characters from the roster as visible escapes', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Ann', '--add', '--team', 'T\u202Eeam']);
    const result = await ok(dir, ['show', 'Ann']);
    expect(result.stdout).not.toContain('\u202E');
    expect(result.stdout).toContain('T\\u202eeam');
  });
});

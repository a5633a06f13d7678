// The roster is safe: broken files, backups and undo, concurrency, kills, versions, forgetting, odd input.
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
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, assessWith, cx, cxStart, rosterBytes, rosterFile, tempDir } from './helpers/cli.js';
import { KEY, Terminal } from './helpers/pty.js';

const people = (dir: string) => JSON.parse(rosterBytes(dir) ?? '{"people":[]}').people as { name: string; stage: string }[];
const names = (dir: string) =>
  people(dir)
    .map((p) => p.name)
    .sort();
/** Runs cx and fails the test unless it exits 0. */
const ok = (dir: string, args: string[]) => {
  const run = cx(dir, args);
  if (run.status !== 0) throw new Error(`cx ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run;
};
const buyIn = { understands: 'yes', relevant: 'yes', endorses: 'yes', pledged: 'no', stance: 'keen', participation: 'joins' };

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
    ['undo'],
  ];

  it.each([
    [
      'invalid JSON',
      '{\n  "version": 1,\n  "people": [\n    { "name": "Dana Lee" "id": "x" }\n  ]\n}\n',
      'not valid JSON at line 4, column 26',
    ],
    ['a truncated file', '{"version":1,"people":[', 'not valid JSON at line 1'],
    ['the wrong shape', '{"version":1,"people":{"Dana Lee":{}}}', 'not in the shape cx expects ("people" is not a list)'],
    ['a person without an id', '{"version":1,"people":[{"name":"Dana Lee"}]}', 'person 1 (Dana Lee) has no id or name'],
    [
      'an unknown stage',
      '{"version":1,"people":[{"id":"a","name":"A","stage":"nirvana","disposition":null,"reasons":[],"history":[]}]}',
      'person 1 (A) has an unknown stage',
    ],
    ['null', 'null', 'it is not a JSON object'],
    ['a list', '[]', 'it is not a JSON object'],
    ['a number', '42', 'it is not a JSON object'],
    ['an empty object', '{}', '"people" is not a list'],
    ...(
      [
        ['an unknown reason', { reasons: ['bogus'] }, 'has an unknown reason'],
        ['an empty history entry', { history: [null] }, 'has a history entry without'],
        ['a history entry without changes', { history: [{ at: 'x' }] }, 'has a history entry without'],
        [
          'an assessment without answers',
          { assessment: { at: '2026-11-01', answers: null, stage: 'action' } },
          'has an assessment without',
        ],
        [
          'an assessment time that is a number',
          { assessment: { at: 5, answers: {}, stage: 'action' } },
          'has an assessment without',
        ],
        ['a log entry without text', { log: [{ on: '2026-11-01' }] }, 'has a log entry without'],
      ] as const
    ).map(([label, change, message]) => {
      const person = {
        id: 'a',
        name: 'Dana Lee',
        stage: 'action',
        disposition: 'advocate',
        reasons: [],
        confidence: null,
        createdAt: 'x',
        updatedAt: 'x',
        history: [],
        ...change,
      };
      return [label, JSON.stringify({ version: 1, people: [person] }), `person 1 (Dana Lee) ${message}`] as [
        string,
        string,
        string,
      ];
    }),
  ])('%s: every command stops with exit 1, names the file and where, and leaves it alone', (_, text, message) => {
    const dir = tempDir();
    writeFileSync(rosterFile(dir), text);
    for (const args of commands) {
      const run = cx(dir, args, { input: 'name\nDana Lee\n' });
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr, args.join(' ')).toContain(rosterFile(dir));
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('cx doctor');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
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

  it('every command says which one is in the way and what to do, in one line, with exit 1', () => {
    const dir = tempDir();
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'mine');
    for (const configDir of [file, join(file, 'below')]) {
      for (const args of commands) {
        const run = cx(configDir, args);
        expect(run.status, args.join(' ')).toBe(1);
        expect(run.stderr).toBe(
          `cx: cannot use the roster at ${join(configDir, 'roster.json')}: ${file} is a file, not a folder; set CX_CONFIG_DIR to a folder, or move that file away\n`,
        );
      }
      const doctor = cx(configDir, ['doctor']);
      expect(doctor.status).toBe(1);
      expect(doctor.stdout).toBe(
        `✗ cx cannot keep a roster at ${join(configDir, 'roster.json')}: ${file} is a file, not a folder; set CX_CONFIG_DIR to a folder, or move that file away\n`,
      );
    }
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('a roster that is a folder is reported as such, and cx doctor --restore puts back a backup beside it', () => {
    const dir = tempDir();
    expect(cx(dir, ['set', 'Dana Lee', '--add', '--stage', '2']).status).toBe(0);
    expect(cx(dir, ['set', 'Dana Lee', '--stage', '3']).status).toBe(0);
    rmSync(rosterFile(dir));
    mkdirSync(rosterFile(dir));
    for (const args of commands) {
      const run = cx(dir, args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toBe(
        `cx: cannot use the roster at ${rosterFile(dir)}: it is a folder, not a file; move it out of the way (cx keeps the roster in a file of that name)\n`,
      );
    }
    const doctor = cx(dir, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toContain(`✗ cx cannot read the roster at ${rosterFile(dir)}: it is a folder, not a file`);
    expect(doctor.stdout).not.toContain('chmod 600');
    expect(doctor.stdout).toContain('cx doctor --restore');
    const restore = cx(dir, ['doctor', '--restore', '--yes']);
    expect(restore.status).toBe(0);
    expect(people(dir).map((p) => [p.name, p.stage])).toEqual([['Dana Lee', 'skepticism']]);
  });
});

describe('a roster edited by hand after cx wrote it', () => {
  it('is checked in full again: a bad edit stops every command, the seal notwithstanding', () => {
    const dir = tempDir();
    expect(cx(dir, ['set', 'Dana Lee', 'Sam Ortiz', '--add', '--stage', 'buy-in']).status).toBe(0);
    const edited = (rosterBytes(dir) ?? '').replace('"stage":"buy-in"', '"stage":"nirvana"');
    writeFileSync(rosterFile(dir), edited);
    for (const args of [['list'], ['set', 'Sam Ortiz', '--team', 'Ops'], ['export']]) {
      const run = cx(dir, args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toContain('has an unknown stage');
    }
    expect(rosterBytes(dir)).toBe(edited);
  });

  it('is used as edited when the edit is sound, and sealed again by the next change', () => {
    const dir = tempDir();
    expect(cx(dir, ['set', 'Dana Lee', 'Sam Ortiz', '--add', '--stage', 'buy-in']).status).toBe(0);
    const sealedBefore = (rosterBytes(dir) ?? '').split('\n')[0];
    expect(cx(dir, ['doctor']).stdout).toContain('it is as cx last wrote it (its seal matches)');
    writeFileSync(rosterFile(dir), (rosterBytes(dir) ?? '').replace('"stage":"buy-in"', '"stage":"action"'));
    expect(
      JSON.parse(cx(dir, ['list', '--json']).stdout)
        .map((p: { stage: string }) => p.stage)
        .sort(),
    ).toEqual(['action', 'buy-in']);
    expect(cx(dir, ['doctor']).stdout).toContain('it was changed since cx last wrote it');
    expect(cx(dir, ['set', 'Sam Ortiz', '--team', 'Ops']).status).toBe(0);
    expect(cx(dir, ['doctor']).stdout).toContain('its seal matches');
    const after = rosterBytes(dir) ?? '';
    expect(after.split('\n')[0]).not.toBe(sealedBefore);
    expect(after).toContain('"stage":"action"');
    expect(after).toContain('"team":"Ops"');
  });
});

describe('what cx seals is what it checked', () => {
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
  ])('an exported record from %s with parts cx does not write is refused, and nothing changes', (_, text, message) => {
    const dir = tempDir();
    expect(cx(dir, ['set', 'Dana Lee', '--add']).status).toBe(0);
    const before = rosterBytes(dir);
    const run = cx(dir, ['import', '-'], { input: text });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`the exported record ${message}`);
    expect(rosterBytes(dir)).toBe(before);
  });

  it('cx forget scrubs a broken copy set aside without vouching for it', () => {
    const dir = tempDir();
    expect(cx(dir, ['set', 'Dana Lee', 'Sam Ortiz', '--add', '--stage', 'skepticism']).status).toBe(0);
    expect(cx(dir, ['set', 'Dana Lee', '--team', 'Ops']).status).toBe(0); // a good backup to restore
    writeFileSync(rosterFile(dir), (rosterBytes(dir) ?? '').replace('"stage":"skepticism"', '"stage":"bogus"'));
    expect(cx(dir, ['doctor', '--restore', '--yes']).status).toBe(0);
    expect(cx(dir, ['forget', 'Sam Ortiz', '--yes']).status).toBe(0);
    const kept = readdirSync(dir).find((file) => file.startsWith('roster.json.replaced-')) ?? '';
    expect(readFileSync(join(dir, kept), 'utf8')).not.toContain('Sam Ortiz');
    copyFileSync(join(dir, kept), rosterFile(dir));
    const run = cx(dir, ['list']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('has an unknown stage');
  });

  it('cx forget scrubs copies with odd entries, and says which copies it could not read', () => {
    const dir = tempDir();
    expect(cx(dir, ['set', 'Dana Lee', 'Sam Ortiz', '--add']).status).toBe(0);
    const data = JSON.parse(rosterBytes(dir) ?? '{}');
    writeFileSync(join(dir, 'roster.json.replaced-1'), JSON.stringify({ version: 1, people: [null, ...data.people] }));
    writeFileSync(join(dir, 'roster.json.replaced-2'), '{"version":1,"people":[{"name":"Dana Lee"');
    const run = cx(dir, ['forget', 'Dana Lee', '--yes']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^Forgot "Dana Lee"/);
    expect(run.stderr).toBe(
      `cx: a copy of the roster could not be read or rewritten, and may still hold them; delete it by hand: ${join(dir, 'roster.json.replaced-2')}\n`,
    );
    const scrubbed = readFileSync(join(dir, 'roster.json.replaced-1'), 'utf8');
    expect(scrubbed).not.toContain('Dana Lee');
    expect(scrubbed).toContain('Sam Ortiz');
  });

  it('keeps a field called "__proto__" as a field, and records only what changed', () => {
    const dir = tempDir();
    expect(cx(dir, ['set', 'Dana Lee', '--add']).status).toBe(0);
    writeFileSync(rosterFile(dir), (rosterBytes(dir) ?? '').replace('"history":', '"__proto__":{"team":"Ghost"},"history":'));
    const run = cx(dir, ['set', 'Dana Lee', '--stage', 'buy-in']);
    expect(run.stdout).toBe('Dana Lee: stage – → buy-in\n');
    expect(rosterBytes(dir)).toContain('"__proto__":{"team":"Ghost"}');
    expect(JSON.parse(cx(dir, ['show', 'Dana Lee', '--json']).stdout).team).toBeUndefined();
  });
});

describe('a roster sealed over a record cx would not write (by hand, with the digest worked out)', () => {
  const sealedText = (people: unknown[]): string => {
    const body = `${people.map((person) => JSON.stringify(person)).join(',\n')}\n]}\n`;
    // Fewer than 64 lines: one block, and the seal is the digest of its digest.
    const block = createHash('sha256').update(body).digest();
    return `{"version":1,"seal":"sha256-blocks64:${createHash('sha256').update(block).digest('hex')}","people":[\n${body}`;
  };
  const eve = {
    id: 'x1',
    name: 'Eve Bad',
    stage: null,
    disposition: null,
    reasons: [],
    confidence: null,
    createdAt: 'a',
    updatedAt: 'b',
    history: [{ bogus: true }],
  };

  it('is found by cx doctor; a change to it fails, keeps every backup, and doctor --restore mends it', () => {
    const dir = tempDir();
    expect(cx(dir, ['set', 'Dana Lee', '--add']).status).toBe(0);
    for (let i = 0; i < 11; i++) cx(dir, ['set', 'Dana Lee', '--role', `R${i}`]);
    const backups = () =>
      readdirSync(join(dir, 'backups'))
        .filter((file) => file.startsWith('roster-'))
        .sort();
    const before = backups();
    expect(before).toHaveLength(10);
    writeFileSync(rosterFile(dir), sealedText([...people(dir), eve]));
    const tampered = rosterBytes(dir);

    const doctor = cx(dir, ['doctor']);
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toContain(
      'is sealed, yet it is not in the shape cx expects (person 2 (Eve Bad) has a history entry without',
    );

    const change = cx(dir, ['set', 'Eve Bad', '--role', 'X']);
    expect(change.status).toBe(1);
    expect(change.stderr).toContain('could not save the roster');
    expect(change.stderr.trim().split('\n')).toHaveLength(1);
    expect(rosterBytes(dir)).toBe(tampered);
    expect(backups()).toEqual(before);

    expect(cx(dir, ['doctor', '--restore', '--yes']).status).toBe(0);
    expect(names(dir)).toEqual(['Dana Lee']);
  });
});

describe('a roster cx cannot tell people apart in', () => {
  it('two people whose names differ only in case or spacing stop every command', () => {
    const dir = tempDir();
    expect(cx(dir, ['set', 'Dana Lee', 'Sam Ortiz', '--add']).status).toBe(0);
    const text = rosterBytes(dir) ?? '';
    writeFileSync(rosterFile(dir), text.replace('"name":"Sam Ortiz"', '"name":"dana  LEE"'));
    for (const args of [['list'], ['show', 'Dana Lee'], ['set', 'Dana Lee', '--team', 'x'], ['log', 'dana lee', 'hi']]) {
      const run = cx(dir, args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(
        /person \d \((dana {2}LEE|Dana Lee)\) has the same name as person \d \((Dana Lee|dana {2}LEE)\)/,
      );
    }
  });
});

describe('a roster that is a symbolic link', () => {
  it.each([['absolute'], ['relative']])('keeps real backups, and undo puts back the file it points to (%s link)', (kind) => {
    const dir = tempDir();
    expect(cx(dir, ['set', 'Dana Lee', '--add', '--stage', 'skepticism']).status).toBe(0);
    mkdirSync(join(dir, 'data'));
    const real = join(dir, 'data', 'roster.json');
    copyFileSync(rosterFile(dir), real);
    rmSync(rosterFile(dir));
    symlinkSync(kind === 'absolute' ? real : join('data', 'roster.json'), rosterFile(dir));
    const first = readFileSync(real, 'utf8');
    expect(cx(dir, ['set', 'Dana Lee', '--stage', 'buy-in']).status).toBe(0);
    expect(cx(dir, ['set', 'Dana Lee', '--stage', 'action']).status).toBe(0);
    const backups = readdirSync(join(dir, 'backups')).filter((file) => file.startsWith('roster-'));
    for (const file of backups) expect(lstatSync(join(dir, 'backups', file)).isSymbolicLink()).toBe(false);
    expect(lstatSync(rosterFile(dir)).isSymbolicLink()).toBe(true);
    expect(cx(dir, ['undo']).status).toBe(0);
    expect(JSON.parse(cx(dir, ['show', 'Dana Lee', '--json']).stdout).stage).toBe('buy-in');
    expect(cx(dir, ['undo']).status).toBe(0);
    expect(readFileSync(rosterFile(dir), 'utf8')).toBe(first);
  });
});

describe('backups and undo', () => {
  it('keeps the previous version before every change, private, and at most ten', () => {
    const dir = tempDir();
    assessWith(dir, 'Dana Lee', buyIn);
    for (let i = 0; i < 12; i++) cx(dir, ['set', 'Dana Lee', '--note', `note ${i}`]);
    const files = readdirSync(join(dir, 'backups')).filter((file) => file.startsWith('roster-'));
    expect(files).toHaveLength(10);
    expect(statSync(join(dir, 'backups')).mode & 0o777).toBe(0o700);
    for (const file of [...files, 'index.json']) expect(statSync(join(dir, 'backups', file)).mode & 0o777).toBe(0o600);
  });

  it('cx undo puts back the roster as it was before the last change, and says what it undid', () => {
    const dir = tempDir();
    assessWith(dir, 'Dana Lee', buyIn);
    const afterAssess = rosterBytes(dir);
    cx(dir, ['set', 'Dana Lee', 'Sam Ortiz', '--add', '--stage', 'commitment']);
    const afterSet = rosterBytes(dir);
    cx(dir, ['import', '-'], { input: 'name,team\nKim Park,Ops\n' });
    let run = cx(dir, ['undo']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Undid cx import stdin of \d{4}-\d\d-\d\d \d\d:\d\d \(Kim Park\)\. 1 earlier change can still be undone\.\n$/,
    );
    expect(rosterBytes(dir)).toBe(afterSet);
    run = cx(dir, ['undo']);
    expect(run.stdout).toContain('Undid cx set');
    expect(run.stdout).toContain('(Dana Lee, Sam Ortiz). No earlier change can be undone.');
    expect(rosterBytes(dir)).toBe(afterAssess);
    const nothing = cx(dir, ['undo']);
    expect(nothing.status).toBe(0);
    expect(nothing.stderr).toContain('Nothing to undo');
    expect(rosterBytes(dir)).toBe(afterAssess);
    const none = join(tempDir(), 'not-yet');
    expect(cx(none, ['undo']).stderr).toBe('Nothing to undo: no earlier version of the roster is kept.\n');
    expect(existsSync(none)).toBe(false);
  });

  it('cx doctor --yes without --restore is a usage error', () => {
    const run = cx(tempDir(), ['doctor', '--yes']);
    expect(run).toMatchObject({
      status: 2,
      stderr: 'cx: --yes goes with --restore, whose question it answers; cx doctor alone changes nothing\n',
    });
  });

  it('cx undo refuses after a change it cannot take back (cx forget, an edit by hand), unless --force', () => {
    const dir = tempDir();
    ok(dir, ['set', 'Ann One', 'Bob Two', '--add', '--stage', '2']);
    ok(dir, ['set', 'Ann One', '--team', 'Ops']);
    const beforeLog = rosterBytes(dir);
    ok(dir, ['log', 'Ann One', 'Lunch']);
    ok(dir, ['forget', 'Bob Two', '--yes']);
    const afterForget = rosterBytes(dir);
    const refused = cx(dir, ['undo']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^cx: the last change was cx forget, which cannot be undone: what it erased is kept nowhere\. To undo the change before it \(cx log of .*\), run cx undo --force\n$/,
    );
    expect(rosterBytes(dir)).toBe(afterForget);
    expect(cx(dir, ['undo', '--force']).stdout).toContain('Undid cx log');
    expect(rosterBytes(dir)).not.toContain('Bob Two'); // the backup was scrubbed by forget
    expect(JSON.parse(rosterBytes(dir) ?? '').people[0].log).toBeUndefined();
    // The changes before it undo as usual: forget kept what they wrote in step with the scrubbed backups.
    expect(cx(dir, ['undo']).stdout).toContain('Undid cx set');
    expect(names(dir)).toEqual(['Ann One']);
    expect(beforeLog).toContain('Bob Two');

    ok(dir, ['set', 'Ann One', '--team', 'Finance']);
    writeFileSync(rosterFile(dir), (rosterBytes(dir) ?? '').replace('"team":"Finance"', '"team":"Legal"'));
    const edited = rosterBytes(dir);
    const handEdit = cx(dir, ['undo']);
    expect(handEdit.status).toBe(1);
    expect(handEdit.stderr).toMatch(
      /^cx: the roster was changed after cx set of .* in a way undo cannot take back \(an edit by hand, say\); nothing was changed\. To undo cx set anyway, losing that change: cx undo --force\n$/,
    );
    expect(rosterBytes(dir)).toBe(edited);
    expect(cx(dir, ['undo', '--force']).status).toBe(0);
    expect(people(dir)[0]).not.toHaveProperty('team');
  });

  it('a hand edit made before a cx forget still stops cx undo when it comes to it', () => {
    const dir = tempDir();
    ok(dir, ['set', 'A', 'B', '--add']);
    ok(dir, ['set', 'A', '--role', 'one']);
    ok(dir, ['log', 'A', 'x']);
    writeFileSync(rosterFile(dir), (rosterBytes(dir) ?? '').replace('"role":"one"', '"role":"by hand"'));
    ok(dir, ['log', 'A', 'two']);
    ok(dir, ['forget', 'B', '--yes']);
    expect(cx(dir, ['undo']).stderr).toContain('the last change was cx forget');
    expect(cx(dir, ['undo', '--force']).stdout).toContain('Undid cx log');
    const edited = rosterBytes(dir);
    expect(edited).toContain('"role":"by hand"');
    const refused = cx(dir, ['undo']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('(an edit by hand, say)');
    expect(rosterBytes(dir)).toBe(edited);
  });

  it('cx doctor --restore takes the restored change off the list, so cx undo goes on from there', () => {
    const dir = tempDir();
    ok(dir, ['set', 'A', '--add']);
    for (const text of ['one', 'two', 'three']) ok(dir, ['log', 'A', text]);
    writeFileSync(rosterFile(dir), `${rosterBytes(dir)}junk`);
    expect(cx(dir, ['doctor', '--restore', '--yes']).status).toBe(0);
    const logged = () => JSON.parse(rosterBytes(dir) ?? '').people[0].log.map((entry: { text: string }) => entry.text);
    expect(logged()).toEqual(['one', 'two']);
    const undo = cx(dir, ['undo']);
    expect(undo.stdout).toMatch(/^Undid cx log of .* \(A\)\. 1 earlier change can still be undone\.\n$/);
    expect(logged()).toEqual(['one']);
  });

  it('cx doctor checks the file and backups, and restores the newest good backup', () => {
    const dir = tempDir();
    assessWith(dir, 'Dana Lee', buyIn);
    cx(dir, ['set', 'Dana Lee', '--team', 'Ops']);
    const healthy = cx(dir, ['doctor']);
    expect(healthy.status).toBe(0);
    expect(healthy.stdout).toContain('is readable: 1 person');
    expect(healthy.stdout).toContain('1 of 1 backups are good');
    writeFileSync(rosterFile(dir), '{"version":1,"people":[');
    const broken = cx(dir, ['doctor']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('✗');
    expect(broken.stdout).toContain('cx doctor --restore');
    expect(cx(dir, ['doctor', '--restore']).status).toBe(2); // asks first: no terminal, no --yes
    const restored = cx(dir, ['doctor', '--restore', '--yes']);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain('Restored the backup');
    expect(names(dir)).toEqual(['Dana Lee']);
    const kept = readdirSync(dir).find((file) => file.startsWith('roster.json.replaced-'));
    expect(kept && readFileSync(join(dir, kept), 'utf8')).toBe('{"version":1,"people":[');
  });
});

describe('several cx at once lose nothing', () => {
  it('20 `cx set --add` started together all land', async () => {
    const dir = tempDir();
    assessWith(dir, 'Dana Lee', buyIn);
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => cxStart(dir, ['set', `Person ${i}`, '--add', '--team', 'T']).done),
    );
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    expect(names(dir)).toHaveLength(21);
  });

  it('a bulk import and several `cx set` at the same time keep every change', async () => {
    const dir = tempDir();
    assessWith(dir, 'Dana Lee', buyIn);
    const rows = ['name,stage', ...Array.from({ length: 3000 }, (_, i) => `Imported ${i},${(i % 5) + 1}`)].join('\n');
    const importing = cxStart(dir, ['import', '-'], { input: rows });
    const setting = Array.from({ length: 6 }, (_, i) => cxStart(dir, ['set', `Setter ${i}`, '--add']).done);
    const runs = await Promise.all([importing.done, ...setting]);
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    expect(names(dir)).toHaveLength(1 + 3000 + 6);
  });

  it('takes over a lock left by a cx that was killed', () => {
    const dir = tempDir();
    assessWith(dir, 'Dana Lee', buyIn);
    mkdirSync(join(dir, 'roster.lock'));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'roster.lock'), old, old);
    const run = cx(dir, ['set', 'Dana Lee', '--team', 'Ops']);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'roster.lock'))).toBe(false);
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
      assessWith(dir, 'Dana Lee', buyIn);
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
  it('reads the first released format, and keeps it valid through changes', () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'test', 'fixtures', 'roster-format-1.json'), rosterFile(dir));
    expect(cx(dir, ['show', 'dana lee', '--json']).stdout).toContain('"stage": "buy-in"');
    expect(cx(dir, ['todo', '--json', '--date', '2026-12-24']).status).toBe(0);
    expect(cx(dir, ['set', 'Dana Lee', '--stage', 'commitment']).status).toBe(0);
    const saved = JSON.parse(rosterBytes(dir) ?? '{}');
    expect(saved.version).toBe(1);
    expect(saved.people[0]).toMatchObject({ name: 'Dana Lee', stage: 'commitment', role: 'VP Operations' });
  });

  it('migrates a file without a version, keeping a backup of the original', () => {
    const dir = tempDir();
    const original = readFileSync(join(ROOT, 'test', 'fixtures', 'roster-format-1.json'), 'utf8').replace('"version": 1,', '');
    writeFileSync(rosterFile(dir), original);
    expect(cx(dir, ['set', 'Dana Lee', '--team', 'Ops']).status).toBe(0);
    expect(JSON.parse(rosterBytes(dir) ?? '{}').version).toBe(1);
    const backup = readdirSync(join(dir, 'backups')).find((file) => file.endsWith('-format0.json'));
    expect(backup && readFileSync(join(dir, 'backups', backup), 'utf8')).toBe(original);
  });

  it('refuses to write a file from a newer cx, and says to upgrade', () => {
    const dir = tempDir();
    const newer = '{"version":99,"people":[]}';
    writeFileSync(rosterFile(dir), newer);
    for (const args of [['list'], ['set', 'A', '--add']]) {
      const run = cx(dir, args);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('written by a newer cx (format 99');
      expect(run.stderr).toContain('upgrade cx');
    }
    expect(rosterBytes(dir)).toBe(newer);
  });
});

describe('privacy', () => {
  it('cx forget removes the person, their history and log, from the roster and every backup', () => {
    const dir = tempDir();
    assessWith(dir, 'Dana Lee', buyIn);
    assessWith(dir, 'Sam Ortiz', buyIn);
    cx(dir, ['log', 'Dana Lee', 'Secret chat about the reorg']);
    cx(dir, ['set', 'Dana Lee', '--note', 'Dislikes the CFO']);
    expect(cx(dir, ['forget', 'Dana Lee']).status).toBe(2); // no terminal: needs --yes
    const run = cx(dir, ['forget', 'dana lee', '--yes']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Forgot "Dana Lee": removed from the roster, with their history and log, and from \d+ backups\.\n$/,
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
  it('prints names, notes and cells inert: no escape sequence reaches the terminal', () => {
    const dir = tempDir();
    const csv = 'name,notes,role\nDana Lee,"\u001b]0;owned\u0007\u001b[2J\u001b[31mred",\u001b[1;1Hboss\n';
    expect(cx(dir, ['import', '-'], { input: csv }).status).toBe(0);
    for (const args of [['show', 'Dana Lee'], ['list'], ['import', '--dry-run', '-'], ['todo'], ['board']]) {
      const run = cx(dir, args, { input: csv.replace('red', 'blue') });
      expect(`${run.stdout}${run.stderr}`, args.join(' ')).not.toContain('\u001b');
      expect(`${run.stdout}${run.stderr}`).not.toContain('\u0007');
    }
    expect(cx(dir, ['show', 'Dana Lee']).stdout).toContain('\\x1b[1;1Hboss');
  });

  it.each([
    ['an empty name', ''],
    ['a name of spaces', '   '],
    ['a name of 201 characters', 'x'.repeat(201)],
    ['a name with a newline', 'Dana\nLee'],
  ])('refuses %s everywhere with exit 2', (_, name) => {
    const dir = tempDir();
    for (const args of [
      ['assess', name, '--answers', '-'],
      ['set', name, '--add', '--team', 'x'],
    ]) {
      const run = cx(dir, args, { input: '{}' });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(rosterBytes(dir)).toBeNull();
  });

  it('keeps one person for names that differ only in case or spacing', () => {
    const dir = tempDir();
    cx(dir, ['set', 'Dana Lee', '--add']);
    cx(dir, ['set', 'DANA   LEE', '--add', '--team', 'Ops']);
    assessWith(dir, '  dana lee ', buyIn);
    cx(dir, ['import', '-'], { input: 'name,role\ndana LEE,COO\n' });
    expect(people(dir)).toHaveLength(1);
    expect(people(dir)[0]).toMatchObject({ name: 'Dana Lee', team: 'Ops', role: 'COO' });
  });

  it('Ctrl+C at a later question, and a closed terminal, save nothing', async () => {
    const dir = tempDir();
    assessWith(dir, 'Dana Lee', buyIn);
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

describe('a lock held too long', () => {
  it('gives up with a clear message, and changes nothing', () => {
    const dir = tempDir();
    assessWith(dir, 'Dana Lee', buyIn);
    const before = rosterBytes(dir);
    mkdirSync(join(dir, 'roster.lock')); // fresh: another cx is at work
    const started = Date.now();
    const run = cx(dir, ['set', 'Dana Lee', '--team', 'Ops'], { env: { CX_LOCK_WAIT_MS: '400' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the roster is in use by another cx command and stayed locked too long; try again');
    expect(run.stderr).toContain('clears itself within 10 seconds');
    expect(Date.now() - started).toBeLessThan(8000);
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
  it('are refused, yet someone already saved under one (by hand, or by an older cx) can still be named', () => {
    const dir = tempDir();
    const odd = 'Bad\uFFFDName';
    expect(cx(dir, ['set', odd, '--add']).stderr).toContain('its text was not UTF-8');
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
    expect(cx(dir, ['show', odd]).status).toBe(0);
    expect(cx(dir, ['log', odd, 'Coffee']).status).toBe(0);
    expect(cx(dir, ['set', odd, '--role', 'Buyer']).status).toBe(0);
    expect(cx(dir, ['assess', odd, '--answers', '-'], { input: '{}' }).status).toBe(0);
    expect(cx(dir, ['import', '-'], { input: `name,team\n${odd},Buyers\n` }).stdout).toContain('0 added, 1 updated');
    const refusedRow = cx(dir, ['import', '-'], { input: `name,team\nAnn,X\n${odd},Y\nBad\uFFFDOther,Z\n` });
    expect(refusedRow.status).toBe(2);
    expect(refusedRow.stderr).toMatch(
      /^stdin: line 4: a name cannot contain .*not UTF-8.*\ncx: nothing was imported: 1 row has a problem/,
    );
    const other = cx(dir, ['set', odd, 'Bad\uFFFDOther', '--add']);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/its text was not UTF-8.*: "Bad\uFFFDOther"\n$/);
    expect(cx(dir, ['rm', odd, '--yes']).status).toBe(0);
    expect(people(dir)).toEqual([]);
  });
});

describe('found in a last check', () => {
  const setUp = () => {
    const dir = tempDir();
    assessWith(dir, 'Dana Lee', buyIn);
    cx(dir, ['set', 'Dana Lee', '--team', 'Ops']);
    cx(dir, ['log', 'Dana Lee', 'Coffee']);
    return dir;
  };
  const newestBackup = (dir: string) => {
    const files = readdirSync(join(dir, 'backups'))
      .filter((file) => file.startsWith('roster-'))
      .sort();
    return join(dir, 'backups', files.at(-1) as string);
  };

  it.each([
    ['garbage', 'garbage'],
    ['a roster of the wrong shape', '{"version":1,"people":[{"x":1}]}'],
  ])('cx undo refuses a backup that is %s, and changes nothing', (_, text) => {
    const dir = setUp();
    writeFileSync(newestBackup(dir), text);
    const before = rosterBytes(dir);
    const run = cx(dir, ['undo']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^cx: the version before the last change \(.+\) cannot be read \(.+\); nothing was changed\. cx doctor shows the backups that can\n$/,
    );
    expect(rosterBytes(dir)).toBe(before);
  });

  it('cx undo and cx doctor still find the backups when their index is gone', () => {
    const dir = setUp();
    rmSync(join(dir, 'backups', 'index.json'));
    expect(cx(dir, ['doctor']).stdout).toContain('2 of 2 backups are good');
    expect(cx(dir, ['undo']).stdout).toMatch(/^Undid cx a change of .+\. 1 earlier change can still be undone\.\n$/);
    expect(JSON.parse(rosterBytes(dir) ?? '{}').people[0].log).toBeUndefined();
  });

  it('cx forget also erases the person from files doctor set aside and from backups missing from the index', () => {
    const dir = setUp();
    writeFileSync(rosterFile(dir), '{"broken":');
    expect(cx(dir, ['doctor', '--restore', '--yes']).status).toBe(0);
    rmSync(join(dir, 'backups', 'index.json'));
    expect(cx(dir, ['forget', 'Dana Lee', '--yes']).status).toBe(0);
    const files = [
      ...readdirSync(dir).map((f) => join(dir, f)),
      ...readdirSync(join(dir, 'backups')).map((f) => join(dir, 'backups', f)),
    ];
    for (const file of files.filter((f) => !f.endsWith('backups')))
      expect(readFileSync(file, 'utf8'), file).not.toContain('Dana Lee');
  });

  it('cx doctor --restore leaves a readable roster alone and points to cx undo', () => {
    const dir = setUp();
    const before = rosterBytes(dir);
    const run = cx(dir, ['doctor', '--restore', '--yes']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nothing to restore; to take back the last change, use cx undo');
    expect(rosterBytes(dir)).toBe(before);
  });

  it.each([
    [['log', 'Dana Lee', 'Lunch', '--date', '2027-01-01'], '--date 2027-01-01 is in the future'],
    [['board', '--since', '2027-01-01'], '--since 2027-01-01 is in the future'],
  ])('refuses a day in the future: %j', (args, message) => {
    const dir = setUp();
    const before = rosterBytes(dir);
    const run = cx(dir, args, { env: { CX_NOW: '2026-11-24T09:00:00Z' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(rosterBytes(dir)).toBe(before);
  });

  it('suggests a command that a shell can run, whatever the name', () => {
    const dir = tempDir();
    cx(dir, ['set', 'Dan "The Man" Smith', '--add']);
    const [item] = JSON.parse(cx(dir, ['todo', '--json']).stdout);
    expect(item.action).toContain(`cx assess 'Dan "The Man" Smith'`);
  });

  it('cx show --json always has a log list', () => {
    const dir = tempDir();
    cx(dir, ['set', 'Ann', '--add']);
    expect(JSON.parse(cx(dir, ['show', 'Ann', '--json']).stdout).log).toEqual([]);
  });

  it('prints invisible and text-direction characters from the roster as visible escapes', () => {
    const dir = tempDir();
    cx(dir, ['set', 'Ann', '--add', '--team', 'T\u202Eeam']);
    const run = cx(dir, ['show', 'Ann']);
    expect(run.stdout).not.toContain('\u202E');
    expect(run.stdout).toContain('T\\u202eeam');
  });
});

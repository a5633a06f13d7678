// The scripting commands (set, import, export, list filters, rm, completion) against a temporary roster
// folder: exit codes, roster bytes, and what goes to stdout and stderr. They run in-process through
// main(); the tests that need the built binary in a real process (a pipe, a terminal, bash running the
// completion script) say why.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, type Run, assessIn, cxEnv, run as runCx, rosterBytes, rosterFile, tempDir } from './helpers/cli.js';
import { KEY, Terminal } from './helpers/pty.js';

const buyIn = { understands: 'yes', relevant: 'yes', endorses: 'yes', pledged: 'no', stance: 'keen', participation: 'recruits' };
const skeptic = { understands: 'yes', relevant: 'no', 'doubt-reason': 'roi-unclear', stance: 'neutral', participation: 'joins' };

const STAGE_LIST = 'ignorance, skepticism, buy-in, commitment, action';
const DISPOSITION_LIST = 'advocate, fence-sitter, outlier';
const STACK_TRACE = /\n\s+at /;

interface Change {
  field: string;
  from: unknown;
  to: unknown;
}
interface Person {
  name: string;
  stage: string | null;
  stageSource?: string;
  disposition: string | null;
  reasons: string[];
  role?: string;
  team?: string;
  influence?: string;
  notes?: string;
  assessment?: { stage: string };
  history: { at: string; source: string; changes: Change[] }[];
}

/** The people in the roster file, as stored. */
const stored = (dir: string): Person[] => JSON.parse(rosterBytes(dir) ?? '{"people":[]}').people;
const storedNames = (dir: string): string[] => stored(dir).map((person) => person.name);
const person = (dir: string, name: string): Person => {
  const found = stored(dir).find((p) => p.name === name);
  if (!found) throw new Error(`${name} is not in the roster: ${storedNames(dir).join(', ')}`);
  return found;
};

/** Runs cx and fails the test unless it exits 0. */
async function ok(dir: string, args: string[], options: Parameters<typeof runCx>[2] = {}) {
  const run = await runCx(dir, args, options);
  if (run.status !== 0) throw new Error(`cx ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run;
}

/** Writes a file into the folder and returns its name (cx runs with the folder as its working directory). */
function file(dir: string, name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

/** A CSV cell, quoted the way a spreadsheet does. */
const cell = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csv = (rows: string[][], eol = '\n'): string => rows.map((row) => row.map(cell).join(',')).join(eol) + eol;

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
const NODE_CX = `${quote(process.execPath)} ${quote(BIN)}`;

/** Runs a bash script with cx as `$CX` (the built binary, in its own process), against the roster folder. */
function bash(dir: string, script: string, args: string[] = []) {
  const result = spawnSync('bash', ['-c', script, 'bash', ...args], {
    cwd: dir,
    env: cxEnv(dir, { CX: `${process.execPath} ${BIN}` }),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Rosters built once by cx itself and copied into each test's fresh folder, to spare a run per test.
const seeds: Record<'three' | 'dana' | 'danaSam' | 'exportable', string> = { three: '', dana: '', danaSam: '', exportable: '' };
beforeAll(async () => {
  const build = async (runs: string[][], at = '2026-11-01T09:00:00Z'): Promise<string> => {
    const seedDir = tempDir();
    for (const args of runs) await ok(seedDir, args, { env: { CX_NOW: at } });
    return rosterBytes(seedDir) as string;
  };
  seeds.three = await build([['set', 'Dana Lee', 'Sam Ortiz', 'Kim Park', '--add']]);
  seeds.dana = await build([['set', 'Dana Lee', '--add', '--stage', 'buy-in', '--role', 'COO', '--team', 'Ops']]);
  seeds.danaSam = await build([
    ['set', 'Dana Lee', '--add', '--stage', 'buy-in', '--role', 'COO', '--team', 'Ops'],
    ['set', 'Sam Ortiz', '--add', '--team', 'Finance'],
  ]);
  seeds.exportable = await build([['set', 'Zed Young', 'amy adams', 'Bob Brown', '--add', '--stage', '2', '--note', 'a, "b"']]);
});
/** Puts a seed roster into the test's folder. */
const seed = (which: keyof typeof seeds): void => writeFileSync(rosterFile(dir), seeds[which], { mode: 0o600 });

let dir: string;
beforeEach(() => {
  dir = tempDir();
});

describe('cx set', () => {
  beforeEach(() => seed('three'));

  it('notes names it adds that are close to known ones, and how to take them back', async () => {
    const run = await runCx(dir, ['set', 'Dana Le', 'Zed Young', '--add', '--stage', '1']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('Dana Le: added: stage ignorance\nZed Young: added: stage ignorance\n');
    expect(run.stderr).toBe(
      'cx: note: "Dana Le" is new to the roster (did you mean "Dana Lee"?); cx undo takes this change back\n',
    );
  });

  it('does not look for close names in a bulk add (more than five new names)', async () => {
    const run = await runCx(dir, ['set', 'Dana Le', 'A One', 'B Two', 'C Three', 'D Four', 'E Five', '--add']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('changes several people in one command and says what changed for each', async () => {
    const run = await runCx(dir, ['set', 'dana  LEE', 'Sam Ortiz', '--team', 'Contact centre', '--influence', 'high'], {
      env: { CX_NOW: '2026-11-24T09:00:00Z' },
    });
    expect(run).toEqual({
      status: 0,
      stdout: 'Dana Lee: team – → Contact centre; influence – → high\nSam Ortiz: team – → Contact centre; influence – → high\n',
      stderr: '',
    });
    for (const name of ['Dana Lee', 'Sam Ortiz']) {
      const p = person(dir, name);
      expect(p).toMatchObject({ team: 'Contact centre', influence: 'high' });
      expect(p.history.at(-1)).toEqual({
        at: '2026-11-24T09:00:00.000Z',
        source: 'set',
        changes: [
          { field: 'team', from: null, to: 'Contact centre' },
          { field: 'influence', from: null, to: 'high' },
        ],
      });
    }
    expect(person(dir, 'Kim Park')).not.toHaveProperty('team');
    expect(person(dir, 'Kim Park').history).toHaveLength(1);
  });

  it('lists the added ones with --add, beside the changed ones', async () => {
    const run = await runCx(dir, ['set', 'Dana Lee', 'Ravi Shah', '--add', '--stage', 'buy-in', '--role', 'Head of Finance']);
    expect(run).toEqual({
      status: 0,
      stdout: 'Dana Lee: stage – → buy-in; role – → Head of Finance\nRavi Shah: added: stage buy-in, role Head of Finance\n',
      stderr: '',
    });
    expect(storedNames(dir)).toEqual(['Dana Lee', 'Sam Ortiz', 'Kim Park', 'Ravi Shah']);
    expect(person(dir, 'Ravi Shah').history).toEqual([
      expect.objectContaining({
        source: 'set',
        changes: [
          { field: 'name', from: null, to: 'Ravi Shah' },
          { field: 'stage', from: null, to: 'buy-in' },
          { field: 'role', from: null, to: 'Head of Finance' },
        ],
      }),
    ]);
  });

  it.each([
    ['a typo', ['Dana Le'], '"Dana Le" (did you mean "Dana Lee"?)'],
    ['a first name alone', ['Dana'], '"Dana" (did you mean "Dana Lee"?)'],
    ['swapped letters', ['Sma Ortiz'], '"Sma Ortiz" (did you mean "Sam Ortiz"?)'],
    ['a typo among good names', ['Sam Ortiz', 'Dana Lea', 'Kim Park'], '"Dana Lea" (did you mean "Dana Lee"?)'],
    ['two unknown names', ['Kim Prak', 'Nobody At All'], '"Kim Prak" (did you mean "Kim Park"?), "Nobody At All";'],
    [
      'many unknown names, counted after the first five',
      ['Dana Le', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6'],
      '"Dana Le" (did you mean "Dana Lee"?), "N1", "N2", "N3", "N4" and 2 more; nothing',
    ],
  ])('refuses %s with exit 2, suggests the closest name and changes nothing', async (_, names, message) => {
    const before = rosterBytes(dir);
    const run = await runCx(dir, ['set', ...names, '--stage', 'commitment']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`cx: not in the roster: ${message}`);
    expect(run.stderr).toContain('nothing was changed');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(rosterBytes(dir)).toBe(before);
  });

  it('exits 2 with nothing to change and no --add', async () => {
    const before = rosterBytes(dir);
    const run = await runCx(dir, ['set', 'Dana Lee']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'cx: nothing to change: give --stage, --target, --disposition, --reason, --role, --team, --influence or --note\n',
    );
    expect(rosterBytes(dir)).toBe(before);
  });

  it('says "no change" and leaves the file alone when the value is already set', async () => {
    await ok(dir, ['set', 'Dana Lee', '--stage', 'buy-in']);
    const before = rosterBytes(dir);
    expect(await runCx(dir, ['set', 'Dana Lee', '--stage', 'BUY IN'])).toEqual({
      status: 0,
      stdout: 'Dana Lee: no change\n',
      stderr: '',
    });
    expect(rosterBytes(dir)).toBe(before);
  });

  it.each([
    ['an empty name', ''],
    ['a name with escape codes', 'Dana\u001b[31m'],
  ])('refuses %s with exit 2 even with --add', async (_, name) => {
    const before = rosterBytes(dir);
    const run = await runCx(dir, ['set', name, '--add', '--stage', '1']);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('\u001b');
    expect(rosterBytes(dir)).toBe(before);
  });

  it('clears the role with --role "" and the note with --note ""', async () => {
    await ok(dir, ['set', 'Dana Lee', '--role', 'CFO', '--note', 'met at the offsite']);
    const run = await runCx(dir, ['set', 'Dana Lee', '--role', '', '--note', '']);
    expect(run).toEqual({ status: 0, stdout: 'Dana Lee: role CFO → –; notes met at the offsite → –\n', stderr: '' });
    expect(person(dir, 'Dana Lee')).not.toHaveProperty('role');
    expect(person(dir, 'Dana Lee')).not.toHaveProperty('notes');
  });

  it('clears the influence with --influence "", as the README says', async () => {
    await ok(dir, ['set', 'Dana Lee', '--influence', 'high']);
    const run = await runCx(dir, ['set', 'Dana Lee', '--influence', '']);
    expect(run).toEqual({ status: 0, stdout: 'Dana Lee: influence high → –\n', stderr: '' });
    expect(person(dir, 'Dana Lee')).not.toHaveProperty('influence');
    expect((await runCx(dir, ['set', 'Dana Lee', '--influence', 'huge'])).status).toBe(2);
  });

  it('prints the changed people as JSON with --json', async () => {
    const run = await runCx(dir, ['set', 'Dana Lee', 'Kim Park', '--disposition', 'outlier', '--reason', 'financial', '--json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const people = JSON.parse(run.stdout);
    expect(people.map((p: Person) => [p.name, p.disposition, p.reasons])).toEqual([
      ['Dana Lee', 'outlier', ['financial']],
      ['Kim Park', 'outlier', ['financial']],
    ]);
    // The reason picks the first move: the cost case, then co-leading, then (once earned) the spotlight.
    expect(people[0].tactics.map((t: { id: string }) => t.id)).toEqual(['cost-case', 'co-lead', 'spotlight']);
  });

  describe('keeps a stage set by hand beside the assessed one', () => {
    beforeEach(async () => {
      await assessIn(dir, 'Dana Lee', buyIn, { CX_NOW: '2026-11-02T10:00:00Z' });
      await ok(dir, ['set', 'Dana Lee', '--stage', 'commitment'], { env: { CX_NOW: '2026-11-10T10:00:00Z' } });
    });

    it('in the record, with stageSource "set" and a history entry', () => {
      const p = person(dir, 'Dana Lee');
      expect(p).toMatchObject({ stage: 'commitment', stageSource: 'set', assessment: { stage: 'buy-in' } });
      expect(p.history.map((entry) => entry.source)).toEqual(['set', 'assess', 'set']);
      expect(p.history.at(-1)).toEqual({
        at: '2026-11-10T10:00:00.000Z',
        source: 'set',
        changes: [{ field: 'stage', from: 'buy-in', to: 'commitment' }],
      });
    });

    it('in cx show, as "your judgement" with the assessed stage', async () => {
      const run = await runCx(dir, ['show', 'Dana Lee']);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/Stage\s+Commitment \(4 of 5\)/);
      expect(run.stdout).toContain('your judgement (cx set); the assessment of 2026-11-02 said Buy-in');
      expect(run.stdout).toContain('2026-11-10 set: stage buy-in → commitment');
      const json = JSON.parse((await runCx(dir, ['show', 'Dana Lee', '--json'])).stdout);
      expect(json).toMatchObject({ stage: 'commitment', stageSource: 'set', assessment: { stage: 'buy-in' } });
    });
  });
});

describe('cx set option values', () => {
  // One roster for the whole table: each row sets a value and reads it back.
  let shared: string;
  beforeAll(async () => {
    shared = tempDir();
    await ok(shared, ['set', 'Dana Lee', '--add', '--stage', 'action', '--disposition', 'advocate']);
  });
  const setOne = async (args: string[]) => await runCx(shared, ['set', 'Dana Lee', ...args, '--json']);

  it.each([
    ['Buy-in', 'buy-in'],
    ['buyin', 'buy-in'],
    ['buy_in', 'buy-in'],
    ['BUY IN', 'buy-in'],
    ['1', 'ignorance'],
    ['3', 'buy-in'],
    ['5', 'action'],
  ])('reads the stage %j as %s', async (value, stage) => {
    const run = await setOne(['--stage', value]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)[0].stage).toBe(stage);
    expect(person(shared, 'Dana Lee').stage).toBe(stage);
  });

  it.each([
    ['Fence sitter', 'fence-sitter'],
    ['FENCE-SITTER', 'fence-sitter'],
    ['Outlier', 'outlier'],
  ])('reads the disposition %j as %s', async (value, disposition) => {
    const run = await setOne(['--disposition', value]);
    expect(run.status).toBe(0);
    expect(person(shared, 'Dana Lee').disposition).toBe(disposition);
  });

  it.each([
    [
      ['financial', 'operational'],
      ['financial', 'operational'],
    ],
    [['financial,operational'], ['financial', 'operational']],
    [
      ['ROI unclear', 'Already_Doing_It'],
      ['roi-unclear', 'already-doing-it'],
    ],
    [['none'], []],
  ])('reads --reason %j as %j', async (values, reasons) => {
    const run = await setOne(['--reason', ...values]);
    expect(run.status).toBe(0);
    expect(person(shared, 'Dana Lee').reasons).toEqual(reasons);
  });

  it.each([
    ['--stage', 'bogus', `Use a stage: ${STAGE_LIST} (or 1-5).`],
    ['--stage', '6', `Use a stage: ${STAGE_LIST} (or 1-5).`],
    ['--stage', '', `Use a stage: ${STAGE_LIST} (or 1-5).`],
    ['--disposition', 'sitter', `Use a disposition: ${DISPOSITION_LIST}.`],
    ['--influence', 'huge', 'Use low, medium, high.'],
    [
      '--reason',
      'money',
      'Use reasons: roi-unclear, resists-change, already-doing-it, unclear-role, financial, operational, other, conflicting-priorities (or none).',
    ],
  ])('refuses %s %j with exit 2, lists the valid values and changes nothing', async (option, value, message) => {
    const before = rosterBytes(shared);
    const run = await runCx(shared, ['set', 'Dana Lee', option, value, '--team', 'Sales']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toMatch(/^cx: /);
    expect(rosterBytes(shared)).toBe(before);
  });

  it.each([[['none', 'financial']], [['financial', 'none']], [['financial', '--reason', 'none']], [['none,financial']]])(
    'refuses --reason %j: none goes alone',
    async (values) => {
      const before = rosterBytes(shared);
      const run = await runCx(shared, ['set', 'Dana Lee', '--reason', ...values]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('Use none alone: it clears the reasons, so no reason can go with it.');
      expect(rosterBytes(shared)).toBe(before);
    },
  );
});

describe('cx import', () => {
  it('says when a new name is close to one in the roster (a typo, most likely), in a dry run too, and imports all the same', async () => {
    seed('dana');
    const input = 'name,stage\nDana Le,3\nKim Park,2\n';
    const dry = await ok(dir, ['import', '-', '--dry-run'], { input });
    expect(dry.stderr).toBe('cx: note: "Dana Le" would be new to the roster (did you mean "Dana Lee"?)\n');
    const done = await ok(dir, ['import', '-'], { input });
    expect(done.stderr).toBe(
      'cx: note: "Dana Le" is new to the roster (did you mean "Dana Lee"?); cx undo takes this change back\n',
    );
    expect(storedNames(dir)).toEqual(expect.arrayContaining(['Dana Le', 'Dana Lee', 'Kim Park']));
  });

  it('adds new people and updates known ones from CSV, reads the header in any case, and warns about unknown columns', async () => {
    seed('dana');
    const name = file(
      dir,
      'people.csv',
      'NAME,Stage,DISPOSITION,Reasons,Role,team,Influence,Notes,Colour\n' +
        'dana lee,commitment,,,,,high,,red\n' +
        'Sam Ortiz,2,Fence sitter,financial; operational,CFO,Finance,low,met at the offsite,\n',
    );
    const run = await runCx(dir, ['import', name], { env: { CX_NOW: '2026-11-24T09:00:00Z' } });
    expect(run).toEqual({
      status: 0,
      stdout: 'Imported people.csv (CSV): 1 added, 1 updated, 0 unchanged.\n',
      stderr: 'cx: ignoring unknown columns in people.csv: Colour\n',
    });
    expect(stored(dir)).toEqual([
      expect.objectContaining({
        name: 'Dana Lee',
        stage: 'commitment',
        stageSource: 'import',
        role: 'COO',
        team: 'Ops',
        influence: 'high',
      }),
      expect.objectContaining({
        name: 'Sam Ortiz',
        stage: 'skepticism',
        disposition: 'fence-sitter',
        reasons: ['financial', 'operational'],
        role: 'CFO',
        team: 'Finance',
        influence: 'low',
        notes: 'met at the offsite',
      }),
    ]);
    expect(person(dir, 'Dana Lee').history.at(-1)).toEqual({
      at: '2026-11-24T09:00:00.000Z',
      source: 'import',
      changes: [
        { field: 'stage', from: 'buy-in', to: 'commitment' },
        { field: 'influence', from: null, to: 'high' },
      ],
    });
    expect(person(dir, 'Sam Ortiz').history).toEqual([expect.objectContaining({ source: 'import' })]);
    expect(person(dir, 'Sam Ortiz')).not.toHaveProperty('Colour');
  });

  it('leaves a field alone when its cell is empty', async () => {
    seed('dana');
    await ok(dir, ['import', file(dir, 'p.csv', 'name,stage,role,team\nDana Lee,,,Sales\n')]);
    expect(person(dir, 'Dana Lee')).toMatchObject({ stage: 'buy-in', role: 'COO', team: 'Sales' });
  });

  it.each([
    ['an unknown stage', 'Sam Ortiz,bogus,,', `line 3: unknown stage "bogus"; use one of ${STAGE_LIST} (or 1-5)`],
    ['a stage number out of range', 'Sam Ortiz,6,,', 'line 3: unknown stage "6"'],
    ['an unknown disposition', 'Sam Ortiz,,sitter,', `line 3: unknown disposition "sitter"; use one of ${DISPOSITION_LIST}`],
    ['an unknown reason', 'Sam Ortiz,,,money', 'line 3: unknown reason "money"'],
    ['a row without a name', ',2,,', 'line 3: has no name'],
    [
      'too many cells',
      'Sam Ortiz,2,advocate,financial,extra',
      'line 3: has 5 cells but the header has 4 (a comma inside a cell needs quotes)',
    ],
    ['the same person twice', 'DANA  lee,2,,', 'line 3: "DANA  lee" is already on line 2; give each person one row'],
  ])('refuses %s: exit 2, the line on stderr, nothing changed', async (_, row, message) => {
    seed('dana');
    const before = rosterBytes(dir);
    const run = await runCx(dir, [
      'import',
      file(dir, 'p.csv', `name,stage,disposition,reasons\nDana Lee,commitment,,\n${row}\n`),
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`p.csv: ${message}`);
    expect(run.stderr).toContain('cx: nothing was imported: 1 row has a problem; fix it and import again\n');
    expect(rosterBytes(dir)).toBe(before);
  });

  it('prints every bad row with its line number, not just the first', async () => {
    const run = await runCx(dir, [
      'import',
      file(dir, 'p.csv', 'name,stage,disposition,influence\nAnn,1,,\nBob,bogus,,\nCy,2,,\nDee,,nope,\nEve,,,huge\nann,3,,\n'),
    ]);
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr:
        `p.csv: line 3: unknown stage "bogus"; use one of ${STAGE_LIST} (or 1-5)\n` +
        `p.csv: line 5: unknown disposition "nope"; use one of ${DISPOSITION_LIST}\n` +
        'p.csv: line 6: unknown influence "huge"; use low, medium, high\n' +
        'p.csv: line 7: "ann" is already on line 2; give each person one row\n' +
        'cx: nothing was imported: 4 rows have problems; fix them and import again\n',
    });
    expect(rosterBytes(dir)).toBeNull();
  });

  it('changes nothing when 1 row of 1000 is bad, and imports all 1000 once it is fixed', async () => {
    seed('dana');
    const before = rosterBytes(dir);
    const rows = Array.from({ length: 1000 }, (_, i) => [
      `Person ${String(i).padStart(4, '0')}`,
      String((i % 5) + 1),
      `Team ${i % 7}`,
    ]);
    const bad = rows.map((row, i) => (i === 736 ? [row[0] as string, 'bogus', row[2] as string] : row));
    const run = await runCx(dir, ['import', file(dir, 'big.csv', csv([['name', 'stage', 'team'], ...bad]))]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      `big.csv: line 738: unknown stage "bogus"; use one of ${STAGE_LIST} (or 1-5)`,
      'cx: nothing was imported: 1 row has a problem; fix it and import again',
    ]);
    expect(rosterBytes(dir)).toBe(before);

    const fixed = await runCx(dir, ['import', file(dir, 'big.csv', csv([['name', 'stage', 'team'], ...rows]))]);
    expect(fixed).toEqual({ status: 0, stdout: 'Imported big.csv (CSV): 1000 added, 0 updated, 0 unchanged.\n', stderr: '' });
    const people = stored(dir);
    expect(people).toHaveLength(1001);
    expect(people[737]).toMatchObject({ name: 'Person 0736', stage: 'skepticism', team: 'Team 1' });
  });

  describe('--dry-run', () => {
    it('prints added (+), updated (~, field by field) and unchanged (=) people, and writes nothing', async () => {
      seed('danaSam');
      const before = rosterBytes(dir);
      const csvText = 'name,stage,role,team\nDana Lee,commitment,CEO,\nSam Ortiz,,,finance\nKim Park,1,,\n';
      const run = await runCx(dir, ['import', file(dir, 'p.csv', csvText), '--dry-run']);
      expect(run).toEqual({
        status: 0,
        stdout:
          '~ Dana Lee: stage buy-in → commitment; role COO → CEO\n' +
          '~ Sam Ortiz: team Finance → finance\n' +
          '+ Kim Park: added: stage ignorance\n' +
          '\nDry run: 1 added, 2 updated, 0 unchanged. Nothing was written; run again without --dry-run to import.\n',
        stderr: '',
      });
      expect(rosterBytes(dir)).toBe(before);
      const again = await runCx(dir, ['import', file(dir, 'q.csv', 'name,team\nSam Ortiz,Finance\n'), '-n']);
      expect(again.stdout).toBe(
        '= Sam Ortiz: no change\n\nDry run: 0 added, 0 updated, 1 unchanged. Nothing was written; run again without --dry-run to import.\n',
      );
      expect(rosterBytes(dir)).toBe(before);
    });

    it('creates no roster file when there was none', async () => {
      const run = await runCx(dir, ['import', file(dir, 'p.csv', 'name,stage\nKim Park,1\n'), '--dry-run', '--json']);
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: true, added: 1, updated: 0, unchanged: 0 });
      expect(rosterBytes(dir)).toBeNull();
    });
  });

  it('reads a spreadsheet export: BOM, CRLF, quoted commas, doubled quotes, newlines in cells, blank trailing lines', async () => {
    const text =
      '\uFEFFName,Role,Notes,Team\r\n' +
      '"Ng, Ann","Head of ""Ops""","line one\r\nline two",Sales\r\n' +
      'Bo Li,,"said ""no"", then ""maybe""",\r\n' +
      '\r\n\r\n';
    const run = await runCx(dir, ['import', file(dir, 'sheet.csv', text)]);
    expect(run).toEqual({ status: 0, stdout: 'Imported sheet.csv (CSV): 2 added, 0 updated, 0 unchanged.\n', stderr: '' });
    const [ann, bo] = stored(dir);
    expect(ann).toMatchObject({ name: 'Ng, Ann', role: 'Head of "Ops"', team: 'Sales' });
    expect(ann?.notes).toMatch(/^line one\r?\nline two$/);
    expect(bo).toMatchObject({ name: 'Bo Li', notes: 'said "no", then "maybe"' });
    expect(bo).not.toHaveProperty('role');
    expect(bo).not.toHaveProperty('team');
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('numbers a bad row by the line it starts on, counting lines inside quoted cells (%s line ends)', async (_, eol) => {
    const text = ['name,stage,notes', '"A",,"multi', 'line"', 'B,bogus,', '"C",2,"x', 'y', 'z"', 'D,9,', ''].join(eol);
    const run = await runCx(dir, ['import', file(dir, 'p.csv', text)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('p.csv: line 4: unknown stage "bogus"');
    expect(run.stderr).toContain('p.csv: line 8: unknown stage "9"');
  });

  it.each([
    ['JSON lines from stdin', '{"name":"Ann","stage":"Buy in"}\n\n{"name":"Bo","reasons":["financial"]}\n', [], 'JSON'],
    ['a JSON array from stdin', '[{"name":"Ann","stage":"Buy in"},{"name":"Bo","reasons":"financial"}]', [], 'JSON'],
    [
      'a JSON array with a BOM and leading space',
      '\uFEFF\n  [{"name":"Ann","stage":3},{"name":"Bo","reason":"Financial"}]',
      [],
      'JSON',
    ],
    ['CSV from stdin', 'name,stage,reasons\nAnn,buy-in,\nBo,,financial\n', [], 'CSV'],
    ['CSV forced with --format', 'name,stage,reasons\nAnn,buy-in,\nBo,,financial\n', ['--format', 'csv'], 'CSV'],
  ])('reads %s with "-"', async (_, input, extra, format) => {
    const run = await runCx(dir, ['import', '-', ...extra], { input });
    expect(run).toEqual({ status: 0, stdout: `Imported stdin (${format}): 2 added, 0 updated, 0 unchanged.\n`, stderr: '' });
    expect(stored(dir)).toEqual([
      expect.objectContaining({ name: 'Ann', stage: 'buy-in', reasons: [] }),
      expect.objectContaining({ name: 'Bo', stage: null, reasons: ['financial'] }),
    ]);
  });

  it('detects JSON from the content, whatever the file is called', async () => {
    const run = await runCx(dir, ['import', file(dir, 'people.csv', '[{"name":"Ann"}]')]);
    expect(run.stdout).toBe('Imported people.csv (JSON): 1 added, 0 updated, 0 unchanged.\n');
  });

  it.each([
    ['CSV read as JSON', 'name,stage\nAnn,1\n', ['--format', 'json'], 'cx: cannot import p.txt: line 1: not valid JSON'],
    ['broken JSON', '[{"name":"Ann"', [], 'cx: cannot import p.txt: not valid JSON'],
    ['an empty file', '', [], 'cx: cannot import p.txt: it is empty\n'],
    [
      'a header without a name column',
      'who,stage\nAnn,1\n',
      [],
      'cx: cannot import p.txt: line 1: the header row has no "name" column\n',
    ],
    [
      'a column twice',
      'name,team,Team\nAnn,A,B\n',
      [],
      'cx: cannot import p.txt: line 1: the header row has two columns for team: "team" (column 2) and "Team" (column 3); keep one\n',
    ],
    [
      'an unclosed quote',
      'name,team\nAnn,"A\nBo,B\n',
      [],
      'cx: cannot import p.txt: line 3: not readable as CSV: Quote Not Closed',
    ],
  ])('refuses a file it cannot read (%s) in one line, with exit 2, and changes nothing', async (_, text, extra, message) => {
    const run = await runCx(dir, ['import', file(dir, 'p.txt', text), ...extra]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(rosterBytes(dir)).toBeNull();
  });

  it.each([
    ['a JSON row that is not an object', '[{"name":"Ann"}, 3]', [], 'p.txt: item 2: each person must be a JSON object'],
    ['a JSON item with a bad stage', '[{"name":"Ann","stage":"x"}]', [], 'p.txt: item 1: unknown stage "x"'],
    ['a JSON line with a bad stage', '{"name":"Ann"}\n{"name":"Bo","stage":"x"}\n', [], 'p.txt: line 2: unknown stage "x"'],
    ['a name that is not text', '[{"name":42}]', [], 'p.txt: item 1: the name must be text'],
  ])('refuses %s with exit 2 and changes nothing', async (_, text, extra, message) => {
    const run = await runCx(dir, ['import', file(dir, 'p.txt', text), ...extra]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toMatch(/cx: nothing was imported: 1 row has a problem; fix it and import again\n$/);
    expect(rosterBytes(dir)).toBeNull();
  });

  it.each([
    ['a missing file', ['nope.csv'], 'cx: cannot read the import file nope.csv: no such file\n'],
    ['a header and no rows', ['header-only.csv'], 'cx: header-only.csv has no people to import\n'],
    [
      'an unknown --format',
      ['x.csv', '--format', 'xml'],
      "cx: option '--format <format>' argument 'xml' is invalid. Allowed choices are csv, json.\n",
    ],
  ])('exits 2 on %s', async (_, args, stderr) => {
    file(dir, 'header-only.csv', 'name,stage\n');
    const run = await runCx(dir, ['import', ...args]);
    expect(run).toEqual({ status: 2, stdout: '', stderr });
    expect(rosterBytes(dir)).toBeNull();
  });

  it('prints the outcome as JSON with --json', async () => {
    seed('danaSam');
    const run = await runCx(dir, ['import', '-', '--json'], {
      input: 'name,stage,team\nDana Lee,4,\nSam Ortiz,,Finance\nKim Park,,Sales\n',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      dryRun: false,
      added: 1,
      updated: 1,
      unchanged: 1,
      people: [
        { name: 'Dana Lee', outcome: 'updated', changes: [{ field: 'stage', from: 'buy-in', to: 'commitment' }] },
        { name: 'Sam Ortiz', outcome: 'unchanged', changes: [] },
        {
          name: 'Kim Park',
          outcome: 'added',
          changes: [
            { field: 'name', from: null, to: 'Kim Park' },
            { field: 'team', from: null, to: 'Sales' },
          ],
        },
      ],
    });
    expect(person(dir, 'Kim Park').team).toBe('Sales');
  });

  // A synchronous read of stdin fails with EAGAIN when the pipe's writer is slower than cx.
  // Spawns the built binary: only a real pipe is slow to start.
  it('reads stdin from a pipe that is slow to start, as in `cx export | cx import -`', () => {
    file(dir, 'p.json', '[{"name":"Ann"}]');
    const run = bash(dir, '(sleep 0.5; cat p.json) | $CX import -');
    expect(run).toEqual({ status: 0, stdout: 'Imported stdin (JSON): 1 added, 0 updated, 0 unchanged.\n', stderr: '' });
  });
});

describe('cx export', () => {
  beforeEach(() => seed('exportable'));

  it('prints the whole roster to stdout as pretty JSON sorted by name, with history, and nothing on stderr', async () => {
    const run = await runCx(dir, ['export']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const people = JSON.parse(run.stdout);
    expect(run.stdout).toBe(`${JSON.stringify(people, null, 2)}\n`);
    expect(people.map((p: Person) => p.name)).toEqual(['amy adams', 'Bob Brown', 'Zed Young']);
    expect(people[0]).toMatchObject({ stage: 'skepticism', stageSource: 'set', notes: 'a, "b"' });
    expect(people[0].history).toEqual([
      {
        at: '2026-11-01T09:00:00.000Z',
        source: 'set',
        changes: [
          { field: 'name', from: null, to: 'amy adams' },
          { field: 'stage', from: null, to: 'skepticism' },
          { field: 'notes', from: null, to: 'a, "b"' },
        ],
      },
    ]);
    expect(Object.keys(people[0]).slice(0, 4)).toEqual(['name', 'stage', 'disposition', 'reasons']);
  });

  it('takes --json as every other command that prints data does (the same as --format json)', async () => {
    expect(await runCx(dir, ['export', '--json'])).toEqual(await runCx(dir, ['export']));
    const both = await runCx(dir, ['export', '--json', '--format', 'csv']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("option '--json' cannot be used with option '--format <format>'");
  });

  it('guards cells a spreadsheet would run as formulas, and an import takes the guard off again', async () => {
    const risky = tempDir();
    await ok(risky, ['set', '=HYPERLINK("http://x")', '@Sam', '--add', '--note', '-1 and +2', '--team', "'=kept as typed"]);
    const csvText = (await ok(risky, ['export', '--format', 'csv'])).stdout;
    expect(csvText).toContain('\n"\'=HYPERLINK(""http://x"")",');
    expect(csvText).toContain("\n'@Sam,");
    expect(csvText).toContain(",'-1 and +2,");
    expect(csvText).toContain(",''=kept as typed,"); // one apostrophe more, taken off again on import
    for (const line of csvText.split('\n').slice(1)) expect(line).not.toMatch(/(^|,)[=+\-@]/);
    const copy = tempDir();
    await ok(copy, ['import', '-'], { input: csvText });
    expect((await ok(copy, ['export', '--format', 'csv'])).stdout).toBe(csvText);
    expect(JSON.parse((await ok(copy, ['show', '@Sam', '--json'])).stdout)).toMatchObject({
      name: '@Sam',
      notes: '-1 and +2',
      team: "'=kept as typed",
    });
  });

  it('prints CSV with --format csv', async () => {
    const run = await runCx(dir, ['export', '--format', 'csv']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      'name,stage,disposition,reasons,confidence,stageSource,role,team,influence,notes,id,createdAt,updatedAt,assessment,history,log,target',
    );
    expect(lines[1]).toMatch(
      /^amy adams,skepticism,,,,set,,,,"a, ""b""",[0-9a-f-]{36},2026-11-01T09:00:00.000Z,2026-11-01T09:00:00.000Z,/,
    );
    expect(lines.slice(1, 4).map((line) => line.split(',')[0])).toEqual(['amy adams', 'Bob Brown', 'Zed Young']);
  });

  it.each([
    ['people.csv', [], 'CSV'],
    ['people.txt', [], 'JSON'],
    ['people.csv', ['--format', 'json'], 'JSON'],
    ['people.txt', ['--format', 'csv'], 'CSV'],
  ])('writes --output %s %j as %s, private to the user', async (name, extra, format) => {
    const path = join(dir, name);
    writeFileSync(path, 'old');
    chmodSync(path, 0o644);
    const run = await runCx(dir, ['export', '--output', name, ...extra]);
    expect(run).toEqual({ status: 0, stdout: '', stderr: `Exported 3 people to ${name} (${format}).\n` });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    if (format === 'CSV') expect(text.startsWith('name,stage,disposition,')).toBe(true);
    else expect(JSON.parse(text)).toHaveLength(3);
  });

  it('prints [] for an empty roster, and creates no roster file', async () => {
    const empty = tempDir();
    expect(await runCx(empty, ['export'])).toEqual({ status: 0, stdout: '[]\n', stderr: '' });
    expect(rosterBytes(empty)).toBeNull();
  });

  it('exits 1 with one line when the output file cannot be written, and leaves no temporary file', async () => {
    const run = await runCx(dir, ['export', '--output', join(dir, 'no-such-folder', 'x.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^cx: cannot write .*x\.json: /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('export and import round trip', () => {
  let source: string;
  beforeAll(async () => {
    source = tempDir();
    await assessIn(
      source,
      'Dana Lee',
      { ...buyIn, role: 'VP Operations', influence: 'high' },
      { CX_NOW: '2026-11-02T10:00:00Z' },
    );
    await assessIn(source, 'Sam Ortiz', skeptic, { CX_NOW: '2026-11-03T10:00:00Z' });
    await ok(
      source,
      ['set', 'Dana Lee', '--stage', 'commitment', '--reason', 'financial', '--note', 'said "yes", then\nasked for a plan'],
      {
        env: { CX_NOW: '2026-11-05T10:00:00Z' },
      },
    );
    await ok(
      source,
      ['set', 'Zoë Ångström', '王小明', '__proto__', "O'Brien", '--add', '--team', 'R&D, Europe', '--influence', 'medium'],
      {
        env: { CX_NOW: '2026-11-06T10:00:00Z' },
      },
    );
    const sheet = csv([
      ['name', 'disposition', 'reasons', 'notes', 'stage'],
      ['sam ortiz', 'outlier', 'unclear-role; other', '', ''],
      ['محمد علي', '', '', 'first line\nsecond, "quoted" line', '5'],
      ['Sam 🚀', 'advocate', '', '', ''],
    ]);
    await ok(source, ['import', '-'], { input: sheet, env: { CX_NOW: '2026-11-07T10:00:00Z' } });
  });

  it.each(['json', 'csv'])('restores the roster exactly through %s', async (format) => {
    const first = (await ok(source, ['export', '--format', format])).stdout;
    const copy = tempDir();
    const imported = await runCx(copy, ['import', '-'], { input: first });
    expect(imported).toEqual({
      status: 0,
      stdout: `Imported stdin (${format.toUpperCase()}): 8 added, 0 updated, 0 unchanged.\n`,
      stderr: '',
    });
    expect((await ok(copy, ['export', '--format', format])).stdout).toBe(first);
    // The copy holds the same records, not just the same columns.
    expect((await ok(copy, ['export'])).stdout).toBe((await ok(source, ['export'])).stdout);
    expect(person(copy, 'Dana Lee')).toMatchObject({ stage: 'commitment', stageSource: 'set', assessment: { stage: 'buy-in' } });
  });

  it.each(['json', 'csv'])('leaves the roster unchanged when its own %s export is imported back', async (format) => {
    const before = rosterBytes(source);
    const run = await runCx(source, ['import', '-'], { input: (await ok(source, ['export', '--format', format])).stdout });
    expect(run.stdout).toBe(`Imported stdin (${format.toUpperCase()}): 0 added, 0 updated, 8 unchanged.\n`);
    expect(rosterBytes(source)).toBe(before);
  });
});

describe('cx list on a terminal', () => {
  it('leaves out the optional columns, least needed first, until the table fits, and says which', async () => {
    seed('three');
    const wide = await runCx(dir, ['list'], { tty: true, columns: 200 });
    expect(wide.stdout.split('\n')[0]).toContain('Assessed');
    expect(wide.stderr).toBe('');
    const narrow = await runCx(dir, ['list'], { tty: true, columns: 80 });
    for (const line of narrow.stdout.trimEnd().split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(narrow.stdout.split('\n')[0]).toMatch(/^Name\s+Stage\s+Days\s+Disposition/);
    expect(narrow.stderr).toMatch(
      /^Assessed(, [A-Za-z ,]+)? left out to fit the terminal \(a wider one shows them; --json has everything\)\n$/,
    );
    // Into a pipe or a file: every column, whatever the width.
    expect((await runCx(dir, ['list'], { columns: 80 })).stdout.split('\n')[0]).toContain('Assessed');
  });
});

describe('cx list filters', () => {
  let shared: string;
  const at = (iso: string) => ({ env: { CX_NOW: iso } });
  beforeAll(async () => {
    shared = tempDir();
    await ok(
      shared,
      ['set', 'Old', '--add', '--stage', '2', '--disposition', 'outlier', '--team', 'Contact Centre', '--influence', 'high'],
      at('2026-10-01T09:00:00Z'),
    );
    await ok(shared, ['set', 'Ann', '--add', '--role', 'CFO'], at('2026-09-01T09:00:00Z'));
    await ok(
      shared,
      ['set', 'Mid', '--add', '--stage', 'skepticism', '--disposition', 'fence-sitter', '--team', 'Sales'],
      at('2026-11-10T09:00:00Z'),
    );
    await ok(
      shared,
      ['set', 'New', '--add', '--stage', '4', '--disposition', 'advocate', '--team', 'contact  centre', '--influence', 'low'],
      at('2026-11-20T09:00:00Z'),
    );
    await ok(shared, ['set', 'Ann', '--stage', 'action'], at('2026-11-22T09:00:00Z')); // added long ago, but her stage is new
  });
  const list = async (args: string[]) => await runCx(shared, ['list', ...args, '--json'], at('2026-11-24T09:00:00Z'));

  it.each([
    [[], ['Ann', 'Mid', 'New', 'Old']],
    [
      ['--stage', 'skepticism'],
      ['Mid', 'Old'],
    ],
    [
      ['--stage', '2,Commitment'],
      ['Mid', 'New', 'Old'],
    ],
    [['--disposition', 'outlier'], ['Old']],
    [
      ['--disposition', 'Fence sitter', 'ADVOCATE'],
      ['Mid', 'New'],
    ],
    [
      ['--team', 'CONTACT centre'],
      ['New', 'Old'],
    ],
    [['--influence', 'high'], ['Old']],
    [
      ['--influence', 'low', 'high'],
      ['New', 'Old'],
    ],
    [['--stuck', '30'], ['Old']],
    [
      ['--stuck', '14'],
      ['Mid', 'Old'],
    ],
    [
      ['--sort', 'stage'],
      ['Mid', 'Old', 'New', 'Ann'],
    ],
    [
      ['--sort', 'disposition'],
      ['Old', 'Mid', 'New', 'Ann'],
    ],
    [
      ['--sort', 'updated'],
      ['Ann', 'New', 'Mid', 'Old'],
    ],
    [
      ['--sort', 'stuck'],
      ['Old', 'Mid', 'New', 'Ann'],
    ],
    [
      ['--stage', '2', '--sort', 'stuck'],
      ['Old', 'Mid'],
    ],
    [['--team', 'contact centre', '--influence', 'low'], ['New']],
  ])('list %j --json → %j', async (args, names) => {
    const run = await list(args);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).map((p: Person) => p.name)).toEqual(names);
  });

  it('prints the filtered table with the days since the stage changed', async () => {
    const run = await runCx(shared, ['list', '--stuck', '30'], at('2026-11-24T09:00:00Z'));
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Name\s+Stage\s+Days\s+Disposition/);
    expect(lines[1]).toMatch(/^Old\s+2 Skepticism\s+54\s+Outlier\s+3 to Action\s+–\s+high\s+Contact Centre\s+never$/);
  });

  it('prints nothing on stdout and a message on stderr, with exit 0, when no one matches', async () => {
    expect(await runCx(shared, ['list', '--stage', 'ignorance'])).toEqual({
      status: 0,
      stdout: '',
      stderr: 'No one matches (4 in the roster).\n',
    });
    expect(await runCx(shared, ['list', '--stage', 'ignorance', '--json'])).toEqual({ status: 0, stdout: '[]\n', stderr: '' });
  });

  it.each([
    [['--stuck', 'x'], 'Use a whole number of days.'],
    [['--stuck', '-3'], ''],
    [['--sort', 'bogus'], 'Allowed choices are name, stage, disposition, updated, stuck.'],
    [['--stage', '9'], `Use a stage: ${STAGE_LIST} (or 1-5).`],
  ])('exits 2 on list %j', async (args, message) => {
    const run = await runCx(shared, ['list', ...args, '--json']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^cx: /);
    expect(run.stderr).toContain(message);
  });
});

describe('cx rm', () => {
  beforeEach(() => seed('three'));

  it('removes people with --yes and says who', async () => {
    const run = await runCx(dir, ['rm', 'dana lee', 'Sam Ortiz', 'DANA LEE', '--yes']);
    expect(run).toEqual({ status: 0, stdout: 'Removed "Dana Lee", "Sam Ortiz".\n', stderr: '' });
    expect(storedNames(dir)).toEqual(['Kim Park']);
    expect((await runCx(dir, ['rm', 'Kim Park', '-y'])).stdout).toBe('Removed "Kim Park".\n');
    expect(storedNames(dir)).toEqual([]);
  });

  it('without a terminal and without --yes, exits 2 and removes no one', async () => {
    const before = rosterBytes(dir);
    const run = await runCx(dir, ['rm', 'Dana Lee']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'cx: removing "Dana Lee" asks first, and stdin is not a terminal; add --yes to go ahead without asking\n',
    );
    expect(rosterBytes(dir)).toBe(before);
  });

  it('refuses a typo with a suggestion, even with --yes, and removes no one', async () => {
    const before = rosterBytes(dir);
    const run = await runCx(dir, ['rm', 'Sam Ortiz', 'Dana Le', '--yes']);
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: 'cx: no one called "Dana Le" in the roster; did you mean "Dana Lee"?\n',
    });
    expect(rosterBytes(dir)).toBe(before);
  });

  it('exits 2 on an empty roster', async () => {
    const run = await runCx(tempDir(), ['rm', 'Dana Lee', '--yes']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no one is in the roster yet');
  });

  // Spawns the built binary in a pseudo-terminal: the question as shown, the keys as typed, Ctrl+C.
  describe('in a terminal', () => {
    let terminal: Terminal | undefined;
    afterEach(() => terminal?.kill());

    it.each([
      ['n then Enter', `n${KEY.enter}`, ['Dana Lee', 'Sam Ortiz', 'Kim Park']],
      ['Enter alone', KEY.enter, ['Dana Lee', 'Sam Ortiz', 'Kim Park']],
      ['y then Enter', `y${KEY.enter}`, ['Kim Park']],
    ])('asks first; %s', async (_, keys, left) => {
      const before = rosterBytes(dir);
      terminal = new Terminal(['rm', 'Dana Lee', 'sam ortiz'], dir);
      await terminal.answer('Remove "Dana Lee", "Sam Ortiz" (2 people) and their history from the roster?', keys);
      expect(await terminal.exited).toBe(0);
      expect(storedNames(dir)).toEqual(left);
      if (left.length === 3) {
        expect(terminal.text).toContain('Nothing was removed.');
        expect(rosterBytes(dir)).toBe(before);
      } else {
        expect(terminal.text).toContain('Removed "Dana Lee", "Sam Ortiz".');
      }
    });

    it('stops on Ctrl+C with exit 130 and removes no one', async () => {
      const before = rosterBytes(dir);
      terminal = new Terminal(['rm', 'Dana Lee'], dir);
      await terminal.answer('Remove "Dana Lee" and their history', KEY.ctrlC);
      expect(await terminal.exited).toBe(130);
      expect(terminal.text).toContain('cx: Stopped; nothing was removed.');
      expect(rosterBytes(dir)).toBe(before);
    });
  });
});

describe('cx completion', () => {
  /**
   * What bash completes for each list of words typed so far (the last word is the one being completed), in
   * one bash run. Spawns the built binary: bash sources its script, which runs cx for the names.
   */
  function complete(configDir: string, cases: readonly string[][]): string[][] {
    const steps = cases.map(
      (words) =>
        `COMP_WORDS=(${words.map(quote).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _cx; printf '%s\\n' "\${COMPREPLY[@]}"; echo @@end`,
    );
    const script = [`source <(${NODE_CX} completion bash)`, `cx() { ${NODE_CX} "$@"; }`, ...steps].join('\n');
    const run = bash(configDir, script);
    if (run.status !== 0) throw new Error(`bash exited ${run.status}: ${run.stderr}`);
    return run.stdout
      .split('@@end\n')
      .slice(0, cases.length)
      .map((block) => block.split('\n').filter(Boolean));
  }

  const CASES: [string[], string[]][] = [
    [['cx', 'set', '--stage', 'b'], ['buy-in']],
    [
      ['cx', 'list', '--stage', ''],
      ['ignorance', 'skepticism', 'buy-in', 'commitment', 'action'],
    ],
    [['cx', 'set', 'Dana Lee', '--disposition', 'f'], ['fence-sitter']],
    [['cx', 'set', '--reason', 'fi'], ['financial']],
    [
      ['cx', 'list', '--sort', 's'],
      ['stage', 'stuck'],
    ],
    [['cx', 'import', '--format', 'j'], ['json']],
    [['cx', 'sh'], ['show']],
    [['cx', '--no-color', 'sh'], ['show']],
    [
      ['cx', 'list', '--st'],
      ['--stage', '--stuck'],
    ],
    [
      ['cx', 'rm', '-'],
      ['--yes', '--help'],
    ],
    [['cx', 'show', 'Da'], ['Dana\\ Lee']],
    [['cx', 'show', 'da'], ['Dana\\ Lee']],
    [['cx', 'show', '"da'], ['Dana\\ Lee']],
    [['cx', 'assess', 'dana\\ l'], ['Dana\\ Lee']],
    [['cx', 'rm', "o\\'b"], ["O\\'Brien"]],
    [['cx', 'set', 'zo'], ['Zoë\\ Ångström']],
    [
      ['cx', 'tactics', 'o'],
      ['outlier', 'outside-authority', "O\\'Brien"],
    ],
    [['cx', 'show', 'x'], []],
    [
      ['cx', 'completion', ''],
      ['bash', 'zsh'],
    ],
    // Every option's own values: stages for a target, outcomes, files, and nothing for free text.
    [['cx', 'set', 'Dana Lee', '--target', 'b'], ['buy-in']],
    [
      ['cx', 'log', 'Dana Lee', 'x', '--outcome', ''],
      ['worked', 'waiting', 'declined', 'requested'],
    ],
    [['cx', 'assess', 'Dana Lee', '--answers', 'answers-f'], ['answers-file.json']],
    [['cx', 'set', 'Dana Lee', '--note', 'Da'], []],
    [['cx', 'log', 'Dana Lee', 'x', '--date', ''], []],
  ];
  let results: string[][] = [];
  let commands: string[] = [];
  beforeAll(async () => {
    const shared = tempDir();
    await ok(shared, ['set', 'Dana Lee', "O'Brien", 'Zoë Ångström', 'Sam Ortiz', '--add']);
    writeFileSync(join(shared, 'answers-file.json'), '{}');
    const all = complete(shared, [['cx', 's'], ...CASES.map(([words]) => words)]);
    commands = all[0] ?? [];
    results = all.slice(1);
  });

  it.each(CASES.map(([words, expected], index) => [words, expected, index] as const))(
    'bash completes %j as %j',
    (_, expected, index) => {
      expect(results[index]).toEqual(expected);
    },
  );

  it('bash completes command names: "cx s" gives show and set, and only commands', () => {
    expect(commands).toEqual(expect.arrayContaining(['show', 'set']));
    expect(commands.indexOf('show')).toBeLessThan(commands.indexOf('set'));
    for (const word of commands) expect(word).toMatch(/^s[a-z]+$/);
    expect(commands).not.toContain('__names');
  });

  it('completes no names, and prints no error, when the roster is damaged', () => {
    const broken = tempDir();
    writeFileSync(rosterFile(broken), '{"people":[');
    expect(complete(broken, [['cx', 'show', '']])).toEqual([[]]);
  });

  it('prints a zsh script that registers itself', async () => {
    const run = await runCx(dir, ['completion', 'zsh']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.startsWith('#compdef cx\n')).toBe(true);
    expect(run.stdout).toContain('compdef _cx cx');
    expect(run.stdout).toContain('buy-in');
  });

  const hasZsh = spawnSync('zsh', ['-c', 'true']).status === 0;
  it.skipIf(!hasZsh)('prints a zsh script that zsh -n accepts', async () => {
    const script = (await runCx(dir, ['completion', 'zsh'])).stdout;
    const check = spawnSync('zsh', ['-n'], { input: script, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
  });

  it('prints a bash script that bash -n accepts', async () => {
    const script = (await runCx(dir, ['completion', 'bash'])).stdout;
    expect(script).toContain('complete -F _cx cx');
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
  });

  it.each([['fish']])('exits 2 for %s', async (shell) => {
    const run = await runCx(dir, ['completion', shell]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('bash or zsh');
  });
});

describe('names are data', () => {
  const NAMES = [
    'j.smith',
    '__proto__',
    'constructor',
    "O'Brien",
    'Zoë Ångström',
    'محمد علي',
    '王小明',
    'Sam 🚀',
    'toString',
    'a,b "c"',
  ];
  // A spelling that must find the same person: other case, and for Zoë, decomposed accents.
  const other = (name: string): string =>
    name === 'Zoë Ångström' ? 'ZOE\u0308 A\u030ANGSTRÖM' : name === name.toUpperCase() ? ` ${name}  ` : name.toUpperCase();

  let shared: string;
  let setRun: Run;
  let csvRun: Run;
  let jsonRun: Run;
  beforeAll(async () => {
    shared = tempDir();
    setRun = await runCx(shared, ['set', ...NAMES, '--add', '--stage', 'buy-in']);
    csvRun = await runCx(shared, ['import', '-'], {
      input: csv([['name', 'role'], ...NAMES.map((name) => [other(name), 'Boss'])]),
    });
    jsonRun = await runCx(shared, ['import', '-'], {
      input: NAMES.map((name) => JSON.stringify({ name: name.toLowerCase(), team: `Team ${name}` })).join('\n'),
    });
  });

  it('adds them with set --add and prints them as typed', () => {
    expect(setRun.status).toBe(0);
    expect(setRun.stdout).toBe(NAMES.map((name) => `${name}: added: stage buy-in\n`).join(''));
  });

  it('matches them in CSV and JSON imports, ignoring case', () => {
    expect(csvRun).toEqual({
      status: 0,
      stdout: `Imported stdin (CSV): 0 added, ${NAMES.length} updated, 0 unchanged.\n`,
      stderr: '',
    });
    expect(jsonRun).toEqual({
      status: 0,
      stdout: `Imported stdin (JSON): 0 added, ${NAMES.length} updated, 0 unchanged.\n`,
      stderr: '',
    });
  });

  it('stores them as values in a list, never as keys', () => {
    const file = JSON.parse(rosterBytes(shared) ?? '{}');
    expect(Object.keys(file).sort()).toEqual(['people', 'version']);
    expect(file.people.map((p: Person) => [p.name, p.stage, p.role, p.team])).toEqual(
      NAMES.map((name) => [name, 'buy-in', 'Boss', `Team ${name}`]),
    );
    for (const p of file.people) expect(Object.keys(p)).not.toContain(p.name);
  });

  it('lists them with list --json, and prints them in the table', async () => {
    const run = await runCx(shared, ['list', '--json']);
    expect(run.stderr).toBe('');
    const names = JSON.parse(run.stdout).map((p: Person) => p.name);
    expect([...names].sort()).toEqual([...NAMES].sort());
    const rows = (await runCx(shared, ['list'])).stdout.trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(NAMES.length);
    for (const name of NAMES) expect(rows.filter((row) => row.startsWith(`${name} `))).toHaveLength(1);
  });

  it.each(NAMES)('shows %j, found by another spelling of the name', async (name) => {
    const run = await runCx(shared, ['show', other(name), '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ name, stage: 'buy-in', role: 'Boss', team: `Team ${name}` });
  });

  it.each(["O'Brien", 'Zoë Ångström', 'محمد علي'])('prints %j in its profile as typed', async (name) => {
    expect((await runCx(shared, ['show', name])).stdout.split('\n')[0]).toBe(`${name}  (Boss, Team ${name})`);
  });

  it('keeps them through an export and an import into an empty roster', async () => {
    for (const format of ['json', 'csv']) {
      const first = (await ok(shared, ['export', '--format', format])).stdout;
      const copy = tempDir();
      await ok(copy, ['import', '-', '--format', format], { input: first });
      expect((await ok(copy, ['export', '--format', format])).stdout, format).toBe(first);
      expect(storedNames(copy).sort(), format).toEqual([...NAMES].sort());
    }
  });
});

describe('data on stdout, messages on stderr', () => {
  beforeEach(() => seed('three'));

  it.each([
    [['export'], (data: Person[]) => data.map((p) => p.name), ['Dana Lee', 'Kim Park', 'Sam Ortiz']],
    [['import', '-', '--dry-run', '--json'], (data: { updated: number }) => data.updated, 1],
  ] as const)('%j prints only data on stdout and nothing on stderr', async (args, pick, expected) => {
    const run = await runCx(dir, [...args], { input: 'name,stage\nDana Lee,4\n' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect((pick as (data: never) => unknown)(JSON.parse(run.stdout) as never)).toEqual(expected);
  });

  it.each([
    [['import', '-', '--json'], 'name,stage\nDana Lee,bogus\n'],
    [['set', 'Dana Le', '--stage', '1', '--json'], ''],
    [['export', '--format', 'xml'], ''],
  ])('%j puts its problems on stderr only, with exit 2', async (args, input) => {
    const run = await runCx(dir, args, { input });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toBe('');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  // Spawns the built binary: EPIPE from a real pipe whose reader has gone.
  it('stops quietly when the reader of its output goes away (cx export | head -c 1)', async () => {
    const big = csv([['name', 'notes'], ...Array.from({ length: 2000 }, (_, i) => [`P${i}`, 'x'.repeat(200)])]);
    await ok(dir, ['import', file(dir, 'big.csv', big)]);
    const run = bash(dir, '$CX export | head -c 1 >/dev/null; echo "exit ${PIPESTATUS[0]}"');
    expect(run.stdout).toBe('exit 0\n');
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('exit codes', () => {
  it.each([
    [['set', 'Dana Lee', '--stage', '1']],
    [['import', '-']],
    [['export']],
    [['rm', 'Dana Lee', '--yes']],
    [['list', '--stage', '1']],
    [['show', 'Dana Lee']],
  ])('%j exits 1 on a damaged roster, names the file and leaves it alone', async (args) => {
    writeFileSync(rosterFile(dir), '{"version":1,"people":[');
    const run = await runCx(dir, args, { input: 'name,stage\nDana Lee,2\n' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(rosterFile(dir));
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(readFileSync(rosterFile(dir), 'utf8')).toBe('{"version":1,"people":[');
  });

  it.each([[['set']], [['import']], [['rm']], [['completion']]])('%j is a usage error: exit 2, no stack trace', async (args) => {
    const run = await runCx(dir, args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^cx: /);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(rosterFile(dir))).toBe(false);
  });
});

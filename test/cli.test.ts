// Every command against a temporary roster folder, run in-process through main(); the few tests that
// need the built binary in a real process say why.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, assessIn, cx, run as runCx, rosterBytes, rosterFile, tempDir } from './helpers/cli.js';
import { TACTICS } from '../src/domain/model.js';

const ESC = '\u001b[';
const buyIn = { understands: 'yes', relevant: 'yes', endorses: 'yes', pledged: 'no', stance: 'keen', participation: 'recruits' };
const skeptic = { understands: 'yes', relevant: 'no', 'doubt-reason': 'roi-unclear', stance: 'neutral', participation: 'joins' };

let dir: string;
beforeEach(() => {
  dir = tempDir();
});

describe('cx (the program)', () => {
  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const run = await runCx(dir, ['--version']);
    expect(run).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('explains itself with --help: commands, examples and exit codes', async () => {
    const run = await runCx(dir, ['--help']);
    expect(run.status).toBe(0);
    for (const text of ['assess', 'show', 'list', 'tactics', 'questions', 'where', 'Examples:', 'Exit codes:', '130']) {
      expect(run.stdout).toContain(text);
    }
  });

  it('shows help for each command', async () => {
    for (const command of ['assess', 'show', 'list', 'tactics', 'questions', 'where']) {
      const run = await runCx(dir, [command, '--help']);
      expect(run.status, command).toBe(0);
      expect(run.stdout, command).toContain(`Usage: cx ${command}`);
    }
  });

  it.each([
    ['no command', []],
    ['an unknown command', ['asess', 'Dana']],
    ['an unknown option', ['list', '--colour']],
    ['a missing name', ['assess']],
  ])('exits 2 on %s, without a stack trace', (_, args) => {
    // Spawns the built binary: the exit code as the launcher sets it, and nothing more from Node.
    const run = cx(dir, args);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('suggests the command meant', async () => {
    expect((await runCx(dir, ['asess', 'Dana'])).stderr).toContain('assess');
  });
});

describe('cx where', () => {
  it('prints the roster path inside CX_CONFIG_DIR without creating anything', async () => {
    const run = await runCx(dir, ['where']);
    expect(run).toMatchObject({ status: 0, stdout: `${rosterFile(dir)}\n` });
    expect(rosterBytes(dir)).toBeNull();
  });
});

describe('cx assess --answers', () => {
  it('assesses from a file, prints the profile and saves the person', async () => {
    const file = join(dir, 'dana.json');
    writeFileSync(file, JSON.stringify(buyIn));
    const run = await runCx(dir, ['assess', 'Dana Lee', '--answers', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Dana Lee');
    expect(run.stdout).toMatch(/Stage\s+Buy-in \(3 of 5\)\s+"Someone should do CX\."/);
    expect(run.stdout).toMatch(/Disposition\s+Advocate/);
    expect(run.stdout).toContain('[scarcity]');
    expect(run.stdout).toContain('[enlist]');
    expect(run.stdout).toContain('pledged = no');
    expect(run.stdout).toContain('Watch for signs Dana Lee has reached Commitment');
    expect(run.stderr).toContain('Saved Dana Lee');
    const saved = JSON.parse(rosterBytes(dir) ?? '{}');
    expect(saved.people).toHaveLength(1);
    expect(saved.people[0]).toMatchObject({ name: 'Dana Lee', stage: 'buy-in', disposition: 'advocate' });
  });

  it('notes a new name close to a known one (a typo, most likely), and how to take it back', async () => {
    await assessIn(dir, 'Mo Haddad', {});
    const run = await runCx(dir, ['assess', 'Mo Hadad', '--answers', '-', '--json'], { input: '{}' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ name: 'Mo Hadad' });
    expect(run.stderr).toBe(
      'cx: note: "Mo Hadad" is new to the roster (did you mean "Mo Haddad"?); cx undo takes this change back\n',
    );
    expect((await runCx(dir, ['assess', 'Mo Hadad', '--answers', '-'], { input: '{}' })).stderr).not.toContain('note:');
    expect((await runCx(dir, ['assess', 'Sam Ortiz', '--answers', '-'], { input: '{}' })).stderr).not.toContain('note:');
  });

  it('reads answers from stdin with "-" and prints JSON with --json', async () => {
    const run = await assessIn(dir, 'Sam Ortiz', skeptic);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      name: 'Sam Ortiz',
      stage: 'skepticism',
      disposition: 'fence-sitter',
      reasons: ['roi-unclear'],
      confidence: 'high',
      result: { blocker: { question: 'relevant', answer: 'no', stage: 'skepticism' } },
    });
    // Their doubt is known: the business case, with no need to find out what holds them back.
    expect(result.tactics.map((t: { id: string }) => t.id)).toEqual(['business-case']);
    expect(result.nextStep).toMatchObject({ kind: 'tactic', tactic: 'business-case' });
    expect(result.target).toBe('action');
    expect(result.tactics[0].actions.join(' ')).toContain('Sam Ortiz');
  });

  it('counts missing answers as "don\'t know" and says what to find out', async () => {
    const run = await runCx(dir, ['assess', 'Kim Park', '--answers', '-'], { input: '{}' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Stage\s+Ignorance/);
    expect(run.stdout).toMatch(/Confidence\s+low/);
    expect(run.stdout).toContain('To find out');
    expect(run.stdout).toContain('Find out what Kim Park thinks CX is');
  });

  it('places someone by what they did, shows the "no" beneath as a conflict, and owes the step they skipped', async () => {
    const run = await runCx(dir, ['assess', 'Lee Chan', '--answers', '-'], {
      input: JSON.stringify({ understands: 'no', pledged: 'yes', acted: 'no', stance: 'keen', participation: 'joins' }),
    });
    expect(run.stdout).toMatch(/Stage\s+Commitment/);
    expect(run.stdout).toContain('! understands = no');
    expect(run.stdout).toContain("relevant = don't know: not known, but implied");
    expect(run.stdout).toContain('Conflicting answers: cx places Lee Chan by what they did');
    expect(run.stdout).toMatch(/Confidence\s+medium/);
    expect(run.stdout).toMatch(/\[social-proof\][\s\S]*\[educate\]/);
  });

  it('says which answers in a file it left out, as the questionnaire would not ask them', async () => {
    const run = await runCx(dir, ['assess', 'Priya Desai', '--answers', '-'], {
      input: JSON.stringify({ understands: 'yes', stance: 'neutral', 'outlier-reasons': ['financial'] }),
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      'cx: note: left out of stdin: outlier-reasons is asked only when stance is resistant, or participation is declines',
    );
  });

  it('on the first assessment of someone added by hand, says so, and the stage they were set at', async () => {
    await runCx(dir, ['set', 'Helen Marsh', '--add', '--stage', 'buy-in'], { env: { CX_NOW: '2027-03-01T09:00:00Z' } });
    await runCx(dir, ['log', 'Helen Marsh', 'Coffee'], { env: { CX_NOW: '2027-03-29T11:00:00Z' } });
    const run = await runCx(dir, ['assess', 'Helen Marsh', '--answers', '-'], {
      input: JSON.stringify(buyIn),
      env: { CX_NOW: '2027-04-19T10:00:00Z' },
    });
    expect(run.stdout).toContain('first assessment; the stage before was Buy-in (set by cx set), and it holds');
    expect(run.stdout).not.toContain('since the assessment of');
  });

  it('on a re-assessment, says what moved since the last one', async () => {
    await assessIn(dir, 'Dana Lee', skeptic, { CX_NOW: '2026-11-02T10:00:00Z' });
    const run = await runCx(dir, ['assess', 'dana  LEE', '--answers', '-'], {
      input: JSON.stringify(buyIn),
      env: { CX_NOW: '2026-11-24T10:00:00Z' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Skepticism → Buy-in');
    expect(run.stdout).toContain('since the assessment of 2026-11-02');
    expect(run.stderr).toContain('Updated Dana Lee');
    const saved = JSON.parse(rosterBytes(dir) ?? '{}');
    expect(saved.people).toHaveLength(1);
    expect(saved.people[0].history.map((entry: { at: string }) => entry.at.slice(0, 10))).toEqual(['2026-11-02', '2026-11-24']);
  });

  it.each([
    ['an unknown question', '{"mood":"happy"}', 'unknown question "mood"'],
    ['an unknown choice', '{"understands":"maybe"}', '"understands" cannot be "maybe"'],
    ['broken JSON', '{"understands":', 'not valid JSON'],
    ['a list instead of an object', '["yes"]', 'JSON object'],
  ])('refuses %s with exit 2 and saves nothing', async (_, input, message) => {
    await assessIn(dir, 'Dana Lee', skeptic);
    const before = rosterBytes(dir);
    const run = await runCx(dir, ['assess', 'Dana Lee', '--answers', '-'], { input });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
    expect(rosterBytes(dir)).toBe(before);
  });

  it('refuses a missing answers file', async () => {
    const run = await runCx(dir, ['assess', 'Dana Lee', '--answers', 'nope.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot read the answers file nope.json: no such file');
    expect(rosterBytes(dir)).toBeNull();
  });

  it('without a terminal and without --answers, exits 2 naming --answers and saves nothing', async () => {
    const run = await runCx(dir, ['assess', 'Dana Lee']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--answers');
    expect(rosterBytes(dir)).toBeNull();
  });

  it.each([
    ['an empty name', '   ', 'cannot be empty'],
    ['a name with escape codes', 'Dana\u001b]0;pwned\u0007', 'control characters'],
    [
      'a name too long, shown by its start',
      'A'.repeat(5000),
      `at most 200 characters long: "${'A'.repeat(40)}…" (5000 characters)\n`,
    ],
  ])('refuses %s', async (_, name, message) => {
    const run = await runCx(dir, ['assess', name, '--answers', '-'], { input: '{}' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('\u001b]0;');
  });

  it.each(['j.smith', '__proto__', 'constructor', "O'Brien", 'Zoë Ångström', '王小明', 'محمد علي', 'Sam 🚀'])(
    'stores %j as a name, not a key path',
    async (name) => {
      await assessIn(dir, name, buyIn);
      const saved = JSON.parse(rosterBytes(dir) ?? '{}');
      expect(saved.people.map((p: { name: string }) => p.name)).toEqual([name]);
      expect(JSON.parse((await runCx(dir, ['show', name, '--json'])).stdout).name).toBe(name);
    },
  );
});

describe('cx show', () => {
  beforeEach(async () => {
    await assessIn(dir, 'Dana Lee', skeptic, { CX_NOW: '2026-11-02T10:00:00Z' });
    await assessIn(dir, 'Dana Lee', buyIn, { CX_NOW: '2026-11-24T10:00:00Z' });
  });

  it('prints the profile, the reasons behind it, the tactics and the history', async () => {
    const run = await runCx(dir, ['show', 'dana lee']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Stage\s+Buy-in/);
    expect(run.stdout).toContain('Why');
    expect(run.stdout).toContain('pledged = no');
    expect(run.stdout).toContain('[scarcity]');
    expect(run.stdout).toContain('History');
    expect(run.stdout).toContain('2026-11-02 assess: added: stage skepticism');
    expect(run.stdout).toContain('2026-11-24 assess: stage skepticism → buy-in');
  });

  it('prints one JSON object with the stable fields and the tactics that apply now', async () => {
    const record = JSON.parse((await runCx(dir, ['show', 'Dana Lee', '--json'])).stdout);
    expect(Object.keys(record).slice(0, 3)).toEqual(['name', 'stage', 'disposition']);
    expect(record).toMatchObject({ name: 'Dana Lee', stage: 'buy-in', disposition: 'advocate', reasons: [] });
    expect(record.tactics.map((t: { id: string }) => t.id)).toEqual(['scarcity', 'enlist']);
    expect(record.history).toHaveLength(2);
    expect(record.assessment.answers).toMatchObject({ pledged: 'no' });
    expect(typeof record.id).toBe('string');
  });

  it('suggests the closest name for a typo, with exit 2', async () => {
    const run = await runCx(dir, ['show', 'Dana Le']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('did you mean "Dana Lee"?');
  });
});

describe('cx list', () => {
  it('says how to start when the roster is empty', async () => {
    const run = await runCx(dir, ['list']);
    expect(run).toMatchObject({ status: 0, stdout: '' });
    expect(run.stderr).toContain('cx assess');
    expect(JSON.parse((await runCx(dir, ['list', '--json'])).stdout)).toEqual([]);
  });

  it('prints a table of everyone, and the same people as JSON', async () => {
    await assessIn(dir, 'Dana Lee', buyIn);
    await assessIn(dir, 'Sam Ortiz', skeptic);
    const run = await runCx(dir, ['list']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Name\s+Stage\s+Days\s+Disposition\s+To target\s+Confidence/);
    expect(lines[1]).toMatch(/^Dana Lee\s+3 Buy-in\s+0\s+Advocate\s+2 to Action\s+high/);
    expect(lines[2]).toMatch(/^Sam Ortiz\s+2 Skepticism\s+0\s+Fence-sitter\s+3 to Action\s+high/);
    const json = JSON.parse((await runCx(dir, ['list', '--json'])).stdout);
    expect(json.map((p: { name: string; stage: string }) => [p.name, p.stage])).toEqual([
      ['Dana Lee', 'buy-in'],
      ['Sam Ortiz', 'skepticism'],
    ]);
    expect(json[1].tactics[0].id).toBe('business-case');
  });

  it('lines up columns with wide characters', async () => {
    await assessIn(dir, '王小明', buyIn);
    await assessIn(dir, 'Al', buyIn);
    const lines = (await runCx(dir, ['list'])).stdout.split('\n');
    expect(lines[1]).toMatch(/^Al /);
    expect(lines[2]?.indexOf('3 Buy-in')).toBe((lines[1]?.indexOf('3 Buy-in') ?? 0) - 3); // 王小明 is 6 columns wide in 3 characters
  });
});

describe('cx tactics', () => {
  it.each(['buy-in', 'Buy-in', 'BUY IN', 'buy_in', 'buyin', '3'])('prints the playbook for the stage %j', async (stage) => {
    const run = await runCx(dir, ['tactics', stage]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('3. Buy-in');
    expect(run.stdout).toContain('[scarcity]');
    expect(run.stdout).toContain('Signs they have reached Commitment');
  });

  it('prints the playbook for a disposition', async () => {
    const run = await runCx(dir, ['tactics', 'outlier']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\[understand-why\][\s\S]*\[co-lead\][\s\S]*\[spotlight\]/);
  });

  it('prints the tactics for a person in the roster', async () => {
    await assessIn(dir, 'Sam Ortiz', skeptic);
    const run = await runCx(dir, ['tactics', 'sam ortiz']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('[business-case]');
    const json = JSON.parse((await runCx(dir, ['tactics', 'Sam Ortiz', '--json'])).stdout);
    expect(json).toMatchObject({
      name: 'Sam Ortiz',
      stage: 'skepticism',
      nextStep: { tactic: 'business-case' },
      tactics: [{ id: 'business-case' }],
    });
  });

  it('prints a stage as JSON', async () => {
    const json = JSON.parse((await runCx(dir, ['tactics', 'commitment', '--json'])).stdout);
    expect(json).toMatchObject({ id: 'commitment', label: 'Commitment', tactics: [{ id: 'social-proof' }] });
    expect(json.tactics[0].actions.length).toBeGreaterThanOrEqual(3);
  });

  it('exits 2 for something that is neither a stage, a disposition, a tactic nor a person', async () => {
    const run = await runCx(dir, ['tactics', 'purple']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ignorance, skepticism, buy-in, commitment, action');
    expect(run.stderr).toContain('cx tactics lists the tactics');
  });

  it('lists every tactic with its id when given no subject (the ids cx log --tactic takes)', async () => {
    const run = await runCx(dir, ['tactics']);
    expect(run.status).toBe(0);
    for (const id of TACTICS) expect(run.stdout).toContain(`[${id}]`);
    expect(run.stdout).toContain('For: Outliers');
    const json = JSON.parse((await runCx(dir, ['tactics', '--json'])).stdout);
    expect(json.map((tactic: { id: string }) => tactic.id)).toEqual([...TACTICS]);
  });

  it('prints one tactic, with what to do, given its id', async () => {
    expect((await runCx(dir, ['tactics', 'co lead'])).stdout).toBe((await runCx(dir, ['tactics', 'CO_LEAD'])).stdout);
    const run = await runCx(dir, ['tactics', 'Co-Lead']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Invite them to co-lead \[co-lead\]\n {2}For: Outliers\n/);
    expect(run.stdout).toContain('What to do\n  - ');
    expect(JSON.parse((await runCx(dir, ['tactics', 'co-lead', '--json'])).stdout)).toMatchObject({
      id: 'co-lead',
      actions: expect.any(Array),
    });
  });
});

describe('cx questions', () => {
  it('lists every question id and choice value', async () => {
    const run = await runCx(dir, ['questions']);
    expect(run.status).toBe(0);
    for (const text of [
      'understands',
      'thinks-they-do-it',
      'doubt-reason',
      'roi-unclear',
      'outlier-reasons',
      'already-doing-it',
    ]) {
      expect(run.stdout).toContain(text);
    }
  });

  it('prints JSON that a script can build an answers file from', async () => {
    const questions = JSON.parse((await runCx(dir, ['questions', '--json'])).stdout);
    const answers = Object.fromEntries(
      questions
        .filter((q: { kind: string }) => q.kind === 'one')
        .map((q: { id: string; choices: { value: string }[] }) => [q.id, q.choices[0]?.value]),
    );
    const result = JSON.parse((await assessIn(dir, 'Dana Lee', answers)).stdout);
    expect(result.stage).toBe('action');
  });
});

describe('colour', () => {
  beforeEach(async () => {
    await assessIn(dir, 'Dana Lee', buyIn);
  });

  it('is off when output is not a terminal', async () => {
    expect((await runCx(dir, ['show', 'Dana Lee'])).stdout).not.toContain(ESC);
  });

  it('is on when forced, and off again with NO_COLOR or --no-color', async () => {
    expect((await runCx(dir, ['show', 'Dana Lee'], { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await runCx(dir, ['show', 'Dana Lee'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runCx(dir, ['--no-color', 'show', 'Dana Lee'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runCx(dir, ['show', 'Dana Lee', '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runCx(dir, ['--no-colour', 'show', 'Dana Lee'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
  });
});

describe('the roster file', () => {
  it('is private to the user from the first write', async () => {
    const nested = join(dir, 'nested', 'cx');
    await runCx(nested, ['assess', 'Dana Lee', '--answers', '-'], { input: '{}' });
    expect(statSync(nested).mode & 0o777).toBe(0o700);
    expect(statSync(rosterFile(nested)).mode & 0o777).toBe(0o600);
  });

  it('when it is not valid JSON, every command stops with exit 1, names the file and leaves it alone', () => {
    // Spawns the built binary: exit 1 as the launcher sets it, with no stack trace from Node.
    mkdirSync(dir, { recursive: true });
    writeFileSync(rosterFile(dir), '{"version":1,"people":[');
    for (const args of [['list'], ['show', 'Dana'], ['assess', 'Dana', '--answers', '-']]) {
      const run = cx(dir, args, { input: '{}' });
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toContain(rosterFile(dir));
      expect(run.stderr).toContain('not valid JSON');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(rosterFile(dir), 'utf8')).toBe('{"version":1,"people":[');
  });

  it('when it has the wrong shape, says so and leaves it alone', async () => {
    writeFileSync(rosterFile(dir), '{"people":{"Dana":1}}');
    const run = await runCx(dir, ['list']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('not in the shape cx expects');
    expect(readFileSync(rosterFile(dir), 'utf8')).toBe('{"people":{"Dana":1}}');
  });
});

describe('found by a new user', () => {
  it('stops quietly when the reader of the help goes away (cx --help | head -1)', () => {
    // Spawns the built binary: a real pipe whose reader closes early.
    const run = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${BIN}" --help | head -1; "${process.execPath}" "${BIN}" assess --help | head -1`],
      {
        encoding: 'utf8',
        env: { ...process.env, CX_CONFIG_DIR: dir },
      },
    );
    expect(run.stdout).toBe('Usage: cx [options] [command]\nUsage: cx assess [options] <name>\n');
    expect(run.stderr).toBe('');
  });

  it.each([
    [['list', '--jsn'], "cx: unknown option '--jsn' (Did you mean --json?)\n"],
    [['log', 'Sam Ortiz'], "cx: missing required argument 'what'; cx log --help shows how, with examples\n"],
    [
      ['where', 'x'],
      "cx: too many arguments for 'where'. Expected 0 arguments but got 1; cx where --help shows how, with examples\n",
    ],
    [['help', 'nope'], 'cx: there is no command "nope"; the commands are: assess,'],
    [
      ['show', 'Dana', 'Lee'],
      `cx: too many arguments for 'show'. Expected 1 argument but got 2; a name with a space goes in quotes (cx show "Dana Lee"), and cx show --help shows how\n`,
    ],
    [
      ['log', 'Dana Lee', '-1 on the NPS'],
      `cx: unknown option '-1 on the NPS'; text that starts with "-" goes after -- (cx log "Dana Lee" -- "-1 on the NPS")\n`,
    ],
    [['set', 'Dana Lee', '--stage'], "cx: option '--stage <stage>' argument missing; cx set --help shows how, with examples\n"],
    // An empty value is refused, never read as this folder or as no filter at all.
    [['import', ''], "cx: command-argument value '' is invalid for argument 'file'. Give a file name, or - for standard input."],
    [
      ['export', '-o', ''],
      "cx: option '-o, --output <file>' argument '' is invalid. Give a file name, or - for standard output.",
    ],
    [
      ['list', '--team', ' '],
      "cx: option '--team <team>' argument ' ' is invalid. Give a value: an empty one would match nobody.",
    ],
    [['report', '--output', ' '], "cx: option '-o, --output <file>' argument ' ' is invalid. Give a file name"],
    [['list', '--stage', ''], "cx: option '--stage <stage...>' argument '' is invalid. Use a stage: ignorance,"],
  ])('explains a usage error %j on one line starting "cx:"', async (args, message) => {
    const run = await runCx(dir, args);
    expect(run.status).toBe(2);
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('suggests a stage for a typo in cx tactics, and takes the British spelling', async () => {
    await assessIn(dir, 'Dana Lee', buyIn);
    const run = await runCx(dir, ['tactics', 'skepticsm']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('did you mean "skepticism"?');
    expect(run.stderr).toContain('Stages: ignorance, skepticism');
    expect((await runCx(dir, ['tactics', 'scepticism'])).stdout).toContain('2. Skepticism');
  });

  it('counts days in the local time zone', () => {
    // Spawns the built binary: a process's time zone is fixed when it starts (this one's is UTC).
    const env = { TZ: 'America/Los_Angeles', CX_NOW: '2026-11-24T20:00:00-08:00' };
    const run = cx(dir, ['assess', 'Late Worker', '--answers', '-'], { input: '{}', env });
    expect(run.stdout).toMatch(/Assessed\s+2026-11-24/);
    expect(cx(dir, ['list'], { env }).stdout).toMatch(/Late Worker .* 2026-11-24/);
  });

  it("keeps a skeptic's doubt out of the disposition, and only shows it where it applies", async () => {
    const doubter = {
      understands: 'yes',
      relevant: 'no',
      'doubt-reason': 'roi-unclear',
      stance: 'neutral',
      participation: 'joins',
    };
    const run = await runCx(dir, ['assess', 'Bo', '--answers', '-'], { input: JSON.stringify(doubter) });
    expect(run.stdout).toMatch(/Doubt\s+return unclear\n\s+Disposition\s+Fence-sitter\n/);
    // Past Skepticism (they pledged since), the doubt no longer explains where they are.
    const pledged = await runCx(dir, ['assess', 'Cy', '--answers', '-'], {
      input: JSON.stringify({ ...doubter, relevant: 'yes', endorses: 'yes', pledged: 'yes', 'doubt-reason': undefined }),
    });
    expect(pledged.stdout).toMatch(/Disposition\s+Fence-sitter\n/);
    expect(pledged.stdout).not.toContain('Doubt');
  });

  it('takes a doubt only a skeptic has as evidence: past Ignorance, even where "understands" is not known', async () => {
    const run = await runCx(dir, ['assess', 'Ann', '--answers', '-'], {
      input: JSON.stringify({ relevant: 'no', 'doubt-reason': 'roi-unclear', stance: 'neutral', participation: 'joins' }),
    });
    expect(run.stdout).toMatch(/Stage\s+Skepticism/);
    expect(run.stdout).toMatch(/Doubt\s+return unclear\n/);
    expect(run.stdout).toMatch(/understands = don't know: not known, but their answer to\s+"doubt-reason"\s+shows it/);
  });

  it('refuses names with invisible or text-direction characters', async () => {
    for (const name of ['evil\u202Eltr', 'zero\u200Bwidth']) {
      const run = await runCx(dir, ['set', name, '--add']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('invisible or text-direction characters');
    }
  });

  it('reads a roster in "~/..." and creates no folder for commands that only read', () => {
    // Spawns the built binary: the store finds "~" with os.homedir(), which reads this process's HOME.
    const home = tempDir();
    const run = cx(dir, ['where'], { env: { HOME: home, CX_CONFIG_DIR: '~/cx-roster' } });
    expect(run.stdout).toBe(`${home}/cx-roster/roster.json\n`);
    expect(cx(dir, ['list'], { env: { HOME: home, CX_CONFIG_DIR: '~/cx-roster' } }).status).toBe(0);
    expect(existsSync(`${home}/cx-roster`)).toBe(false);
  });
});

describe('small things a user meets', () => {
  it('says where to find the commands after an unknown one', async () => {
    expect((await runCx(dir, ['nope'])).stderr).toBe("cx: unknown command 'nope'; cx --help lists the commands\n");
  });

  it('cuts very long names and roles in the list table on a terminal, and keeps them whole in a pipe', async () => {
    await runCx(dir, ['set', 'A'.repeat(120), '--add', '--role', 'Director of Contact Centre, Customer Operations North']);
    const line = (await runCx(dir, ['list'], { tty: true, columns: 400 })).stdout.split('\n')[1] ?? '';
    expect(line.startsWith(`${'A'.repeat(39)}…`)).toBe(true);
    expect(line).toContain('Director of Contact Centre, Customer Op…');
    const piped = (await runCx(dir, ['list'])).stdout.split('\n')[1] ?? '';
    expect(piped.startsWith(`${'A'.repeat(120)} `)).toBe(true);
    expect(piped).toContain('Director of Contact Centre, Customer Operations North');
  });

  it('says how to start when the board is empty', async () => {
    const run = await runCx(dir, ['board']);
    expect(run).toMatchObject({ status: 0, stdout: '' });
    expect(run.stderr).toContain('cx assess');
  });

  it('explains an export to a folder that does not exist, without temporary file names', async () => {
    const run = await runCx(dir, ['export', '--output', `${dir}/no/such/folder/x.json`]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`cx: cannot write ${dir}/no/such/folder/x.json: its folder does not exist\n`);
  });

  it('plans a past day without people added after it', async () => {
    await runCx(dir, ['set', 'Early', '--add'], { env: { CX_NOW: '2026-10-01T09:00:00Z' } });
    await runCx(dir, ['set', 'Late', '--add'], { env: { CX_NOW: '2026-11-20T09:00:00Z' } });
    const names = JSON.parse((await runCx(dir, ['todo', '--json', '--date', '2026-10-15'])).stdout).map(
      (item: { name: string }) => item.name,
    );
    expect(names).toEqual(['Early']);
  });
});

describe('bash completion of arguments', () => {
  it('offers names for the first argument of cx log only, and commands after cx help', async () => {
    // Spawns the built binary: bash runs the completion script, which runs cx for the names.
    await assessIn(dir, 'Dana Lee', buyIn);
    const script = `
      source <("${process.execPath}" "${BIN}" completion bash)
      cx() { "${process.execPath}" "${BIN}" "$@"; }
      t() { COMP_WORDS=("$@"); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _cx; echo "\${COMPREPLY[*]}"; }
      t cx log Da
      t cx log 'Dana\\ Lee' ''
      t cx help li`;
    const run = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, CX_CONFIG_DIR: dir } });
    expect(run.stdout).toBe('Dana\\ Lee\n\nlist\n');
  });
});

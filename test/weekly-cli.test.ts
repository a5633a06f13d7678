// cx log, cx todo and cx board, run in-process, on a roster with every stage and disposition.
import { beforeAll, describe, expect, it } from 'vitest';
import { run as runCx, rosterBytes, tempDir } from './helpers/cli.js';

const gates = (met: number) =>
  Object.fromEntries(['understands', 'relevant', 'endorses', 'pledged', 'acted'].map((id, i) => [id, i < met ? 'yes' : 'no']));
const keen = { stance: 'keen', participation: 'recruits' };
const neutral = { stance: 'neutral', participation: 'joins' };
const resistant = { stance: 'resistant', participation: 'declines' };

/** Five stages × three dispositions, assessed on fixed days. */
const PEOPLE: [string, string, object][] = [
  ['Ida Ignorant', '2026-10-01', { ...gates(0), ...neutral, team: 'Retail' }],
  ['Ivo Outlier', '2026-11-01', { ...gates(0), ...resistant }],
  ['Ada Advocate', '2026-11-20', { ...gates(0), ...keen }],
  ['Sam Ortiz', '2026-10-20', { ...gates(1), 'doubt-reason': 'roi-unclear', ...neutral, influence: 'medium' }],
  [
    'Rita Resist',
    '2026-11-01',
    { ...gates(1), 'doubt-reason': 'resists-change', ...resistant, 'outlier-reasons': ['financial'] },
  ],
  ['Dana Lee', '2026-10-01', { ...gates(3), ...resistant, influence: 'high', team: 'Support' }],
  ['Bea Buyin', '2026-11-01', { ...gates(3), ...keen }],
  ['Kim Park', '2026-11-02', { ...gates(4), ...keen, influence: 'high', team: 'Support' }],
  ['Cal Commit', '2026-11-15', { ...gates(4), ...neutral }],
  ['Priya Nair', '2026-11-10', { ...gates(5), ...keen, influence: 'high', team: 'Support' }],
  ['Otto Acting', '2026-11-10', { ...gates(5), ...resistant, 'outlier-reasons': ['already-doing-it'] }],
  ['Fay Fence', '2026-11-22', { ...gates(5), ...neutral }],
];

let dir: string;
const TODAY = { CX_NOW: '2026-11-24T09:00:00Z' };
beforeAll(async () => {
  dir = tempDir();
  for (const [name, day, answers] of PEOPLE) {
    const run = await runCx(dir, ['assess', name, '--answers', '-'], {
      input: JSON.stringify(answers),
      env: { CX_NOW: `${day}T09:00:00Z` },
    });
    if (run.status !== 0) throw new Error(run.stderr);
  }
  await runCx(dir, ['set', 'Sam Ortiz', '--stage', 'buy-in'], { env: { CX_NOW: '2026-11-20T09:00:00Z' } });
  // Talked to on the day she was mapped: stuck at Buy-in since, as nothing moved her.
  await runCx(dir, ['log', 'Dana Lee', 'First coffee', '--date', '2026-10-01'], { env: { CX_NOW: '2026-10-01T12:00:00Z' } });
  await runCx(dir, ['set', 'Nia New', '--add', '--role', 'COO'], { env: { CX_NOW: '2026-11-23T09:00:00Z' } });
});

describe('cx log', () => {
  it('records an interaction that cx show lists and that restarts the cadence', async () => {
    const local = tempDir();
    await runCx(local, ['assess', 'Bea Buyin', '--answers', '-'], {
      input: JSON.stringify({ ...gates(3), ...keen }),
      env: { CX_NOW: '2026-10-30' },
    });
    expect(
      JSON.parse((await runCx(local, ['todo', '--json'], { env: TODAY })).stdout).map((i: { name: string }) => i.name),
    ).toEqual(['Bea Buyin']);
    const run = await runCx(local, [
      'log',
      'bea buyin',
      'Asked for two analysts by Friday',
      '--tactic',
      'scarcity',
      '--date',
      '2026-11-23',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Logged for Bea Buyin on 2026-11-23 \(Make a scarce, specific ask\): Asked for two analysts by Friday\n\nNext step\n/,
    );
    expect((await runCx(local, ['show', 'Bea Buyin'])).stdout).toContain(
      '2026-11-23 Asked for two analysts by Friday [scarcity]',
    );
    expect(JSON.parse((await runCx(local, ['show', 'Bea Buyin', '--json'])).stdout).log).toEqual([
      { on: '2026-11-23', text: 'Asked for two analysts by Friday', tactic: 'scarcity', at: expect.any(String) },
    ]);
    expect(JSON.parse((await runCx(local, ['todo', '--json'], { env: TODAY })).stdout)).toEqual([]);
  });

  it.each([
    ['an unknown tactic', ['log', 'Dana Lee', 'x', '--tactic', 'bribery'], 'Use a tactic: educate'],
    ['a bad date', ['log', 'Dana Lee', 'x', '--date', '24/11/2026'], 'YYYY-MM-DD'],
    ['an impossible date', ['log', 'Dana Lee', 'x', '--date', '2026-02-30'], 'YYYY-MM-DD'],
    ['an empty entry', ['log', 'Dana Lee', '  '], 'say what happened'],
    ['an unknown person', ['log', 'Dana Le', 'x'], 'did you mean "Dana Lee"?'],
  ])('refuses %s with exit 2 and changes nothing', async (_, args, message) => {
    const before = rosterBytes(dir);
    const run = await runCx(dir, args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(rosterBytes(dir)).toBe(before);
  });
});

describe('cx todo', () => {
  it('says how many more are due this week than the limit shows, and how to see them all', async () => {
    const all = (JSON.parse((await runCx(dir, ['todo', '--json', '--limit', '100'], { env: TODAY })).stdout) as unknown[]).length;
    expect(all).toBeGreaterThan(3);
    const cut = await runCx(dir, ['todo', '--limit', '2'], { env: TODAY });
    // The first three left out are named, so that nobody important is only a number.
    const ranked = (
      JSON.parse((await runCx(dir, ['todo', '--json', '--limit', '100'], { env: TODAY })).stdout) as { name: string }[]
    ).map((item) => item.name);
    expect(cut.stdout.replace(/\s+/g, ' ')).toContain(
      `${all - 2} more people are due this week (the next: ${ranked.slice(2, 5).join(', ')}): cx todo --limit ${all} lists all ${all}.`,
    );
    expect((await runCx(dir, ['todo', '--limit', String(all)], { env: TODAY })).stdout).not.toContain('due this week: cx todo');
    // Twice what the list holds: a hint that not everyone needs to reach Action; not for a few more.
    const hint = "More are due than a week's list holds";
    expect(cut.stdout.replace(/\s+/g, ' ')).toMatch(
      /More are due than a week's list holds, and \d+ of them (has|have) no target short of Action\. Not everyone needs to reach it: once someone reaches a lower target/,
    );
    expect((await runCx(dir, ['todo', '--limit', String(all - 1)], { env: TODAY })).stdout).not.toContain(hint);
    const markdown = await runCx(dir, ['todo', '--limit', '2', '--markdown'], { env: TODAY });
    expect(markdown.stdout).toContain(`\n\n_${all - 2} more due this week: cx todo --limit ${all} lists them all._\n`);
  });

  it("prints the week's list, highest priority first, with an action and a reason for each", async () => {
    const run = await runCx(dir, ['todo', '--limit', '20'], { env: TODAY });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('To do, week of 2026-11-24');
    expect(run.stdout).toMatch(/ 1\. Dana Lee, Support \(Buy-in, Outlier\) priority \d+/);
    expect(run.stdout).toContain('stuck at Buy-in for 7 weeks');
    expect(run.stdout).toContain('on what Priya Nair delivered this month');
    expect(run.stdout).toContain('Assess Nia New');
  });

  it('prints JSON items with the documented fields', async () => {
    const items = JSON.parse((await runCx(dir, ['todo', '--json'], { env: TODAY })).stdout);
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining(['name', 'stage', 'disposition', 'tactic', 'action', 'why', 'priority', 'due']),
      );
    }
    const priorities = items.map((item: { priority: number }) => item.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(items.find((i: { name: string }) => i.name === 'Kim Park')).toMatchObject({
      tactic: 'social-proof',
      peer: 'Priya Nair',
    });
  });

  it('prints a Markdown checklist', async () => {
    const run = await runCx(dir, ['todo', '--markdown', '--limit', '3'], { env: TODAY });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('## CX to-do, week of 2026-11-24');
    const items = lines.filter((line) => line.startsWith('- [ ]'));
    expect(items).toHaveLength(3);
    expect(lines.slice(2, 5)).toEqual(items);
    for (const line of items) expect(line).toMatch(/^- \[ \] \*\*[^*]+\*\*: .+ _\(.+\)_$/);
  });

  it('is reproducible with --date, and honours --limit', async () => {
    const first = (await runCx(dir, ['todo', '--json', '--date', '2026-11-24'])).stdout;
    expect((await runCx(dir, ['todo', '--json', '--date', '2026-11-24'])).stdout).toBe(first);
    expect(JSON.parse((await runCx(dir, ['todo', '--json', '--date', '2026-11-24', '--limit', '2'])).stdout)).toHaveLength(2);
  });

  it('says when nothing is due, and when the roster is empty', async () => {
    const empty = tempDir();
    expect((await runCx(empty, ['todo'])).stderr).toContain('No one in the roster yet');
    expect(JSON.parse((await runCx(empty, ['todo', '--json'])).stdout)).toEqual([]);
    const one = tempDir();
    await runCx(one, ['assess', 'A', '--answers', '-'], { input: JSON.stringify({ ...gates(3), ...keen }), env: TODAY });
    // Mapped is not met: someone never contacted is due at once.
    expect((await runCx(one, ['todo'], { env: TODAY })).stdout).toMatch(/not contacted since added\s+on\s+2026-11-24/);
    await runCx(one, ['log', 'A', 'Coffee'], { env: TODAY });
    expect((await runCx(one, ['todo'], { env: TODAY })).stdout).toBe(
      'Nothing due on 2026-11-24: everyone has been seen within their cadence.\n',
    );
    // Someone waiting for a day they named is not said to have been seen.
    await runCx(one, ['log', 'A', 'Ask me in January', '--until', '2027-01-11'], { env: TODAY });
    expect((await runCx(one, ['todo'], { env: TODAY })).stdout).toBe(
      'Nothing due on 2026-11-24: everyone has been seen within their cadence, or asked you to come back later (1 person).\n',
    );
    expect((await runCx(one, ['todo', '--date', '2025-01-01'], { env: TODAY })).stdout).toBe(
      'No one was in the roster on 2025-01-01: the first person was added on 2026-11-24.\n',
    );
  });

  it.each([
    [['todo', '--limit', '0'], 'Use a whole number'],
    [['todo', '--date', 'tomorrow'], 'YYYY-MM-DD'],
    [['todo', '--json', '--markdown'], 'choose one of --json and --markdown'],
  ])('refuses %j with exit 2', async (args, message) => {
    const run = await runCx(dir, args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('cx board', () => {
  it('draws the funnel, the grid and the movement in 80 columns', async () => {
    const run = await runCx(dir, ['board'], { env: TODAY });
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(run.stdout).toContain('Board: 13 people, 2026-11-24');
    expect(run.stdout).toMatch(/2 Skepticism\s+█+\s+1\n/); // Sam moved up to Buy-in by hand
    expect(run.stdout).toMatch(/3 Buy-in\s+█+\s+3/);
    expect(run.stdout).toMatch(/1 Ignorance\s+Ada Advocate\s+Ida Ignorant\s+Ivo Outlier/);
    expect(run.stdout).toContain('Since 2026-11-17');
    expect(run.stdout).toContain('Moved up      Sam Ortiz (Skepticism → Buy-in)');
    expect(run.stdout).toContain('Added         Ada Advocate, Fay Fence, Nia New');
    expect(run.stdout).toMatch(/Stuck longest Dana Lee \(Buy-in, 54 days\)/);
    // Nobody else has been talked to yet: nothing tried, nobody stuck.
    expect(run.stdout).not.toMatch(/Stuck longest Dana Lee \(Buy-in, 54 days\),/);
  });

  it('prints JSON with --json, and takes --since', async () => {
    const board = JSON.parse((await runCx(dir, ['board', '--json', '--since', '2026-09-01'], { env: TODAY })).stdout);
    expect(board).toMatchObject({ today: '2026-11-24', since: '2026-09-01', total: 13 });
    expect(board.added).toHaveLength(13);
    expect(board.grid.action).toEqual({
      advocate: ['Priya Nair'],
      'fence-sitter': ['Fay Fence'],
      outlier: ['Otto Acting'],
      none: [],
    });
  });

  it('--months adds a row per month, in 80 columns, and the same figures to the JSON', async () => {
    const run = await runCx(dir, ['board', '--months', '3'], { env: TODAY });
    expect(run.status).toBe(0);
    for (const line of run.stdout.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(run.stdout).toContain("Month by month: people at each stage at the month's end");
    // With a "No stage" column the full stage names would pass 80 columns: shorter ones, and the full
    // ones on a wider terminal.
    expect(run.stdout).toMatch(/ Ignor\. Skept\. Buy-in Commit\. Action None +Total +Up +Down +New\n/);
    const wide = await runCx(dir, ['board', '--months', '3'], { env: TODAY, tty: true, columns: 100 });
    expect(wide.stdout).toMatch(/ Ignorance Skepticism Buy-in Commitment Action No stage +Total +Up +Down +New\n/);
    // Sep: nobody yet, so left out; Oct: Ida, Dana and Sam; Nov to date: all 13, Sam up to Buy-in by hand.
    expect(run.stdout).not.toContain('Sep 2026');
    expect(run.stdout).toMatch(/Oct 2026 +1 +1 +1 +0 +0 +0 +3 +0 +0 +3\n/);
    expect(run.stdout).toMatch(/Nov 2026\* +3 +1 +3 +2 +3 +1 +13 +1 +0 +10\n/);
    expect(run.stdout).toContain('* to 2026-11-24.');
    const board = JSON.parse((await runCx(dir, ['board', '--months', '3', '--json'], { env: TODAY })).stdout);
    expect(board.movement.map((row: { month: string }) => row.month)).toEqual(['2026-10', '2026-11']);
    expect(board.movement[1]).toMatchObject({ end: '2026-11-24', partial: true, total: 13, movedUp: 1, added: 10 });
    expect(JSON.parse((await runCx(dir, ['board', '--json'], { env: TODAY })).stdout).movement).toBeUndefined();
  });

  it.each([['0'], ['25'], ['six'], ['2.5']])('refuses --months %s in one line, exit 2', async (months) => {
    const run = await runCx(dir, ['board', '--months', months], { env: TODAY });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^cx: .*--months <n>.*Use a whole number of months from 1 to 24\.\n$/);
  });

  it('summarises instead of overflowing with hundreds of people', async () => {
    const big = tempDir();
    const rows = [
      'name,stage,disposition',
      ...Array.from(
        { length: 300 },
        (_, i) => `Person Number ${i + 1},${(i % 5) + 1},${['advocate', 'fence-sitter', 'outlier'][i % 3]}`,
      ),
    ];
    expect((await runCx(big, ['import', '-'], { input: rows.join('\n'), env: TODAY })).status).toBe(0);
    const run = await runCx(big, ['board', '--no-color'], { env: TODAY });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(30);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(run.stdout).toMatch(/\+\d+/);
    expect(run.stdout).toContain('and 288 more');
  });
});

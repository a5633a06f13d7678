// The coaching through the commands a leader runs (in-process): mapping a roster, the week-one plan,
// outcomes, targets, the board.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers/cli.js';
import { PERSONAS } from './personas.js';

const MAPPED = '2026-12-01T09:00:00Z';
const at = (day: string) => ({ CX_NOW: `${day}T09:00:00Z` });

async function ok(dir: string, args: string[], env: Record<string, string> = at('2026-12-01'), input?: string) {
  const result = await run(dir, args, { env, ...(input === undefined ? {} : { input }) });
  if (result.status !== 0) throw new Error(`cx ${args.join(' ')}: ${result.stderr}`);
  return result;
}

/** Everyone in the persona table, mapped on one day. */
async function mappedRoster(): Promise<string> {
  const dir = tempDir();
  for (const persona of PERSONAS) {
    await ok(dir, ['assess', persona.name, '--answers', '-'], { CX_NOW: MAPPED }, JSON.stringify(persona.answers));
  }
  return dir;
}

interface Item {
  name: string;
  kind: string;
  tactic: string;
  why: string;
  action: string;
  peer?: string;
}

describe('the week-one plan', () => {
  it('a week after mapping, lists every outlier and every high-influence person, each with the step for their reason', async () => {
    const dir = await mappedRoster();
    const items: Item[] = JSON.parse((await ok(dir, ['todo', '--json', '--date', '2026-12-08'])).stdout);
    expect(items).toHaveLength(10);
    const listed = new Map(items.map((item) => [item.name, item]));
    const mustBe = PERSONAS.filter((persona) => persona.disposition === 'outlier' || persona.answers.influence === 'high');
    expect(mustBe.length).toBeGreaterThanOrEqual(8);
    for (const persona of mustBe) {
      const item = listed.get(persona.name);
      expect(item, persona.name).toBeDefined();
      expect({ kind: item?.kind, tactic: item?.tactic }, persona.name).toEqual(persona.first);
    }
  });

  it('on the day of mapping, nothing is "seen within their cadence": everyone is owed a first conversation', async () => {
    const dir = await mappedRoster();
    const run1 = await ok(dir, ['todo', '--limit', '100']);
    expect(run1.stdout).not.toContain('Nothing due');
    expect(JSON.parse((await ok(dir, ['todo', '--json', '--limit', '100'])).stdout)).toHaveLength(PERSONAS.length);
  });

  it('shows a Commitment-stage person, imported or assessed, an Action-stage peer by name', async () => {
    const dir = tempDir();
    await ok(
      dir,
      ['assess', 'Priya Nair', '--answers', '-'],
      at('2026-12-01'),
      JSON.stringify({ acted: 'yes', stance: 'keen', team: 'Digital' }),
    );
    await ok(
      dir,
      ['assess', 'Kim Park', '--answers', '-'],
      at('2026-12-01'),
      JSON.stringify({ pledged: 'yes', acted: 'no', stance: 'keen' }),
    );
    writeFileSync(join(dir, 'people.csv'), 'name,stage,disposition,team\nIvy Imported,commitment,advocate,Digital\n');
    await ok(dir, ['import', 'people.csv']);
    const items: Item[] = JSON.parse((await ok(dir, ['todo', '--json', '--date', '2026-12-08'])).stdout);
    for (const name of ['Kim Park', 'Ivy Imported']) {
      const item = items.find((entry) => entry.name === name);
      expect(item, name).toMatchObject({ tactic: 'social-proof', peer: 'Priya Nair' });
      expect(item?.action).toContain('on what Priya Nair delivered this month');
    }
    const show = await ok(dir, ['show', 'Ivy Imported']);
    expect(show.stdout).toContain('Next step');
    expect(show.stdout).toMatch(/on what Priya Nair\s+delivered this month/);
    expect(show.stdout).not.toMatch(/→ Assess Ivy/);
  });
});

describe('outcomes', () => {
  const dana = {
    understands: 'yes',
    relevant: 'yes',
    endorses: 'yes',
    pledged: 'no',
    stance: 'resistant',
    'outlier-reasons': ['already-doing-it'],
  };
  async function withDana(): Promise<string> {
    const dir = tempDir();
    await ok(dir, ['assess', 'Dana Lee', '--answers', '-'], at('2026-11-20'), JSON.stringify(dana));
    return dir;
  }
  const step = async (dir: string, day: string, name = 'Dana Lee') =>
    JSON.parse((await ok(dir, ['show', name, '--json'], at(day))).stdout).nextStep;

  it('declined co-lead: a different approach, never the spotlight', async () => {
    const dir = await withDana();
    const logged = await ok(
      dir,
      ['log', 'Dana Lee', 'Said no to co-leading', '--tactic', 'co-lead', '--outcome', 'declined'],
      at('2026-11-24'),
    );
    expect(logged.stdout).toContain('the next step is a different approach');
    const next = await step(dir, '2026-12-01');
    expect(next.tactic).not.toBe('spotlight');
    expect(next).toMatchObject({ kind: 'tactic', tactic: 'understand-why' });
    expect(next.why.join(' ')).toContain('declined on 2026-11-24');
  });

  it('waiting: a follow-up of the same step comes back a week later, on the list of the week it falls in', async () => {
    const dir = await withDana();
    const logged = await ok(
      dir,
      ['log', 'Dana Lee', "She'll think about it", '--tactic', 'co-lead', '--outcome', 'waiting'],
      at('2026-11-24'),
    );
    expect(logged.stdout).toContain('as a follow-up on 2026-12-01 at the latest');
    const dana = async (day: string) =>
      (JSON.parse((await ok(dir, ['todo', '--json'], at(day))).stdout) as Item[]).find((item) => item.name === 'Dana Lee');
    expect(await dana('2026-11-24')).toBeUndefined(); // just logged: not this week
    expect(await dana('2026-11-25')).toMatchObject({ kind: 'follow-up', tactic: 'co-lead', due: '2026-12-01' });
    // Logged on a Saturday: a week on is a Saturday too, so the Friday before, as cx todo has it.
    const weekend = await ok(dir, ['log', 'Dana Lee', 'Chased', '--tactic', 'co-lead', '--outcome', 'waiting'], at('2026-11-28'));
    expect(weekend.stdout).toContain('as a follow-up on 2026-12-04 at the latest');
    expect(await dana('2026-11-30')).toMatchObject({ kind: 'follow-up', due: '2026-12-04' });
  });

  it('waiting, with a day they named: the follow-up is on that day, not before', async () => {
    const dir = await withDana();
    const logged = await ok(
      dir,
      ['log', 'Dana Lee', 'After the audit', '--tactic', 'co-lead', '--outcome', 'waiting', '--until', '2026-12-10'],
      at('2026-11-24'),
    );
    expect(logged.stdout).toContain('cx todo brings this back as a follow-up on 2026-12-10 at the latest.');
    expect(logged.stdout).toContain('Nothing is due with Dana Lee before 2026-12-10, as they asked.');
  });

  it('waiting for the third time: cx log says what comes next, not that the same step comes back', async () => {
    const dir = await withDana();
    for (const day of ['2026-11-21', '2026-11-22']) {
      await ok(
        dir,
        ['log', 'Dana Lee', 'Chased', '--tactic', 'co-lead', '--outcome', 'waiting', '--date', day],
        at('2026-11-24'),
      );
    }
    const third = await ok(
      dir,
      ['log', 'Dana Lee', 'Chased again', '--tactic', 'co-lead', '--outcome', 'waiting'],
      at('2026-11-24'),
    );
    expect(third.stdout).not.toContain('as a follow-up on');
    expect(third.stdout).toMatch(/taken as a no\s+for now/);
  });

  it('worked, for someone kept warm at their target: no question of whether they moved on', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Lee Chan', '--add', '--stage', 'buy-in', '--target', 'buy-in'], at('2026-11-20'));
    const logged = await ok(
      dir,
      ['log', 'Lee Chan', 'Sent the monthly note', '--tactic', 'keep-warm', '--outcome', 'worked'],
      at('2026-11-24'),
    );
    expect(logged.stdout).not.toContain('Has Lee Chan moved');
  });

  it('worked: moves on, and asks whether the stage moved, naming the signs', async () => {
    const dir = await withDana();
    const logged = await ok(
      dir,
      ['log', 'Dana Lee', 'Agreed to co-lead', '--tactic', 'co-lead', '--outcome', 'worked'],
      at('2026-11-24'),
    );
    expect(logged.stdout).toContain('Has Dana Lee moved to Commitment? Look for:');
    expect(logged.stdout).toContain('They name a person from their team to work on it.');
    expect(logged.stdout).toMatch(/cx set "Dana Lee" --stage\s+commitment/);
    // Agreeing to co-lead is not yet a contribution to put in the spotlight: the plan moves on.
    expect((await step(dir, '2026-11-25')).tactic).toBe('scarcity');
  });

  it('requested: what they asked for is owed the next working day, is no contribution, and, once sent, waits for their answer', async () => {
    const dir = tempDir();
    await ok(
      dir,
      [
        'set',
        'Hannah Berg',
        '--add',
        '--stage',
        'buy-in',
        '--disposition',
        'outlier',
        '--reason',
        'operational',
        '--influence',
        'high',
      ],
      at('2027-06-04'),
    );
    const logged = await ok(
      dir,
      ['log', 'Hannah Berg', 'She said: send me the staffing numbers first', '--tactic', 'pilot', '--outcome', 'requested'],
      at('2027-06-14'),
    );
    expect(logged.stdout).toContain(
      'You owe them what they asked for: cx todo lists it for 2027-06-15; once sent, log it as waiting.',
    );
    expect(logged.stdout).not.toContain('Has Hannah Berg moved');
    const [owed] = JSON.parse((await ok(dir, ['todo', '--json'], at('2027-06-15'))).stdout) as Item[];
    expect(owed).toMatchObject({ name: 'Hannah Berg', tactic: 'pilot', kind: 'tactic' });
    expect(owed?.action).toMatch(
      /^Send Hannah Berg what they asked for on 2027-06-14 \("She said: send me the staffing numbers first"\)/,
    );
    expect(owed?.why).toContain('what they asked for on 2027-06-14 is owed');
    const report = JSON.parse((await ok(dir, ['report', '--json', '--since', '2027-06-01'], at('2027-06-15'))).stdout);
    expect(report.wins).toEqual([]);
    await ok(
      dir,
      ['log', 'Hannah Berg', 'Sent the staffing numbers', '--tactic', 'pilot', '--outcome', 'waiting'],
      at('2027-06-15'),
    );
    expect((await step(dir, '2027-06-22', 'Hannah Berg')).kind).toBe('follow-up');
    // No answer through two follow-ups: whether what was sent answers what she asked for.
    await ok(dir, ['log', 'Hannah Berg', 'Chased', '--tactic', 'pilot', '--outcome', 'waiting'], at('2027-06-22'));
    await ok(dir, ['log', 'Hannah Berg', 'Chased again', '--tactic', 'pilot', '--outcome', 'waiting'], at('2027-06-29'));
    expect((await step(dir, '2027-07-06', 'Hannah Berg')).action).toBe(
      'Ask Hannah Berg whether what you sent on 2027-06-15 ("Sent the staffing numbers") answers what they asked for on 2027-06-14 ("She said: send me the staffing numbers first"), and what would help them decide.',
    );
    // Asked on a Friday: owed on the Monday after, not that Friday.
    const friday = await ok(
      dir,
      ['log', 'Hannah Berg', 'Wants the rota too', '--tactic', 'pilot', '--outcome', 'requested'],
      at('2027-07-09'),
    );
    expect(friday.stdout).toContain('cx todo lists it for 2027-07-12');
  });

  it('worked, for one step of a move made in steps: its next step, without asking whether they moved', async () => {
    const dir = tempDir();
    await ok(
      dir,
      ['set', 'Martin Kerr', '--add', '--stage', 'skepticism', '--disposition', 'outlier', '--reason', 'resists-change'],
      at('2026-11-20'),
    );
    const logged = await ok(
      dir,
      ['log', 'Martin Kerr', 'Shortlisted two outside voices', '--tactic', 'outside-authority', '--outcome', 'worked'],
      at('2026-11-24'),
    );
    expect(logged.stdout).not.toContain('Has Martin Kerr moved');
    expect((await step(dir, '2026-11-25', 'Martin Kerr')).tactic).toBe('outside-authority');
  });

  it('worked, for a step that had them give something: whether they moved, until anything is logged after it', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Mo Rahman', '--add', '--stage', 'commitment', '--disposition', 'advocate'], at('2027-04-01'));
    await ok(
      dir,
      ['log', 'Mo Rahman', "He'll add CX to induction", '--tactic', 'social-proof', '--outcome', 'worked'],
      at('2027-04-07'),
    );
    const check = await step(dir, '2027-04-08', 'Mo Rahman');
    expect(check.kind).toBe('reassess');
    expect(check.action).toContain('Not yet? Log what you saw (cx log "Mo Rahman" "…"), and the plan goes on.');
    await ok(dir, ['log', 'Mo Rahman', 'Checked: still at Commitment'], at('2027-04-16'));
    expect((await step(dir, '2027-04-26', 'Mo Rahman')).kind).toBe('tactic');
  });

  it('a logged find-out leads to re-assessing them', async () => {
    const dir = tempDir();
    await ok(dir, ['assess', 'Uma Singh', '--answers', '-'], at('2026-11-20'), JSON.stringify({ stance: 'resistant' }));
    await ok(dir, ['log', 'Uma Singh', 'Asked what worries her: the cost', '--tactic', 'understand-why'], at('2026-11-24'));
    const show = await ok(dir, ['show', 'Uma Singh'], at('2026-11-25'));
    expect(show.stdout).toMatch(/Re-assess Uma Singh \(cx assess "Uma Singh"\) to record what you\s+learned/);
    // Named for what it is, not for the tactic it serves (--json keeps that id).
    expect(show.stdout).toMatch(/\n\s+Re-assessment\. Why:/);
    expect(show.stdout).not.toContain('Re-assessment [');
  });

  it('refuses an outcome without the step it is the outcome of', async () => {
    const dir = await withDana();
    const result = await run(dir, ['log', 'Dana Lee', 'It went well', '--outcome', 'worked'], { env: at('2026-11-24') });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('give the step with --tactic too');
    const bad = await run(dir, ['log', 'Dana Lee', 'x', '--tactic', 'co-lead', '--outcome', 'maybe'], { env: at('2026-11-24') });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Use an outcome: worked, waiting, declined, requested.');
  });
});

describe('cx show and cx todo agree', () => {
  it('on the next step of every person of a varied roster, on several days', async () => {
    const dir = await mappedRoster();
    await ok(dir, ['log', 'Victor Hale', 'Offered co-lead', '--tactic', 'co-lead', '--outcome', 'declined'], at('2026-12-03'));
    await ok(
      dir,
      ['log', 'Sam Ortiz', 'Offered to draft his part', '--tactic', 'make-room', '--outcome', 'waiting'],
      at('2026-12-03'),
    );
    await ok(dir, ['log', 'Kim Park', 'Saw Priya present', '--tactic', 'social-proof', '--outcome', 'worked'], at('2026-12-03'));
    await ok(dir, ['log', 'Uma Singh', 'Coffee', '--tactic', 'understand-why'], at('2026-12-04'));
    await ok(dir, ['set', 'Fay Lin', '--target', 'buy-in'], at('2026-12-04'));
    for (const day of ['2026-12-05', '2026-12-15', '2027-01-20']) {
      const items: Item[] = JSON.parse((await ok(dir, ['todo', '--json', '--limit', '100'], at(day))).stdout);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const shown = JSON.parse((await ok(dir, ['show', item.name, '--json'], at(day))).stdout).nextStep;
        expect({ day, name: item.name, action: shown.action, tactic: shown.tactic }).toEqual({
          day,
          name: item.name,
          action: item.action,
          tactic: item.tactic,
        });
      }
    }
  });
});

describe('targets', () => {
  it('are set, shown against the stage, and keep someone at theirs warm', async () => {
    const dir = tempDir();
    await ok(
      dir,
      ['assess', 'Lee Chan', '--answers', '-'],
      at('2026-11-01'),
      JSON.stringify({ endorses: 'yes', pledged: 'no', stance: 'neutral' }),
    );
    const set = await ok(dir, ['set', 'Lee Chan', '--target', 'buy-in'], at('2026-11-01'));
    expect(set.stdout).toBe('Lee Chan: target action → buy-in\n');
    expect((await ok(dir, ['list'])).stdout).toMatch(/Lee Chan\s+3 Buy-in\s+\d+\s+Fence-sitter\s+reached/);
    const shown = JSON.parse((await ok(dir, ['show', 'Lee Chan', '--json'])).stdout);
    expect(shown).toMatchObject({ target: 'buy-in', nextStep: { kind: 'keep-warm', tactic: 'keep-warm' } });
    const profile = (await ok(dir, ['show', 'Lee Chan'])).stdout;
    expect(profile).toMatch(/Stage\s+Buy-in \(3 of 5\)/);
    expect(profile).toMatch(/Target\s+Buy-in\s+reached: keep them warm/);
    expect(profile).not.toContain('Watch for signs Lee Chan has reached Commitment');
    const board = JSON.parse((await ok(dir, ['board', '--json'])).stdout);
    expect(board.targets).toEqual({ reached: 1, below: 0, stagesToGo: 0, reachedBy: ['Lee Chan'] });
    expect(board.stuck).toEqual([]); // a month at Buy-in, which is all that is needed
    const unset = JSON.parse((await ok(dir, ['export'])).stdout)[0];
    expect(unset.target).toBe('buy-in');
  });

  it('refuses a target that is not a stage', async () => {
    const dir = tempDir();
    await ok(dir, ['set', 'Lee Chan', '--add']);
    const result = await run(dir, ['set', 'Lee Chan', '--target', 'everything']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Use a stage:');
  });
});

describe('cx board', () => {
  it('--date shows the board as it stood on that day', async () => {
    const dir = tempDir();
    await ok(
      dir,
      ['assess', 'Sam Ortiz', '--answers', '-'],
      at('2026-10-01'),
      JSON.stringify({ understands: 'yes', relevant: 'no', stance: 'keen' }),
    );
    await ok(dir, ['set', 'Sam Ortiz', '--stage', 'commitment'], at('2026-11-10'));
    await ok(dir, ['set', 'Late Comer', '--add', '--stage', 'buy-in'], at('2026-11-20'));
    const then = JSON.parse((await ok(dir, ['board', '--json', '--date', '2026-11-01'], at('2026-12-01'))).stdout);
    expect(then).toMatchObject({ today: '2026-11-01', since: '2026-10-25', total: 1 });
    expect(then.grid.skepticism.advocate).toEqual(['Sam Ortiz']);
    const now = JSON.parse((await ok(dir, ['board', '--json'], at('2026-12-01'))).stdout);
    expect(now.total).toBe(2);
    expect(now.grid.commitment.advocate).toEqual(['Sam Ortiz']);
    const future = await run(dir, ['board', '--date', '2027-01-01'], { env: at('2026-12-01') });
    expect(future.status).toBe(2);
    expect(future.stderr).toContain('--date 2027-01-01 is in the future');
  });

  it('nobody at Action is stuck; the grid says how many names it could not fit, and how to see them', async () => {
    const dir = tempDir();
    const names = Array.from({ length: 9 }, (_, index) => `Advocate Number ${index + 1}`);
    await ok(dir, ['set', ...names, '--add', '--stage', 'buy-in', '--disposition', 'advocate'], at('2026-09-01'));
    await ok(dir, ['set', 'Doer', '--add', '--stage', 'action'], at('2026-09-01'));
    const board = await ok(dir, ['board'], at('2026-12-01'));
    expect(board.stdout).toMatch(/3 Buy-in\s+(9 people|.*\+\d+ more)/);
    expect(board.stdout).toMatch(
      /\d+ names do not fit in the grid: cx list --stage <stage>\s+--disposition\s+<disposition>\s+lists a cell in full/,
    );
    expect(board.stdout).not.toMatch(/Doer \(Action/);
    const wide = await run(dir, ['board'], { env: at('2026-12-01'), tty: true, columns: 200 });
    expect(wide.stdout.match(/Advocate Number/g)?.length).toBeGreaterThan((board.stdout.match(/Advocate Number/g) ?? []).length);
  });
});

describe('come back on a day', () => {
  it('cx log --until: nothing is due with them before the day they named, and then they are', async () => {
    const dir = tempDir();
    await ok(
      dir,
      ['assess', 'Rob Chen', '--answers', '-'],
      at('2026-12-01'),
      JSON.stringify({ endorses: 'yes', pledged: 'no', stance: 'keen', influence: 'high' }),
    );
    const logged = await ok(
      dir,
      ['log', 'Rob Chen', 'Ask me in January', '--tactic', 'scarcity', '--outcome', 'declined', '--until', '2027-01-05'],
      at('2026-12-01'),
    );
    expect(logged.stdout).toContain('Nothing is due with Rob Chen before 2027-01-05, as they asked.');
    expect(logged.stdout).toContain('Not now, rather than no: cx brings this step back on 2027-01-05');
    const names = async (day: string) =>
      (JSON.parse((await ok(dir, ['todo', '--json'], at(day))).stdout) as Item[]).map((item) => item.name);
    expect(await names('2026-12-15')).not.toContain('Rob Chen');
    expect(await names('2026-12-29')).not.toContain('Rob Chen'); // a week that ends on 2027-01-04
    expect(await names('2026-12-30')).toContain('Rob Chen'); // one that holds 2027-01-05
    const shown = JSON.parse((await ok(dir, ['show', 'Rob Chen', '--json'], at('2026-12-15'))).stdout);
    expect(shown.nextStep.why.join('; ')).toContain('they asked you to come back on 2027-01-05: nothing before then');
    expect(shown.nextStep.why.join('; ')).toContain('make a scarce, specific ask was put off on 2026-12-01, not turned down');
    expect(shown.nextStep.tactic).toBe('scarcity');
    expect(shown.nextStep.action).toBe(
      'Go back to Rob Chen, as they asked, with what they put off on 2026-12-01 ("Ask me in January"): ask for it again now, and agree a date.',
    );
    // On the day (and on the Monday before, whose list holds it): the same step, not a different
    // approach, and the day said once.
    for (const day of ['2027-01-04', '2027-01-05']) {
      const [back] = JSON.parse((await ok(dir, ['todo', '--json'], at(day))).stdout) as Item[];
      expect(back).toMatchObject({ name: 'Rob Chen', tactic: 'scarcity' });
      expect((back?.why.match(/2027-01-05/g) ?? []).length, back?.why).toBeLessThanOrEqual(1);
      expect(back?.why).not.toContain('stuck');
      expect(back?.why).toContain('the day they asked you to come back on');
    }
    const bad = await run(dir, ['log', 'Rob Chen', 'x', '--until', '2026-11-30'], { env: at('2026-12-01') });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--until 2026-11-30 is not after the day it happened');
  });
});

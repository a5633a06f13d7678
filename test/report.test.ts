// The report's figures (src/domain/report.ts) and what a shared report may say about people
// (src/domain/privacy.ts), on plain values and fixed days.
import { describe, expect, it } from 'vitest';
import type { LogEntry, Roster, StageId, Stakeholder } from '../src/domain/model.js';
import { buildBoard } from '../src/domain/board.js';
import { describePerson, nameScrubber } from '../src/domain/privacy.js';
import { type Report, buildReport } from '../src/domain/report.js';
import { type FieldUpdate, applyUpdate, newPerson } from '../src/domain/roster.js';
import { renderReportHtml, shareRows } from '../src/render/report.js';

let next = 0;
const at = (day: string) => new Date(`${day}T12:00:00Z`);
/** Someone added on a day with some fields, then moved to other stages on later days, with a log. */
function person(
  name: string,
  added: string,
  fields: FieldUpdate,
  moves: [string, StageId][] = [],
  log: LogEntry[] = [],
): Stakeholder {
  let someone = applyUpdate(newPerson(name, `id-${++next}`, at(added)), fields, 'set', at(added), true);
  for (const [day, stage] of moves) someone = applyUpdate(someone, { stage }, 'set', at(day));
  return log.length ? { ...someone, log } : someone;
}

describe('describing people without their names', () => {
  it('uses role and team as recorded, the role alone when it names the team, or "A colleague"', () => {
    expect(describePerson({ role: 'Finance director', team: 'Retail' })).toBe('Finance director, Retail');
    expect(describePerson({ role: 'Head of Digital', team: 'digital' })).toBe('Head of Digital');
    expect(describePerson({ role: 'Store manager' })).toBe('Store manager');
    expect(describePerson({ team: 'Finance' })).toBe('A colleague in Finance');
    expect(describePerson({ role: '  ', team: '' })).toBe('A colleague');
  });
});

describe('taking names out of a text', () => {
  const roster: Roster = {
    people: [
      person('Priya Nair', '2026-10-01', { role: 'Head of Digital' }),
      person('Kim Park', '2026-10-01', { role: 'Director, Support' }),
      person('Dana Lee', '2026-10-01', { role: 'VP Operations', team: 'Contact centre' }),
      person('Lee Chan', '2026-10-01', { team: 'Retail' }),
      person('Ann', '2026-10-01', { role: "Lee Chan's deputy" }),
      person('<img src=x onerror=alert(1)>', '2026-10-01', {}),
    ],
  };
  const scrub = nameScrubber(roster);

  it('replaces a whole name, or a part only one person has, by that person in brackets', () => {
    expect(scrub("Shared Priya Nair's ops-review results; Kim booked a first sprint")).toBe(
      "Shared [Head of Digital]'s ops-review results; [Director, Support] booked a first sprint",
    );
    expect(scrub('Coffee with nair')).toBe('Coffee with [Head of Digital]');
  });

  it('a part of a name followed by a surname none of them has is somebody else: "[a colleague]", never their role', () => {
    expect(scrub('She released Priya K for the pilot')).toBe('She released [a colleague] K for the pilot');
    expect(scrub('Priya Nair and Kim booked it')).toBe('[Head of Digital] and [Director, Support] booked it');
  });

  it('ignores letter case and what stands between the words of a name', () => {
    expect(scrub('PRIYA  NAIR and priya-nair')).toBe('[Head of Digital] and [Head of Digital]');
  });

  it('a part several people share becomes "[a colleague]"; a part inside a longer word stays', () => {
    expect(scrub('Lee was there, from Leeds')).toBe('[a colleague] was there, from Leeds');
    expect(scrub('Dana Lee and Lee Chan')).toBe('[VP Operations, Contact centre] and [A colleague in Retail]');
  });

  it('takes out a name with signs in it, signs and all', () => {
    const marked = nameScrubber({ people: [person("Mary-Jane O'Neil", '2026-10-01', { role: 'CFO' })] });
    expect(marked("Thanks to mary-jane o'neil, and to O'Neil again")).toBe("Thanks to [CFO], and to O'[CFO] again"); // a one-letter part stays, as initials do
  });

  it('takes names out of the descriptions it puts in', () => {
    expect(scrub('Ann agreed')).toBe("[[a colleague]'s deputy] agreed");
  });

  it('takes out a name made of markup, whole or in parts', () => {
    expect(scrub('Met <img src=x onerror=alert(1)> today')).toBe('Met [A colleague] today');
    expect(scrub('onerror and alert')).toBe('[A colleague] and [A colleague]');
  });

  it('leaves a text without names as it was, and works on an empty roster', () => {
    expect(scrub('Pilot team named, first session booked')).toBe('Pilot team named, first session booked');
    expect(nameScrubber({ people: [] })('Kim booked')).toBe('Kim booked');
  });
});

describe('the report', () => {
  // The report's day, and its period: after the end of 1 November.
  const today = new Date('2026-12-01T09:00:00Z');
  const since = '2026-11-01';
  const worked = (on: string, text: string): LogEntry => ({ on, text, tactic: 'social-proof', outcome: 'worked' });
  const roster: Roster = {
    people: [
      person(
        'Fiona Grant',
        '2026-07-01',
        { stage: 'buy-in', disposition: 'advocate', influence: 'high', role: 'Finance director' },
        [['2026-11-20', 'commitment']],
      ),
      person(
        'Omar Haddad',
        '2026-07-01',
        { stage: 'commitment', disposition: 'fence-sitter', influence: 'low', team: 'Operations', notes: 'Omar hates meetings' },
        [['2026-11-10', 'skepticism']],
      ),
      person(
        'Priya Nair',
        '2026-07-01',
        { stage: 'action', disposition: 'advocate', role: 'Head of Digital' },
        [],
        [worked('2026-10-20', 'Presented at the ops review'), worked('2026-11-12', 'Showed Fiona her dashboard')],
      ),
      person(
        'Victor Hale',
        '2026-08-01',
        { stage: 'ignorance', disposition: 'outlier', reasons: ['already-doing-it'], influence: 'high', role: 'VP operations' },
        [],
        [{ on: '2026-11-17', text: 'Offered to co-lead', tactic: 'co-lead', outcome: 'waiting' }],
      ),
      person('Uma Singh', '2026-08-01', { stage: 'skepticism', disposition: 'outlier', role: 'Legal counsel' }),
      person('Rex Walker', '2026-08-01', { stage: 'skepticism', disposition: 'outlier', reasons: ['already-doing-it'] }),
      person('Lee Chan', '2026-11-15', { stage: 'ignorance', disposition: 'fence-sitter', target: 'buy-in', team: 'Retail' }),
    ],
  };
  const report = (options: Partial<Parameters<typeof buildReport>[1]> = {}): Report =>
    buildReport(roster, { today, since, months: 6, names: false, asOf: false, ...options });

  it('heads with the roster, the moves of the period and the share at Commitment or beyond, plain and weighted', () => {
    expect(report().headline).toEqual({
      people: 7,
      movedUp: 1,
      movedDown: 1,
      added: 1,
      committed: 2, // Fiona (high: 3) and Priya (not recorded: 2), of 3+1+2+3+2+2+2 = 15
      committedPercent: 29,
      weightedPercent: 33,
    });
  });

  it("counts the funnel, with each stage's share and the targets set at it, and the grid", () => {
    const { funnel, grid, targets } = report();
    expect(funnel.find((row) => row.stage === 'skepticism')).toEqual({ stage: 'skepticism', count: 3, percent: 43, targets: 0 });
    expect(funnel.find((row) => row.stage === 'buy-in')).toEqual({ stage: 'buy-in', count: 0, percent: 0, targets: 1 });
    expect(targets).toMatchObject({ set: 1, reached: 1, below: 6 });
    expect(grid.skepticism).toEqual({ advocate: 0, 'fence-sitter': 1, outlier: 2, none: 0 });
  });

  it('lists who moved, when, newest first, as the board counts them', () => {
    expect(report().moves).toEqual({
      up: [{ who: 'Finance director', from: 'buy-in', to: 'commitment', on: '2026-11-20' }],
      down: [{ who: 'A colleague in Operations', from: 'commitment', to: 'skepticism', on: '2026-11-10' }],
    });
  });

  it('groups the outliers by their first reason, the largest group first, with the move under way', () => {
    const { outliers } = report();
    expect(outliers.map((group) => [group.reason, group.people.map((p) => p.who)])).toEqual([
      ['already-doing-it', ['A colleague', 'VP operations']],
      [null, ['Legal counsel']],
    ]);
    expect(outliers[0]?.people[1]).toMatchObject({
      step: { kind: 'follow-up', tactic: 'co-lead' },
      lastTried: { on: '2026-11-17', tactic: 'co-lead', outcome: 'waiting' },
    });
  });

  it('names who is not moving after three weeks or more of work, as cx board does, described, longest first', () => {
    const worked = (name: string, role: string, first: string) =>
      person(name, '2026-09-01', { stage: 'buy-in', disposition: 'fence-sitter', role }, [], [{ on: first, text: 'coffee' }]);
    const roster = { people: [worked('Kim Park', 'Director, Support', '2026-10-20'), worked('Ann Lee', 'CFO', '2026-11-05')] };
    const built = buildReport(roster, { today, since, months: 6, names: false, asOf: false });
    expect(built.stuck).toEqual([
      { who: 'Director, Support', stage: 'buy-in', days: 42 },
      { who: 'CFO', stage: 'buy-in', days: 26 },
    ]);
    expect(built.stuck.map((entry) => entry.days)).toEqual(buildBoard(roster, today, since).stuck.map((entry) => entry.days));
    expect(renderReportHtml(built, '0.0.0')).toMatch(
      /Not moving after three weeks or more of work: <strong>Director, Support<\/strong> \(Buy-in, 6 weeks\), <strong>CFO<\/strong> \(Buy-in, 3 weeks\)\./,
    );
  });

  it('says when an outlier asked to be left until a day still ahead: the move waits for it', () => {
    const parked = person(
      'Claire Dubois',
      '2026-08-01',
      { stage: 'skepticism', disposition: 'outlier', reasons: ['operational'], role: 'Regional sales' },
      [],
      [{ on: '2026-11-20', text: 'After the quarter', tactic: 'pilot', outcome: 'declined', until: '2027-01-05' }],
    );
    const outlier = (day: string) =>
      buildReport({ people: [parked] }, { today: new Date(`${day}T09:00:00Z`), since, months: 6, names: false, asOf: false })
        .outliers[0]?.people[0];
    expect(outlier('2026-12-01')?.until).toBe('2027-01-05');
    const page = renderReportHtml(
      buildReport({ people: [parked] }, { today, since, months: 6, names: false, asOf: false }),
      '0.0.0',
    );
    expect(page).toMatch(/Nothing before 5 Jan, as they asked; then [a-z]/);
    expect(outlier('2027-01-05')).not.toHaveProperty('until');
  });

  it('counts an outlier who came round as a win, on the day, and says so on the page', () => {
    const ravi = applyUpdate(
      person('Ravi Shah', '2026-08-01', { stage: 'skepticism', disposition: 'outlier', role: 'Head of Quality' }),
      { disposition: 'fence-sitter' },
      'set',
      at('2026-11-18'),
    );
    const built = buildReport({ people: [ravi] }, { today, since, months: 6, names: false, asOf: false });
    expect(built.wins).toEqual([
      { who: 'Head of Quality', on: '2026-11-18', kind: 'came-round', disposition: { from: 'outlier', to: 'fence-sitter' } },
    ]);
    expect(renderReportHtml(built, '0.0.0')).toMatch(
      /Head of Quality<\/strong>\s+no longer pushes back: now\s+<strong>fence-sitter<\/strong>/,
    );
  });

  it("shares the period's wins: steps that worked first, with names in their text replaced, then moves up; each newest first", () => {
    expect(report().wins).toEqual([
      {
        who: 'Head of Digital',
        kind: 'worked',
        on: '2026-11-12',
        text: 'Showed [Finance director] her dashboard',
        tactic: 'social-proof',
      },
      { who: 'Finance director', kind: 'moved-up', from: 'buy-in', to: 'commitment', on: '2026-11-20' },
    ]);
  });

  it('counts as a win the step of a move in steps that had them give something, not its other steps', () => {
    const rajesh = person(
      'Rajesh Menon',
      '2026-10-01',
      { stage: 'buy-in', disposition: 'outlier', reasons: ['financial'], role: 'Finance director' },
      [],
      [
        { on: '2026-11-02', text: 'showed the cost', tactic: 'cost-case', outcome: 'worked' },
        { on: '2026-11-09', text: 'signed off £20k for a first step', tactic: 'cost-case', outcome: 'worked' },
      ],
    );
    const built = buildReport({ people: [rajesh] }, { today, since, months: 6, names: false, asOf: false });
    expect(built.wins.map((win) => win.text)).toEqual(['signed off £20k for a first step']);
  });

  it('lists the coming week as cx todo ranks it, at most five', () => {
    const actions = report().actions;
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.length).toBeLessThanOrEqual(5);
    expect(actions[0]).toHaveProperty('tactic');
    expect(actions[0]).not.toHaveProperty('action');
  });

  it('names nobody without names, and keeps notes out; with names, names people', () => {
    const text = JSON.stringify(report());
    for (const someone of roster.people) {
      for (const part of someone.name.split(' ')) expect(text, part).not.toMatch(new RegExp(`\\b${part}\\b`, 'i'));
    }
    expect(text).not.toContain('hates meetings');
    const named = report({ names: true });
    expect(named.named).toBe(true);
    expect(named.moves.up[0]?.who).toBe('Fiona Grant');
    expect(named.wins[0]?.text).toBe('Showed Fiona her dashboard');
    expect(JSON.stringify(named)).not.toContain('hates meetings');
  });

  it('as of a past day, leaves out what happened after it, the log included', () => {
    const then = report({ today: new Date('2026-11-15T09:00:00Z'), since: '2026-10-15', asOf: true });
    expect(then.headline).toMatchObject({ people: 7, movedUp: 0, movedDown: 1 });
    expect(then.wins.map((win) => win.text)).toEqual(['Showed [Finance director] her dashboard', 'Presented at the ops review']);
    expect(then.outliers.flatMap((group) => group.people).find((p) => p.who === 'VP operations')?.lastTried).toBeUndefined();
    expect(then.movement.at(-1)).toMatchObject({ month: '2026-11', end: '2026-11-15', partial: true });
  });

  it('reports an empty roster as zeros', () => {
    const empty = buildReport({ people: [] }, { today, since, months: 3, names: false, asOf: false });
    expect(empty.headline).toEqual({
      people: 0,
      movedUp: 0,
      movedDown: 0,
      added: 0,
      committed: 0,
      committedPercent: 0,
      weightedPercent: 0,
    });
    expect(empty.movement).toHaveLength(3);
    expect([empty.outliers, empty.wins, empty.actions]).toEqual([[], [], []]);
  });
});

describe('sharing a few rows among groups', () => {
  it('gives each group a row in turn, largest first, until the rows run out', () => {
    expect(shareRows([5, 3, 1, 1, 1], 6)).toEqual([2, 1, 1, 1, 1]);
    expect(shareRows([5, 3], 6)).toEqual([3, 3]);
    expect(shareRows([1, 1], 6)).toEqual([1, 1]);
    expect(shareRows([], 6)).toEqual([]);
  });
});

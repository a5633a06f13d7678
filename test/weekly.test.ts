// The ranking rules of cx todo, one case each, on fixed dates.
import { describe, expect, it } from 'vitest';
import { assess } from '../src/domain/assess.js';
import { buildBoard, stageOn } from '../src/domain/board.js';
import type { Answers, LogEntry, Roster, Stakeholder } from '../src/domain/model.js';
import { type FieldUpdate, applyUpdate, newPerson, recordAssessment } from '../src/domain/roster.js';
import { cadenceDays, lastContact, weeklyTodo } from '../src/domain/weekly.js';

const today = new Date('2026-11-24T09:00:00Z');
let next = 0;
const newId = () => `id-${++next}`;

/** Someone assessed on a day with these answers, then changed by hand and logged as given. */
function assessed(
  name: string,
  on: string,
  answers: Answers,
  extra: { set?: [string, FieldUpdate]; log?: LogEntry[] } = {},
): Stakeholder {
  let { person } = recordAssessment({ people: [] }, { name, answers, result: assess(answers), at: new Date(on), newId });
  if (extra.set) person = applyUpdate(person, extra.set[1], 'set', new Date(extra.set[0]));
  return extra.log ? { ...person, log: extra.log } : person;
}
const added = (name: string, on: string, update: FieldUpdate = {}) =>
  applyUpdate(newPerson(name, newId(), new Date(on)), update, 'set', new Date(on), true);

const gates = (met: number): Answers => {
  const ids = ['understands', 'relevant', 'endorses', 'pledged', 'acted'];
  return Object.fromEntries(ids.map((id, index) => [id, index < met ? 'yes' : 'no']));
};
const keen = { stance: 'keen', participation: 'recruits' };
const neutral = { stance: 'neutral', participation: 'joins' };
const resistant = { stance: 'resistant', participation: 'declines' };

const todo = (...people: Stakeholder[]) => weeklyTodo({ people }, today);
const only = (...people: Stakeholder[]) => {
  const items = todo(...people);
  expect(items).toHaveLength(1);
  return items[0] as NonNullable<(typeof items)[0]>;
};

describe('cadence', () => {
  it.each([
    ['Ignorance fence-sitter', { ...gates(0), ...neutral }, 18],
    ['Commitment advocate', { ...gates(3 + 1), ...keen }, 8],
    ['Commitment advocate of high influence', { ...gates(4), ...keen, influence: 'high' }, 6],
    ['Buy-in outlier of low influence', { ...gates(3), ...resistant, influence: 'low' }, 11],
    ['Action advocate', { ...gates(5), ...keen }, 17],
    ['Commitment outlier of high influence', { ...gates(4), ...resistant, influence: 'high' }, 3],
  ])('%s: every %s days', (_, answers, days) => {
    expect(cadenceDays(assessed('A', '2026-11-01', answers as Answers))).toBe(days);
  });

  it('restarts with every logged interaction', () => {
    const unseen = assessed('A', '2026-11-01', { ...gates(3), ...neutral });
    const seen = {
      ...unseen,
      log: [
        { on: '2026-11-20', text: 'coffee' },
        { on: '2026-11-05', text: 'call' },
      ],
    };
    expect(lastContact(unseen)).toBe('2026-11-01');
    expect(lastContact(seen)).toBe('2026-11-20');
    expect(todo(unseen)).toHaveLength(1); // every 9 days at Buy-in for a fence-sitter: overdue
    expect(todo(seen)).toEqual([]);
  });
});

describe('who is due', () => {
  it('lists someone past their cadence, with by how much', () => {
    const item = only(assessed('Dana Lee', '2026-11-10', { ...gates(3), ...keen }));
    expect(item.overdueDays).toBe(2); // every 12 days from 2026-11-10: due 2026-11-22
    expect(item.due).toBe('2026-11-22');
    expect(item.why).toContain('overdue by 2 days (every 12 days; last contact 2026-11-10)');
  });

  it('leaves out someone seen within their cadence', () => {
    expect(todo(assessed('Dana Lee', '2026-11-20', { ...gates(3), ...keen }))).toEqual([]);
  });

  it('escalates someone stuck at a stage for weeks, and says so', () => {
    const fresh = assessed('Fresh', '2026-11-10', { ...gates(3), ...keen });
    const stuck = assessed('Stuck', '2026-10-20', { ...gates(3), ...keen }, { log: [{ on: '2026-11-10', text: 'chat' }] });
    const [first, second] = todo(fresh, stuck);
    expect(first?.name).toBe('Stuck');
    expect(first?.why).toContain('stuck at Buy-in for 5 weeks');
    expect(first?.priority).toBeGreaterThan(second?.priority ?? 0);
  });

  it('asks for an assessment of someone added without one', () => {
    const item = only(added('New Hire', '2026-11-23', { role: 'COO' }));
    expect(item).toMatchObject({
      kind: 'assess',
      action: expect.stringContaining('cx assess "New Hire"'),
      why: 'never assessed',
    });
  });

  it.each([
    ['high', 'never assessed; high influence'],
    ['medium', 'never assessed; medium influence'],
    ['low', 'never assessed'],
  ] as const)('names a %s influence in the why only when it adds to the priority', (influence, why) => {
    const item = only(added('New Hire', '2026-11-23', { influence }));
    expect(item.why).toBe(why);
  });

  it('asks for a re-assessment of someone last assessed 30 days or more ago', () => {
    const item = only(assessed('Old', '2026-10-20', { ...gates(3), ...keen }, { log: [{ on: '2026-11-23', text: 'x' }] }));
    expect(item).toMatchObject({ kind: 'reassess', action: expect.stringContaining('Re-assess Old') });
    expect(item.why).toContain('last assessed 35 days ago');
  });

  it('gives a "find out" task where an answer was "don\'t know"', () => {
    const item = only(assessed('Unsure', '2026-10-30', { understands: 'yes', relevant: 'unknown', ...neutral }));
    expect(item.kind).toBe('find-out');
    expect(item.action).toBe('Find out which of their own goals Unsure would want CX to help with.');
    expect(item.why).toContain('an answer was "don\'t know"');
  });
});

describe('what to do', () => {
  it('an outlier whose reason is unknown: find out why first', () => {
    expect(only(assessed('O', '2026-11-01', { ...gates(3), ...resistant })).tactic).toBe('understand-why');
  });

  it('an outlier whose reason is known: the co-lead offer next', () => {
    const answers = { ...gates(3), ...resistant, 'outlier-reasons': ['already-doing-it'] };
    expect(only(assessed('O', '2026-11-01', answers)).tactic).toBe('co-lead');
  });

  it('an outlier already offered the co-lead role: the spotlight', () => {
    const answers = { ...gates(3), ...resistant, 'outlier-reasons': ['already-doing-it'] };
    const log = [{ on: '2026-11-02', text: 'offered co-lead', tactic: 'co-lead' as const }];
    expect(only(assessed('O', '2026-11-01', answers, { log })).tactic).toBe('spotlight');
  });

  it('a Commitment-stage person: names an Action-stage colleague, same team first', () => {
    const committed = assessed('Kim', '2026-11-01', { ...gates(4), ...keen, team: 'Support' });
    const doerElsewhere = assessed('Ann', '2026-11-20', { ...gates(5), ...keen, team: 'Retail', influence: 'high' });
    const doerSameTeam = assessed('Bo', '2026-11-20', { ...gates(5), ...keen, team: 'support' });
    const [item] = todo(committed, doerElsewhere, doerSameTeam);
    expect(item).toMatchObject({ name: 'Kim', tactic: 'social-proof', peer: 'Bo' });
    expect(item?.action).toMatch(/^Use Bo's progress as the example\. /);
  });

  it('a Commitment-stage person with no Action-stage colleague: social proof without a name', () => {
    const item = only(assessed('Kim', '2026-11-01', { ...gates(4), ...keen }));
    expect(item.tactic).toBe('social-proof');
    expect(item.peer).toBeUndefined();
  });

  it('an Action-stage person: credit them publicly', () => {
    const item = only(assessed('Doer', '2026-11-01', { ...gates(5), ...keen }));
    expect(item.tactic).toBe('nurture-followers');
    expect(item.action).toContain('Thank Doer by name');
    expect(item.why).toContain('credit them publicly');
  });

  it('a skeptic who resists change: an outside authority; one unsure of the return: the business case', () => {
    const resists = { ...gates(1), 'doubt-reason': 'resists-change', ...keen };
    const roi = { ...gates(1), 'doubt-reason': 'roi-unclear', ...keen };
    expect(only(assessed('R', '2026-11-01', resists)).tactic).toBe('outside-authority');
    expect(only(assessed('M', '2026-11-01', roi)).tactic).toBe('business-case');
  });

  it("rotates among the tactic's actions as the log shows it used", () => {
    const base = { ...gates(3), ...keen };
    const actions = [0, 1, 2, 4].map((times) => {
      const log = Array.from({ length: times }, () => ({ on: '2026-11-01', text: 'asked', tactic: 'scarcity' as const }));
      return only(assessed('B', '2026-11-01', base, { log })).action;
    });
    expect(new Set(actions.slice(0, 3)).size).toBe(3);
    expect(actions[3]).toBe(actions[0]); // four actions: the fifth use comes round again
  });
});

describe('keeping the hard conversations in view', () => {
  it('advocates take at most half the places while outliers or fence-sitters wait', () => {
    const advocates = ['A1', 'A2', 'A3', 'A4'].map((name) =>
      assessed(name, '2026-09-01', { ...gates(4), ...keen, influence: 'high' }),
    );
    const outlier = assessed('Quiet Outlier', '2026-11-10', { ...gates(3), ...resistant, influence: 'low' });
    const all = weeklyTodo({ people: [...advocates, outlier] }, today);
    expect(all.at(-1)?.name).toBe('Quiet Outlier'); // lowest score
    const limited = weeklyTodo({ people: [...advocates, outlier] }, today, 3);
    expect(limited.map((item) => item.name)).toEqual(['A1', 'A2', 'Quiet Outlier']);
  });

  it('fills the list with advocates when no one else is due', () => {
    const advocates = ['A1', 'A2', 'A3'].map((name) => assessed(name, '2026-09-01', { ...gates(4), ...keen }));
    expect(weeklyTodo({ people: advocates }, today, 3)).toHaveLength(3);
  });

  it('ranks by priority, then days overdue, then name', () => {
    const people = [
      assessed('Zed', '2026-11-01', { ...gates(3), ...neutral }),
      assessed('Amy', '2026-11-01', { ...gates(3), ...neutral }),
    ];
    expect(todo(...people).map((item) => item.name)).toEqual(['Amy', 'Zed']);
  });
});

describe('the board', () => {
  const roster: Roster = {
    people: [
      assessed('Up', '2026-11-01', { ...gates(1), ...keen }, { set: ['2026-11-20', { stage: 'buy-in' }] }),
      assessed('Down', '2026-11-01', { ...gates(4), ...resistant }, { set: ['2026-11-21', { stage: 'skepticism' }] }),
      assessed('Still', '2026-09-01', { ...gates(2), ...neutral }),
      added('New', '2026-11-22'),
    ],
  };

  it('knows each stage on a past day', () => {
    expect(stageOn(roster.people[0] as Stakeholder, '2026-11-10')).toBe('skepticism');
    expect(stageOn(roster.people[0] as Stakeholder, '2026-11-20')).toBe('buy-in');
    expect(stageOn(roster.people[3] as Stakeholder, '2026-11-10')).toBeUndefined();
  });

  it('counts the funnel, fills the grid and finds who moved since a day', () => {
    const board = buildBoard(roster, today, '2026-11-17');
    expect(board.funnel).toEqual([
      { stage: 'ignorance', count: 0 },
      { stage: 'skepticism', count: 2 },
      { stage: 'buy-in', count: 1 },
      { stage: 'commitment', count: 0 },
      { stage: 'action', count: 0 },
      { stage: null, count: 1 },
    ]);
    expect(board.grid.skepticism).toMatchObject({ outlier: ['Down'], 'fence-sitter': ['Still'] });
    expect(board.movedUp).toEqual([{ name: 'Up', from: 'skepticism', to: 'buy-in' }]);
    expect(board.movedDown).toEqual([{ name: 'Down', from: 'commitment', to: 'skepticism' }]);
    expect(board.added).toEqual(['New']);
    expect(board.stuck[0]).toEqual({ name: 'Still', stage: 'skepticism', days: 84 });
  });
});

// The ranking rules of cx todo (README, "How cx todo ranks"), one case each, on fixed dates.
import { describe, expect, it } from 'vitest';
import { assess } from '../src/domain/assess.js';
import { buildBoard, stageOn } from '../src/domain/board.js';
import type { Answers, LogEntry, Roster, Stakeholder } from '../src/domain/model.js';
import { type FieldUpdate, applyUpdate, newPerson, recordAssessment } from '../src/domain/roster.js';
import { POINTS, cadenceDays, dueDay, lastContact, weeklyTodo } from '../src/domain/todo.js';

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
const seen = (on: string, text = 'coffee'): LogEntry[] => [{ on, text }];

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

describe('rule 1: cadence', () => {
  it.each([
    ['Ignorance fence-sitter', 18, { ...gates(0), ...neutral }],
    ['Commitment advocate', 8, { ...gates(4), ...keen }],
    // 7 × 1.2 × 0.7 and 7 × 0.7 × 0.7 round to 6 and 3: nobody is due more than once a week.
    ['Commitment advocate of high influence', 7, { ...gates(4), ...keen, influence: 'high' }],
    ['Buy-in outlier of low influence', 11, { ...gates(3), ...resistant, influence: 'low' }],
    ['Commitment outlier of high influence', 7, { ...gates(4), ...resistant, influence: 'high' }],
    // At their target (Action unless set): kept warm, seen half as often.
    ['Action advocate, at target', 34, { ...gates(5), ...keen }],
  ])('%s: every %s days', (_, days, answers) => {
    expect(cadenceDays(assessed('A', '2026-11-01', answers as Answers))).toBe(days);
  });

  it('is kept warm, half as often, at or past a target set lower, but not for an outlier', () => {
    const facilities = assessed('F', '2026-11-01', { ...gates(3), ...neutral }, { set: ['2026-11-01', { target: 'buy-in' }] });
    expect(cadenceDays(facilities)).toBe(17); // 10 × 0.85 × 2
    const outlier = assessed('O', '2026-11-01', { ...gates(3), ...resistant }, { set: ['2026-11-01', { target: 'buy-in' }] });
    expect(cadenceDays(outlier)).toBe(7);
  });

  it('restarts with every logged interaction; an assessment is not contact', () => {
    const unseen = assessed('A', '2026-11-20', { ...gates(3), ...neutral });
    const met = { ...unseen, log: [...seen('2026-11-23'), ...seen('2026-11-05', 'call')] };
    expect(lastContact(unseen)).toBeUndefined();
    expect(lastContact(met)).toBe('2026-11-23'); // every 9 days: due 2026-12-02, after this week
    expect(todo(unseen)).toHaveLength(1);
    expect(todo(met)).toEqual([]);
  });
});

describe('rule 2: who is listed', () => {
  it('someone never contacted is due from the day they were added, mapped or not', () => {
    const mapped = assessed('Dana Lee', '2026-11-24', { ...gates(3), ...keen });
    const item = only(mapped);
    expect(item.due).toBe('2026-11-24');
    expect(item.overdueDays).toBe(0);
    expect(item.why).toContain('not contacted since added on 2026-11-24');
  });

  it('someone past their cadence, with by how much', () => {
    const item = only(assessed('Dana Lee', '2026-11-01', { ...gates(3), ...keen }, { log: seen('2026-11-10') }));
    // Every 12 days from 2026-11-10: Sunday 2026-11-22, so the Friday before.
    expect(item.overdueDays).toBe(4);
    expect(item.due).toBe('2026-11-20');
    expect(item.why).toContain('overdue by 4 days (every 12 days; last contact 2026-11-10)');
  });

  it('not someone seen within their cadence', () => {
    expect(todo(assessed('Dana Lee', '2026-11-01', { ...gates(3), ...keen }, { log: seen('2026-11-20') }))).toEqual([]);
  });

  it('a step logged as waiting falls due again after a week, sooner than the cadence', () => {
    const log: LogEntry[] = [{ on: '2026-11-16', text: 'offered a seat', tactic: 'scarcity', outcome: 'waiting' }];
    const person = assessed('W', '2026-11-01', { ...gates(3), ...keen }, { log });
    expect(dueDay(person)).toEqual({ day: '2026-11-23', by: 'follow-up' });
    expect(only(person)).toMatchObject({ kind: 'follow-up', tactic: 'scarcity', overdueDays: 1 });
  });

  it('a step that worked is followed within a week, sooner than the cadence, to keep it moving', () => {
    // An Ignorance fence-sitter: every 18 days; the first conversation worked on 2026-11-16.
    const log: LogEntry[] = [{ on: '2026-11-16', text: 'asked for our data', tactic: 'educate', outcome: 'worked' }];
    const person = assessed('Bill', '2026-11-01', { ...gates(0), ...neutral }, { log });
    expect(dueDay(person)).toEqual({ day: '2026-11-23', by: 'worked' });
    expect(only(person).why).toContain('overdue by 1 day: keep it moving');
    expect(only(person).why).toContain('educate and inform worked on 2026-11-16: its next step');
    // Talked to since, with no outcome: back to the cadence.
    const since = { ...person, log: [...log, ...seen('2026-11-20')] };
    expect(dueDay(since).by).toBe('cadence');
  });

  it('a move up since the last contact is followed within a week of the move', () => {
    // At Action now, their target: kept warm every 34 days, but thanked within a week of moving up.
    const hannah = assessed('Hannah', '2026-10-01', { ...gates(4), ...keen }, { log: seen('2026-11-17') });
    const moved = applyUpdate(hannah, { stage: 'action' }, 'set', new Date('2026-11-19T10:00:00Z'));
    expect(dueDay(moved)).toEqual({ day: '2026-11-26', by: 'moved' });
    expect(only(moved)).toMatchObject({ tactic: 'nurture-followers' });
    expect(only(moved).why).toContain('due Thursday 2026-11-26: moved up to Action on 2026-11-19');
    expect(dueDay(applyUpdate(hannah, { stage: 'skepticism' }, 'set', new Date('2026-11-19T10:00:00Z'))).by).toBe('cadence');
  });

  it('someone due later in the week, with the day; not someone due after it', () => {
    // A Buy-in advocate of low influence: every 18 days. Seen 2026-11-12: due on the week's last day.
    const person = (on: string) => assessed('Later', '2026-11-01', { ...gates(3), ...keen, influence: 'low' }, { log: seen(on) });
    const item = only(person('2026-11-12'));
    expect(item).toMatchObject({ due: '2026-11-30', overdueDays: -6, priority: 0 });
    expect(item.why).toContain('due Monday 2026-11-30 (every 18 days; last contact 2026-11-12)');
    expect(todo(person('2026-11-13'))).toEqual([]); // due 2026-12-01, next week
  });

  it('ranks one due later in the week by its points, and among equals the earliest first', () => {
    const buyIn = (name: string, influence: string, on: string) =>
      assessed(name, '2026-11-01', { ...gates(3), ...keen, influence }, { log: seen(on) });
    const soon = buyIn('Soon', 'low', '2026-11-07'); // every 18 days: due 2026-11-25
    const late = buyIn('Late', 'low', '2026-11-10'); // Saturday 2026-11-28: the Friday before
    const high = buyIn('High', 'high', '2026-11-20'); // every 8 days: the same
    expect(todo(late, soon, high).map((item) => [item.name, item.due])).toEqual([
      ['High', '2026-11-27'],
      ['Soon', '2026-11-25'],
      ['Late', '2026-11-27'],
    ]);
  });

  it('a step waiting with a day they named comes back on that day, not a week on, nor at the cadence', () => {
    // Every 18 days (low influence): due by cadence 2026-12-04, a week on 2026-11-23; named: 2026-11-26.
    const log: LogEntry[] = [
      { on: '2026-11-16', text: 'after the audit', tactic: 'scarcity', outcome: 'waiting', until: '2026-11-26' },
    ];
    const person = assessed('W', '2026-11-01', { ...gates(3), ...keen, influence: 'low' }, { log });
    expect(dueDay(person)).toEqual({ day: '2026-11-26', by: 'follow-up' });
    expect(only(person)).toMatchObject({ due: '2026-11-26', overdueDays: -2 });
    // A day named on an earlier entry still holds back a follow-up of a later one.
    const later = assessed(
      'W',
      '2026-11-01',
      { ...gates(3), ...keen, influence: 'low' },
      {
        log: [
          { on: '2026-11-10', text: 'not before December', until: '2026-12-02' },
          { on: '2026-11-16', text: 'sent the note', tactic: 'scarcity', outcome: 'waiting' },
        ],
      },
    );
    expect(dueDay(later)).toEqual({ day: '2026-12-02', by: 'asked' });
  });

  it('a day cx works out that falls on a weekend moves to the Friday before; a day they named stays', () => {
    const seenOn = (day: string) => assessed('W', '2026-11-01', { ...gates(3), ...keen }, { log: seen(day) }); // every 12 days
    expect(dueDay(seenOn('2026-11-16')).day).toBe('2026-11-27'); // Saturday 11-28
    expect(dueDay(seenOn('2026-11-17')).day).toBe('2026-11-27'); // Sunday 11-29
    expect(dueDay(seenOn('2026-11-18')).day).toBe('2026-11-30'); // a Monday
    const named: LogEntry[] = [
      { on: '2026-11-16', text: 'call me Saturday', tactic: 'scarcity', outcome: 'waiting', until: '2026-11-28' },
    ];
    expect(dueDay(assessed('W', '2026-11-01', { ...gates(3), ...keen }, { log: named })).day).toBe('2026-11-28');
  });

  it('not someone not yet in the roster on the day', () => {
    expect(todo(added('Later', '2026-11-30'))).toEqual([]);
  });
});

describe('rule 3: priority', () => {
  // Of low influence, so that only the rule under test adds points.
  const base = (answers: Answers, log = seen('2026-11-05')) =>
    assessed('P', '2026-11-05', { influence: 'low', ...answers }, { log });

  it('1 point per day overdue', () => {
    // Buy-in advocate of low influence: every 18 days from 2026-11-05, due 2026-11-23: 1 day overdue.
    expect(only(base({ ...gates(3), ...keen })).priority).toBe(1 * POINTS.perOverdueDay);
  });

  it('days overdue count up to two weeks; a week, for someone kept warm at their target', () => {
    // At their target (never stuck), every 36 days kept warm from 2026-09-01: due 2026-10-07.
    const late = assessed(
      'Late',
      '2026-09-01',
      { ...gates(3), ...keen, influence: 'low' },
      { set: ['2026-09-01', { target: 'buy-in' }], log: seen('2026-09-01') },
    );
    expect(only(late)).toMatchObject({ overdueDays: 48, priority: POINTS.maxOverdueDaysKeptWarm });
    // An outlier at their target is not kept warm (nor stuck): two weeks' worth.
    const outlier = assessed(
      'Out',
      '2026-09-01',
      { ...gates(3), ...resistant, influence: 'low', 'outlier-reasons': ['financial'] },
      { set: ['2026-09-01', { target: 'buy-in' }], log: seen('2026-09-01') },
    );
    expect(only(outlier).priority).toBe(POINTS.maxOverdueDays + POINTS.disposition.outlier);
  });

  it('a step under way adds its points: a follow-up due outranks colleagues who have only waited long', () => {
    // Ten branch managers mapped three weeks ago and never contacted; the CFO's follow-up is due today.
    const managers = Array.from({ length: 10 }, (_, k) =>
      assessed(`Branch Manager ${k + 1}`, '2026-11-03', { ...gates(0), ...neutral, influence: 'medium' }),
    );
    const cfo = assessed(
      'Rita Cole',
      '2026-11-03',
      { ...gates(1), ...resistant, influence: 'high', 'outlier-reasons': ['financial'] },
      {
        log: [{ on: '2026-11-17', text: 'sent the cost case', tactic: 'cost-case', outcome: 'waiting' }],
      },
    );
    const items = weeklyTodo({ people: [...managers, cfo] }, today);
    expect(items[0]).toMatchObject({ name: 'Rita Cole', kind: 'follow-up' });
    expect(items[0]?.priority).toBe(POINTS.underWay + POINTS.disposition.outlier + POINTS.influence.high);
  });

  it('a step under way counts for someone seen weekly anyway (high influence, at Commitment)', () => {
    const worked = (name: string, influence: string) =>
      assessed(
        name,
        '2026-11-01',
        { ...gates(4), ...keen, influence },
        {
          log: [{ on: '2026-11-17', text: 'shared peer results', tactic: 'social-proof', outcome: 'worked' }],
        },
      );
    const [cat, mo] = todo(worked('Cat', 'high'), worked('Mo', 'medium'));
    expect(cat).toMatchObject({ name: 'Cat', priority: POINTS.underWay + POINTS.influence.high });
    expect(mo?.name).toBe('Mo');
    expect(cat?.why).toContain('due today: keep it moving');
  });

  it('a step put off to a day they named is due on that day, sooner than the cadence, with its step of that day', () => {
    const leo = assessed(
      'Leo',
      '2026-11-01',
      { ...gates(4), ...keen, priorities: 'yes' },
      {
        log: [
          { on: '2026-11-20', text: 'not before the release', tactic: 'make-room', outcome: 'declined', until: '2026-11-25' },
        ],
      },
    );
    expect(dueDay(leo)).toEqual({ day: '2026-11-25', by: 'asked' });
    const item = only(leo);
    expect(item).toMatchObject({ due: '2026-11-25', tactic: 'make-room' });
    expect(item.priority).toBeGreaterThanOrEqual(POINTS.underWay);
    expect(item.why).not.toContain('nothing before then');
  });

  it('the day someone named outranks colleagues who have only waited long', () => {
    const managers = Array.from({ length: 10 }, (_, k) =>
      added(`P${k + 1}`, '2026-10-01', { stage: 'skepticism', disposition: 'fence-sitter', influence: 'medium' }),
    );
    const helen = {
      ...added('Helen', '2026-10-01', { stage: 'buy-in', disposition: 'fence-sitter', influence: 'high' }),
      log: [
        {
          on: '2026-10-05',
          text: 'after the audit',
          tactic: 'make-room' as const,
          outcome: 'declined' as const,
          until: '2026-11-24',
        },
      ],
    };
    expect(weeklyTodo({ people: [...managers, helen] }, today, 10)[0]).toMatchObject({ name: 'Helen', tactic: 'make-room' });
  });

  it("someone whose rest ends later in the week gets that day's step, with no stuck points for the rest", () => {
    const martin = assessed(
      'Martin',
      '2026-09-01',
      { ...gates(1), ...resistant, 'outlier-reasons': ['resists-change'], influence: 'high' },
      {
        log: [
          { on: '2026-09-02', text: 'asked what worries him', tactic: 'understand-why', outcome: 'declined' },
          { on: '2026-10-28', text: 'offered an outside voice', tactic: 'outside-authority', outcome: 'declined' },
        ],
      },
    );
    const item = only(martin);
    expect(item).toMatchObject({ due: '2026-11-27', kind: 'tactic' });
    expect(item.action).not.toContain('Ask for nothing');
    expect(item.why).not.toContain('stuck');
  });

  it('someone at their target never contacted does not outrank a high-influence fence-sitter with a step under way', () => {
    const megan = added('Megan Ross', '2026-09-01', {
      stage: 'buy-in',
      disposition: 'advocate',
      influence: 'low',
      target: 'buy-in',
    });
    const karen = applyUpdate(
      added('Karen Lee', '2026-09-01', { stage: 'buy-in', disposition: 'fence-sitter', influence: 'high', target: 'commitment' }),
      {},
      'set',
      new Date('2026-09-01'),
    );
    const asked = {
      ...karen,
      log: [{ on: '2026-11-17', text: 'asked about onboarding', tactic: 'make-room' as const, outcome: 'waiting' as const }],
    };
    expect(todo(megan, asked).map((item) => item.name)).toEqual(['Karen Lee', 'Megan Ross']);
  });

  it.each([
    ['an outlier', { ...resistant, 'outlier-reasons': ['financial'] }, POINTS.disposition.outlier],
    ['a fence-sitter', neutral, POINTS.disposition['fence-sitter']],
    ['an advocate', keen, 0],
  ])('%s adds its disposition points', (_, disposition, points) => {
    const person = base({ ...gates(3), ...disposition });
    const overdue = only(person).overdueDays;
    expect(only(person).priority).toBe(overdue + points);
  });

  it.each([
    ['high', POINTS.influence.high, 'high influence'],
    ['medium', POINTS.influence.medium, 'medium influence'],
    ['low', 0, undefined],
  ] as const)('%s influence adds %s points, and is named in the why when it adds any', (influence, points, named) => {
    const item = only(base({ ...gates(3), ...keen, influence }));
    expect(item.priority).toBe(item.overdueDays + points);
    if (named) expect(item.why).toContain(named);
    else expect(item.why).not.toContain('influence');
  });

  it('an influence not known yet counts as medium', () => {
    const unknown = only(base({ ...gates(3), ...keen, influence: undefined as unknown as string }));
    const medium = only(base({ ...gates(3), ...keen, influence: 'medium' }));
    expect(unknown.priority - unknown.overdueDays).toBe(POINTS.unknownInfluence);
    expect(POINTS.unknownInfluence).toBe(POINTS.influence.medium);
    expect(medium.priority - medium.overdueDays).toBe(POINTS.influence.medium);
  });

  it('never contacted adds 6 points; no stage yet adds 6 more', () => {
    expect(only(assessed('N', '2026-11-24', { ...gates(3), ...keen, influence: 'low' })).priority).toBe(POINTS.neverContacted);
    const item = only(added('New Hire', '2026-11-24', { role: 'COO', influence: 'low' }));
    expect(item.priority).toBe(POINTS.neverContacted + POINTS.noStage);
    expect(item).toMatchObject({ kind: 'assess', action: expect.stringContaining('cx assess "New Hire"') });
  });

  it('3 points per full week at one stage since the first contact, once that reaches 3 weeks, and says so', () => {
    const fresh = assessed('Fresh', '2026-11-10', { ...gates(3), ...keen }, { log: seen('2026-11-10') });
    const stuck = assessed(
      'Stuck',
      '2026-10-20',
      { ...gates(3), ...keen },
      { log: [...seen('2026-10-20'), ...seen('2026-11-10')] },
    );
    const [first, second] = todo(fresh, stuck);
    expect(first?.name).toBe('Stuck');
    expect(first?.why).toContain('stuck at Buy-in for 5 weeks');
    expect((first?.priority ?? 0) - (second?.priority ?? 0)).toBe(5 * POINTS.perStuckWeek);
  });

  it('a step that worked restarts the stuck clock: progress, if not yet a move', () => {
    const log = [
      ...seen('2026-10-20'),
      { on: '2026-11-20', text: 'an underwriter starts next month', tactic: 'make-room' as const, outcome: 'worked' as const },
    ];
    const sofia = assessed('Sofia', '2026-10-20', { ...gates(4), ...keen }, { log });
    expect(only(sofia).why).not.toContain('stuck');
    expect(only({ ...sofia, log: log.slice(0, 1) }).why).toContain('stuck at Commitment for 5 weeks');
  });

  it('nobody is stuck while waiting for the day they asked you to come back on', () => {
    const tom = assessed('Tom', '2026-10-01', { ...gates(1), ...neutral }, { log: seen('2026-10-02') });
    expect(buildBoard({ people: [tom] }, today, '2026-11-01').stuck.map((entry) => entry.name)).toEqual(['Tom']);
    const paused = { ...tom, log: [{ on: '2026-10-02', text: 'ask me in January', until: '2027-01-11' }] };
    expect(buildBoard({ people: [paused] }, today, '2026-11-01').stuck).toEqual([]);
    const back = { ...tom, log: [{ on: '2026-10-02', text: 'ask me in November', until: '2026-11-02' }] };
    expect(buildBoard({ people: [back] }, today, '2026-11-01').stuck.map((entry) => entry.name)).toEqual(['Tom']);
  });

  it('nobody at Action, or at their target, is stuck', () => {
    const doer = assessed('Doer', '2026-09-01', { ...gates(5), ...keen }, { log: seen('2026-10-01') });
    expect(only(doer).why).not.toContain('stuck');
    const warm = assessed(
      'Warm',
      '2026-09-01',
      { ...gates(3), ...keen },
      { set: ['2026-09-01', { target: 'buy-in' }], log: seen('2026-10-01') },
    );
    expect(only(warm).why).not.toContain('stuck');
  });

  it('ties go to the most overdue, then by name', () => {
    const people = [
      assessed('Zed', '2026-11-01', { ...gates(3), ...neutral }),
      assessed('Amy', '2026-11-05', { ...gates(3), ...neutral }),
      assessed('Bea', '2026-11-05', { ...gates(3), ...neutral }),
    ];
    // Never contacted, 23 and 19 days overdue: both count the most, 14, so they tie on points, and Zed,
    // the longer overdue, comes first; Amy and Bea tie on both, and go by name.
    expect(todo(...people).map((item) => [item.name, item.priority])).toEqual([
      ['Zed', 30],
      ['Amy', 30],
      ['Bea', 30],
    ]);
  });
});

describe('rule 3: the week-one plan', () => {
  // A roster mapped on one day: nobody has been talked to yet.
  const mappedOn = '2026-11-24';
  const people = [
    assessed('Adv Low', mappedOn, { ...gates(4), ...keen, influence: 'low' }),
    assessed('Adv High', mappedOn, { ...gates(3), ...keen, influence: 'high' }),
    assessed('Adv Medium', mappedOn, { ...gates(4), ...keen, influence: 'medium' }),
    assessed('Fence Medium', mappedOn, { ...gates(2), ...neutral, influence: 'medium' }),
    assessed('Fence', mappedOn, { ...gates(1), ...neutral }),
    assessed('Out Low', mappedOn, { ...gates(3), ...resistant, influence: 'low', 'outlier-reasons': ['operational'] }),
    assessed('Out', mappedOn, { ...gates(2), ...resistant }),
    assessed('Adv', mappedOn, { ...gates(5), ...keen }),
  ];

  it('lists everyone on the day of mapping, outliers and high influence first', () => {
    const names = weeklyTodo({ people }, new Date('2026-11-24T12:00:00Z')).map((item) => item.name);
    expect(names).toHaveLength(people.length);
    expect(names.slice(0, 3).sort()).toEqual(['Adv High', 'Out', 'Out Low']);
  });

  it('a week later, within a limit, still lists every outlier and every high-influence person', () => {
    const names = weeklyTodo({ people }, new Date('2026-12-01T09:00:00Z'), 4).map((item) => item.name);
    expect(names).toEqual(expect.arrayContaining(['Adv High', 'Out', 'Out Low']));
  });
});

describe('rule 3: keeping the hard conversations in view', () => {
  it('advocates take at most half the places while outliers or fence-sitters wait', () => {
    const advocates = ['A1', 'A2', 'A3', 'A4'].map((name) =>
      assessed(name, '2026-09-01', { ...gates(4), ...keen, influence: 'high' }, { log: seen('2026-09-01') }),
    );
    const outlier = assessed(
      'Quiet Outlier',
      '2026-11-10',
      { ...gates(3), ...resistant, influence: 'low' },
      { log: seen('2026-11-10') },
    );
    const all = weeklyTodo({ people: [...advocates, outlier] }, today);
    expect(all.at(-1)?.name).toBe('Quiet Outlier'); // lowest score
    const limited = weeklyTodo({ people: [...advocates, outlier] }, today, 3);
    expect(limited.map((item) => item.name)).toEqual(['A1', 'A2', 'Quiet Outlier']);
  });

  it('fills the list with advocates when no one else is due', () => {
    const advocates = ['A1', 'A2', 'A3'].map((name) => assessed(name, '2026-09-01', { ...gates(4), ...keen }));
    expect(weeklyTodo({ people: advocates }, today, 3)).toHaveLength(3);
  });
});

describe('rule 4: the one action is the next step', () => {
  it('an outlier whose reason is unknown: find out why first', () => {
    expect(only(assessed('O', '2026-11-01', { ...gates(3), ...resistant })).tactic).toBe('understand-why');
  });

  it('a Commitment-stage person: names an Action-stage colleague, same team first', () => {
    const committed = assessed('Kim', '2026-11-01', { ...gates(4), ...keen, team: 'Support' });
    const doerElsewhere = assessed(
      'Ann',
      '2026-11-20',
      { ...gates(5), ...keen, team: 'Retail', influence: 'high' },
      { log: seen('2026-11-23') },
    );
    const doerSameTeam = assessed('Bo', '2026-11-20', { ...gates(5), ...keen, team: 'support' }, { log: seen('2026-11-23') });
    const [item] = todo(committed, doerElsewhere, doerSameTeam);
    expect(item).toMatchObject({ name: 'Kim', tactic: 'social-proof', peer: 'Bo', team: 'Support' });
    expect(item?.action).toBe('Send Kim a two-line note on what Bo delivered this month, with one number that moved.');
  });

  it('a Commitment-stage person set by hand, never assessed, gets the same example', () => {
    const imported = added('Ivy', '2026-11-01', { stage: 'commitment' });
    const doer = assessed('Bo', '2026-11-20', { ...gates(5), ...keen }, { log: seen('2026-11-23') });
    const [item] = todo(imported, doer);
    expect(item).toMatchObject({ name: 'Ivy', kind: 'tactic', tactic: 'social-proof', peer: 'Bo' });
    expect(item?.why).toContain('would sharpen this');
  });

  it('an Action-stage person: credit them publicly', () => {
    const item = only(assessed('Doer', '2026-10-01', { ...gates(5), ...keen }, { log: seen('2026-10-01') }));
    expect(item.tactic).toBe('nurture-followers');
    expect(item.action).toContain('Thank Doer by name');
  });

  it("rotates among the tactic's actions as the log shows it used, the plan's moves taking turns", () => {
    const base = { ...gates(3), ...keen };
    const used = (times: number) =>
      Array.from({ length: times }, () => [
        { on: '2026-11-01', text: 'asked', tactic: 'scarcity' as const },
        { on: '2026-11-01', text: 'asked along', tactic: 'enlist' as const },
      ]).flat();
    const actions = [0, 1, 2, 4].map(
      (times) => weeklyTodo({ people: [assessed('B', '2026-11-01', base, { log: used(times) })] }, today)[0]?.action,
    );
    expect(new Set(actions.slice(0, 3)).size).toBe(3);
    // Four actions each, all taken and no move: whether they moved, and if not what stands in the way.
    const spent = weeklyTodo({ people: [assessed('B', '2026-11-01', base, { log: used(4) })] }, today)[0];
    expect(spent?.action).toMatch(/^Check whether B has reached Commitment .* If they have not, ask them what stands in the way/);
    expect(spent?.why).toContain('every step taken since 2026-11-01 (make a scarce, specific ask; enlist them), with no move');
    // Judged again at the same stage, a new round: the moves take turns from their first action again.
    const again = assessed('B', '2026-11-01', base, { log: used(4) });
    const judged = { ...again, assessment: { ...again.assessment!, at: '2026-11-10T09:00:00.000Z' } };
    expect(weeklyTodo({ people: [judged] }, today)[0]?.action).toBe(actions[0]);
    // Used once more than the other, a move gives way to it: enlisting, after a scarce ask.
    const once = weeklyTodo(
      { people: [assessed('B', '2026-11-01', base, { log: [{ on: '2026-11-01', text: 'asked', tactic: 'scarcity' }] })] },
      today,
    )[0];
    expect(once?.tactic).toBe('enlist');
  });
});

describe('the board', () => {
  const roster: Roster = {
    people: [
      assessed('Up', '2026-11-01', { ...gates(1), ...keen }, { set: ['2026-11-20', { stage: 'buy-in' }] }),
      assessed('Down', '2026-11-01', { ...gates(4), ...resistant }, { set: ['2026-11-21', { stage: 'skepticism' }] }),
      assessed('Still', '2026-09-01', { ...gates(2), ...neutral }, { log: seen('2026-09-01') }),
      assessed('Doer', '2026-09-01', { ...gates(5), ...keen }),
      added('New', '2026-11-22'),
    ],
  };

  it('knows each stage on a past day', () => {
    expect(stageOn(roster.people[0] as Stakeholder, '2026-11-10')).toBe('skepticism');
    expect(stageOn(roster.people[0] as Stakeholder, '2026-11-20')).toBe('buy-in');
    expect(stageOn(roster.people[4] as Stakeholder, '2026-11-10')).toBeUndefined();
  });

  it('counts the move of someone added in the period, from the stage they were added at, as month by month does', () => {
    const fresh = applyUpdate(
      added('Fresh', '2026-11-18', { stage: 'buy-in' }),
      { stage: 'commitment' },
      'set',
      new Date('2026-11-20'),
    );
    const board = buildBoard({ people: [fresh] }, today, '2026-11-17', { months: 1 });
    expect(board.added).toEqual(['Fresh']);
    expect(board.movedUp).toEqual([{ name: 'Fresh', from: 'buy-in', to: 'commitment' }]);
    expect(board.movement?.[0]).toMatchObject({ added: 1, movedUp: 1 });
  });

  it('finds the outliers who came round since a day: an outlier as it began, not one now', () => {
    const out = (name: string) => added(name, '2026-11-01', { stage: 'skepticism', disposition: 'outlier' });
    const round = applyUpdate(out('Round'), { disposition: 'fence-sitter' }, 'set', new Date('2026-11-20'));
    const keen = applyUpdate(out('Keen'), { disposition: 'advocate' }, 'set', new Date('2026-11-10')); // before the day
    const still = out('Still');
    // Mapped in the period as an outlier, and come round since: counted too.
    const late = applyUpdate(added('Late', '2026-11-18', { disposition: 'outlier' }), { disposition: 'advocate' }, 'set', today);
    const board = buildBoard({ people: [round, keen, still, late] }, today, '2026-11-17');
    expect(board.cameRound).toEqual([
      { name: 'Late', from: 'outlier', to: 'advocate' },
      { name: 'Round', from: 'outlier', to: 'fence-sitter' },
    ]);
    expect(buildBoard({ people: [keen] }, today, '2026-11-05').cameRound).toEqual([
      { name: 'Keen', from: 'outlier', to: 'advocate' },
    ]);
  });

  it('counts a move made on the "since" day itself', () => {
    expect(buildBoard(roster, today, '2026-11-20').movedUp).toEqual([{ name: 'Up', from: 'skepticism', to: 'buy-in' }]);
    expect(buildBoard(roster, today, '2026-11-21').movedUp).toEqual([]);
    expect(buildBoard(roster, today, '2026-11-22').added).toEqual(['New']);
  });

  it('counts the funnel, fills the grid and finds who moved since a day; nobody at Action is stuck', () => {
    const board = buildBoard(roster, today, '2026-11-17');
    expect(board.funnel).toEqual([
      { stage: 'ignorance', count: 0 },
      { stage: 'skepticism', count: 2 },
      { stage: 'buy-in', count: 1 },
      { stage: 'commitment', count: 0 },
      { stage: 'action', count: 1 },
      { stage: null, count: 1 },
    ]);
    expect(board.grid.skepticism).toMatchObject({ outlier: ['Down'], 'fence-sitter': ['Still'] });
    expect(board.movedUp).toEqual([{ name: 'Up', from: 'skepticism', to: 'buy-in' }]);
    expect(board.movedDown).toEqual([{ name: 'Down', from: 'commitment', to: 'skepticism' }]);
    expect(board.added).toEqual(['New']);
    expect(board.stuck).toEqual([{ name: 'Still', stage: 'skepticism', days: 84 }]);
  });
});

// Movement over the months (src/domain/movement.ts): people per stage at each month's end, rebuilt from
// each person's history, as cx board --months prints it and cx report charts it.
import { describe, expect, it } from 'vitest';
import { buildBoard } from '../src/domain/board.js';
import type { Roster, StageId, Stakeholder } from '../src/domain/model.js';
import { type MonthCount, monthByMonth, monthEnds } from '../src/domain/movement.js';
import { applyUpdate, newPerson, recordAssessment } from '../src/domain/roster.js';
import { assess } from '../src/domain/assess.js';
import { lastMoveUp, stageSince } from '../src/domain/filter.js';

let next = 0;
/** Someone added on a day (at noon UTC) at a stage, then set to other stages on later days. */
function person(name: string, added: string, stage: StageId | null, ...moves: [string, StageId][]): Stakeholder {
  const at = (day: string) => new Date(`${day}T12:00:00Z`);
  let someone = newPerson(name, `id-${++next}`, at(added));
  someone = applyUpdate(someone, stage ? { stage } : {}, 'set', at(added), true);
  for (const [day, to] of moves) someone = applyUpdate(someone, { stage: to }, 'set', at(day));
  return someone;
}

/** The rows as [month, counts per stage from Ignorance to Action, then none], for a compact expectation. */
const counts = (rows: MonthCount[]) =>
  rows.map((row) => [
    row.month,
    row.stages.ignorance,
    row.stages.skepticism,
    row.stages['buy-in'],
    row.stages.commitment,
    row.stages.action,
    row.stages.none,
  ]);
const moves = (rows: MonthCount[]) => rows.map((row) => [row.month, row.movedUp, row.movedDown, row.added]);

describe('month ends', () => {
  it('are the last day of each earlier month, then the day itself, oldest first', () => {
    expect(monthEnds('2026-11-24', 3)).toEqual({
      before: '2026-08-31',
      ends: [
        { month: '2026-09', end: '2026-09-30' },
        { month: '2026-10', end: '2026-10-31' },
        { month: '2026-11', end: '2026-11-24' },
      ],
    });
  });

  it('cross the year and know February in a leap year', () => {
    expect(monthEnds('2028-03-01', 4)).toEqual({
      before: '2027-11-30',
      ends: [
        { month: '2027-12', end: '2027-12-31' },
        { month: '2028-01', end: '2028-01-31' },
        { month: '2028-02', end: '2028-02-29' },
        { month: '2028-03', end: '2028-03-01' },
      ],
    });
  });

  it('mark the month of the day as partial, unless the day is its last', () => {
    expect(monthByMonth({ people: [] }, '2026-11-24', 2).map((row) => row.partial)).toEqual([false, true]);
    expect(monthByMonth({ people: [] }, '2026-11-30', 2).map((row) => row.partial)).toEqual([false, false]);
  });
});

describe('people per stage at each month end', () => {
  it('an empty roster: every month, nobody', () => {
    const rows = monthByMonth({ people: [] }, '2026-12-01', 6);
    expect(rows).toHaveLength(6);
    expect(rows.map((row) => row.month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    for (const row of rows) expect(row).toMatchObject({ total: 0, movedUp: 0, movedDown: 0, added: 0 });
    expect(counts(rows).every(([, ...stages]) => stages.every((count) => count === 0))).toBe(true);
  });

  it('people added mid-month count from the end of that month, as added in it', () => {
    const roster: Roster = {
      people: [
        person('Early', '2026-08-03', 'skepticism'),
        person('Mid', '2026-10-15', 'buy-in'),
        person('Late', '2026-11-30', null),
      ],
    };
    const rows = monthByMonth(roster, '2026-12-01', 5);
    expect(counts(rows)).toEqual([
      ['2026-08', 0, 1, 0, 0, 0, 0],
      ['2026-09', 0, 1, 0, 0, 0, 0],
      ['2026-10', 0, 1, 1, 0, 0, 0],
      ['2026-11', 0, 1, 1, 0, 0, 1],
      ['2026-12', 0, 1, 1, 0, 0, 1],
    ]);
    expect(moves(rows)).toEqual([
      ['2026-08', 0, 0, 1],
      ['2026-09', 0, 0, 0],
      ['2026-10', 0, 0, 1],
      ['2026-11', 0, 0, 1],
      ['2026-12', 0, 0, 0],
    ]);
    expect(rows.map((row) => row.total)).toEqual([1, 1, 2, 3, 3]);
  });

  it('stage moves up and down land in the month they happened, each person once a month', () => {
    const roster: Roster = {
      people: [
        person('Climber', '2026-06-10', 'ignorance', ['2026-08-05', 'skepticism'], ['2026-10-20', 'buy-in']),
        // Up twice in September: one person moved up that month, from Skepticism to Commitment.
        person('Sprinter', '2026-06-10', 'skepticism', ['2026-09-02', 'buy-in'], ['2026-09-28', 'commitment']),
        person('Slipper', '2026-06-10', 'commitment', ['2026-10-01', 'skepticism']),
        // Down and back up within a month: no net move, and counted at Buy-in all along.
        person('Wobbler', '2026-06-10', 'buy-in', ['2026-11-03', 'skepticism'], ['2026-11-20', 'buy-in']),
      ],
    };
    const rows = monthByMonth(roster, '2026-11-24', 4);
    expect(counts(rows)).toEqual([
      ['2026-08', 0, 2, 1, 1, 0, 0],
      ['2026-09', 0, 1, 1, 2, 0, 0],
      ['2026-10', 0, 1, 2, 1, 0, 0],
      ['2026-11', 0, 1, 2, 1, 0, 0],
    ]);
    expect(moves(rows)).toEqual([
      ['2026-08', 1, 0, 0],
      ['2026-09', 1, 0, 0],
      ['2026-10', 1, 1, 0],
      ['2026-11', 0, 0, 0],
    ]);
  });

  it('a move on the last day of a month counts in that month; one on the first day of the next, in the next', () => {
    const roster: Roster = {
      people: [
        person('A', '2026-06-01', 'skepticism', ['2026-09-30', 'buy-in']),
        person('B', '2026-06-01', 'skepticism', ['2026-10-01', 'buy-in']),
      ],
    };
    expect(moves(monthByMonth(roster, '2026-10-31', 2))).toEqual([
      ['2026-09', 1, 0, 0],
      ['2026-10', 1, 0, 0],
    ]);
  });

  it('people removed from the roster are gone from every month: the roster keeps no trace of them', () => {
    const stays = person('Stays', '2026-07-01', 'buy-in');
    const goes = person('Goes', '2026-07-01', 'action');
    const before = monthByMonth({ people: [stays, goes] }, '2026-11-24', 3);
    const after = monthByMonth({ people: [stays] }, '2026-11-24', 3);
    expect(before.map((row) => row.stages.action)).toEqual([1, 1, 1]);
    expect(after.map((row) => row.stages.action)).toEqual([0, 0, 0]);
    expect(after.map((row) => row.total)).toEqual([1, 1, 1]);
    // Nor do they count as moving down or out: the months simply never held them.
    expect(after.every((row) => row.movedDown === 0)).toBe(true);
  });

  it('a roster whose history is all from the last week: only this month, everyone new, and a move since counts', () => {
    const roster: Roster = {
      people: [
        person('One', '2026-11-20', 'buy-in'),
        person('Two', '2026-11-21', 'action'),
        person('Three', '2026-11-22', 'skepticism', ['2026-11-23', 'commitment']),
      ],
    };
    const rows = monthByMonth(roster, '2026-11-24', 6);
    // The months before anyone was in the roster say nothing, and are left out.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      month: '2026-11',
      partial: true,
      total: 3,
      added: 3,
      // Three, added at Skepticism, moved up to Commitment within the month.
      movedUp: 1,
      movedDown: 0,
      stages: { ignorance: 0, skepticism: 0, 'buy-in': 1, commitment: 1, action: 1, none: 0 },
    });
  });

  it('the last month agrees with the funnel of the board on the same day, and a past day leaves later changes out', () => {
    const roster: Roster = {
      people: [
        person('A', '2026-09-01', 'ignorance', ['2026-11-10', 'buy-in']),
        person('B', '2026-10-01', 'commitment'),
        person('C', '2026-11-12', null),
      ],
    };
    const board = buildBoard(roster, new Date('2026-11-24T09:00:00Z'), '2026-11-17', { months: 3 });
    const last = board.movement?.at(-1);
    for (const { stage, count } of board.funnel) expect(last?.stages[stage ?? 'none'], String(stage)).toBe(count);
    const then = buildBoard(roster, new Date('2026-11-05T09:00:00Z'), '2026-10-29', { asOf: true, months: 2 });
    expect(counts(then.movement ?? [])).toEqual([
      ['2026-10', 1, 0, 0, 1, 0, 0],
      ['2026-11', 1, 0, 0, 1, 0, 0],
    ]);
  });
});

describe('a first assessment that corrects a stage guessed at the desk', () => {
  const answersAtBuyIn = { understands: 'yes', relevant: 'yes', endorses: 'yes', pledged: 'no', stance: 'neutral' };
  const assessedOn = (someone: Stakeholder, day: string) =>
    recordAssessment(
      { people: [someone] },
      {
        name: someone.name,
        answers: answersAtBuyIn,
        result: assess(answersAtBuyIn),
        at: new Date(`${day}T12:00:00Z`),
        newId: () => 'x',
      },
    ).person;

  it('is where they were all along: no move on the board, in the months or for the stuck clock', () => {
    const liam = assessedOn(person('Liam', '2026-10-05', 'skepticism'), '2026-11-10');
    expect(liam.stage).toBe('buy-in');
    const board = buildBoard({ people: [liam] }, new Date('2026-11-24T09:00:00Z'), '2026-10-01', { months: 2 });
    expect(board.movedUp).toEqual([]);
    expect(moves(board.movement ?? [])).toEqual([
      ['2026-10', 0, 0, 1],
      ['2026-11', 0, 0, 0],
    ]);
    expect(counts(board.movement ?? [])[0]).toEqual(['2026-10', 0, 0, 1, 0, 0, 0]);
    expect(lastMoveUp(liam)).toBeUndefined();
    expect(stageSince(liam).slice(0, 10)).toBe('2026-10-05');
  });

  it('is a move once you had talked to them before it', () => {
    const talked = { ...person('Liam', '2026-10-05', 'skepticism'), log: [{ on: '2026-10-20', text: 'coffee' }] };
    const liam = assessedOn(talked, '2026-11-10');
    const board = buildBoard({ people: [liam] }, new Date('2026-11-24T09:00:00Z'), '2026-10-01');
    expect(board.movedUp).toEqual([{ name: 'Liam', from: 'skepticism', to: 'buy-in' }]);
    expect(lastMoveUp(liam)).toBeDefined();
  });
});

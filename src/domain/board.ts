// The program at a glance: the funnel, the stage × disposition grid, and who moved since a day. Pure.
import { dayOf } from './dates.js';
import { isStuck, stuckDays } from './filter.js';
import { dispositionBefore, dispositionFirstFrom, rosterOn, stageAdded, stageBefore, startOfDay } from './history.js';
import type { DispositionId, Roster, StageId, Stakeholder } from './model.js';
import { DISPOSITIONS, STAGES, atTarget, stageNumber, targetOf } from './model.js';
import { type MonthCount, monthByMonth } from './movement.js';
import { sortByName } from './names.js';

export { rosterOn, stageOn } from './history.js';

export interface Move {
  name: string;
  from: StageId | null;
  to: StageId | null;
}

export interface Board {
  today: string;
  since: string;
  total: number;
  /** Count per stage, bottom rung first; `null` counts people with no stage yet. */
  funnel: { stage: StageId | null; count: number }[];
  /** Names per stage and disposition ("none" for people with no disposition yet). */
  grid: Record<StageId, Record<DispositionId | 'none', string[]>>;
  movedUp: Move[];
  movedDown: Move[];
  /** People added since the day. */
  added: string[];
  /** People who were outliers as the day began (or when first judged since) and are not now. */
  cameRound: { name: string; from: 'outlier'; to: DispositionId }[];
  /**
   * People three weeks or more at one stage, longest first: not people at Action, nor those at or past
   * their target stage.
   */
  stuck: { name: string; stage: StageId; days: number }[];
  /** How the roster stands against the stages people are wanted at (Action unless set). */
  targets: {
    /** People at or past their target. */
    reached: number;
    /** People short of it, and how many stages they are short in all. */
    below: number;
    stagesToGo: number;
    /** The names of those at or past it. */
    reachedBy: string[];
  };
  /** People per stage at each of the last months' ends (with `months`: cx board --months). */
  movement?: MonthCount[];
}

/**
 * The board on a day. For a day before today (`asOf`), the roster is first taken back to that day
 * (rosterOn); today's board uses the roster as it is. With `months`, the movement of that many months
 * up to the day (movement.ts).
 */
export function buildBoard(
  current: Roster,
  today: Date,
  since: string,
  { asOf = false, months }: { asOf?: boolean; months?: number } = {},
): Board {
  const roster = asOf ? rosterOn(current, dayOf(today)) : current;
  const people = sortByName(roster.people, (person) => person.name);
  const funnel = [...STAGES, null].map((stage) => ({ stage, count: people.filter((p) => p.stage === stage).length }));
  const grid = Object.fromEntries(
    STAGES.map((stage) => [stage, Object.fromEntries([...DISPOSITIONS, 'none'].map((d) => [d, [] as string[]]))]),
  ) as Board['grid'];
  for (const person of people) {
    if (person.stage) grid[person.stage][person.disposition ?? 'none'].push(person.name);
  }
  const movedUp: Move[] = [];
  const movedDown: Move[] = [];
  const added: string[] = [];
  const cameRound: Board['cameRound'] = [];
  // "Since" a day includes that day: how people stood as it began.
  const sinceStart = startOfDay(since);
  for (const person of people) {
    // An outlier as the day began, or when first judged since (someone mapped in the period), who is not now.
    const was = dispositionBefore(person, sinceStart) ?? dispositionFirstFrom(person, sinceStart);
    if (was === 'outlier' && person.disposition && person.disposition !== 'outlier') {
      cameRound.push({ name: person.name, from: 'outlier', to: person.disposition });
    }
    let before = stageBefore(person, sinceStart);
    if (before === undefined) {
      added.push(person.name);
      // Added since: a move after that counts from the stage they were added at, as month by month.
      before = stageAdded(person);
      if (before === null) continue;
    }
    const rank = (stage: StageId | null) => (stage ? stageNumber(stage) : 0);
    if (rank(person.stage) > rank(before)) movedUp.push({ name: person.name, from: before, to: person.stage });
    if (rank(person.stage) < rank(before)) movedDown.push({ name: person.name, from: before, to: person.stage });
  }
  const stuck = people
    .filter((person): person is Stakeholder & { stage: StageId } => isStuck(person, today))
    .map((person) => ({ name: person.name, stage: person.stage, days: stuckDays(person, today) }))
    .sort((a, b) => b.days - a.days); // stable: people of equal days stay in name order
  const staged = people.filter((person): person is Stakeholder & { stage: StageId } => person.stage !== null);
  const short = staged.filter((person) => !atTarget(person));
  const targets = {
    reached: staged.length - short.length,
    below: short.length,
    stagesToGo: short.reduce((sum, person) => sum + stageNumber(targetOf(person)) - stageNumber(person.stage), 0),
    reachedBy: staged.filter((person) => atTarget(person)).map((person) => person.name),
  };
  const board: Board = {
    today: dayOf(today),
    since,
    total: people.length,
    funnel,
    grid,
    movedUp,
    movedDown,
    added,
    cameRound,
    stuck,
    targets,
  };
  if (months) board.movement = monthByMonth(roster, dayOf(today), months);
  return board;
}

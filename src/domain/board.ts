// The programme at a glance: the funnel, the stage × disposition grid, and who moved since a day. Pure.
import { addDays, dayOf, daysBetween, parseDay } from './dates.js';
import { isStuck, stageSince } from './filter.js';
import type { DispositionId, Roster, StageId, Stakeholder } from './model.js';
import { DISPOSITIONS, STAGES, atTarget, stageNumber, targetOf } from './model.js';
import { sortByName } from './names.js';

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
}

/** A person's stage at the end of a day, from their history; undefined if they were not yet in the roster. */
export function stageOn(person: Stakeholder, day: string): StageId | null | undefined {
  return stageBefore(person, startOfDay(addDays(day, 1)));
}

/** The UTC instant (ISO) at which a local day starts: timestamps before it fall on or before the day. */
const startOfDay = (day: string): string => (parseDay(day) as Date).toISOString();

/** A person's stage just before an ISO instant, from their history; undefined if they were added later. */
function stageBefore(person: Stakeholder, instant: string): StageId | null | undefined {
  // The stage of asBefore(person, instant), without copying the person to read one field.
  if (person.createdAt >= instant) return undefined;
  let stage: StageId | null = null;
  for (const entry of person.history) {
    if (entry.at >= instant) break;
    for (const change of entry.changes) if (change.field === 'stage') stage = (change.to ?? null) as StageId | null;
  }
  return stage;
}

/**
 * A person as they stood just before an ISO instant: their stage, disposition and target rebuilt from
 * their history, and the history up to then; undefined if they were added later.
 */
function asBefore(person: Stakeholder, instant: string): Stakeholder | undefined {
  if (person.createdAt >= instant) return undefined;
  const fields: Record<'stage' | 'disposition' | 'target', unknown> = { stage: null, disposition: null, target: undefined };
  const history = [];
  for (const entry of person.history) {
    if (entry.at >= instant) break;
    history.push(entry);
    for (const change of entry.changes) {
      if (change.field === 'stage' || change.field === 'disposition' || change.field === 'target') {
        fields[change.field] = change.to ?? (change.field === 'target' ? undefined : null);
      }
    }
  }
  const then = {
    ...person,
    history,
    stage: fields.stage as StageId | null,
    disposition: fields.disposition as DispositionId | null,
  };
  if (fields.target) then.target = fields.target as StageId;
  else delete then.target;
  return then;
}

/**
 * The roster as it stood at the end of a day, when that day is not today: people added since are left
 * out, and everyone else has the stage and disposition their history gives them on that day.
 */
export function rosterOn(roster: Roster, day: string): Roster {
  const end = startOfDay(addDays(day, 1));
  return { people: roster.people.map((person) => asBefore(person, end)).filter((person): person is Stakeholder => !!person) };
}

/**
 * The board on a day. For a day before today (`asOf`), the roster is first taken back to that day
 * (rosterOn); today's board uses the roster as it is.
 */
export function buildBoard(current: Roster, today: Date, since: string, { asOf = false } = {}): Board {
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
  const sinceEnd = startOfDay(addDays(since, 1));
  for (const person of people) {
    const before = stageBefore(person, sinceEnd);
    if (before === undefined) {
      added.push(person.name);
      continue;
    }
    const rank = (stage: StageId | null) => (stage ? stageNumber(stage) : 0);
    if (rank(person.stage) > rank(before)) movedUp.push({ name: person.name, from: before, to: person.stage });
    if (rank(person.stage) < rank(before)) movedDown.push({ name: person.name, from: before, to: person.stage });
  }
  const stuck = people
    .filter((person): person is Stakeholder & { stage: StageId } => isStuck(person, today))
    .map((person) => ({ name: person.name, stage: person.stage, days: daysBetween(stageSince(person), today) }))
    .sort((a, b) => b.days - a.days); // stable: people of equal days stay in name order
  const staged = people.filter((person): person is Stakeholder & { stage: StageId } => person.stage !== null);
  const short = staged.filter((person) => !atTarget(person));
  const targets = {
    reached: staged.length - short.length,
    below: short.length,
    stagesToGo: short.reduce((sum, person) => sum + stageNumber(targetOf(person)) - stageNumber(person.stage), 0),
    reachedBy: staged.filter((person) => atTarget(person)).map((person) => person.name),
  };
  return { today: dayOf(today), since, total: people.length, funnel, grid, movedUp, movedDown, added, stuck, targets };
}

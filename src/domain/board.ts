// The programme at a glance: the funnel, the stage × disposition grid, and who moved since a day. Pure.
import { addDays, dayOf, daysBetween, parseDay } from './dates.js';
import { stageSince } from './filter.js';
import type { DispositionId, Roster, StageId, Stakeholder } from './model.js';
import { DISPOSITIONS, STAGES, stageNumber } from './model.js';
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
  /** Longest at their current stage first; people at Action are not stuck. */
  stuck: { name: string; stage: StageId; days: number }[];
}

/** A person's stage at the end of a day, from their history; undefined if they were not yet in the roster. */
export function stageOn(person: Stakeholder, day: string): StageId | null | undefined {
  return stageBefore(person, startOfDay(addDays(day, 1)));
}

/** The UTC instant (ISO) at which a local day starts: timestamps before it fall on or before the day. */
const startOfDay = (day: string): string => (parseDay(day) as Date).toISOString();

/** A person's stage just before an ISO instant, from their history; undefined if they were added later. */
function stageBefore(person: Stakeholder, instant: string): StageId | null | undefined {
  if (person.createdAt >= instant) return undefined;
  let stage: StageId | null = null;
  for (const entry of person.history) {
    if (entry.at >= instant) break;
    for (const change of entry.changes) if (change.field === 'stage') stage = change.to as StageId | null;
  }
  return stage;
}

export function buildBoard(roster: Roster, today: Date, since: string): Board {
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
    .filter((person): person is Stakeholder & { stage: StageId } => person.stage !== null && person.stage !== 'action')
    .map((person) => ({ name: person.name, stage: person.stage, days: Math.max(0, daysBetween(stageSince(person), today)) }))
    .sort((a, b) => b.days - a.days); // stable: people of equal days stay in name order
  return { today: dayOf(today), since, total: people.length, funnel, grid, movedUp, movedDown, added, stuck };
}

// The roster as it stood on a past day, rebuilt from each person's history: the stage, disposition and
// target they had then, and whether they were in the roster at all. The board, its movement over the
// months and the report all take the past from here. Pure.
import { addDays, dayOf, parseDay } from './dates.js';
import type { DispositionId, Roster, StageId, Stakeholder } from './model.js';

/** A person's stage at the end of a day, from their history; undefined if they were not yet in the roster. */
export function stageOn(person: Stakeholder, day: string): StageId | null | undefined {
  return stageBefore(person, startOfDay(addDays(day, 1)));
}

/** The UTC instant (ISO) at which a local day starts: timestamps before it fall on or before the day. */
export const startOfDay = (day: string): string => (parseDay(day) as Date).toISOString();

/**
 * A person's stage just before an ISO instant, from their history; undefined if they were added later.
 * (asBefore's stage, without copying the person: the movement over months asks this of everyone, for
 * every month.)
 */
export function stageBefore(person: Stakeholder, instant: string): StageId | null | undefined {
  return valueBefore(person, instant, 'stage') as StageId | null | undefined;
}

/** A person's disposition just before an ISO instant, from their history; undefined if they were added later. */
export function dispositionBefore(person: Stakeholder, instant: string): DispositionId | null | undefined {
  return valueBefore(person, instant, 'disposition') as DispositionId | null | undefined;
}

function valueBefore(person: Stakeholder, instant: string, field: 'stage' | 'disposition'): string | null | undefined {
  if (person.createdAt >= instant) return undefined;
  const fix = field === 'stage' ? correctionOf(person) : undefined;
  let value: string | null = null;
  for (const entry of person.history) {
    if (entry.at >= instant) break;
    for (const change of entry.changes) {
      if (change.field === field) value = fix && entry.at <= fix.at ? fix.stage : ((change.to as string | null) ?? null);
    }
  }
  return value;
}

/**
 * The first assessment, when it corrects a stage guessed at the desk (cx set, cx import) before you had
 * talked to them, with nothing logged up to it: where they were all along, not a move. Its time and stage.
 */
export function correctionOf(person: Stakeholder): Correction {
  // Asked of everyone for every month of the board's movement: worked out once for a history and log
  // (a change gives a person a new history; one pushed in place changes its length).
  const size = person.history.length + (person.log?.length ?? 0);
  const known = corrections.get(person);
  if (known?.history === person.history && known.size === size) return known.result;
  const result = correction(person);
  corrections.set(person, { history: person.history, size, result });
  return result;
}

type Correction = { at: string; stage: StageId | null } | undefined;
const corrections = new WeakMap<Stakeholder, { history: readonly unknown[]; size: number; result: Correction }>();

function correction(person: Stakeholder): Correction {
  const first = person.history.findIndex((entry) => entry.source === 'assess');
  if (first <= 0) return undefined; // never assessed, or added by an assessment: nothing was guessed
  const entry = person.history[first] as (typeof person.history)[number];
  const change = entry.changes.find((item) => item.field === 'stage');
  if (!change) return undefined;
  const guessed = person.history
    .slice(0, first)
    .some((earlier) => earlier.changes.some((item) => item.field === 'stage' && item.to));
  if (!guessed) return undefined;
  const day = dayOf(entry.at);
  const talked = (person.log ?? []).some((logged) => logged.on <= day);
  return talked ? undefined : { at: entry.at, stage: (change.to ?? null) as StageId | null };
}

/**
 * A person as they stood just before an ISO instant: their stage, disposition and target rebuilt from
 * their history, and the history up to then; undefined if they were added later.
 */
function asBefore(person: Stakeholder, instant: string): Stakeholder | undefined {
  if (person.createdAt >= instant) return undefined;
  const fields: Record<'stage' | 'disposition' | 'target', unknown> = { stage: null, disposition: null, target: undefined };
  const history = [];
  const fix = correctionOf(person);
  for (const entry of person.history) {
    if (entry.at >= instant) break;
    history.push(entry);
    for (const change of entry.changes) {
      if (change.field === 'stage' || change.field === 'disposition' || change.field === 'target') {
        fields[change.field] = change.to ?? (change.field === 'target' ? undefined : null);
      }
      if (change.field === 'stage' && fix && entry.at <= fix.at) fields.stage = fix.stage;
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
 * out, and everyone else has the stage, disposition and target their history gives them on that day,
 * and the log entries of that day and before.
 */
export function rosterOn(roster: Roster, day: string): Roster {
  const end = startOfDay(addDays(day, 1));
  const people: Stakeholder[] = [];
  for (const person of roster.people) {
    const then = asBefore(person, end);
    if (!then) continue;
    if (then.log?.some((entry) => entry.on > day)) then.log = then.log.filter((entry) => entry.on <= day);
    people.push(then);
  }
  return { people };
}

/** The first disposition someone was given at or after an ISO instant, from their history; null for none. */
export function dispositionFirstFrom(person: Stakeholder, instant: string): DispositionId | null {
  for (const entry of person.history) {
    if (entry.at < instant) continue;
    const change = entry.changes.find((item) => item.field === 'disposition' && item.to);
    if (change) return change.to as DispositionId;
  }
  return null;
}

/** The stage someone was added at (null for someone added with none), from their first history entry. */
export function stageAdded(person: Stakeholder): StageId | null {
  const fix = correctionOf(person);
  if (fix) return fix.stage; // a first assessment that corrected a guess: where they were from the start
  const entry = person.history.find((item) => item.changes.some((change) => change.field === 'stage'));
  const change = entry?.changes.find((item) => item.field === 'stage');
  return entry && entry.at.slice(0, 10) <= person.createdAt.slice(0, 10) ? ((change?.to ?? null) as StageId | null) : null;
}

// Choosing and ordering people for `cx list`. Pure: the caller passes today's date.
import type { DispositionId, HistoryEntry, Influence, StageId, Stakeholder } from './model.js';
import { DISPOSITIONS, STAGES, atTarget } from './model.js';
import { dayOf, daysBetween } from './dates.js';
import { correctionOf } from './history.js';
import { compareKeys, nameKey, sortByName } from './names.js';

export interface ListFilters {
  stages?: StageId[];
  dispositions?: DispositionId[];
  team?: string;
  influences?: Influence[];
  /** Only people whose stage has not changed for at least this many days (never at Action, nor at their target). */
  stuckDays?: number;
}

export const SORTS = ['name', 'stage', 'disposition', 'updated', 'stuck'] as const;
export type SortKey = (typeof SORTS)[number];

/** When the person's current stage began: their last stage change, or when they were added. */
export function stageSince(person: Stakeholder): string {
  for (let index = person.history.length - 1; index >= 0; index--) {
    const entry = person.history[index];
    // A first assessment that corrected a guess is no new stage (asked only of an assessment: it costs).
    if (entry?.changes.some((change) => change.field === 'stage') && !corrects(person, entry)) return entry.at;
  }
  return person.createdAt;
}

/** Whether a history entry is the first assessment correcting a stage guessed at the desk (correctionOf). */
const corrects = (person: Stakeholder, entry: HistoryEntry): boolean =>
  entry.source === 'assess' && correctionOf(person)?.at === entry.at;

/** When the person last moved up the ladder (ISO), from their history; undefined if never. */
export function lastMoveUp(person: Stakeholder): string | undefined {
  return person.history.findLast(
    (entry) =>
      entry.changes.some(
        (change) =>
          change.field === 'stage' &&
          typeof change.from === 'string' &&
          typeof change.to === 'string' &&
          STAGES.indexOf(change.to as StageId) > STAGES.indexOf(change.from as StageId),
      ) && !corrects(person, entry), // a first assessment that corrected a guess is no move
  )?.at;
}

/** A stage held this long counts as stuck. */
export const STUCK_DAYS = 21;

/**
 * Since when someone has been held at their stage while being worked on: the latest of when the stage
 * began, their first logged contact, the last step that worked (progress, if not yet a move) and the
 * day they asked you to come back on. Undefined for someone never contacted: nothing has been tried.
 */
export function stuckSince(person: Stakeholder): string | undefined {
  const first = person.log?.reduce<string | undefined>(
    (day, entry) => (day === undefined || entry.on < day ? entry.on : day),
    undefined,
  );
  if (first === undefined) return undefined;
  const worked = person.log?.findLast((entry) => entry.outcome === 'worked')?.on;
  // A pause they asked for ends on the day they named: the clock starts again from there.
  const paused = askedUntil(person);
  const since = stageSince(person);
  let latest = first;
  if (worked !== undefined && worked > latest) latest = worked;
  if (paused !== undefined && paused > latest) latest = paused;
  return latest > since.slice(0, 10) ? latest : since;
}

/** How many days someone has been stuck (see stuckSince); 0 for someone not being worked on. */
export function stuckDays(person: Stakeholder, today: Date): number {
  const since = stuckSince(person);
  return since === undefined ? 0 : Math.max(0, daysBetween(since, today));
}

/** The day of the last interaction logged; undefined for someone never contacted (an assessment is not contact). */
export function lastContact(person: Stakeholder): string | undefined {
  let latest: string | undefined;
  for (const entry of person.log ?? []) if (latest === undefined || entry.on > latest) latest = entry.on;
  return latest;
}

/** The day the last entry that named one says to come back on, if any. */
export const askedUntil = (person: Stakeholder): string | undefined =>
  (person.log ?? []).findLast((entry) => entry.until !== undefined)?.until;

/** Whether they are waiting, at their asking, for a day still to come: a pause, never a stall. */
const paused = (person: Stakeholder, today: Date): boolean => (askedUntil(person) ?? '') > dayOf(today);

/**
 * Whether someone counts as stuck: three weeks or more at one stage since you started working on them;
 * never at Action, nor at or past their target, nor while they wait for the day they asked you to
 * come back on (their pause, not a stall).
 */
export function isStuck(person: Stakeholder, today: Date): boolean {
  if (paused(person, today)) return false;
  return person.stage !== null && person.stage !== 'action' && !atTarget(person) && stuckDays(person, today) >= STUCK_DAYS;
}

/** Whole calendar days from an ISO time to today (0 for the same day or the future). */
export const daysSince = (iso: string, today: Date): number => Math.max(0, daysBetween(iso, today));

export function selectPeople(people: readonly Stakeholder[], filters: ListFilters, sort: SortKey, today: Date): Stakeholder[] {
  const team = filters.team === undefined ? undefined : nameKey(filters.team);
  const chosen = people.filter(
    (person) =>
      (!filters.stages?.length || (person.stage !== null && filters.stages.includes(person.stage))) &&
      (!filters.dispositions?.length || (person.disposition !== null && filters.dispositions.includes(person.disposition))) &&
      (team === undefined || (person.team !== undefined && nameKey(person.team) === team)) &&
      (!filters.influences?.length || (person.influence !== undefined && filters.influences.includes(person.influence))) &&
      (filters.stuckDays === undefined ||
        (person.stage !== 'action' &&
          !atTarget(person) &&
          !paused(person, today) &&
          daysSince(stageSince(person), today) >= filters.stuckDays)),
  );
  // Sorted by name first; the sorts below are stable, so ties stay in name order.
  const byName = sortByName(chosen, (person) => person.name);
  const rank = (list: readonly string[], value: string | null) => (value === null ? list.length : list.indexOf(value));
  const outliersFirst = [...DISPOSITIONS].reverse();
  const since = sort === 'stuck' ? new Map(byName.map((person) => [person, stageSince(person)])) : undefined;
  const orders: Record<SortKey, ((a: Stakeholder, b: Stakeholder) => number) | undefined> = {
    name: undefined,
    stage: (a, b) => rank(STAGES, a.stage) - rank(STAGES, b.stage),
    // Outliers first: they are the ones to bring in.
    disposition: (a, b) => rank(outliersFirst, a.disposition) - rank(outliersFirst, b.disposition),
    updated: (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0),
    stuck: (a, b) => compareKeys(since?.get(a) ?? '', since?.get(b) ?? ''),
  };
  const order = orders[sort];
  return order ? byName.sort(order) : byName;
}

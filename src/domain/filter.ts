// Choosing and ordering people for `cx list`. Pure: the caller passes today's date.
import type { DispositionId, Influence, StageId, Stakeholder } from './model.js';
import { DISPOSITIONS, STAGES } from './model.js';
import { daysBetween } from './dates.js';
import { nameKey } from './names.js';

export interface ListFilters {
  stages?: StageId[];
  dispositions?: DispositionId[];
  team?: string;
  influences?: Influence[];
  /** Only people whose stage has not changed for at least this many days. */
  stuckDays?: number;
}

export const SORTS = ['name', 'stage', 'disposition', 'updated', 'stuck'] as const;
export type SortKey = (typeof SORTS)[number];

/** When the person's current stage began: their last stage change, or when they were added. */
export function stageSince(person: Stakeholder): string {
  for (let index = person.history.length - 1; index >= 0; index--) {
    const entry = person.history[index];
    if (entry?.changes.some((change) => change.field === 'stage')) return entry.at;
  }
  return person.createdAt;
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
      (filters.stuckDays === undefined || daysSince(stageSince(person), today) >= filters.stuckDays),
  );
  const byName = (a: Stakeholder, b: Stakeholder) => nameKey(a.name).localeCompare(nameKey(b.name));
  const rank = (list: readonly string[], value: string | null) => (value === null ? list.length : list.indexOf(value));
  const orders: Record<SortKey, (a: Stakeholder, b: Stakeholder) => number> = {
    name: byName,
    stage: (a, b) => rank(STAGES, a.stage) - rank(STAGES, b.stage) || byName(a, b),
    // Outliers first: they are the ones to bring in.
    disposition: (a, b) =>
      rank([...DISPOSITIONS].reverse(), a.disposition) - rank([...DISPOSITIONS].reverse(), b.disposition) || byName(a, b),
    updated: (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : byName(a, b)),
    stuck: (a, b) => (stageSince(a) < stageSince(b) ? -1 : stageSince(a) > stageSince(b) ? 1 : byName(a, b)),
  };
  return chosen.sort(orders[sort]);
}

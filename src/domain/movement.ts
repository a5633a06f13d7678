// Movement over time: how many people stood at each stage at the end of each of the last months, and
// how many moved between one month's end and the next, rebuilt from each person's history. `cx board
// --months` prints it and `cx report` charts it, from this one function, so the two always agree. Pure.
import { stageAdded, stageOn } from './history.js';
import { type StageId, type Roster, STAGES, stageNumber } from './model.js';

/** The most months a board or report goes back: two years still reads as one chart on a page. */
export const MAX_MONTHS = 24;
/** How many months `cx report` charts unless told. */
export const DEFAULT_MONTHS = 6;

export interface MonthCount {
  /** The month, YYYY-MM. */
  month: string;
  /** The day counted: the month's last day, or the day of the board or report for its own month. */
  end: string;
  /** Whether the month was still going on that day (its count is "to date"). */
  partial: boolean;
  /** People in the roster at the end of the day `end`. */
  total: number;
  /** People per stage then; `none` counts people with no stage yet. */
  stages: Record<StageId | 'none', number>;
  /**
   * People in the roster at the end of the month before and at this one whose stage was higher (or
   * lower) at this one: each person counts once a month, however often they moved within it.
   */
  movedUp: number;
  movedDown: number;
  /** People in the roster at this month's end who were not at the end of the month before. */
  added: number;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** The last day of a month (month 0 is January; months outside 0-11 roll into other years). */
function lastDay(year: number, month: number): string {
  const date = new Date(Date.UTC(year, month + 1, 0));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * The days the months end on, oldest first: `months` of them, the last the day `today` itself (its
 * month to date), each after the one before; and before them the end of the month before the first,
 * which the first month's moves are counted from.
 */
export function monthEnds(today: string, months: number): { before: string; ends: { month: string; end: string }[] } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  const ends = Array.from({ length: months }, (_, index) => {
    const back = months - 1 - index;
    const end = back === 0 ? today : lastDay(year, month - back);
    return { month: end.slice(0, 7), end };
  });
  return { before: lastDay(year, month - months), ends };
}

const rank = (stage: StageId | null): number => (stage ? stageNumber(stage) : 0);

/**
 * People per stage at the end of each of the last `months` months up to `today` (YYYY-MM-DD), from
 * their history, from the first month anyone was in the roster. Someone counts from the day they were
 * added (a move in the month they were added counts, from the stage they were added at); people
 * removed from the roster are gone from it, and so from every month.
 */
export function monthByMonth(roster: Roster, today: string, months: number): MonthCount[] {
  const { before, ends } = monthEnds(today, months);
  const days = [before, ...ends.map((entry) => entry.end)];
  // Each person's stage on each of those days: undefined before they were added.
  const stages = roster.people.map((person) => days.map((day) => stageOn(person, day)));
  // The stage each was added at: for someone added within a month, what a move that month is from.
  const first = roster.people.map(stageAdded);
  const rows = ends.map(({ month, end }, index): MonthCount => {
    const counts = Object.fromEntries([...STAGES, 'none'].map((stage) => [stage, 0])) as MonthCount['stages'];
    let total = 0;
    let movedUp = 0;
    let movedDown = 0;
    let added = 0;
    stages.forEach((row, person) => {
      const now = row[index + 1];
      if (now === undefined) return;
      total++;
      counts[now ?? 'none']++;
      let then = row[index];
      if (then === undefined) {
        added++;
        then = first[person] ?? null;
        if (then === null) return;
      }
      if (rank(now) > rank(then)) movedUp++;
      else if (rank(now) < rank(then)) movedDown++;
    });
    const partial = end === today && lastDay(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1) !== today;
    return { month, end, partial, total, stages: counts, movedUp, movedDown, added };
  });
  // Months before anyone was in the roster say nothing: they are left out (the last month stays).
  const start = rows.findIndex((row) => row.total > 0);
  return start <= 0 ? rows : rows.slice(start);
}

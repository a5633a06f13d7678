// Calendar days, as the user lives them: local dates written YYYY-MM-DD. Timestamps are stored in UTC
// (ISO 8601); days are read in the local time zone, so "assessed today" means the user's today. Pure
// apart from the time zone of the process.

const DAY = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The local YYYY-MM-DD day of a timestamp or a Date; a YYYY-MM-DD text is already a day. */
export function dayOf(time: string | Date): string {
  if (typeof time === 'string' && DATE_ONLY.test(time)) return time;
  const date = typeof time === 'string' ? new Date(time) : time;
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Day numbers already worked out, by text. A roster repeats its times (a bulk change stamps everyone
 * with one time; "today" is asked about for every person), and reading a time and its zone offset is
 * most of the cost of the weekly list on a large roster. Emptied when full, so it stays small.
 */
const known = new Map<string, number>();
let lastMs = Number.NaN;
let lastDay = 0;

/** A day as a count of days, for arithmetic: the local day of a time, or a YYYY-MM-DD day itself. */
function dayNumber(time: string | Date): number {
  if (typeof time !== 'string') {
    const ms = time.getTime();
    if (ms !== lastMs) {
      lastDay = localDayNumber(time);
      lastMs = ms;
    }
    return lastDay;
  }
  let day = known.get(time);
  if (day === undefined) {
    day =
      time.length === 10 && DATE_ONLY.test(time)
        ? Date.UTC(Number(time.slice(0, 4)), Number(time.slice(5, 7)) - 1, Number(time.slice(8, 10))) / DAY
        : localDayNumber(new Date(time));
    if (known.size >= 4096) known.clear();
    known.set(time, day);
  }
  return day;
}

/** The local calendar day of a moment: shifted by the zone's offset at that moment, in whole days. */
const localDayNumber = (date: Date): number => Math.floor((date.getTime() - date.getTimezoneOffset() * 60_000) / DAY);

/** Whole days from one time to another (negative when `to` is earlier). */
export const daysBetween = (from: string | Date, to: string | Date): number => dayNumber(to) - dayNumber(from);

/** The day `days` after a day. */
export function addDays(day: string | Date, days: number): string {
  const date = new Date((dayNumber(day) + days) * DAY);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** A YYYY-MM-DD date typed by a user, as the Date of that day's local midnight; undefined when it is not one. */
export function parseDay(text: string): Date | undefined {
  const match = DATE_ONLY.exec(text.trim());
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dayOf(date) === text.trim() ? date : undefined;
}

/** The same day `months` months later (or earlier, when negative): 31 March less a month is 28 (or 29) February. */
export function addMonths(day: string, months: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + months;
  const last = new Date(Date.UTC(year, month + 1, 0));
  const date = new Date(Date.UTC(year, month, Math.min(Number(day.slice(8, 10)), last.getUTCDate())));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** The day of the week of a YYYY-MM-DD day, by name. */
export const weekdayOf = (day: string): string => WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()] as string;

/** A day moved off a weekend: a Saturday or Sunday becomes the Friday before; any other day stays. */
export function workday(day: string): string {
  const weekday = weekdayOf(day);
  return weekday === 'Saturday' ? addDays(day, -1) : weekday === 'Sunday' ? addDays(day, -2) : day;
}

/** The first working day after a day (a Friday's is the Monday after). */
export function nextWorkday(day: string): string {
  const next = addDays(day, 1);
  const weekday = weekdayOf(next);
  return weekday === 'Saturday' ? addDays(next, 2) : weekday === 'Sunday' ? addDays(next, 1) : next;
}

/** The same local time of day as `time`, on another local day (YYYY-MM-DD). */
export function dateOn(day: string, time: Date): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const moved = new Date(time);
  moved.setFullYear(year, month - 1, date);
  return moved;
}

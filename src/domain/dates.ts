// Calendar days, as cx counts them: UTC dates written YYYY-MM-DD. Pure.

const DAY = 24 * 60 * 60 * 1000;

/** The YYYY-MM-DD day of an ISO timestamp or a Date. */
export const dayOf = (time: string | Date): string => (typeof time === 'string' ? time : time.toISOString()).slice(0, 10);

const dayNumber = (time: string | Date): number => Math.floor(Date.parse(`${dayOf(time)}T00:00:00Z`) / DAY);

/** Whole days from one time to another (negative when `to` is earlier). */
export const daysBetween = (from: string | Date, to: string | Date): number => dayNumber(to) - dayNumber(from);

/** The day `days` after a day. */
export const addDays = (day: string | Date, days: number): string =>
  new Date((dayNumber(day) + days) * DAY).toISOString().slice(0, 10);

/** A YYYY-MM-DD date typed by a user, as a Date at the start of that day; undefined when it is not one. */
export function parseDay(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return undefined;
  const date = new Date(`${text.trim()}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || dayOf(date) !== text.trim() ? undefined : date;
}

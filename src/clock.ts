// The one place cx asks what time it is. CX_NOW (an ISO date or timestamp) pins it, so tests and the
// README's sample sessions are reproducible; users never need it.
import { parseDay } from './domain/dates.js';
import { UsageError } from './errors.js';
import { io } from './io.js';

export function now(): Date {
  const pinned = io().env.CX_NOW;
  if (!pinned) return new Date();
  // A date alone means the start of that day where the user is, as --date does.
  const date = parseDay(pinned) ?? new Date(pinned);
  if (Number.isNaN(date.getTime())) throw new UsageError(`CX_NOW must be a date such as 2026-11-24, not "${pinned}"`);
  return date;
}

// cx board [--since YYYY-MM-DD] [--date YYYY-MM-DD] [--months N] [--json]
import { now } from '../clock.js';
import { addDays, dayOf, daysBetween } from '../domain/dates.js';
import { UsageError } from '../errors.js';
import { buildBoard } from '../domain/board.js';
import { renderBoard } from '../render/board.js';
import { RosterStore } from '../store/roster-store.js';
import { printJson } from './shared.js';
import { io } from '../io.js';

export function boardCommand(options: { since?: Date; date?: Date; months?: number; json?: boolean }): void {
  const clock = now();
  if (options.date && daysBetween(clock, options.date) > 0) {
    throw new UsageError(`--date ${dayOf(options.date)} is in the future (today is ${dayOf(clock)})`);
  }
  const today = options.date ?? clock;
  if (options.since && daysBetween(clock, options.since) > 0) {
    throw new UsageError(`--since ${dayOf(options.since)} is in the future (today is ${dayOf(clock)})`);
  }
  if (options.since && daysBetween(today, options.since) > 0) {
    throw new UsageError(`--since ${dayOf(options.since)} is after the day of the board, --date ${dayOf(today)}`);
  }
  const since = options.since ? dayOf(options.since) : addDays(today, -7);
  const roster = RosterStore.open().read();
  const board = buildBoard(roster, today, since, {
    asOf: daysBetween(today, clock) > 0,
    ...(options.months ? { months: options.months } : {}),
  });
  if (options.json) return printJson(board);
  if (roster.people.length === 0) {
    io().stderr.write('No one in the roster yet. Start with: cx assess "Dana Lee"\n');
    return;
  }
  if (board.total === 0) {
    const first = roster.people.map((person) => person.createdAt).sort()[0] as string;
    io().stdout.write(`No one was in the roster on ${board.today}: the first person was added on ${dayOf(first)}.\n`);
    return;
  }
  // The terminal's width (within reason), or 80 columns when not a terminal.
  const columns = io().stdout.isTTY ? io().stdout.columns : 0;
  io().stdout.write(`${renderBoard(board, columns ? Math.max(50, Math.min(160, columns)) : 80)}\n`);
}

// cx board [--since YYYY-MM-DD] [--json]
import { now } from '../clock.js';
import { addDays, dayOf } from '../domain/dates.js';
import { buildBoard } from '../domain/board.js';
import { renderBoard } from '../render/board.js';
import { RosterStore } from '../store/roster-store.js';
import { printJson } from './shared.js';

export function boardCommand(options: { since?: Date; json?: boolean }): void {
  const today = now();
  const since = options.since ? dayOf(options.since) : addDays(today, -7);
  const board = buildBoard(RosterStore.open().read(), today, since);
  if (options.json) return printJson(board);
  process.stdout.write(`${renderBoard(board)}\n`);
}

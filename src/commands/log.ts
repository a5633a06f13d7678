// cx log <name> "<what happened>" [--tactic <id>] [--date YYYY-MM-DD]
import { now } from '../clock.js';
import { dayOf, daysBetween } from '../domain/dates.js';
import type { LogEntry, TacticId } from '../domain/model.js';
import { TACTIC_GUIDES } from '../domain/playbook.js';
import { UsageError } from '../errors.js';
import { inert } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { printJson, requirePerson } from './shared.js';
import { io } from '../io.js';

export async function logCommand(
  name: string,
  text: string,
  options: { tactic?: TacticId; date?: Date; json?: boolean },
): Promise<void> {
  const what = text.trim();
  if (what === '') throw new UsageError('say what happened, e.g. cx log "Dana Lee" "Shared the Q3 complaint numbers"');
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(what)) throw new UsageError('a log entry cannot contain control characters');
  const today = now();
  if (options.date && daysBetween(today, options.date) > 0) {
    throw new UsageError(`--date ${dayOf(options.date)} is in the future; log what has happened (today is ${dayOf(today)})`);
  }
  const entry: LogEntry = { on: dayOf(options.date ?? now()), text: what, ...(options.tactic ? { tactic: options.tactic } : {}) };
  const person = await RosterStore.open().update('log', (roster) => {
    const person = requirePerson(roster, name);
    // Kept in date order, so an entry logged late for an earlier day sits where it happened.
    const log = [...(person.log ?? []), entry].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const updated = { ...person, log, updatedAt: now().toISOString() };
    return { roster: { people: roster.people.map((p) => (p === person ? updated : p)) }, names: [person.name], result: person };
  });
  if (options.json) return printJson(entry);
  const tactic = options.tactic ? ` (${TACTIC_GUIDES[options.tactic].name})` : '';
  io().stdout.write(`Logged for ${inert(person.name)} on ${entry.on}${tactic}: ${inert(what)}\n`);
}

// cx log <name> "<what happened>" [--tactic <id>] [--outcome worked|waiting|declined|requested] [--date YYYY-MM-DD]
import { now } from '../clock.js';
import { dayOf, daysBetween } from '../domain/dates.js';
import type { LogEntry, Outcome, TacticId } from '../domain/model.js';
import { textProblem } from '../domain/records.js';
import { UsageError } from '../errors.js';
import { io } from '../io.js';
import { renderLogged } from '../render/log.js';
import { RosterStore } from '../store/roster-store.js';
import { printJson, requirePerson, stepFor } from './shared.js';

export async function logCommand(
  name: string,
  text: string,
  options: { tactic?: TacticId; outcome?: Outcome; date?: Date; until?: Date; json?: boolean },
): Promise<void> {
  const what = text.trim();
  if (what === '') throw new UsageError('say what happened, e.g. cx log "Dana Lee" "Shared the Q3 complaint numbers"');
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(what)) throw new UsageError('a log entry cannot contain control characters');
  const tooMuch = textProblem('the log entry', what);
  if (tooMuch) throw new UsageError(`${tooMuch}; nothing was logged`);
  if (options.outcome && !options.tactic) {
    throw new UsageError(
      'an --outcome says how a step went: give the step with --tactic too, e.g. --tactic co-lead --outcome waiting (cx tactics lists them)',
    );
  }
  const today = now();
  if (options.date && daysBetween(today, options.date) > 0) {
    throw new UsageError(`--date ${dayOf(options.date)} is in the future; log what has happened (today is ${dayOf(today)})`);
  }
  const on = dayOf(options.date ?? today);
  if (options.until && dayOf(options.until) <= on) {
    throw new UsageError(
      `--until ${dayOf(options.until)} is not after the day it happened (${on}): give the day they asked you to come back`,
    );
  }
  const entry: LogEntry = {
    on,
    text: what,
    ...(options.tactic ? { tactic: options.tactic } : {}),
    ...(options.outcome ? { outcome: options.outcome } : {}),
    at: today.toISOString(),
    ...(options.until ? { until: dayOf(options.until) } : {}),
  };
  const { before, after, step } = await RosterStore.open().update('log', (roster) => {
    const person = requirePerson(roster, name);
    // Kept in date order, so an entry logged late for an earlier day sits where it happened.
    const log = [...(person.log ?? []), entry].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const updated = { ...person, log, updatedAt: today.toISOString() };
    const people = roster.people.map((p) => (p === person ? updated : p));
    return {
      roster: { people },
      names: [person.name],
      result: { before: person, after: updated, step: stepFor({ people }, updated, today) },
    };
  });
  if (options.json) return printJson(entry);
  io().stdout.write(renderLogged(before, after, entry, step));
}

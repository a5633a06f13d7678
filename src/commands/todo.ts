// cx todo [--date YYYY-MM-DD] [--limit N] [--json | --markdown]
import { now } from '../clock.js';
import { dayOf, daysBetween } from '../domain/dates.js';
import { askedUntil } from '../domain/filter.js';
import { weekPlan } from '../domain/todo.js';
import { UsageError } from '../errors.js';
import { renderNothingDue, renderTodo, renderTodoMarkdown } from '../render/todo.js';
import { RosterStore } from '../store/roster-store.js';
import { printJson } from './shared.js';
import { io } from '../io.js';

export function todoCommand(options: { date?: Date; limit?: number; json?: boolean; markdown?: boolean }): void {
  if (options.json && options.markdown) throw new UsageError('choose one of --json and --markdown');
  const today = options.date ?? now();
  const roster = RosterStore.open().read();
  const { items, due, untargeted, next } = weekPlan(roster, today, options.limit ?? 10);
  if (options.json) return printJson(items);
  const more = () => due - items.length;
  if (options.markdown) return void io().stdout.write(renderTodoMarkdown(items, dayOf(today), more()));
  if (roster.people.length === 0) {
    io().stderr.write('No one in the roster yet. Start with: cx assess "Dana Lee"\n');
    return;
  }
  if (items.length === 0) {
    // A --date before anyone was added: no one to have seen, rather than everyone seen.
    const first = roster.people.map((person) => person.createdAt).sort()[0] as string;
    const paused = roster.people.filter((person) => (askedUntil(person) ?? '') > dayOf(today)).length;
    io().stdout.write(renderNothingDue(dayOf(today), daysBetween(today, first) > 0 ? dayOf(first) : undefined, paused));
    return;
  }
  io().stdout.write(renderTodo(items, dayOf(today), { count: more(), next, untargeted }));
}

// cx todo [--date YYYY-MM-DD] [--limit N] [--json | --markdown]
import { now } from '../clock.js';
import { dayOf, daysBetween } from '../domain/dates.js';
import { STAGE_GUIDES, DISPOSITION_GUIDES, TACTIC_GUIDES } from '../domain/playbook.js';
import { type TodoItem, weeklyTodo } from '../domain/weekly.js';
import { UsageError } from '../errors.js';
import { paint } from '../render/color.js';
import { inert, textWidth, wrap } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { printJson } from './shared.js';
import { io } from '../io.js';

export function todoCommand(options: { date?: Date; limit?: number; json?: boolean; markdown?: boolean }): void {
  if (options.json && options.markdown) throw new UsageError('choose one of --json and --markdown');
  const today = options.date ?? now();
  const roster = RosterStore.open().read();
  const items = weeklyTodo(roster, today, options.limit ?? 10);
  if (options.json) return printJson(items);
  if (options.markdown) return void io().stdout.write(markdown(items, dayOf(today)));
  if (roster.people.length === 0) {
    io().stderr.write('No one in the roster yet. Start with: cx assess "Dana Lee"\n');
    return;
  }
  if (items.length === 0) {
    // A --date before anyone was added: no one to have seen, rather than everyone seen.
    const first = roster.people.map((person) => person.createdAt).sort()[0] as string;
    const nobodyYet = daysBetween(today, first) > 0;
    io().stdout.write(
      nobodyYet
        ? `No one was in the roster on ${dayOf(today)}: the first person was added on ${dayOf(first)}.\n`
        : `Nothing due on ${dayOf(today)}: everyone has been seen within their cadence.\n`,
    );
    return;
  }
  const c = paint();
  const width = textWidth();
  const out = [c.bold(`To do, week of ${dayOf(today)}`), ''];
  items.forEach((item, index) => {
    const where = [
      item.stage ? STAGE_GUIDES[item.stage].label : 'no stage',
      item.disposition ? DISPOSITION_GUIDES[item.disposition].label : '',
    ]
      .filter(Boolean)
      .join(', ');
    out.push(`${String(index + 1).padStart(2)}. ${c.bold(inert(item.name))} ${c.dim(`(${where}) priority ${item.priority}`)}`);
    out.push(wrap(inert(item.action), width, `    ${c.cyan('→')} `, '      '));
    const how = item.kind === 'tactic' ? `${TACTIC_GUIDES[item.tactic].name} [${item.tactic}]` : KIND_LABELS[item.kind];
    out.push(wrap(`${how}. Why: ${item.why}.`, width, '      ', '      '));
    out.push('');
  });
  out.push(c.dim('Done one? cx log "<name>" "what happened" --tactic <id> restarts their cadence.'));
  io().stdout.write(`${out.join('\n')}\n`);
}

const KIND_LABELS = { assess: 'Assessment', reassess: 'Re-assessment', 'find-out': 'Find out' } as const;

function markdown(items: TodoItem[], day: string): string {
  const escape = (text: string) =>
    inert(text)
      .replace(/([\\`*_[\]<>#|])/g, '\\$1')
      .replace(/\s+/g, ' ');
  const lines = [`## CX to-do, week of ${day}`, ''];
  if (items.length === 0) lines.push('Nothing due: everyone has been seen within their cadence.');
  for (const item of items) {
    lines.push(`- [ ] **${escape(item.name)}**: ${escape(item.action)} _(${escape(item.why)})_`);
  }
  return `${lines.join('\n')}\n`;
}

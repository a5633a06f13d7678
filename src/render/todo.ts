// `cx todo` on the screen and as a Markdown checklist.
import type { TodoItem } from '../domain/todo.js';
import { plural } from '../domain/next-step.js';
import { DISPOSITION_GUIDES, STAGE_GUIDES } from '../domain/playbook.js';
import { paint } from './color.js';
import { renderStep } from './profile.js';
import { inert, textWidth, wrap } from './text.js';

/** Those due beyond the list's limit: how many, the first of them by name, and of all due, how many have no target short of Action. */
export interface LeftOut {
  count: number;
  next?: string[];
  untargeted?: number;
}

/** The week's list, and who else is due (LeftOut). */
export function renderTodo(items: TodoItem[], day: string, left: LeftOut = { count: 0 }, width = textWidth()): string {
  const { count: more, next = [], untargeted = 0 } = left;
  const c = paint();
  const out = [c.bold(`To do, week of ${day}`), ''];
  items.forEach((item, index) => {
    const where = [
      item.stage ? STAGE_GUIDES[item.stage].label : 'no stage',
      item.disposition ? DISPOSITION_GUIDES[item.disposition].label : '',
    ]
      .filter(Boolean)
      .join(', ');
    const about = [item.role, item.team].filter(Boolean).map((text) => inert(String(text)));
    out.push(
      `${String(index + 1).padStart(2)}. ${c.bold(inert(item.name))}${about.length ? `, ${about.join(', ')}` : ''} ${c.dim(`(${where}) priority ${item.priority}`)}`,
    );
    out.push(...renderStep({ ...item, why: [item.why] }, width, '    '));
    out.push('');
  });
  if (more > 0) {
    const all = items.length + more;
    out.push(
      wrap(
        `${more} more ${more === 1 ? 'person is' : 'people are'} due this week${next.length ? ` (${more > next.length ? 'the next: ' : ''}${next.map(inert).join(', ')})` : ''}: cx todo --limit ${all} lists all ${all}.`,
        width,
        '',
      ),
      '',
    );
    // Twice what the list holds is a roster asking for more than a week has: a lower target helps only
    // those who have none yet.
    if (more >= items.length && untargeted > 0) {
      out.push(
        c.dim(
          wrap(
            `More are due than a week's list holds, and ${plural(untargeted, 'of them has', 'of them have')} no target short of Action. Not everyone needs to reach it: once someone reaches a lower target you set (cx set "<name>" --target buy-in), they are kept warm, seen half as often.`,
            width,
            '',
          ),
        ),
        '',
      );
    }
  }
  out.push(c.dim('Done one? cx log "<name>" "what happened" --tactic <id> --outcome worked|waiting|declined|requested'));
  return `${out.join('\n')}\n`;
}

/**
 * A week with nothing due: before anyone was in the roster (the day the first was added), or everyone
 * seen within their cadence, `paused` of them waiting for a day they named.
 */
export function renderNothingDue(day: string, firstAdded: string | undefined, paused: number): string {
  if (firstAdded) return `No one was in the roster on ${day}: the first person was added on ${firstAdded}.\n`;
  const waiting = paused ? `, or asked you to come back later (${paused === 1 ? '1 person' : `${paused} people`})` : '';
  return `Nothing due on ${day}: everyone has been seen within their cadence${waiting}.\n`;
}

export function renderTodoMarkdown(items: TodoItem[], day: string, more = 0): string {
  const escape = (text: string) =>
    inert(text)
      .replace(/([\\`*_[\]<>#|])/g, '\\$1')
      .replace(/\s+/g, ' ');
  const lines = [`## CX to-do, week of ${day}`, ''];
  if (items.length === 0) lines.push('Nothing due: everyone has been seen within their cadence.');
  for (const item of items) {
    lines.push(`- [ ] **${escape(item.name)}**: ${escape(item.action)} _(${escape(item.why)})_`);
  }
  if (more > 0) lines.push('', `_${more} more due this week: cx todo --limit ${items.length + more} lists them all._`);
  return `${lines.join('\n')}\n`;
}

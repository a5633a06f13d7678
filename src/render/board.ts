// `cx board` in the terminal: fits 80 columns and reads without colour, whether 3 people or 300.
import type { Board, Move } from '../domain/board.js';
import { STAGES, type StageId } from '../domain/model.js';
import type { MonthCount } from '../domain/movement.js';
import { DISPOSITION_GUIDES, STAGE_GUIDES } from '../domain/playbook.js';
import { paint } from './color.js';
import { inert, pad, stringWidth, wrap } from './text.js';

const LABEL = 16;
const label = (stage: StageId | null) => (stage ? `${STAGE_GUIDES[stage].number} ${STAGE_GUIDES[stage].label}` : 'no stage yet');

/** Names joined until they fill the width, then "+N more" for the rest; `hidden` counts those. */
export function fitNames(names: readonly string[], width: number): { text: string; hidden: number } {
  let text = '';
  let shown = 0;
  for (const raw of names) {
    const next = text ? `${text}, ${inert(raw)}` : inert(raw);
    const rest = names.length - shown - 1;
    if (stringWidth(next + (rest > 0 ? ` +${rest}` : '')) > width) break;
    text = next;
    shown++;
  }
  const hidden = names.length - shown;
  if (hidden === 0) return { text, hidden };
  const candidates = shown === 0 ? [`${hidden} people`, `+${hidden}`] : [`${text} +${hidden} more`, `${text} +${hidden}`];
  return { text: candidates.find((candidate) => stringWidth(candidate) <= width) ?? `+${hidden}`, hidden };
}

/** A titled list of at most `most` entries, then how many more, wrapped under its title. */
function titled(title: string, entries: string[], width: number, most = 12): string[] {
  if (entries.length === 0) return [];
  const more = entries.length > most ? `, and ${entries.length - most} more` : '';
  return [wrap(`${entries.slice(0, most).join(', ')}${more}`, width, `  ${pad(title, LABEL - 2)}`, ' '.repeat(LABEL))];
}

/**
 * How wide each column of the grid is: what its longest cell needs, where the width allows; else a fair
 * share each, with what the narrower columns leave over going to the wider ones.
 */
function columnWidths(needs: number[], available: number): number[] {
  const widths = needs.map(() => 0);
  let left = available;
  let open = needs.map((_, index) => index);
  while (open.length > 0) {
    const share = Math.floor(left / open.length);
    const small = open.filter((index) => (needs[index] ?? 0) <= share);
    if (small.length === 0) {
      for (const index of open) widths[index] = share;
      break;
    }
    for (const index of small) {
      widths[index] = needs[index] ?? 0;
      left -= widths[index] ?? 0;
    }
    open = open.filter((index) => !small.includes(index));
  }
  return widths;
}

const plain = (stage: StageId | null) => (stage ? STAGE_GUIDES[stage].label : 'no stage');
const moves = (title: string, list: Move[], width: number): string[] =>
  titled(
    title,
    list.map((m) => `${inert(m.name)} (${plain(m.from)} → ${plain(m.to)})`),
    width,
  );

export function renderBoard(board: Board, width = 80): string {
  const c = paint();
  const out: string[] = [c.bold(`Board: ${board.total} ${board.total === 1 ? 'person' : 'people'}, ${board.today}`), ''];

  out.push(c.bold('Funnel'));
  const most = Math.max(1, ...board.funnel.map((row) => row.count));
  const barWidth = width - LABEL - 8;
  for (const row of board.funnel) {
    if (row.stage === null && row.count === 0) continue;
    const length = row.count === 0 ? 0 : Math.max(1, Math.round((row.count / most) * barWidth));
    out.push(
      `  ${pad(label(row.stage), LABEL - 2)}${c.cyan('█'.repeat(length))}${' '.repeat(barWidth - length)} ${String(row.count).padStart(5)}`,
    );
  }

  const { reached, below, stagesToGo, reachedBy } = board.targets;
  if (reached + below > 0) {
    const toGo = below > 0 ? `, ${stagesToGo} ${stagesToGo === 1 ? 'stage' : 'stages'} to go in all` : '';
    const who = reachedBy.length
      ? ` (${reachedBy.slice(0, 5).map(inert).join(', ')}${reachedBy.length > 5 ? `, and ${reachedBy.length - 5} more` : ''})`
      : '';
    out.push(c.dim(wrap(`Targets: ${reached} at or past theirs${who}; ${below} short${toGo}`, width, '  ', '  ')));
  }
  const showNone = Object.values(board.grid).some((cells) => cells.none.length > 0);
  const columns = [...(['advocate', 'fence-sitter', 'outlier'] as const), ...(showNone ? (['none'] as const) : [])];
  const title = (d: (typeof columns)[number]) => (d === 'none' ? 'Not judged' : DISPOSITION_GUIDES[d].label);
  const rows = Object.entries(board.grid) as [StageId, Board['grid'][StageId]][];
  const needs = columns.map((d) =>
    Math.max(stringWidth(title(d)), ...rows.map(([, cells]) => stringWidth(cells[d].map(inert).join(', ')))),
  );
  const cells = columnWidths(needs, width - LABEL - 2 * columns.length);
  out.push('', c.bold('Stage × disposition'));
  out.push(
    `  ${' '.repeat(LABEL - 2)}${columns
      .map((d, index) => pad(title(d), (cells[index] ?? 0) + 2))
      .join('')
      .trimEnd()}`,
  );
  let hidden = 0;
  for (const [stage, row] of rows) {
    const line = columns
      .map((d, index) => {
        const fitted = fitNames(row[d], cells[index] ?? 0);
        hidden += fitted.hidden;
        return pad(fitted.text || c.dim('·'), (cells[index] ?? 0) + 2);
      })
      .join('');
    out.push(`  ${pad(label(stage), LABEL - 2)}${line}`.trimEnd());
  }
  if (hidden > 0) {
    out.push(
      c.dim(
        wrap(
          `${hidden} ${hidden === 1 ? 'name does' : 'names do'} not fit in the grid: cx list --stage <stage> --disposition <disposition> lists a cell in full (a wider terminal shows more).`,
          width,
          '  ',
        ),
      ),
    );
  }

  out.push('', c.bold(`Since ${board.since}`));
  const movement = [
    ...moves('Moved up', board.movedUp, width),
    ...moves('Moved down', board.movedDown, width),
    ...titled('Added', board.added.map(inert), width),
    ...titled(
      'Came round',
      board.cameRound.map((c) => `${inert(c.name)} (Outlier → ${DISPOSITION_GUIDES[c.to].label})`),
      width,
    ),
  ];
  out.push(...(movement.length ? movement : ['  no stage changes']));
  out.push(
    ...titled(
      'Stuck longest',
      board.stuck.map((s) => `${inert(s.name)} (${STAGE_GUIDES[s.stage].label}, ${s.days} days)`),
      width,
      5,
    ),
  );
  if (board.movement) out.push('', ...renderMovement(board.movement, width));
  return out.join('\n');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month as people write it: "Nov 2026" for 2026-11. */
export const monthLabel = (month: string): string => `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;

/** Shorter stage headings, for a table that would not fit with the full ones. */
const SHORT: Record<StageId, string> = {
  ignorance: 'Ignor.',
  skepticism: 'Skept.',
  'buy-in': 'Buy-in',
  commitment: 'Commit.',
  action: 'Action',
};

/**
 * The movement over the months: a row per month, people per stage at its end, then how many moved up,
 * moved down and were added in it. The same figures as cx report's chart and table.
 */
export function renderMovement(months: readonly MonthCount[], width = 80): string[] {
  const c = paint();
  const noStage = months.some((row) => row.stages.none > 0);
  const table = (labels: (stage: StageId) => string) => {
    const columns: { head: string; cells: string[] }[] = [
      ...STAGES.map((stage) => ({ head: labels(stage), cells: months.map((row) => String(row.stages[stage])) })),
      ...(noStage
        ? [{ head: labels === SHORT_OF ? 'None' : 'No stage', cells: months.map((row) => String(row.stages.none)) }]
        : []),
      { head: 'Total', cells: months.map((row) => String(row.total)) },
      { head: 'Up', cells: months.map((row) => String(row.movedUp)) },
      { head: 'Down', cells: months.map((row) => String(row.movedDown)) },
      { head: 'New', cells: months.map((row) => String(row.added)) },
    ];
    const first = months.map((row) => `${monthLabel(row.month)}${row.partial ? '*' : ''}`);
    const firstWidth = Math.max(...first.map((text) => text.length), 5);
    const widths = columns.map((column) => Math.max(column.head.length, ...column.cells.map((cell) => cell.length)));
    // Each stage column is a space apart; the totals and moves stand a little further off.
    const gap = (index: number) => (index >= STAGES.length + (noStage ? 1 : 0) ? 2 : 1);
    const line = (head: string, cells: string[]) =>
      `  ${head.padEnd(firstWidth)}${cells.map((cell, index) => ' '.repeat(gap(index)) + cell.padStart(widths[index] ?? 0)).join('')}`;
    return [
      line(
        '',
        columns.map((column) => column.head),
      ),
      ...months.map((row, index) =>
        line(
          first[index] ?? '',
          columns.map((column) => column.cells[index] ?? ''),
        ),
      ),
    ];
  };
  let lines = table((stage) => STAGE_GUIDES[stage].label);
  if (Math.max(...lines.map((text) => text.length)) > width) lines = table(SHORT_OF);
  const [head = '', ...rows] = lines;
  const out = [c.bold("Month by month: people at each stage at the month's end"), head, ...rows];
  const last = months.at(-1);
  const notes = [
    ...(last?.partial ? [`* to ${last.end}.`] : []),
    "Up, Down: people whose stage at the month's end was above or below the month before; New: added in the month.",
  ];
  out.push(c.dim(wrap(notes.join(' '), width, '  ')));
  return out;
}

const SHORT_OF = (stage: StageId): string => SHORT[stage];

// Plain-text helpers shared by the renderers: inert printing of user data, wrapping, tables.
import fastStringWidth from 'fast-string-width';
import { dayOf } from '../domain/dates.js';
import { io } from '../io.js';

export { inert } from './inert.js';

/** The width a terminal gives wrapped text: its columns up to 100, or 80 when not a terminal. */
export function textWidth(): number {
  const columns = io().stdout.columns;
  return Math.max(40, Math.min(columns && columns > 0 ? columns : 80, 100));
}

/**
 * How many terminal columns a text takes: wide characters (CJK, emoji) count two, combining marks none.
 * Plain ASCII, most of what cx prints, is counted directly.
 */
export const stringWidth = (text: string): number => (/^[\x20-\x7e]*$/.test(text) ? text.length : fastStringWidth(text));

/** Word-wraps text to a width, indenting the first line by `first` and the rest by `rest`. */
export function wrap(text: string, width: number, first: string, rest = first): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = empty ? line + word : `${line} ${word}`;
    if (!empty && stringWidth(candidate) > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line = candidate;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/** Pads to a display width, counting wide characters (CJK, emoji) as two columns. */
export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** A plain table, a line at a time: a header row, then one row per item, columns two spaces apart. */
export function* tableLines(header: string[], rows: string[][], style: (header: string) => string = (h) => h): Generator<string> {
  // Each cell's width is worked out once: for the column widths, then for its padding.
  const headerWidths = header.map(stringWidth);
  const cellWidths = rows.map((row) => row.map(stringWidth));
  const widths = [...headerWidths];
  for (const row of cellWidths) {
    row.forEach((width, column) => {
      widths[column] = Math.max(widths[column] ?? 0, width);
    });
  }
  const line = (cells: string[], own: number[], styleCell = (cell: string) => cell) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1
          ? styleCell(cell)
          : styleCell(cell + ' '.repeat(Math.max(0, (widths[column] ?? 0) - (own[column] ?? 0)))),
      )
      .join('  ')
      .trimEnd();
  yield line(header, headerWidths, style);
  for (const [index, row] of rows.entries()) yield line(row, cellWidths[index] ?? []);
}

/** A text cut to at most `width` columns, ending in "…" when cut. */
export function fit(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let cut = '';
  for (const char of text) {
    if (stringWidth(`${cut}${char}…`) > width) break;
    cut += char;
  }
  return `${cut}…`;
}

/** The local day and time (YYYY-MM-DD HH:MM) of an ISO timestamp. */
export function when(iso: string): string {
  const date = new Date(iso);
  return `${dayOf(date)} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** The local YYYY-MM-DD day of an ISO timestamp. */
export const day = (iso: string): string => dayOf(iso);

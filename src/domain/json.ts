// JSON helpers: JSON safe to print, large arrays written in pieces, and where a text that is not JSON
// goes wrong. Pure.
import { HIDDEN } from './names.js';

/**
 * What JSON.stringify leaves raw that a terminal would obey or hide: DEL and the C1 controls, and the
 * invisible and direction-changing characters of HIDDEN (U+2028, bidi controls, soft hyphens). They
 * are only ever inside strings, where a \u escape is the same text to any JSON reader.
 */
const RAW = new RegExp(`[\\u007f-\\u009f]|${HIDDEN.source}`, 'u');
const RAW_ALL = new RegExp(RAW.source, 'gu');
const escaped = (char: string): string =>
  Array.from({ length: char.length }, (_, k) => `\\u${char.charCodeAt(k).toString(16).padStart(4, '0')}`).join('');

/** JSON.stringify(value, null, indent), with those characters escaped: safe to print to a terminal. */
export function jsonText(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  return RAW.test(text) ? text.replace(RAW_ALL, escaped) : text;
}

/**
 * The text of jsonText(items.map(toJson), 2) plus a newline, in pieces of about 64 KB
 * (small enough to be collected young rather than piling up in memory, large enough for few writes),
 * so that a large array can be written out without ever holding all of it.
 */
export function* jsonArrayPieces<T>(items: readonly T[], toJson: (item: T) => unknown): Generator<string> {
  if (items.length === 0) {
    yield '[]\n';
    return;
  }
  let piece = '[\n';
  for (const [index, item] of items.entries()) {
    const text = jsonText(toJson(item), 2).replace(/\n/g, '\n  ');
    piece += `  ${text}${index < items.length - 1 ? ',' : ''}\n`;
    if (piece.length > 1 << 16) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}]\n`;
}

/**
 * JSON.parse's complaint about a text, with the line and column where it went wrong: worked out from
 * the offset the message gives (Node 20 says "at position 21"; later versions add a line of their own,
 * which this replaces, so that every Node says it the same way), or, for a message that gives none,
 * from the end of the text or from where the unexpected token is.
 */
export function jsonProblem(error: unknown, text: string): string {
  const message = (error as Error).message
    .replace(/\s*\n\s*/g, ' ') // V8 may quote the text, line ends and all
    .replace(/ \(line \d+ column \d+\)$/, '');
  const offset = errorOffset(message, text);
  if (offset === undefined) return message;
  const before = text.slice(0, offset);
  return `${message} (line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')})`;
}

function errorOffset(message: string, text: string): number | undefined {
  const at = /at position (\d+)/.exec(message)?.[1];
  if (at !== undefined) return Number(at);
  if (message.startsWith('Unexpected end of JSON input')) return text.trimEnd().length;
  // "Unexpected token 'x', ..." names no offset. A beginning of the text fails on that token only if it
  // reaches it (before, it is JSON cut short), so the shortest one that does ends just after it.
  const token = /^Unexpected token '.+?', /.exec(message)?.[0];
  if (token === undefined) return undefined;
  const failsThere = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      return (error as Error).message.startsWith(token);
    }
  };
  let [short, long] = [0, text.length]; // the beginning of length `long` fails there; of `short`, not
  while (long - short > 1) {
    const middle = Math.floor((short + long) / 2);
    if (failsThere(middle)) long = middle;
    else short = middle;
  }
  return long - 1;
}

// HTML built safely: a tagged template that escapes every value put into it, unless the value is HTML
// this module built. Text from the roster can only reach a page through it, so a name such as
// <img src=x onerror=alert(1)> shows as those characters and runs nothing.
import { inert } from './text.js';

/** A piece of HTML made by `html` (or `trusted`): put into another as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | null | undefined | false | readonly Part[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as HTML: control and invisible characters shown as visible escapes (as in the terminal), then
 * the five characters that mean something in HTML as entities, so it is safe in content and in quoted
 * attributes alike.
 */
export const escapeHtml = (text: string): string => inert(text).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

function join(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(join).join('');
  return escapeHtml(String(part));
}

/** `html\`<p>${text}</p>\``: every value escaped, lists joined, null, undefined and false left out. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((part, index) => {
    out += join(part) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

/** Markup written in this program's own source (a style sheet, say), never text from the roster. */
export const trusted = (markup: string): Html => new Html(markup);

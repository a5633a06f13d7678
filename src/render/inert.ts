// The one filter for text cx prints from outside itself: names, notes, file names, error messages.
import { HIDDEN } from '../domain/names.js';

/**
 * Text from outside cx (names, notes, roles, file names, messages) printed inert: control characters,
 * including the escape that starts terminal sequences and the C1 controls, are shown as visible
 * placeholders instead of being obeyed, and invisible or direction-changing characters (HIDDEN) as
 * their code points.
 */
export function inert(text: string): string {
  // Printable ASCII, most of what cx prints, holds neither: nothing to replace.
  if (PLAIN.test(text)) return text;
  return text
    .replace(/\p{Cc}/gu, (char) => (char === '\n' ? ' ' : `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`))
    .replace(HIDDEN_ALL, (char) => {
      const code = char.codePointAt(0) as number;
      return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}

const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');
const PLAIN = /^[\x20-\x7e]*$/;

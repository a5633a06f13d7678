// JSON helpers: large arrays written in pieces, and where a text that is not JSON goes wrong. Pure.

/**
 * The text of JSON.stringify(items.map(toJson), null, 2) plus a newline, in pieces of about 64 KB
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
    const text = JSON.stringify(toJson(item), null, 2).replace(/\n/g, '\n  ');
    piece += `  ${text}${index < items.length - 1 ? ',' : ''}\n`;
    if (piece.length > 1 << 16) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}]\n`;
}

/**
 * JSON.parse's complaint about a text, with the line and column where it went wrong when the message
 * gives only an offset (Node 20 says "at position 21"; later versions add the line themselves).
 */
export function jsonProblem(error: unknown, text: string): string {
  const message = (error as Error).message.replace(/\s*\n\s*/g, ' '); // V8 may quote the text, line ends and all
  const offset = /at position (\d+)/.exec(message)?.[1];
  if (offset === undefined || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(offset));
  const line = before.split('\n').length;
  return `${message} (line ${line}, column ${Number(offset) - before.lastIndexOf('\n')})`;
}

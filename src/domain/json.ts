// JSON text for large arrays. Pure.

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

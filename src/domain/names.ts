// Names are data typed by people: matched case- and space-insensitively, never used as keys or paths.
// Pure: no I/O.

/** Keys already worked out: a bulk change asks for each name's key several times. Emptied when full. */
const keys = new Map<string, string>();

/** The form two names are compared in: Unicode-normalised, trimmed, inner spaces folded, lower case. */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    // Plain ASCII needs no Unicode normalisation (the common case, and the hot one in bulk commands).
    const normal = /^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFC');
    const trimmed = normal.trim();
    // Most names have single plain spaces already: nothing to fold.
    key = (/[^\S ]| {2}/u.test(trimmed) ? trimmed.replace(/\s+/gu, ' ') : trimmed).toLowerCase();
    if (keys.size >= 65_536) keys.clear();
    keys.set(name, key);
  }
  return key;
}

/** Orders two comparison keys (from nameKey) the same way on every machine. */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Things sorted by their names, as nameKey compares them; each key is worked out once. */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: nameKey(nameOf(item)) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ item }) => item);
}

/** Why a name cannot be used, or undefined when it can. */
export function nameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'a name cannot be empty';
  // Control characters (including ESC) could move the cursor or recolour the terminal when printed.
  if (/\p{Cc}/u.test(name)) return 'a name cannot contain control characters';
  // Direction overrides and invisible spaces can disguise a name or reorder what the terminal shows.
  // (The joiners U+200C and U+200D stay allowed: several scripts and emoji need them.)
  if (/[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u.test(name)) {
    return 'a name cannot contain invisible or text-direction characters';
  }
  if (name.trim().length > 200) return 'a name can be at most 200 characters long';
  return undefined;
}

/** The display name kept for a person: as typed, without surrounding spaces. */
export const displayName = (name: string): string => name.normalize('NFC').trim();

/** Edit distance between two strings (insertions, deletions, substitutions, swaps of neighbours). */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const rows: number[][] = Array.from({ length: left.length + 1 }, (_, i) =>
    Array.from({ length: right.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= left.length; i++) {
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      (rows[i] as number[])[j] = best;
    }
  }
  return at(left.length, right.length);
}

/**
 * The known names closest to a name that matched no one, best first: those within a third of the
 * name's length in edits, or that contain it or are contained by it (a first name alone, say).
 */
export function closestNames(name: string, known: readonly string[], most = 3): string[] {
  const key = nameKey(name);
  return known
    .map((candidate) => {
      const other = nameKey(candidate);
      const distance = editDistance(key, other);
      const partial = key.length >= 3 && (other.includes(key) || key.includes(other));
      return { candidate, score: partial ? Math.min(distance, 1) : distance };
    })
    .filter(({ score }) => score <= Math.max(1, Math.floor(key.length / 3)))
    .sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate))
    .slice(0, most)
    .map(({ candidate }) => candidate);
}

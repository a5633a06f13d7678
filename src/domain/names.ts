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

/**
 * Characters that print as nothing yet change what a reader sees: format characters (direction marks
 * and overrides, zero-width spaces, the soft hyphen, the Arabic letter mark, the byte-order mark) and
 * the line and paragraph separators. The joiners U+200C and U+200D are not among them: several scripts
 * and emoji need them. The one pattern for them: names refuse them, and printing shows them escaped.
 */
export const HIDDEN = /(?![\u200C\u200D])[\p{Cf}\u2028\u2029]/u;

/** Why a name cannot be used, or undefined when it can. */
export function nameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'a name cannot be empty';
  // Control characters (including ESC) could move the cursor or recolour the terminal when printed.
  if (/\p{Cc}/u.test(name)) return 'a name cannot contain control characters';
  // Direction overrides and invisible spaces can disguise a name or reorder what the terminal shows.
  if (HIDDEN.test(name)) {
    return 'a name cannot contain invisible or text-direction characters';
  }
  // U+FFFD is what bytes that were not UTF-8 became on the way in (a file or terminal in another encoding).
  if (name.includes('\uFFFD'))
    return 'a name cannot contain "\uFFFD" (its text was not UTF-8: save the file, or set the terminal, as UTF-8)';
  if (name.trim().length > 200) return 'a name can be at most 200 characters long';
  return undefined;
}

/** The display name kept for a person: as typed, without surrounding spaces. */
export const displayName = (name: string): string => name.normalize('NFC').trim();

/**
 * Edit distance between two strings (insertions, deletions, substitutions, swaps of neighbours). With
 * `most`, any distance above it is reported as most + 1, found as soon as a whole row of the table
 * exceeds it: comparing a name with a large roster mostly stops after a few letters.
 */
export function editDistance(a: string, b: string, most = Infinity): number {
  const left = [...a];
  const right = [...b];
  const width = right.length + 1;
  // Three rows of the table are enough: the one being filled, and the two before it (for swaps).
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= left.length; i++) {
    current[0] = i;
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        best = Math.min(best, (before[j - 2] as number) + 1);
      }
      current[j] = best;
    }
    // Every path to the end passes through this row or the one before it (a swap reaches back one).
    if (Math.min(...current) > most && Math.min(...previous) > most) return most + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[right.length] as number, most + 1);
}

/**
 * Whether a name of three characters or more starts a word of a longer one ("Dana" in "Dana Lee", "dana l"
 * in "dana lewis"): a first name typed alone, say. A fragment inside a word ("ed" in "fred") is not.
 */
function startsAWord(longer: string, shorter: string): boolean {
  if (shorter.length < 3 || shorter.length >= longer.length) return false;
  for (let at = longer.indexOf(shorter); at >= 0; at = longer.indexOf(shorter, at + 1)) {
    if (at === 0 || longer[at - 1] === ' ') return true;
  }
  return false;
}

/** How many characters editDistance counts in a text (emoji and other astral characters count once). */
const codePoints = (text: string): number => (/[\uD800-\uDFFF]/.test(text) ? [...text].length : text.length);

/**
 * The known names closest to a name that matched no one, best first: those within a third of the
 * name's length in edits, or that contain it or are contained by it (a first name alone, say).
 */
export function closestNames(name: string, known: readonly string[], most = 3): string[] {
  const key = nameKey(name);
  const limit = Math.max(1, Math.floor(key.length / 3));
  const close: { candidate: string; score: number }[] = [];
  for (const candidate of known) {
    const other = nameKey(candidate);
    const partial = startsAWord(other, key) || startsAWord(key, other);
    // Lengths further apart than the limit cannot be within it: most of a large roster is skipped.
    if (!partial && Math.abs(codePoints(other) - codePoints(key)) > limit) continue;
    const distance = editDistance(key, other, partial ? Infinity : limit);
    const score = partial ? Math.min(distance, 1) : distance;
    if (score <= limit) close.push({ candidate, score });
  }
  return close
    .sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate))
    .slice(0, most)
    .map(({ candidate }) => candidate);
}

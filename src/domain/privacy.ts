// What a report that is shared may say about people: the one place that decides it. Without names, a
// person is described by their role and team as the roster has them ("Finance partner, Finance"), or
// as "A colleague"; and any text from the roster that the report shows (the roles and teams themselves,
// and the text of the wins) has every name in the roster taken out of it, each whole name and each
// part of a name, wherever it stands, the way a quotation marks what was changed: "[Head of Digital]".
// Pure.
import type { Roster, Stakeholder } from './model.js';
import { nameKey } from './names.js';

/** Parts of a name shorter than this are left in texts: initials ("J. Smith") would take out every "j". */
const SHORTEST_PART = 2;

/** A run of letters, marks and digits: the words names and texts are compared by. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a text, in the form names are compared in, with where each stands. */
const wordsOf = (text: string): { key: string; start: number; end: number }[] =>
  [...text.matchAll(WORD)].map((match) => ({
    key: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
  }));

/** How the report names a person when it may not use their name: role and team, or "A colleague". */
export function describePerson(person: Pick<Stakeholder, 'role' | 'team'>, scrub: (text: string) => string = (t) => t): string {
  const role = person.role?.trim() ? scrub(person.role.trim()) : undefined;
  const team = person.team?.trim() ? scrub(person.team.trim()) : undefined;
  if (role && team) return nameKey(role).includes(nameKey(team)) ? role : `${role}, ${team}`;
  if (role) return role;
  if (team) return `A colleague in ${team}`;
  return 'A colleague';
}

/**
 * A function that takes every name in the roster out of a text. A whole name, or a part of a name only
 * one person has, becomes that person's description in brackets ("[Head of Digital]'s results"); a part
 * several people share becomes "[a colleague]". Names are compared word by word, ignoring letter case
 * and what stands between the words ("Dana-Lee" is Dana Lee); a part inside a longer word is left alone
 * ("Lee" in "Leeds"), while a part that is also an everyday word is taken out all the same ("Grant" in
 * "a grant"): a text may lose a word, never keep a name. Words are looked up, not searched for, so a
 * roster of thousands costs no more per text than one of ten.
 */
export function nameScrubber(roster: Roster): (text: string) => string {
  /** Whole names by their first word, each with its words and who has it. */
  const wholes = new Map<string, { words: string[]; people: Set<Stakeholder> }[]>();
  /** Parts of names, and who has each. */
  const parts = new Map<string, Set<Stakeholder>>();
  for (const person of roster.people) {
    const words = wordsOf(person.name.normalize('NFC')).map((word) => word.key);
    const [first] = words;
    if (first === undefined) continue;
    const list = wholes.get(first) ?? [];
    const same = list.find((whole) => whole.words.join(' ') === words.join(' '));
    if (same) same.people.add(person);
    else list.push({ words, people: new Set([person]) });
    wholes.set(
      first,
      list.sort((a, b) => b.words.length - a.words.length),
    );
    for (const part of words) if ([...part].length >= SHORTEST_PART) parts.set(part, (parts.get(part) ?? new Set()).add(person));
  }
  // A description is scrubbed of names too, with the plain stand-in, so that the two never loop.
  const described = new Map<Stakeholder, string>();
  const stand = (people: Set<Stakeholder>): string => {
    const [only] = people;
    if (people.size !== 1 || !only) return '[a colleague]';
    let text = described.get(only);
    if (text === undefined)
      described.set(only, (text = `[${describePerson(only, (role) => scrub(role, () => '[a colleague]'))}]`));
    return text;
  };
  // A name with signs in it (O'Neil-Ross, or markup) is first taken out whole, signs and all, so that
  // none of them is left behind where it stood.
  const literal = new Map<string, Set<Stakeholder>>();
  for (const person of roster.people) {
    const name = nameKey(person.name);
    if (/[^\p{L}\p{M}\p{N}\s]/u.test(name)) literal.set(name, (literal.get(name) ?? new Set()).add(person));
  }
  const signed =
    literal.size === 0
      ? undefined
      : new RegExp(
          [...literal.keys()]
            .sort((a, b) => b.length - a.length)
            .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
            .join('|'),
          'giu',
        );
  function scrub(text: string, standIn: (people: Set<Stakeholder>) => string): string {
    if (!signed) return scrubWords(text.normalize('NFC'), standIn);
    let out = '';
    let copied = 0;
    const normal = text.normalize('NFC');
    for (const match of normal.matchAll(signed)) {
      const people = literal.get(nameKey(match[0]));
      if (!people) continue;
      out += scrubWords(normal.slice(copied, match.index), standIn) + standIn(people);
      copied = match.index + match[0].length;
    }
    return out + scrubWords(normal.slice(copied), standIn);
  }
  function scrubWords(normal: string, standIn: (people: Set<Stakeholder>) => string): string {
    const words = wordsOf(normal);
    let out = '';
    let copied = 0;
    for (let index = 0; index < words.length;) {
      const word = words[index] as (typeof words)[number];
      const whole = wholes.get(word.key)?.find((name) => name.words.every((key, k) => words[index + k]?.key === key));
      const people = whole?.people ?? parts.get(word.key);
      const length = whole?.words.length ?? 1;
      if (!people) {
        index++;
        continue;
      }
      const last = words[index + length - 1] as (typeof words)[number];
      // A part of a name followed by a surname none of them has ("Priya K", where the roster has Priya
      // Desai) is somebody else: never given a roster member's description.
      const after = words[index + 1];
      const stranger =
        !whole &&
        after !== undefined &&
        /^\s+$/.test(normal.slice(word.end, after.start)) &&
        /^\p{Lu}/u.test(normal.slice(after.start, after.end)) &&
        ![...people].some((person) => wordsOf(person.name.normalize('NFC')).some((part) => part.key === after.key));
      out += normal.slice(copied, word.start) + (stranger ? '[a colleague]' : standIn(people));
      copied = last.end;
      index += length;
    }
    return out + normal.slice(copied);
  }
  return (text) => scrub(text, stand);
}

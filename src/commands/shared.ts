// What several commands need: the roster, a person by name (with "did you mean"), JSON output.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { jsonArrayPieces, jsonText } from '../domain/json.js';
import type { Roster, Stakeholder } from '../domain/model.js';
import { closestNames, nameProblem } from '../domain/names.js';
import { type NextStep, nextStep, peerFinder } from '../domain/next-step.js';
import { notUtf8Line } from '../domain/records.js';
import { findPerson } from '../domain/roster.js';
import { now } from '../clock.js';
import { UsageError } from '../errors.js';
import type { RosterStore } from '../store/roster-store.js';
import { problemOf } from '../store/files.js';
import { inert } from '../render/text.js';
import { io } from '../io.js';

/** Checks a name typed on the command line; throws a usage error saying what is wrong with it. */
export function checkName(name: string): void {
  const problem = nameProblem(name);
  if (!problem) return;
  // A long name is shown by its start: the message stays one readable line.
  const shown = name.length > 60 ? `${[...name].slice(0, 40).join('')}…" (${[...name].length} characters)` : `${name}"`;
  throw new UsageError(`${problem}: "${inert(shown)}`);
}

/** The person with this name, or a usage error that suggests the closest names in the roster. */
export function requirePerson(roster: Roster, name: string): Stakeholder {
  // Someone already in the roster is found by name even when a new name could not be spelled so (a
  // name saved before a rule was added, or edited in by hand).
  const person = findPerson(roster, name);
  if (person) return person;
  checkName(name);
  if (roster.people.length === 0) {
    throw new UsageError(`no one is in the roster yet; add "${inert(name.trim())}" with: cx assess "${inert(name.trim())}"`);
  }
  const hint =
    didYouMean(
      name,
      roster.people.map((p) => p.name),
    ) || 'cx list shows who is in the roster';
  throw new UsageError(`no one called "${inert(name.trim())}" in the roster; ${hint}`);
}

/** 'did you mean "Dana Lee"?' for the candidates closest to a text, or '' when none is close. */
export function didYouMean(text: string, candidates: readonly string[]): string {
  const close = closestNames(text, candidates);
  return close.length ? `did you mean ${close.map((candidate) => `"${inert(candidate)}"`).join(' or ')}?` : '';
}

/** Says that a name just added is close to a known one (a typo, most likely), and how to take it back. */
export function newNameNote(name: string, similar: string): void {
  io().stderr.write(`cx: note: "${inert(name)}" is new to the roster (${similar}); cx undo takes this change back\n`);
}

/** Prints JSON, pretty, with the characters a terminal would obey or hide escaped (jsonText). */
export function printJson(value: unknown): void {
  io().stdout.write(`${jsonText(value, 2)}\n`);
}

/** Prints a JSON array a piece at a time (the same text as printJson), so a large one is never whole in memory. */
export function printJsonArray<T>(items: readonly T[], toJson: (item: T) => unknown): void {
  for (const piece of jsonArrayPieces(items, toJson)) io().stdout.write(piece);
}

/**
 * The text of a file, or of stdin for "-"; a file that cannot be read is a usage error. Stdin is read
 * as a stream: a synchronous read fails (EAGAIN) when a slow pipe has no data yet.
 */
export async function readInput(source: string, what: string): Promise<string> {
  const from = source === '-' ? 'from stdin' : inert(source);
  let bytes: Buffer;
  try {
    if (source !== '-') bytes = readFileSync(resolve(io().cwd, source));
    else {
      const chunks: Buffer[] = [];
      for await (const chunk of io().stdin) chunks.push(Buffer.from(chunk as Buffer));
      bytes = Buffer.concat(chunks);
    }
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${from}: ${fileProblem(error, 'no such file')}`);
  }
  // Read as it is, bytes that are not UTF-8 would become U+FFFD, and the text they were lost for good.
  const line = notUtf8Line(bytes);
  if (line !== undefined) {
    throw new UsageError(`cannot read ${what} ${from}: it is not UTF-8 text (line ${line}); save it as UTF-8 and try again`);
  }
  try {
    return bytes.toString('utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${from}: ${(error as Error).message}`); // larger than a text can be
  }
}

/** A file system error in a few words; `missing` says what ENOENT means where it happened. */
export function fileProblem(error: unknown, missing: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return missing;
  if (code === 'EISDIR') return 'it is a folder';
  return problemOf(error); // a full or read-only disk, permission denied, in words
}

/** Everyone named (each once); any name that matches no one is a usage error, before anything changes. */
export function requirePeople(roster: Roster, names: string[]): Stakeholder[] {
  return [...new Map(names.map((name) => requirePerson(roster, name)).map((person) => [person.id, person])).values()];
}

/**
 * Asks before a destructive change, unless --yes was given. Without a terminal to ask in, it is a usage
 * error that names --yes. Returns false when the user says no.
 */
export async function confirmed(options: { yes?: boolean }, question: string, noTerminal: string): Promise<boolean> {
  if (options.yes) return true;
  if (!io().stdin.isTTY) throw new UsageError(`${noTerminal}, and stdin is not a terminal; add --yes to go ahead without asking`);
  const { askYesNo } = await import('../prompts/confirm.js');
  return askYesNo(question);
}

/** Names for a message: "Dana Lee", "Sam Ortiz". */
export const quotedNames = (people: Stakeholder[]): string => people.map((person) => `"${inert(person.name)}"`).join(', ');

/** The next step for someone in the roster, today: what cx show prints and cx todo lists. */
export function stepFor(roster: Roster, person: Stakeholder, today = now()): NextStep {
  return nextStep(person, { today, peerFor: peerFinder(roster) });
}

/**
 * Refuses an --output that is one of the files cx keeps the roster in (the roster, a backup, the index):
 * what a command writes out is a copy for elsewhere, and would replace cx's own.
 */
export function refuseOwnFile(store: RosterStore, path: string, given: string, what: string): void {
  if (store.holds(path)) {
    throw new UsageError(
      `--output ${inert(given)} is one of the files cx keeps the roster in (in ${inert(store.dir)}); write the ${what} somewhere else`,
    );
  }
}

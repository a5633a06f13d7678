// The roster file's format: its text (pretty JSON of { version, people }), its versions and their
// migrations, the check a file passes before cx uses it, and backups/index.json's entries. Pure: the
// store (src/store/roster-store.ts) reads and writes the files.
import { jsonProblem } from './json.js';
import type { Stakeholder } from './model.js';
import { isObject, notUtf8Line, shapeProblem } from './records.js';

/** The version of the file's shape; bump it, with a migration in MIGRATIONS, whenever the shape changes. */
export const ROSTER_VERSION = 1;

export type RosterFile = Record<string, unknown>;

/**
 * A backup as backups/index.json lists it: its file in backups/, and the change that replaced it (when,
 * which command, whom it was about, and the sha256 of the roster file it wrote: undo puts the backup
 * back only while the roster is still that file, not after an edit by hand or a cx forget, which sets
 * `forgetWrote` to the sha256 of the file it wrote).
 */
export interface Backup {
  file: string;
  at: string;
  command: string;
  names: string[];
  wrote?: string;
  forgetWrote?: string;
}

/** Upgrades from older versions, keyed by the version they upgrade from (0: no "version" key, as by hand). */
const MIGRATIONS: Record<number, (data: RosterFile) => RosterFile> = {
  0: (data) => ({ ...data, version: 1 }),
};

/** Why a roster file cannot be used, in words that follow its name ("is not valid JSON (...)"). */
export class Unreadable extends Error {
  fix = 'fix it by hand, or run cx doctor to restore a backup';
}

/** The file's text, for conf and for the backups cx forget rewrites. */
export const serialize = (file: RosterFile): string => JSON.stringify(file, null, 2);

/** A roster file's text as JSON, which must be an object (conf's deserializer). */
export function deserialize(text: string): RosterFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Unreadable(`is not valid JSON (${jsonProblem(error, text)})`);
  }
  if (!isObject(data)) throw new Unreadable('is not in the shape cx expects (it is not a JSON object)');
  return data;
}

/** A roster file's content, checked in full and migrated to the current version. */
export function checked(data: RosterFile): { version: number; people: Stakeholder[] } {
  const version = typeof data.version === 'number' ? data.version : 0;
  if (version > ROSTER_VERSION) {
    const newer = new Unreadable(`was written by a newer cx (format ${version}; this cx reads up to ${ROSTER_VERSION})`);
    throw Object.assign(newer, { fix: 'upgrade cx to use it' });
  }
  let migrated = data;
  for (let from = version; from < ROSTER_VERSION; from++) migrated = MIGRATIONS[from]?.(migrated) ?? migrated;
  const problem = shapeProblem(migrated);
  if (problem) throw new Unreadable(`is not in the shape cx expects (${problem})`);
  return { version, people: migrated.people as Stakeholder[] };
}

/** A roster file's bytes as text: UTF-8 throughout (read as such, other bytes would be lost on the next write). */
export function textOf(bytes: Buffer): string {
  utf8(bytes);
  return bytes.toString('utf8');
}

export function utf8(bytes: Buffer): void {
  const line = notUtf8Line(bytes);
  if (line !== undefined) throw new Unreadable(`is not UTF-8 text (line ${line}; it was saved in another encoding)`);
}

/** An entry of backups/index.json as cx writes it, naming a file in backups/ (never one elsewhere). */
export function isEntry(entry: unknown): entry is Backup {
  const text = (value: unknown) => typeof value === 'string';
  return (
    isObject(entry) &&
    text(entry.file) &&
    /^roster-[^\\/]*\.json$/.test(entry.file as string) &&
    text(entry.at) &&
    text(entry.command) &&
    Array.isArray(entry.names) &&
    entry.names.every(text) &&
    (entry.wrote === undefined || text(entry.wrote)) &&
    (entry.forgetWrote === undefined || text(entry.forgetWrote))
  );
}

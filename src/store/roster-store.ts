// The roster on disk: one JSON file, roster.json, in the user's config folder (CX_CONFIG_DIR moves it),
// read and written with conf. This module is the only one that reads or writes it, with the steps of
// files.ts; the file's format (text, versions, the check of its records) is src/domain/roster-file.ts.
//
// - Every read checks the whole file: the JSON, the format version (older ones are migrated) and every
//   record (shapeProblem). A file cx cannot read is never rewritten: every command stops and says why
//   (for broken JSON, on which line and column).
// - Every write goes through conf, whose `atomically` is cx's own writer (files.ts): whole or not at all
//   (every byte written, flushed and read back before a rename puts it in place), mode 0600. A write
//   that fails leaves the roster and the backups as they were, and says so in one line.
// - Every change runs under a lock (proper-lockfile; conf does not lock), so concurrent cx processes
//   lose nothing: read, change and write happen while no other cx can write. A lock not refreshed for
//   STALE_LOCK_MS is taken over (its cx died, or was paused), so a change also checks, just before its
//   rename, that the roster is still the file it read; if not, it is done again on the new one.
// - Every change keeps the previous file in backups/ (the newest BACKUPS_KEPT), which `cx undo` puts
//   back and `cx doctor` checks; backups/index.json says which change replaced each one. A backup is
//   written before the change and put in place only once the change is: none is kept for a change
//   that never happened.
// - cx forget writes down whom it erases (forgetting.json) before it erases them from the roster and
//   every copy; a forget that was interrupted is finished before the next change, and by cx doctor.

import { type BigIntStats, existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
import type { Roster, Stakeholder } from '../domain/model.js';
import { nameKey } from '../domain/names.js';
import { isObject, shapeProblem } from '../domain/records.js';
import {
  type Backup,
  type RosterFile,
  ROSTER_VERSION,
  Unreadable,
  checked,
  deserialize,
  isEntry,
  serialize,
  textOf,
  utf8,
} from '../domain/roster-file.js';
import { now } from '../clock.js';
import { CxError } from '../errors.js';
import { io } from '../io.js';
import { inert } from '../render/inert.js';
import {
  checkingBeforeReplace,
  filesIn,
  identity,
  isFolder,
  leftovers,
  lockFolder,
  NOTHING_CHANGED,
  STALE_LOCK_MS,
  TEMPORARY,
  makeFolder,
  pathProblem,
  problemOf,
  readRegular,
  sha256,
  stage,
  takesThePlaceOf,
  writeWhole,
} from './files.js';

export { type Backup, ROSTER_VERSION };
export { isFolder, pathProblem };

const BACKUPS_KEPT = 10;
/** How many times a change is done again when the roster changed under it (its lock was taken over). */
const ATTEMPTS = 3;

/** What cx forget did: how many copies it scrubbed, and those it could not read, which may still hold them. */
export interface Erased {
  scrubbed: number;
  unreadable: string[];
}

/** What a change function returns: the new roster (or undefined to write nothing), and a result. */
export interface Change<T> {
  roster?: Roster;
  names?: string[];
  result: T;
}

/** The folder the roster lives in: CX_CONFIG_DIR when set, otherwise the per-user config folder. */
export function rosterDir(): string {
  const fromEnv = io().env.CX_CONFIG_DIR;
  if (!fromEnv || fromEnv.trim() === '') return envPaths('cx', { suffix: '' }).config;
  // A "~" the shell did not expand (it was quoted, say) still means the home folder.
  return resolve(fromEnv.replace(/^~(?=$|[\\/])/, homedir()));
}

export const rosterPath = (): string => join(rosterDir(), 'roster.json');

/** The roster a change read was replaced before the change could be written: it is done again. */
class Moved extends Error {}

/** The roster as a change read it: what it held, and its bytes and identity, which must still be the
 * file's when the change is written (none: there was no file). */
interface Opened {
  conf?: Conf<RosterFile>;
  version: number;
  people: Stakeholder[];
  file?: { bytes: Buffer; stat: BigIntStats };
}

/**
 * conf's deserializer for one conf (one command's read, or one change): conf parses the file as it
 * starts and again on each use of `store`, and a change reads it once more before writing. The same text
 * is the same data, so it is parsed once; 3,000 people take about 20 ms a parse.
 */
function parsedOnce(): (text: string) => RosterFile {
  let last: { text: string; data: RosterFile } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, data: deserialize(text) };
    return last.data;
  };
}

/** The people of a roster file (a backup, say), checked as the roster is; or what is wrong with it. */
function readCopy(path: string): { people: Stakeholder[] } | { problem: string } {
  try {
    return checked(deserialize(textOf(readRegular(path).bytes)));
  } catch (error) {
    return { problem: error instanceof Unreadable ? error.message : `cannot be read (${(error as Error).message})` };
  }
}

export class RosterStore {
  readonly path: string;
  readonly backupsDir: string;

  private constructor(readonly dir: string) {
    this.path = join(dir, 'roster.json');
    this.backupsDir = join(dir, 'backups');
  }

  /** The roster in its folder; nothing is created until the first change. */
  static open(dir = rosterDir()): RosterStore {
    return new RosterStore(dir);
  }

  /** The roster as it is now. Safe without the lock: conf replaces the file in one rename. */
  read(): Roster {
    return { people: this.#open().people };
  }

  /** conf, which reads the file as it starts (and would make the folder, were the file missing). */
  #conf(): Conf<RosterFile> {
    return new Conf<RosterFile>({
      cwd: this.dir,
      configName: 'roster',
      configFileMode: 0o600,
      // Names are data, never key paths: "j.smith" must not become { j: { smith } }.
      accessPropertiesByDotNotation: false,
      // A broken file is the user's data: report it, never wipe it.
      clearInvalidConfig: false,
      serialize,
      deserialize: parsedOnce(),
    });
  }

  /** The roster, read with conf and checked, and its format version; no file is an empty roster. */
  #open(): Opened {
    try {
      // Read first, before conf (which would make the folder of a missing file, and wait on a named pipe).
      const { bytes, stat } = readRegular(this.path);
      utf8(bytes); // conf reads it as text
      const conf = this.#conf();
      return { conf, ...checked(conf.store), file: { bytes, stat } };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: ROSTER_VERSION, people: [] };
      throw storeError(this.path, error);
    }
  }

  /**
   * Runs `work` under the lock on the roster as it is then, with conf to write it. When the roster was
   * replaced before the work could write (another cx took the lock over), the work is done again on it.
   */
  async #changing<T>(work: (conf: Conf<RosterFile>, read: Opened) => T, { finishForget = true } = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#locked(() => {
          // A forget that was interrupted is finished first: nothing may bring back whom it erases.
          if (finishForget && existsSync(this.#journal)) {
            const pending = this.#open();
            this.#erase(pending.conf ?? this.#conf(), pending);
          }
          // Temporary files left by a killed cx: never part of the roster (under the lock, no cx writes one).
          for (const file of leftovers(this.dir, this.backupsDir)) rmSync(file, { force: true });
          const read = this.#open();
          return work(read.conf ?? this.#conf(), read);
        });
      } catch (error) {
        if (!(error instanceof Moved)) throw error;
        if (attempt === ATTEMPTS) {
          throw new CxError(
            'the roster kept changing while this cx worked on it (other cx commands took its lock over); nothing was saved: try again',
          );
        }
      }
    }
  }

  /** Whether the roster can be read as it is now. */
  #readable(): boolean {
    try {
      this.#open();
      return true;
    } catch {
      return false;
    }
  }

  /** Throws Moved unless the roster is still the file `read` read (the same identity and bytes). */
  #unchanged(read: Opened): void {
    let now: { bytes: Buffer; stat: BigIntStats } | undefined;
    try {
      now = readRegular(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const same =
      now && read.file
        ? identity(now.stat) === identity(read.file.stat) && now.bytes.equals(read.file.bytes)
        : !now && !read.file;
    if (!same) throw new Moved();
  }

  /**
   * Saves the people through conf, once they pass the check reads make, if the roster is still the file
   * `read` read when it comes to replacing it; returns the sha256 of the file written.
   */
  #write(conf: Conf<RosterFile>, people: Stakeholder[], read: Opened): string {
    const file = { version: ROSTER_VERSION, people };
    let wrote = '';
    try {
      const problem = shapeProblem(file);
      if (problem) throw new Error(problem); // a bug: cx would refuse to read it back
      const check = (data: Buffer) => {
        this.#unchanged(read);
        wrote = sha256(data);
      };
      checkingBeforeReplace(check, () => {
        conf.store = file;
      });
    } catch (error) {
      // A temporary file gone before its rename was taken away by a cx that took the lock over.
      if (error instanceof Moved || (error as NodeJS.ErrnoException).code === 'ENOENT') throw new Moved();
      const { code } = error as NodeJS.ErrnoException;
      throw Object.assign(
        new CxError(`could not save the roster to ${this.path}: ${problemOf(error)}${NOTHING_CHANGED(error)}`),
        {
          code,
        },
      );
    }
    return wrote;
  }

  /**
   * Steps after a change is in place (its backup, the index): one that fails does not undo the change,
   * which is saved; the user is told what it costs.
   */
  #afterwards(what: string, step: () => void): void {
    try {
      step();
    } catch (error) {
      io().stderr.write(`cx: note: the change was saved, but ${inert(what)} (${inert(problemOf(error))})\n`);
    }
  }

  /**
   * Reads, changes and writes the roster under the lock, keeping the previous file as a backup.
   * `change` gets the current roster, which it may change in place; returning no roster writes nothing.
   */
  async update<T>(command: string, change: (roster: Roster) => Change<T>): Promise<T> {
    return this.#changing((conf, read) => {
      const { version, people } = read;
      const outcome = change({ people });
      if (!outcome.roster) return outcome.result;
      const file = `roster-${stamp()}${version < ROSTER_VERSION ? `-format${version}` : ''}.json`;
      const at = now().toISOString(); // cx's clock, which CX_NOW pins: undo names the change by it
      // The file it replaces, written in full beside the other backups, and put in place once the change is.
      let backup: ReturnType<typeof stage> | undefined;
      if (read.file) {
        try {
          makeFolder(this.backupsDir);
          backup = stage(join(this.backupsDir, file), read.file.bytes);
        } catch (error) {
          throw new CxError(
            `could not keep a backup of the roster in ${this.backupsDir}: ${problemOf(error)}${NOTHING_CHANGED(error)}`,
          );
        }
      }
      let wrote: string;
      try {
        wrote = this.#write(conf, outcome.roster.people, read);
      } catch (error) {
        backup?.discard(); // the roster was not replaced
        throw error;
      }
      if (backup) {
        const made = backup;
        this.#afterwards('cx undo cannot take it back: its backup could not be kept', () => {
          made.commit();
          // Listed once it is in place (a cx killed before leaves a backup the index does not know, which doctor names).
          const earlier = this.backups().filter((entry) => entry.file !== file);
          const backups = [...earlier, { file, at, command, names: outcome.names ?? [], wrote }];
          for (const old of backups.slice(0, -BACKUPS_KEPT)) rmSync(join(this.backupsDir, old.file), { force: true });
          this.#saveIndex(backups.slice(-BACKUPS_KEPT));
        });
      }
      return outcome.result;
    });
  }

  /**
   * Puts back the roster as it was before the last change; undefined when there is nothing to undo.
   * When the roster was changed since in a way undo cannot take back (cx forget, an edit by hand), it
   * refuses, unless `force`: putting the backup back would lose that change too, or reach past it.
   */
  async undo({ force = false } = {}): Promise<
    { undone: Backup; left: number } | { changedSince: Backup } | { forgotten: Backup } | undefined
  > {
    this.#open(); // a roster cx cannot read is for cx doctor to mend, not for undo to overwrite
    if (this.backups().length === 0) return undefined; // and nothing is made (no folder, no lock)
    return this.#changing((conf, read) => {
      const backups = this.backups(); // again, under the lock: another cx may have changed them
      const last = backups.at(-1);
      if (!last) return undefined;
      const now = read.file && sha256(read.file.bytes);
      if (!force && last.forgetWrote !== undefined && now === last.forgetWrote) return { forgotten: last };
      if (!force && last.wrote !== undefined && now !== last.wrote) return { changedSince: last };
      const backup = join(this.backupsDir, last.file);
      const copy = readCopy(backup);
      if ('problem' in copy) {
        throw new CxError(
          `the version before the last change (${backup}) ${copy.problem}; nothing was changed. cx doctor shows the backups that can be read`,
        );
      }
      this.#write(conf, copy.people, read);
      this.#afterwards('cx undo will offer the same change again: the list of backups could not be updated', () => {
        rmSync(backup, { force: true });
        this.#saveIndex(backups.slice(0, -1));
      });
      return { undone: last, left: backups.length - 1 };
    });
  }

  /**
   * Erases people from the roster and every copy of it: every record that holds one of their ids or
   * names (someone removed earlier under the same name, say), every temporary file a killed write left,
   * and their names from the index. What to erase is written down first (forgetting.json), so that a
   * forget that is interrupted is finished by the next change, cx forget or cx doctor. Returns how many
   * copies it scrubbed, and those it could not read (which may still hold them).
   */
  async forget(ids: Set<string>, names: string[]): Promise<Erased> {
    return this.#changing(
      (conf, read) => {
        const job = this.#pendingForget() ?? { ids: [], names: [] };
        try {
          writeWhole(this.#journal, JSON.stringify({ ids: [...job.ids, ...ids], names: [...job.names, ...names] }));
        } catch (error) {
          throw new CxError(`could not start forgetting them: ${problemOf(error)}${NOTHING_CHANGED(error)}`);
        }
        try {
          return this.#erase(conf, read);
        } catch (error) {
          if (error instanceof Moved) throw error;
          const room = ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException).code ?? '') ? ' once there is room' : '';
          throw new CxError(
            `could not finish forgetting them (${problemOf(error)}); cx doctor finishes it${room}, as does the next cx forget or change`,
          );
        }
      },
      { finishForget: false },
    ); // an interrupted one is part of this one
  }

  /**
   * Finishes what interrupted cx commands left (cx doctor): a forget, and temporary files that may hold
   * copies of the roster. Says what it did; nothing is locked when there is nothing to do.
   */
  async tidy(): Promise<{ forget?: Erased & { roster: boolean }; removed: number }> {
    if (!existsSync(this.#journal) && leftovers(this.dir, this.backupsDir).length === 0) return { removed: 0 };
    return this.#locked(() => {
      let forget: (Erased & { roster: boolean }) | undefined;
      if (existsSync(this.#journal)) {
        let read: Opened | undefined;
        try {
          read = this.#open();
        } catch (error) {
          if (!(error instanceof CxError)) throw error; // a roster cx cannot read is never rewritten: copies only
        }
        forget = { ...this.#erase(read && (read.conf ?? this.#conf()), read), roster: read !== undefined };
      }
      const files = leftovers(this.dir, this.backupsDir);
      for (const file of files) rmSync(file, { force: true });
      return { ...(forget ? { forget } : {}), removed: files.length };
    });
  }

  get #journal(): string {
    return join(this.dir, 'forgetting.json');
  }

  /** The people an interrupted forget was erasing, or undefined. */
  #pendingForget(): { ids: string[]; names: string[] } | undefined {
    try {
      const job = JSON.parse(readRegular(this.#journal).bytes.toString('utf8')) as { ids: unknown; names: unknown };
      const texts = (list: unknown) =>
        Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
      return { ids: texts(job.ids), names: texts(job.names) };
    } catch {
      return undefined; // none (or one cx could not have written: there is nothing it can say)
    }
  }

  /**
   * Erases the people of the pending forget from the roster (when given: it can be read) and every copy,
   * then drops the journal once nothing is left to do.
   */
  #erase(conf?: Conf<RosterFile>, read?: Opened): Erased {
    const job = this.#pendingForget() ?? { ids: [], names: [] };
    const ids = new Set(job.ids);
    const keys = new Set(job.names.map(nameKey));
    // Copies may be broken in any way (set aside by doctor --restore, say): anything in their list
    // that held one of these ids or names goes, whatever else is wrong with it.
    const theirs = (person: unknown): boolean =>
      isObject(person) && (ids.has(person.id as string) || (typeof person.name === 'string' && keys.has(nameKey(person.name))));
    let before: string | undefined;
    let after: string | undefined;
    if (conf && read) {
      before = read.file && sha256(read.file.bytes);
      const remaining = read.people.filter((person) => !theirs(person));
      if (remaining.length < read.people.length) after = this.#write(conf, remaining, read);
    }
    // A copy that cannot be scrubbed is named, unless it does not even mention their ids or names.
    const mentions = (text: string): boolean =>
      job.ids.some((id) => text.includes(id)) ||
      job.names.some((name) => text.includes(name) || text.includes(JSON.stringify(name).slice(1, -1)));
    // The sha256 of each copy rewritten, before and after, so that the index can follow (Backup.wrote).
    const rewritten = new Map<string, string>();
    /** The sha256 each backup (by file name) holds once scrubbed. */
    const scrubbedTo = new Map<string, string>();
    let scrubbed = 0;
    const unreadable: string[] = [];
    for (const file of this.#copies()) {
      let text: string | undefined;
      let left: string;
      try {
        text = readRegular(file).bytes.toString('utf8');
        const data = deserialize(text);
        if (!Array.isArray(data.people)) throw new Error('no list of people');
        if (!data.people.some(theirs)) continue;
        left = serialize({ version: data.version ?? 0, people: data.people.filter((person) => !theirs(person)) });
      } catch {
        if (text === undefined || mentions(text)) unreadable.push(file);
        continue;
      }
      writeWhole(file, left); // a write that fails stops here: the next forget or doctor goes on
      rewritten.set(sha256(text), sha256(left));
      scrubbedTo.set(basename(file), sha256(left));
      scrubbed++;
    }
    // What a killed write left was never part of the roster: it goes, whoever it holds.
    for (const file of leftovers(this.dir, this.backupsDir)) rmSync(file, { force: true });
    const backups = this.backups();
    const entries = backups.map((backup, k) => {
      const entry: Backup = { ...backup, names: backup.names.filter((name) => !keys.has(nameKey(name))) };
      // The roster a change wrote was scrubbed with the backup that holds it: its new digest.
      if (entry.wrote !== undefined) entry.wrote = rewritten.get(entry.wrote) ?? entry.wrote;
      // The last change is followed by this one, which undo cannot take back: it says so.
      const last = k === backups.length - 1 && before !== undefined && after !== undefined;
      if (last && (backup.wrote === before || backup.forgetWrote === before)) entry.forgetWrote = after;
      return entry;
    });
    // A change that concerned only the people erased (cx rm of one of them, say) has nothing left to
    // take back: its backup, scrubbed, is the roster it wrote. It goes, and when it was the last, the
    // change before it is followed by this forget.
    const empty = (entry: Backup) => entry.wrote !== undefined && scrubbedTo.get(entry.file) === entry.wrote;
    const kept = entries.filter((entry) => !empty(entry));
    for (const entry of entries.filter(empty)) rmSync(join(this.backupsDir, entry.file), { force: true });
    const newest = kept.at(-1);
    const current = after ?? before;
    if (newest && entries.at(-1) && empty(entries.at(-1) as Backup) && current !== undefined) newest.forgetWrote = current;
    this.#saveIndex(kept);
    if (read) rmSync(this.#journal, { force: true });
    return { scrubbed, unreadable };
  }

  /**
   * The ids of the records that held this name in the copies cx keeps, for someone no longer in the
   * roster (removed with cx rm, or by a forget that was interrupted); undefined when none did.
   */
  formerly(name: string): { name: string; ids: string[] } | undefined {
    const key = nameKey(name);
    const ids = new Set<string>();
    let stored = name.trim();
    for (const file of this.#copies()) {
      try {
        const data = deserialize(readRegular(file).bytes.toString('utf8'));
        for (const person of Array.isArray(data.people) ? data.people : []) {
          if (isObject(person) && typeof person.name === 'string' && nameKey(person.name) === key) {
            ids.add(String(person.id));
            stored = person.name;
          }
        }
      } catch {} // a copy cx cannot read: forget names it
    }
    const pending = this.#pendingForget()?.names.some((other) => nameKey(other) === key);
    return ids.size > 0 || pending ? { name: stored, ids: [...ids] } : undefined;
  }

  /** Every copy of the roster cx keeps: the backups (indexed or not) and files doctor --restore set aside. */
  #copies(): string[] {
    return [
      ...filesIn(this.backupsDir, /^roster-/)
        .filter((file) => !TEMPORARY.test(file))
        .map((file) => join(this.backupsDir, file)),
      ...filesIn(this.dir, /^roster\.json\.replaced-/).map((file) => join(this.dir, file)),
    ];
  }

  /** Whether a file written at `path` would take the place of one of cx's own: the roster, a backup, the lock. */
  holds(path: string): boolean {
    return takesThePlaceOf(
      path,
      this.dir,
      /^(roster\.json|roster\.lock|forgetting\.json|backups)/,
      ['backups', 'roster.lock'],
      [this.path],
    );
  }

  /** The backups kept, oldest first: as the index lists them, or without one, as their names sort. */
  backups(): Backup[] {
    try {
      const index: unknown = JSON.parse(readRegular(join(this.backupsDir, 'index.json')).bytes.toString('utf8'));
      // Entries as cx writes them, of files in backups/ that are there: undo reads and deletes them.
      if (Array.isArray(index)) return index.filter((entry) => isEntry(entry) && existsSync(join(this.backupsDir, entry.file)));
    } catch {} // listed from the files
    return filesIn(this.backupsDir, /^roster-.*\.json$/)
      .sort()
      .map((file) => ({ file, at: statSync(join(this.backupsDir, file)).mtime.toISOString(), command: 'a change', names: [] }));
  }

  /** What is wrong with a backup, in words that follow its name; undefined when cx can read it. */
  backupProblem(backup: Backup): string | undefined {
    const copy = readCopy(join(this.backupsDir, backup.file));
    return 'problem' in copy ? copy.problem : undefined;
  }

  /** Files in backups/ that the index does not know (left by a crash between two steps). */
  strayBackups(): string[] {
    const known = new Set(this.backups().map((backup) => backup.file));
    return filesIn(this.backupsDir, /^roster-/).filter((file) => !known.has(file));
  }

  /**
   * Puts a backup in place of a roster cx cannot read (cx doctor); returns where the old file is kept.
   * Neither step needs room on the disk: the old file gets a second name (a hard link), then the backup
   * is renamed over it, so the roster is at every moment the old file or the backup.
   */
  async restore(backup: Backup): Promise<string | undefined> {
    return this.#locked(() => {
      const backups = this.backups();
      const kept = existsSync(this.path) ? `${this.path}.replaced-${stamp()}` : undefined;
      const from = join(this.backupsDir, backup.file);
      if (kept && this.#readable())
        throw new CxError('the roster can be read now (it was mended since cx doctor looked at it); nothing was restored');
      try {
        if (kept && isFolder(this.path)) {
          renameSync(this.path, kept); // a folder has no second name: it is moved aside, and back if need be
          try {
            renameSync(from, this.path);
          } catch (error) {
            renameSync(kept, this.path);
            throw error;
          }
        } else {
          if (kept) linkSync(this.path, kept);
          try {
            renameSync(from, this.path);
          } catch (error) {
            if (kept) rmSync(kept, { force: true });
            throw error;
          }
        }
      } catch (error) {
        throw new CxError(`could not put the backup ${backup.file} in place: ${problemOf(error)}${NOTHING_CHANGED(error)}`);
      }
      // The roster is now as it was before that change: the change, and any after it, are taken back,
      // as undo would (their own backups, broken or not, stay in the folder).
      const at = backups.findIndex((entry) => entry.file === backup.file);
      if (at >= 0) this.#afterwards('the list of backups could not be updated', () => this.#saveIndex(backups.slice(0, at)));
      // The backup may hold someone a forget that was interrupted had yet to erase from it.
      if (existsSync(this.#journal))
        this.#afterwards('a forget that was interrupted is not finished yet: run cx doctor again', () => {
          const read = this.#open();
          this.#erase(read.conf ?? this.#conf(), read);
        });
      return kept;
    });
  }

  /**
   * Runs `work` holding the lock. The work is synchronous, so the lock is not refreshed while it runs:
   * one that takes longer than the stale time can be taken over, which costs the work a second go (its
   * write checks that the roster is still the one it read), never a write.
   */
  async #locked<T>(work: () => T): Promise<T> {
    try {
      // The roster is a list of opinions about colleagues: the folder is the user's alone from the start.
      makeFolder(this.dir);
    } catch (error) {
      throw storeError(this.path, error);
    }
    const lockPath = join(this.dir, 'roster.lock');
    let release: () => Promise<void>;
    try {
      release = await lockFolder(this.dir, lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
        // The lock is the first thing a change writes: a read-only disk or folder shows here.
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT'].includes(code)) {
          throw new CxError(`cannot save changes to the roster in ${this.dir}: ${problemOf(error)}${NOTHING_CHANGED(error)}`);
        }
        throw storeError(lockPath, error);
      }
      throw new CxError(
        `the roster is in use by another cx command and stayed locked too long; try again. If no cx is running, the lock (${lockPath}) clears itself within ${STALE_LOCK_MS / 1000} seconds`,
      );
    }
    try {
      return work();
    } catch (error) {
      // A system error (a full disk, a file that vanished) is the machine's doing, not a bug: one line.
      throw typeof (error as NodeJS.ErrnoException).code === 'string' ? storeError(this.path, error) : error;
    } finally {
      await release().catch(() => undefined); // released already, or taken over as stale
    }
  }

  #saveIndex(backups: Backup[]): void {
    makeFolder(this.backupsDir);
    writeWhole(join(this.backupsDir, 'index.json'), `${JSON.stringify(backups, null, 2)}\n`);
  }
}

let counter = 0;
/** A sortable, file-name-safe time stamp, unique within this process. */
const stamp = (): string => `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${counter++}`;

function storeError(path: string, error: unknown): CxError {
  if (error instanceof CxError) return error;
  if (error instanceof Unreadable) return new CxError(`the roster ${path} ${error.message}; it was left untouched: ${error.fix}`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return new CxError(`cannot use the roster at ${path}: permission denied`);
  if (code === 'ESPECIAL') {
    return new CxError(
      `the roster ${path} is ${(error as { kind: string }).kind}, not a file, and was left untouched: cx reads the roster only from a regular file; move it away (cx doctor --restore puts back the newest backup)`,
    );
  }
  const problem = code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR' ? pathProblem(path) : undefined;
  return new CxError(`cannot use the roster at ${path}: ${problem ?? problemOf(error)}`);
}

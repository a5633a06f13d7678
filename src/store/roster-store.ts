// The roster on disk: one JSON file kept with conf, in the user's config folder (CX_CONFIG_DIR moves it).
// This module is the only one that reads or writes it; roster-file.ts says what its text is.
//
// - Reads never load conf (with its schema validator) or the lock library: only commands that write do,
//   which keeps read-only commands quick to start.
// - Writes go through conf, atomically (a temporary file renamed over the old one), so a crash leaves
//   the old roster or the new one, never a torn file.
// - The file is sealed with a digest of its lines: a file cx wrote is read without a second check, and a
//   change parses only the people it touches (see roster-file.ts). Any other file is checked in full.
// - Every change runs under a lock (proper-lockfile; conf does not lock), so concurrent cx processes
//   lose nothing: read, change and write happen while no other cx can write.
// - Every change first keeps the previous file in backups/ (the newest BACKUPS_KEPT), which `cx undo`
//   restores and `cx doctor` checks.
// - A file cx cannot read is never rewritten: every command stops and says where it is broken.

import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type Conf from 'conf';
import envPaths from 'env-paths';
import type { Roster, Stakeholder } from '../domain/model.js';
import { isObject, shapeProblem } from '../domain/records.js';
import { displayName } from '../domain/names.js';
import { CxError } from '../errors.js';
import { asciiJson, lazyPeople, readSealed, sealNamed, sealedLines, serializeRoster } from './roster-file.js';
import { io } from '../io.js';

export { serializeRoster, shapeProblem };

/** The version of the file's shape; bump it, with a migration in MIGRATIONS, whenever the shape changes. */
export const ROSTER_VERSION = 1;
export const BACKUPS_KEPT = 10;
/** A lock not refreshed for this long belongs to a cx that died: it is taken over. */
const STALE_LOCK_MS = 10_000;
/** How long a change waits for another cx to finish; CX_LOCK_WAIT_MS changes it (tests use it). */
const lockWaitMs = (): number => {
  const fromEnv = Number(io().env.CX_LOCK_WAIT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 20_000;
};

interface RosterFile {
  version: number;
  people: Stakeholder[];
}

interface Loaded {
  roster: Roster;
  version: number;
}

/**
 * conf as cx uses it: the writer of the file (atomic, private, in its place). conf reads and parses the
 * whole file as it starts; cx has read and checked it already, more closely (and for a large roster,
 * more quickly: see roster-file.ts), and never asks conf for its values. So the store conf reads at
 * start is an empty one, and a large roster is not read a second time.
 */
function rosterConf(Base: typeof Conf<RosterFile>) {
  return class RosterConf extends Base {
    override get store(): RosterFile {
      return {} as RosterFile;
    }

    override set store(value: RosterFile) {
      super.store = value;
    }
  };
}

/** What a change was, as `cx undo` reports it. */
export interface ChangeNote {
  command: string;
  names: string[];
}

export interface Backup extends ChangeNote {
  /** The backup's file name inside backups/. */
  file: string;
  /** When the change that replaced it was made. */
  at: string;
  /**
   * The seal of the roster that change wrote. Undo puts a backup back only while the roster is still
   * that one: not after a change it cannot take back (cx forget, an edit by hand).
   */
  after?: string;
  /** Set by cx forget, which changed the roster after this change: the seal of the roster it wrote. */
  afterForget?: string;
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

/**
 * Upgrades from older file versions, keyed by the version they upgrade from. Version 0 is a file with no
 * "version" key: written by hand, or by a build before versions were recorded.
 */
const MIGRATIONS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  0: (data) => ({ ...data, version: 1 }),
};

export class RosterStore {
  readonly dir: string;
  readonly path: string;
  readonly backupsDir: string;
  #opened?: Conf<RosterFile>;
  /** What the last read found, and which file it was (a write renames a new file into place). */
  #loaded?: { identity: string; lazy: boolean; result: Loaded };

  private constructor(dir: string) {
    this.dir = dir;
    this.path = join(dir, 'roster.json');
    this.backupsDir = join(dir, 'backups');
  }

  /** The roster in its folder; nothing is created until the first change. */
  static open(): RosterStore {
    return new RosterStore(rosterDir());
  }

  /** conf, loaded and started on the first write; cx has read and checked the file before (see RosterConf). */
  async #conf(touching?: ReadonlySet<string>): Promise<Conf<RosterFile>> {
    this.#load(true, touching); // a broken file is reported before anything is made
    makeFolder(this.dir); // before conf, which would make it open to others
    if (!this.#opened) {
      const RosterConf = rosterConf((await import('conf')).default);
      this.#opened = new RosterConf({
        cwd: this.dir,
        configName: 'roster',
        configFileMode: 0o600,
        // Names are data, never key paths: "j.smith" must not become { j: { smith } }.
        accessPropertiesByDotNotation: false,
        // A broken file is the user's data: report it, never wipe it.
        clearInvalidConfig: false,
        serialize: serializeRoster as unknown as (value: RosterFile) => string, // bytes: conf writes them as they are
      });
    }
    return this.#opened;
  }

  /**
   * What a check of every record finds wrong with the file, seal or no seal (for cx doctor: a seal
   * vouches for what cx wrote, and this looks anyway); undefined when it is sound or absent.
   */
  fullCheck(): string | undefined {
    try {
      const data = JSON.parse(readFileSync(this.path, 'utf8')) as unknown;
      if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'it is not a JSON object';
      return shapeProblem(data as Record<string, unknown>);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : (error as Error).message;
    }
  }

  /** Whether the file is as cx last wrote it (its seal matches): false after an edit by hand, say. */
  isSealed(): boolean {
    try {
      return sealedLines(readFileSync(this.path)) !== undefined;
    } catch {
      return false;
    }
  }

  /** The roster as it is now. Safe without the lock: writes replace the file in one rename. */
  read(): Roster {
    return this.#load(false).roster;
  }

  /**
   * The roster and its format version. `lazy` (for a change) leaves the people of a sealed file unparsed
   * until they are used, except those named in `touching`; otherwise everyone is parsed.
   */
  #load(lazy: boolean, touching?: ReadonlySet<string>): Loaded {
    // Read again only if the file is another one than last time: a change reads it before and under
    // the lock, and a large roster is worth parsing once.
    let identity: string;
    try {
      const stat = statSync(this.path);
      identity = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { roster: { people: [] }, version: ROSTER_VERSION };
      throw storeError(this.path, error);
    }
    // Each kind of read is kept for itself: a change could use what a plain read parsed, but it would
    // then write every line anew, which costs more on a large roster than reading the lines again.
    if (this.#loaded?.identity === identity && this.#loaded.lazy === lazy) return this.#loaded.result;
    const result = this.#parse(lazy, touching);
    this.#loaded = { identity, lazy, result };
    return result;
  }

  #parse(lazy: boolean, touching?: ReadonlySet<string>): Loaded {
    let data: Record<string, unknown>;
    try {
      let sealed: { version: number; people: Stakeholder[] } | undefined;
      if (lazy) {
        // A change may copy any line of the file into the next one: it keeps the bytes.
        const lines = sealedLines(readFileSync(this.path));
        sealed = lines && { version: lines.version, people: lazyPeople(lines, touching && ((name) => touching.has(name))) };
      } else {
        const fd = openSync(this.path, 'r');
        try {
          sealed = readSealed((into) => readSync(fd, into, 0, into.length, null));
        } finally {
          closeSync(fd);
        }
      }
      if (sealed) {
        if (sealed.version > ROSTER_VERSION) throw this.#newer(sealed.version);
        return { roster: { people: sealed.people }, version: sealed.version };
      }
      data = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { roster: { people: [] }, version: ROSTER_VERSION };
      throw storeError(this.path, error);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new CxError(
        `the roster ${this.path} is not in the shape cx expects (it is not a JSON object); it was left untouched: fix it by hand, or run cx doctor to restore a backup`,
      );
    }
    const version = typeof data.version === 'number' ? data.version : 0;
    if (version > ROSTER_VERSION) throw this.#newer(version);
    let migrated = data;
    for (let from = version; from < ROSTER_VERSION; from++) migrated = MIGRATIONS[from]?.(migrated) ?? migrated;
    const problem = shapeProblem(migrated);
    if (problem) {
      throw new CxError(
        `the roster ${this.path} is not in the shape cx expects (${problem}); it was left untouched: fix it by hand, or run cx doctor to restore a backup`,
      );
    }
    return { roster: { people: migrated.people as Stakeholder[] }, version };
  }

  #newer(version: number): CxError {
    return new CxError(
      `the roster ${this.path} was written by a newer cx (format ${version}; this cx reads up to ${ROSTER_VERSION}); upgrade cx to use it. The file was left untouched`,
    );
  }

  /**
   * Reads, changes and writes the roster under the lock, keeping the previous file as a backup.
   * `change` gets the current roster; returning no roster writes nothing. `touching` names the people
   * the change will probably change: they are parsed at once, and everyone else only if they are used.
   * It is a hint for speed; a change may touch anyone.
   */
  async update<T>(command: string, change: (roster: Roster) => Change<T>, touching?: readonly string[]): Promise<T> {
    // Matched as typed: a name typed otherwise than it is stored is only parsed later, when used.
    const named = touching && new Set(touching.map(displayName));
    const conf = await this.#conf(named);
    return this.#locked(() => {
      const { roster, version } = this.#load(true, named);
      const outcome = change(roster);
      if (outcome.roster) {
        const backup = this.#backup({ command, names: outcome.names ?? [] }, version);
        try {
          write(conf, this.path, outcome.roster);
        } catch (error) {
          backup.takeBack(); // the roster was not replaced: no backup of it is needed
          throw error;
        }
        backup.rotate(sealIn(this.path));
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
    this.#load(true); // a roster cx cannot read is for cx doctor to mend, not for undo to overwrite
    if (this.backups().length === 0) return undefined; // and nothing is made (no folder, no lock)
    const conf = await this.#conf();
    return this.#locked(() => {
      this.#load(true); // again, under the lock: another cx may have changed it meanwhile
      const backups = this.backups();
      const last = backups.at(-1);
      if (!last) return undefined;
      const now = this.isSealed() ? sealIn(this.path) : undefined;
      if (last.after !== undefined && !force && now !== last.after) {
        return last.afterForget !== undefined && now === last.afterForget ? { forgotten: last } : { changedSince: last };
      }
      const problem = this.backupProblem(last);
      if (problem) {
        throw new CxError(
          `the version before the last change (${join(this.backupsDir, last.file)}) cannot be read (${problem}); nothing was changed. cx doctor shows the backups that can`,
        );
      }
      write(conf, this.path, readRoster(join(this.backupsDir, last.file)));
      rmSync(join(this.backupsDir, last.file), { force: true });
      this.#saveIndex(backups.slice(0, -1));
      return { undone: last, left: backups.length - 1 };
    });
  }

  /**
   * Removes people (by id) from the roster and from every backup, and their names from the change notes.
   * Returns how many copies it scrubbed, and the copies it could not read or rewrite (which may still
   * hold them).
   */
  async forget(ids: Set<string>, names: string[]): Promise<{ scrubbed: number; unreadable: string[] }> {
    const conf = await this.#conf();
    return this.#locked(() => {
      const { roster } = this.#load(true);
      // What each file rewritten here was sealed as before and after, so that the backups' index can
      // follow (see Backup.after): a seal nothing points to stays as it is.
      const resealed = new Map<string, string | undefined>();
      const rosterSeal = this.isSealed() ? sealIn(this.path) : undefined;
      write(conf, this.path, { people: roster.people.filter((person) => !ids.has(person.id)) });
      let scrubbed = 0;
      const unreadable: string[] = [];
      const backups = this.backups();
      // Every copy cx keeps: the backups (indexed or not) and files that doctor --restore set aside.
      const copies = [
        ...(existsSync(this.backupsDir) ? readdirSync(this.backupsDir) : [])
          .filter((file) => file.startsWith('roster-'))
          .map((file) => join(this.backupsDir, file)),
        ...readdirSync(this.dir)
          .filter((file) => file.startsWith('roster.json.replaced-'))
          .map((file) => join(this.dir, file)),
      ];
      // Copies may be broken in any way (set aside by doctor --restore, say): anything in their list
      // that is one of these people goes, whatever else is wrong with it.
      const theirs = (person: unknown): boolean => isObject(person) && ids.has(person.id as string);
      // A copy cx cannot read may still hold them: it is named to the user, unless it does not even
      // mention their ids or names.
      const mentions = (text: string): boolean =>
        [...ids].some((id) => text.includes(id)) ||
        names.some((name) => text.includes(name) || text.includes(asciiJson(JSON.stringify(name)).slice(1, -1)));
      for (const file of copies) {
        let bytes: Buffer;
        let text: string;
        let data: { version?: unknown; people?: unknown };
        try {
          bytes = readFileSync(file);
          text = bytes.toString('utf8');
        } catch {
          unreadable.push(file);
          continue;
        }
        try {
          data = JSON.parse(text) as typeof data;
        } catch {
          if (mentions(text)) unreadable.push(file);
          continue;
        }
        if (!Array.isArray(data?.people)) {
          if (mentions(text)) unreadable.push(file);
          continue;
        }
        if (!data.people.some(theirs)) continue;
        const version = typeof data.version === 'number' ? data.version : 0;
        const people = data.people.filter((person) => !theirs(person)) as Stakeholder[];
        try {
          // Its seal, when its content still matches it (a file edited by hand may keep a stale one).
          const before = sealedLines(bytes) ? sealIn(file) : undefined;
          // A copy that was never checked (a broken file set aside) is scrubbed, but not sealed.
          writePrivate(file, serializeRoster({ version, people }, { seal: shapeProblem({ people }) === undefined }));
          if (before) resealed.set(before, sealIn(file));
          scrubbed++;
        } catch {
          unreadable.push(file); // not rewritten (permissions, say): it still holds them
        }
      }
      const forgotten = new Set(names);
      this.#saveIndex(
        backups.map((backup, k) => {
          const entry: Backup = { ...backup, names: backup.names.filter((name) => !forgotten.has(name)) };
          // The roster a change wrote was scrubbed with the backup that holds it: its new seal. (A
          // roster edited by hand since keeps a seal nothing was sealed as, and undo still notices.)
          if (entry.after !== undefined && resealed.has(entry.after)) {
            const after = resealed.get(entry.after);
            if (after) entry.after = after;
            else delete entry.after;
          }
          // The last change is followed by this one, which undo cannot take back: it says so.
          if (k === backups.length - 1 && rosterSeal !== undefined && backup.after === rosterSeal) {
            const written = sealIn(this.path);
            if (written) entry.afterForget = written;
          }
          return entry;
        }),
      );
      return { scrubbed, unreadable };
    });
  }

  /**
   * The backups kept, oldest first. Without a readable index (deleted by hand, say), the backup files
   * themselves are listed, in the order their names give (they start with the time they were made).
   */
  backups(): Backup[] {
    try {
      const index = JSON.parse(readFileSync(join(this.backupsDir, 'index.json'), 'utf8')) as Backup[];
      if (Array.isArray(index)) return index.filter((entry) => existsSync(join(this.backupsDir, entry.file)));
    } catch {
      // Listed from the files below.
    }
    if (!existsSync(this.backupsDir)) return [];
    return readdirSync(this.backupsDir)
      .filter((file) => /^roster-.*\.json$/.test(file))
      .sort()
      .map((file) => ({ file, at: statSync(join(this.backupsDir, file)).mtime.toISOString(), command: 'a change', names: [] }));
  }

  /** What is wrong with a backup, or undefined when it holds a roster cx can read. */
  backupProblem(backup: Backup): string | undefined {
    try {
      const data = JSON.parse(readFileSync(join(this.backupsDir, backup.file), 'utf8')) as unknown;
      if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'it is not a JSON object';
      return shapeProblem(data as Record<string, unknown>);
    } catch (error) {
      return (error as Error).message;
    }
  }

  /** Replaces the roster with a backup's content (cx doctor), keeping the file it replaces beside it. */
  async restore(backup: Backup): Promise<string | undefined> {
    return this.#locked(() => {
      let kept: string | undefined;
      if (existsSync(this.path)) {
        kept = `${this.path}.replaced-${stamp()}`;
        renameSync(this.path, kept);
      }
      writePrivate(
        this.path,
        serializeRoster({ version: ROSTER_VERSION, people: readRoster(join(this.backupsDir, backup.file)).people }),
      );
      // The roster is now as it was before that change: the change, and any after it, are taken back,
      // as undo would (their own backups, broken or not, stay in the folder).
      const backups = this.backups();
      const at = backups.findIndex((entry) => entry.file === backup.file);
      if (at >= 0) {
        rmSync(join(this.backupsDir, backup.file), { force: true });
        this.#saveIndex(backups.slice(0, at));
      }
      return kept;
    });
  }

  async #locked<T>(work: () => T): Promise<T> {
    try {
      // The roster is a list of opinions about colleagues: the folder is the user's alone from the start.
      makeFolder(this.dir);
    } catch (error) {
      throw storeError(this.path, error);
    }
    const { default: lockfile } = await import('proper-lockfile'); // CommonJS: its API is the default export
    const lockPath = join(this.dir, 'roster.lock');
    let compromised: Error | undefined;
    const options = {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_LOCK_MS,
      update: STALE_LOCK_MS / 2,
      onCompromised: (error: Error) => {
        compromised = error;
      },
    };
    let release: () => unknown;
    try {
      try {
        // Most often no other cx is writing: taken at once, without waiting on the thread pool.
        release = lockfile.lockSync(this.dir, options);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
        release = await lockfile.lock(this.dir, {
          ...options,
          retries: { retries: 1000, factor: 1.2, minTimeout: 10, maxTimeout: 250, randomize: true, maxRetryTime: lockWaitMs() },
        });
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
        throw new CxError(
          `the roster is in use by another cx command and stayed locked too long; try again. If no cx is running, the lock (${lockPath}) clears itself within ${STALE_LOCK_MS / 1000} seconds`,
        );
      }
      throw storeError(lockPath, error);
    }
    try {
      const result = work();
      if (compromised)
        throw new CxError(`lost the lock on the roster while writing (${compromised.message}); check it with cx doctor`);
      return result;
    } finally {
      try {
        await release();
      } catch {
        // Released already, or taken over as stale: nothing of ours is left to undo.
      }
    }
  }

  /**
   * Keeps the current file in backups/, before a change replaces it. Once the change is written,
   * `rotate` lets the oldest backups go (the newest BACKUPS_KEPT stay); should it fail, `takeBack`
   * removes the new backup and leaves the others as they were.
   */
  #backup(note: ChangeNote, version: number): { rotate: (after: string | undefined) => void; takeBack: () => void } {
    if (!existsSync(this.path)) return { rotate: () => undefined, takeBack: () => undefined };
    makeFolder(this.backupsDir);
    const at = new Date().toISOString();
    const file = `roster-${stamp()}${version < ROSTER_VERSION ? `-format${version}` : ''}.json`;
    const earlier = this.backups(); // before the new file is there, which an index-less listing would count
    keepPrivate(this.path, join(this.backupsDir, file));
    const backups = [...earlier, { file, at, ...note }];
    this.#saveIndex(backups);
    return {
      rotate: (after) => {
        if (after) backups[backups.length - 1] = { file, at, ...note, after };
        for (const old of backups.slice(0, -BACKUPS_KEPT)) rmSync(join(this.backupsDir, old.file), { force: true });
        this.#saveIndex(backups.slice(-BACKUPS_KEPT));
      },
      takeBack: () => {
        rmSync(join(this.backupsDir, file), { force: true });
        this.#saveIndex(earlier);
      },
    };
  }

  #saveIndex(backups: Backup[]): void {
    makeFolder(this.backupsDir);
    writePrivate(join(this.backupsDir, 'index.json'), `${JSON.stringify(backups, null, 2)}\n`);
  }

  /** Files in backups/ that the index does not know (left by a crash between two steps). */
  strayBackups(): string[] {
    if (!existsSync(this.backupsDir)) return [];
    const known = new Set(this.backups().map((backup) => backup.file));
    return readdirSync(this.backupsDir).filter((file) => file.startsWith('roster-') && !known.has(file));
  }
}

/**
 * Creates a folder and its missing parents, private to the user. Node's recursive mkdir can loop for
 * ever where a parent refuses new folders (under /proc, say), so each level is made one at a time.
 */
export function makeFolder(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeFolder(parent);
  mkdirSync(dir, { mode: 0o700 });
}

/** Saves a roster through conf (atomic, private), at the current format version. */
function write(conf: Conf<RosterFile>, path: string, roster: Roster): void {
  try {
    // conf reads and parses the whole file again before each write, to carry over its own
    // "__internal__" data, unless the new value already has that key. cx keeps none (serializeRoster
    // writes only the version and the people), so an empty one spares a large roster that second parse.
    conf.store = { version: ROSTER_VERSION, people: roster.people, __internal__: {} } as RosterFile;
  } catch (error) {
    throw new CxError(`could not save the roster to ${path}: ${(error as Error).message}`);
  }
}

/** The people of a roster file written by cx (a backup, say). */
function readRoster(path: string): Roster {
  return { people: (JSON.parse(readFileSync(path, 'utf8')) as RosterFile).people };
}

/** The seal in the first line of a roster file (not checked against its content), if it has one. */
function sealIn(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const start = Buffer.alloc(160);
    return sealNamed(start.subarray(0, readSync(fd, start, 0, start.length, 0)));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

let counter = 0;
/** A sortable, file-name-safe time stamp, unique within this process. */
const stamp = (): string => `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${counter++}`;

/**
 * Keeps a file under a second name, readable by its owner only, through a temporary name renamed into
 * place. The roster is only ever replaced by renaming a new file over it, never rewritten in place, so
 * the backup can be a second link to the same bytes: nothing to copy. Where conf may write in place
 * (as a Snap package, or on Windows when a rename fails) or links are refused, the bytes are copied.
 */
function keepPrivate(from: string, to: string): void {
  const temporary = `${to}.${process.pid}.tmp`;
  try {
    try {
      if (io().env.SNAP || process.platform === 'win32') throw new Error('copy instead');
      // A roster that is a symbolic link is replaced where it points (conf writes to the real path):
      // the backup links that file, not the symbolic link.
      linkSync(realpathSync(from), temporary);
    } catch {
      rmSync(temporary, { force: true });
      copyFileSync(from, temporary);
    }
    chmodSync(temporary, 0o600);
    renameSync(temporary, to);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes a file readable by its owner only, through a temporary file renamed over it. */
export function writePrivate(path: string, data: string | Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Where in a text an offset falls, counting from line 1, column 1. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Finds where a JSON text is broken, with a parser that reports positions (Node's does not always). */
async function brokenAt(path: string): Promise<string | undefined> {
  try {
    const text = readFileSync(path, 'utf8');
    // Loaded only here, on the error path.
    const { parse } = await import('jsonc-parser');
    const errors: import('jsonc-parser').ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    return first ? lineAndColumn(text, first.offset) : undefined;
  } catch {
    return undefined;
  }
}

function storeError(path: string, error: unknown): CxError {
  if (error instanceof CxError) return error;
  if (error instanceof SyntaxError) {
    const message = (where?: string) =>
      `the roster ${path} is not valid JSON${where ? ` at ${where}` : ''} (${error.message.split('\n')[0]}); it was left untouched: fix it by hand, or run cx doctor to restore a backup`;
    return new CxError(message(), 1, async () => message(await brokenAt(path)));
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return new CxError(`cannot use the roster at ${path}: permission denied`);
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR') {
    const problem = pathProblem(path);
    if (problem) return new CxError(`cannot use the roster at ${path}: ${problem}`);
  }
  return new CxError(`cannot use the roster at ${path}: ${(error as Error).message}`);
}

/** Whether a path is a folder (false when it is missing, or below a file). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * What stands in the way of a file cx keeps (the roster, say), in words that say what to do: a folder
 * where the file should be, or a file where one of the folders above it should be. Undefined when
 * neither is the case.
 */
export function pathProblem(path: string): string | undefined {
  if (isFolder(path)) return 'it is a folder, not a file; move it out of the way (cx keeps the roster in a file of that name)';
  for (let folder = dirname(path); folder !== dirname(folder); folder = dirname(folder)) {
    if (!existsSync(folder) || isFolder(folder)) continue; // missing (or below a file), or as it should be
    const fix = io().env.CX_CONFIG_DIR ? 'set CX_CONFIG_DIR to a folder, or move that file away' : 'move that file away';
    return `${folder} is a file, not a folder; ${fix}`;
  }
  return undefined;
}

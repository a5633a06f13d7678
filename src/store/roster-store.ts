// The roster on disk: one JSON file kept with conf, in the user's config folder (CX_CONFIG_DIR moves it).
// This module is the only one that reads or writes it. Writes go through conf, which writes atomically
// (a temporary file renamed over the old one), so a crash leaves the old roster or the new one.

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
import type { Roster, Stakeholder } from '../domain/model.js';
import { isDisposition, isStage } from '../domain/model.js';
import { CxError } from '../errors.js';

/** The version of the file's shape; bumped (with a migration) whenever the shape changes. */
export const ROSTER_VERSION = 1;

interface RosterFile {
  version: number;
  people: Stakeholder[];
}

/** The folder the roster lives in: CX_CONFIG_DIR when set, otherwise the per-user config folder. */
export function rosterDir(): string {
  const fromEnv = process.env.CX_CONFIG_DIR;
  return fromEnv && fromEnv.trim() !== '' ? resolve(fromEnv) : envPaths('cx', { suffix: '' }).config;
}

export const rosterPath = (): string => join(rosterDir(), 'roster.json');

export class RosterStore {
  readonly path: string;
  readonly #conf: Conf<RosterFile>;

  private constructor(conf: Conf<RosterFile>) {
    this.#conf = conf;
    this.path = conf.path;
  }

  static open(): RosterStore {
    const dir = rosterDir();
    try {
      // The roster is a list of opinions about colleagues: the folder is the user's alone from the start.
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      return new RosterStore(
        new Conf<RosterFile>({
          cwd: dir,
          configName: 'roster',
          configFileMode: 0o600,
          // Names are data, never key paths: "j.smith" must not become { j: { smith } }.
          accessPropertiesByDotNotation: false,
          // A broken file is the user's data: report it, never wipe it.
          clearInvalidConfig: false,
        }),
      );
    } catch (error) {
      throw storeError(join(dir, 'roster.json'), error);
    }
  }

  read(): Roster {
    let data: Partial<RosterFile>;
    try {
      data = this.#conf.store;
    } catch (error) {
      throw storeError(this.path, error);
    }
    if (Object.keys(data).length === 0) return { people: [] };
    const problem = shapeProblem(data);
    if (problem) {
      throw new CxError(`the roster file ${this.path} is not in the shape cx expects (${problem}); it was left untouched: fix it by hand or move it away`);
    }
    return { people: data.people as Stakeholder[] };
  }

  write(roster: Roster): void {
    try {
      this.#conf.store = { version: ROSTER_VERSION, people: roster.people };
    } catch (error) {
      throw new CxError(`could not save the roster to ${this.path}: ${(error as Error).message}`);
    }
  }
}

function storeError(path: string, error: unknown): CxError {
  if (error instanceof SyntaxError) {
    return new CxError(`the roster file ${path} is not valid JSON (${error.message}); it was left untouched: fix it by hand or move it away`);
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return new CxError(`cannot open the roster at ${path}: permission denied`);
  if (code === 'ENOTDIR' || code === 'EEXIST') return new CxError(`cannot use ${path}: a part of that path is not a folder`);
  if (error instanceof CxError) return error;
  return new CxError(`cannot open the roster at ${path}: ${(error as Error).message}`);
}

/** What is wrong with the file's shape, in a few words; undefined when it is sound. */
function shapeProblem(data: Partial<RosterFile>): string | undefined {
  if (typeof data.version === 'number' && data.version > ROSTER_VERSION) {
    return `it was written by a newer cx (format ${data.version}); upgrade cx to read it`;
  }
  if (!Array.isArray(data.people)) return '"people" is not a list';
  for (const [index, person] of data.people.entries()) {
    const where = `person ${index + 1}`;
    if (typeof person !== 'object' || person === null) return `${where} is not an object`;
    if (typeof person.id !== 'string' || typeof person.name !== 'string') return `${where} has no id or name`;
    if (person.stage !== null && !isStage(person.stage)) return `${where} has an unknown stage`;
    if (person.disposition !== null && !isDisposition(person.disposition)) return `${where} has an unknown disposition`;
    if (!Array.isArray(person.history) || !Array.isArray(person.reasons)) return `${where} has no history or reasons list`;
  }
  return undefined;
}

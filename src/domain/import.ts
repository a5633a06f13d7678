// Bulk data in and out: rows from CSV or JSON checked into updates, and the roster written back out.
// Pure: text in, values out (the CSV library does no I/O here).

import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { ReasonId, Roster, Stakeholder } from './model.js';
import { RECORD_KEYS, orderedRecord } from './model.js';
import { jsonArrayPieces, jsonProblem, jsonText } from './json.js';
import {
  CONFIDENCES,
  foldId,
  isChangeSource,
  parseDisposition,
  parseInfluence,
  parseReason,
  parseStage,
  DISPOSITIONS,
  INFLUENCES,
  REASONS,
  STAGES,
} from './model.js';
import { compareKeys, displayName, nameKey, nameProblem, sortByName } from './names.js';
import { personProblem, textProblem } from './records.js';
import { type FieldUpdate, RosterIndex, applyUpdate, changesBetween, newPerson, withFields } from './roster.js';
import type { FieldChange } from './model.js';

export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The columns an import understands: a person's fields; the last ones come from `cx export` and restore people exactly. */
export const COLUMNS = RECORD_KEYS;
type Column = (typeof COLUMNS)[number];

const ALIASES: Record<string, Column> = { reason: 'reasons', note: 'notes', fullname: 'name', person: 'name' };
const fold = foldId;
const COLUMN_BY_FOLDED = new Map<string, Column>([
  ...COLUMNS.map((column) => [fold(column), column] as [string, Column]),
  ...Object.entries(ALIASES),
]);

export interface ImportRow {
  /** Where the row is: "line 4" (CSV, JSON lines) or "item 2" (a JSON array). */
  where: string;
  name: string;
  update: FieldUpdate;
  /** A whole record from `cx export`, put back as it was when the person is not in the roster yet. */
  record?: Stakeholder;
  /**
   * Why the name could not be given to someone new (see nameProblem): the row may still update a
   * person already saved under it (by hand, or by an older cx), and is refused only if it would add one.
   */
  newNameProblem?: string;
}

export interface ImportProblem {
  where: string;
  message: string;
  /** Set when the file as a whole cannot be read (empty, not CSV or JSON, no name column): no row was checked. */
  whole?: true;
}

export interface ParsedImport {
  format: ImportFormat;
  rows: ImportRow[];
  problems: ImportProblem[];
  unknownColumns: string[];
}

/** JSON when the text starts with [ or {, CSV otherwise. */
export function detectFormat(text: string): ImportFormat {
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

/** Reads and checks every row; the caller changes nothing unless `problems` is empty. */
export function parseImport(text: string, format: ImportFormat = detectFormat(text), { lines = false } = {}): ParsedImport {
  if (format === 'json') return checkRows(format, jsonRows(text));
  // Where each CSV row starts is worth working out only to report a problem: a file without any is
  // read once, quickly, and one with problems a second time, to say where they are. (`lines` asks for
  // them at once: for problems found later, against the roster.)
  const quick = checkRows(format, csvRows(text, lines));
  return quick.problems.length === 0 || lines ? quick : checkRows(format, csvRows(text, true));
}

function checkRows(format: ImportFormat, raw: RawRows): ParsedImport {
  const problems: ImportProblem[] = [...raw.problems];
  const rows: ImportRow[] = [];
  const seen = new Map<string, string>();
  for (const { where, values, problem } of raw.rows) {
    const checked = problem ?? checkRow(values);
    if (typeof checked === 'string') {
      problems.push({ where, message: checked });
      continue;
    }
    const key = nameKey(checked.name);
    const first = seen.get(key);
    if (first) {
      problems.push({ where, message: `"${displayName(checked.name)}" is already on ${first}; give each person one row` });
      continue;
    }
    seen.set(key, where);
    rows.push({ where, ...checked });
  }
  return { format, rows, problems, unknownColumns: raw.unknownColumns };
}

type Values = Partial<Record<Column, unknown>>;

interface RawRows {
  rows: { where: string; values: Values; problem?: string }[];
  problems: ImportProblem[];
  unknownColumns: string[];
}

const nothing = (where: string, message: string): RawRows => ({
  rows: [],
  problems: [{ where, message, whole: true }],
  unknownColumns: [],
});

/**
 * What a spreadsheet would run as a formula when a cell starts with it (=HYPERLINK(...), say): such
 * cells are exported behind an apostrophe, as spreadsheets mark text, and an import takes one off
 * again. A value that itself starts with apostrophes before such a character gets one more, so that
 * every value comes back as it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const FORMULA_GUARDED = /^'+[=+\-@\t\r]/;

const APOSTROPHE = 0x27;

/** The rows of a CSV text; `where` says which line each starts on when `lines` is set ("row N" otherwise). */
function csvRows(text: string, lines: boolean): RawRows {
  let records: { record: string[]; info?: { bytes: number } }[];
  try {
    const options = { bom: true, relax_column_count: true, skip_empty_lines: true };
    records = lines
      ? (parse(text, { ...options, info: true }) as unknown as typeof records)
      : (parse(text, options) as string[][]).map((record) => ({ record }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return nothing(line ? `line ${line}` : 'the file', `not readable as CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header) return nothing('the file', 'it is empty');
  const titles = header.record;
  const columns = titles.map((title) => COLUMN_BY_FOLDED.get(fold(title)));
  const unknownColumns = titles.filter((_, index) => columns[index] === undefined).map((title) => title.trim());
  if (!columns.includes('name')) return nothing('line 1', 'the header row has no "name" column');
  // Two columns for one field would leave it to their order which one counts.
  const twice = columns.findIndex((column, index) => column !== undefined && columns.indexOf(column) !== index);
  if (twice >= 0) {
    const column = columns[twice] as Column;
    const first = columns.indexOf(column);
    const titled = (index: number) => `"${(titles[index] as string).trim()}" (column ${index + 1})`;
    return nothing('line 1', `the header row has two columns for ${column}: ${titled(first)} and ${titled(twice)}; keep one`);
  }
  const lineOf = lines ? lineCounter(text, header.info?.bytes ?? 0) : undefined;
  const rows: RawRows['rows'] = [];
  for (const [index, { record, info }] of body.entries()) {
    const where = lineOf ? `line ${lineOf(info?.bytes ?? 0)}` : `row ${index + 1}`;
    if (record.every((cell) => cell.trim() === '')) continue;
    const values: Values = {};
    let extra = false;
    for (let index = 0; index < record.length; index++) {
      let cell = record[index] as string;
      if (cell.trim() === '') continue;
      if (cell.charCodeAt(0) === APOSTROPHE && FORMULA_GUARDED.test(cell)) cell = cell.slice(1);
      const column = columns[index];
      // A cell typed over several lines in a spreadsheet keeps plain line ends.
      if (column) values[column] = cell.includes('\r') ? cell.replace(/\r\n?/g, '\n') : cell;
      else if (index >= titles.length) extra = true;
    }
    const problem = extra
      ? `has ${record.length} cells but the header has ${titles.length} (a comma inside a cell needs quotes)`
      : undefined;
    rows.push({ where, values, ...(problem ? { problem } : {}) });
  }
  return { rows, problems: [], unknownColumns };
}

/**
 * Line numbers for CSV records, from the byte offset where each one ends (the parser's own line count
 * goes wrong with CRLF inside quoted cells). Call it with each record's end, in order; it returns the
 * line the record starts on, past any blank lines before it.
 */
function lineCounter(text: string, firstEnd: number): (end: number) => number {
  const bytes = Buffer.from(text);
  const NEWLINE = 0x0a;
  const RETURN = 0x0d;
  let position = 0;
  let line = 1;
  const advance = (to: number) => {
    for (; position < to; position++) if (bytes[position] === NEWLINE) line++;
  };
  advance(firstEnd);
  return (end) => {
    while (position < end && (bytes[position] === NEWLINE || bytes[position] === RETURN)) advance(position + 1);
    const start = line;
    advance(end);
    return start;
  };
}

/** The file read as one JSON object, or undefined when it is not one (JSON lines, say). */
function whole(body: string): unknown {
  if (!body.trim().startsWith('{')) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonRows(text: string): RawRows {
  const body = text.replace(/^\uFEFF/, '');
  let items: { where: string; value: unknown }[] = [];
  const single = whole(body);
  if (body.trim().startsWith('[')) {
    let parsed: unknown[];
    try {
      parsed = JSON.parse(body) as unknown[];
    } catch (error) {
      return nothing('the file', `not valid JSON: ${jsonProblem(error, body)}`);
    }
    items = parsed.map((value, index) => ({ where: `item ${index + 1}`, value }));
  } else if (single !== undefined) {
    // One object over many lines: one person (cx show --json), or a roster file with its list of people.
    const people = isRecord(single) && Array.isArray(single.people) ? (single.people as unknown[]) : undefined;
    items = people
      ? people.map((person, index) => ({ where: `person ${index + 1}`, value: person }))
      : [{ where: 'the file', value: single }];
  } else {
    // One object per line (JSON lines).
    const lines = body.split('\n');
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue;
      try {
        items.push({ where: `line ${index + 1}`, value: JSON.parse(line) });
      } catch (error) {
        return nothing(`line ${index + 1}`, `not valid JSON: ${(error as Error).message}`);
      }
    }
  }
  const unknown = new Set<string>();
  const rows: RawRows['rows'] = items.map(({ where, value }) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { where, values: {}, problem: 'each person must be a JSON object such as {"name": "Dana Lee", "stage": "buy-in"}' };
    }
    const values: Values = {};
    for (const [key, entry] of Object.entries(value)) {
      const column = COLUMN_BY_FOLDED.get(fold(key));
      if (column === undefined) unknown.add(key);
      else values[column] = entry;
    }
    return { where, values };
  });
  // What `cx show --json` adds beside the record is advice, not data: not an unknown column.
  for (const derived of ['tactics', 'nextSignals', 'nextStep']) unknown.delete(derived);
  return { rows, problems: [], unknownColumns: [...unknown] };
}

const list = (values: readonly string[]): string => values.join(', ');

class RowError extends Error {}
const fail = (message: string): never => {
  throw new RowError(message);
};

/** One row's values checked into an update; a message saying what is wrong otherwise. */
function checkRow(values: Values): Omit<ImportRow, 'where'> | string {
  const name = values.name;
  if (typeof name !== 'string') return name === undefined ? 'has no name' : 'the name must be text';
  if (name.trim() === '') return 'has no name';
  const newNameProblem = nameProblem(name);
  // Every problem of the row is reported, not just the first.
  const problems: string[] = [];
  const text = (column: Column): string | null | undefined => {
    const value = values[column];
    if (value === undefined || value === null) return value;
    if (typeof value !== 'string' && typeof value !== 'number') {
      problems.push(`"${column}" must be text`);
      return undefined;
    }
    return String(value).trim();
  };
  /** The value read, or undefined after noting the problem (worded only then: most rows have none). */
  const read = <T>(value: T | undefined, problem: () => string): T | undefined => {
    if (value === undefined) problems.push(problem());
    return value;
  };
  const update: FieldUpdate = {};
  const stage = text('stage');
  if (stage) {
    const id = read(parseStage(stage), () => `unknown stage "${stage}"; use one of ${list(STAGES)} (or 1-5)`);
    if (id) update.stage = id;
  }
  const target = text('target');
  if (target === null) update.target = null;
  else if (target) {
    const id = read(parseStage(target), () => `unknown target stage "${target}"; use one of ${list(STAGES)} (or 1-5)`);
    if (id) update.target = id;
  }
  const disposition = text('disposition');
  if (disposition) {
    const id = read(
      parseDisposition(disposition),
      () => `unknown disposition "${disposition}"; use one of ${list(DISPOSITIONS)}`,
    );
    if (id) update.disposition = id;
  }
  const reasons = values.reasons;
  if (reasons !== undefined && reasons !== null) {
    const items = (Array.isArray(reasons) ? reasons : String(reasons).split(/[;,|]/)).map((item) => String(item).trim());
    const ids = items
      .filter(Boolean)
      .map((item) => read(parseReason(item), () => `unknown reason "${item}"; use ${list(REASONS)}`));
    update.reasons = [...new Set(ids.filter((id): id is ReasonId => id !== undefined))];
  }
  for (const column of ['role', 'team', 'notes'] as const) {
    const value = text(column);
    const problem = value ? textProblem(`"${column}"`, value) : undefined;
    if (problem) problems.push(problem);
    else if (value !== undefined) update[column] = value === '' ? null : value;
  }
  const influence = text('influence');
  if (influence === null) update.influence = null;
  else if (influence) {
    const level = read(parseInfluence(influence), () => `unknown influence "${influence}"; use ${list(INFLUENCES)}`);
    if (level) update.influence = level;
  }
  try {
    const record = exportedRecord(values, name);
    if (problems.length > 0) return problems.join('; ');
    return { name, update, ...(record ? { record } : {}), ...(newNameProblem ? { newNameProblem } : {}) };
  } catch (error) {
    if (error instanceof RowError) return [...problems, error.message].join('; ');
    throw error;
  }
}

/**
 * The parts of a record that only `cx export` writes (id, timestamps, assessment, history), checked;
 * undefined for a plain row. With them, an export imported into an empty roster restores it exactly.
 */
function exportedRecord(values: Values, name: string): Stakeholder | undefined {
  if (values.id === undefined || values.history === undefined) return undefined;
  const json = (column: 'history' | 'assessment' | 'log'): unknown => {
    const value = values[column];
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch {
      return fail(`"${column}" is not valid JSON`);
    }
  };
  const history = json('history');
  const assessment = values.assessment === undefined ? undefined : json('assessment');
  const log = values.log === undefined ? undefined : json('log');
  if (!Array.isArray(history)) fail('"history" must be a list of changes');
  if (log !== undefined && !Array.isArray(log)) fail('"log" must be a list of entries');
  if (assessment !== undefined && (typeof assessment !== 'object' || assessment === null)) fail('"assessment" must be an object');
  const { confidence, stageSource } = values;
  if (confidence !== undefined && confidence !== null && !CONFIDENCES.includes(confidence as never)) {
    fail(`unknown confidence "${String(confidence)}"`);
  }
  if (stageSource !== undefined && !isChangeSource(stageSource)) {
    fail(`unknown stageSource "${String(stageSource)}"`);
  }
  for (const column of ['id', 'createdAt', 'updatedAt'] as const) {
    if (typeof values[column] !== 'string') fail(`"${column}" must be text`);
  }
  const record: Stakeholder = {
    id: values.id as string,
    name: displayName(name),
    stage: null,
    disposition: null,
    reasons: [],
    confidence: (confidence as Stakeholder['confidence']) ?? null,
    ...(stageSource ? { stageSource: stageSource as Stakeholder['stageSource'] } : {}),
    ...(assessment ? { assessment: assessment as Stakeholder['assessment'] } : {}),
    createdAt: values.createdAt as string,
    updatedAt: values.updatedAt as string,
    history: history as Stakeholder['history'],
    ...(log ? { log: log as Stakeholder['log'] } : {}),
  };
  // The history, assessment and log are taken as they are: they must be as cx itself writes them.
  const problem = personProblem(record);
  if (problem) fail(`the exported record ${problem}`);
  return record;
}

export type Outcome = 'added' | 'updated' | 'unchanged';

export interface RowOutcome {
  name: string;
  outcome: Outcome;
  changes: FieldChange[];
}

/**
 * Applies checked rows to the roster: adds new people, updates known ones, and says what happened to
 * each. `problems` lists the rows that would add someone under a name a new person cannot have: the
 * caller changes nothing unless it is empty.
 */
export function applyImport(
  roster: Roster,
  rows: readonly ImportRow[],
  at: Date,
  newId: () => string,
): { roster: Roster; outcomes: RowOutcome[]; problems: ImportProblem[] } {
  const index = new RosterIndex(roster);
  const replaced = new Map<Stakeholder, Stakeholder>();
  const added: Stakeholder[] = [];
  const outcomes: RowOutcome[] = [];
  const problems: ImportProblem[] = [];
  // Whose each id is: rm and forget act on an id, so a new person cannot take someone else's.
  let owners: Map<string, string> | undefined;
  for (const row of rows) {
    const known = index.find(row.name);
    if (!known && row.newNameProblem) {
      problems.push({ where: row.where, message: row.newNameProblem });
      continue;
    }
    const id = !known && row.record ? row.record.id : undefined;
    if (id !== undefined) {
      owners ??= new Map(roster.people.map((person) => [person.id, person.name]));
      const owner = owners.get(id);
      if (owner !== undefined) {
        problems.push({
          where: row.where,
          message: `its id "${id}" is ${owner}'s already; leave "id" out to add ${displayName(row.name)} as someone new`,
        });
        continue;
      }
      owners.set(id, displayName(row.name));
    }
    if (!known) {
      const person = row.record
        ? restore({ ...row, record: row.record })
        : applyUpdate(newPerson(row.name, newId(), at), row.update, 'import', at, true);
      added.push(person);
      outcomes.push({
        name: person.name,
        outcome: 'added',
        changes: row.record ? changesBetween({}, person) : lastChanges(person),
      });
      continue;
    }
    const updated = applyUpdate(known, row.update, 'import', at);
    if (updated !== known) replaced.set(known, updated);
    outcomes.push({
      name: known.name,
      outcome: updated === known ? 'unchanged' : 'updated',
      changes: updated === known ? [] : lastChanges(updated),
    });
  }
  const people = [...roster.people.map((person) => replaced.get(person) ?? person), ...added];
  return { roster: { ...roster, people }, outcomes, problems };
}

/** What the history entry applyUpdate just added says changed. */
const lastChanges = (person: Stakeholder): FieldChange[] => person.history.at(-1)?.changes ?? [];

/** An exported record put back as it was: its plain columns set, no history entry added. */
function restore(row: ImportRow & { record: Stakeholder }): Stakeholder {
  const person = withFields(row.record, row.update, 'import');
  if (row.record.stageSource) person.stageSource = row.record.stageSource;
  else delete person.stageSource;
  return person;
}

/** People sorted by name (then id), for exports that stay stable as the roster changes. */
export const sortedPeople = (roster: Roster): Stakeholder[] =>
  sortByName(
    [...roster.people].sort((a, b) => compareKeys(a.id, b.id)),
    (person) => person.name,
  );

export function exportJson(roster: Roster): string {
  return [...jsonArrayPieces(sortedPeople(roster), orderedRecord)].join('');
}

/**
 * A cell's text with control characters made harmless where the file is shown (a terminal, a
 * spreadsheet): a carriage return becomes a plain line end (as import reads one), and the others but
 * tab and line end (ESC, which starts terminal sequences, and DEL and the C1 controls) are written as
 * `\x1b`, the way cx shows them. Such a text imports back as written, not as it was: JSON keeps it.
 * (The JSON cells, history and the like, escape them as JSON does, and import back exactly.)
 */
function csvText(text: string): string {
  if (!/[\p{Cc}]/u.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\t\n])\p{Cc}/gu, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function exportCsv(roster: Roster): string {
  const rows = sortedPeople(roster).map((person) =>
    COLUMNS.map((column) => {
      const value = (person as unknown as Record<string, unknown>)[column];
      if (value === undefined || value === null) return '';
      const text = csvText(
        column === 'reasons' ? (value as string[]).join('; ') : typeof value === 'object' ? jsonText(value) : String(value),
      );
      return FORMULA_START.test(text) ? `'${text}` : text;
    }),
  );
  return stringify([[...COLUMNS], ...rows]);
}

// What a sound roster record is: the check every roster file passes when cx reads it, and that every
// record passes before cx writes it (an imported one, say). Pure.

import { isUtf8 } from 'node:buffer';
import { CONFIDENCES, isChangeSource, isDisposition, isInfluence, isOutcome, isReason, isStage, isTactic } from './model.js';
import { nameKey } from './names.js';

/** What is wrong with the file's shape, in a few words; undefined when it is sound. */
export function shapeProblem(data: Record<string, unknown>): string | undefined {
  const people = data.people;
  if (!Array.isArray(people)) return '"people" is not a list';
  // Runs on every read of every person: plain loops, and words only for the first problem found.
  const named = new Map<string, number>();
  const ids = new Map<string, number>();
  for (let index = 0; index < people.length; index++) {
    const person: unknown = people[index];
    const problem = personProblem(person);
    if (problem) {
      const name = isObject(person) && isText(person.name) ? ` (${person.name})` : '';
      return `person ${index + 1}${name} ${problem}`;
    }
    // Names are matched as nameKey compares them: two people one name could not be told apart.
    const { name, id } = person as { name: string; id: string };
    // rm and forget act on an id: two people with one would both go.
    const twin = ids.get(id);
    if (twin !== undefined)
      return `person ${index + 1} (${name}) has the same id as person ${twin + 1} (${(people[twin] as { name: string }).name})`;
    ids.set(id, index);
    const key = nameKey(name);
    const first = named.get(key);
    if (first !== undefined)
      return `person ${index + 1} (${name}) has the same name as person ${first + 1} (${(people[first] as { name: string }).name})`;
    named.set(key, index);
  }
  return undefined;
}

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * A time as cx writes one (an ISO 8601 date and time), or as one may be typed by hand (a day, a zone):
 * each part in its range, so that every one is a date (a regular expression alone: it runs on every
 * time of every record on every read).
 */
const TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;
export const isTime = (value: unknown): value is string => isText(value) && TIME.test(value);
const isDay = (value: unknown): value is string => isTime(value) && value.length === 10;
/** An id: plain text of a sensible length (cx makes UUIDs). */
const isId = (value: unknown): boolean => isText(value) && value.trim() !== '' && value.length <= 200 && !/\p{Cc}/u.test(value);
/** A JSON object: not null, not a list. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function historyEntryOk(entry: unknown): boolean {
  if (!isObject(entry) || !isText(entry.at) || !isText(entry.source) || !Array.isArray(entry.changes)) return false;
  for (const change of entry.changes) if (!isObject(change) || !isText(change.field)) return false;
  return true;
}

const logEntryOk = (entry: unknown): boolean =>
  isObject(entry) &&
  isText(entry.on) &&
  isText(entry.text) &&
  (entry.tactic === undefined || isTactic(entry.tactic)) &&
  (entry.outcome === undefined || isOutcome(entry.outcome)) &&
  (entry.at === undefined || isText(entry.at)) &&
  (entry.until === undefined || isText(entry.until));

/** What is wrong with one person's record, in a few words; undefined when it is sound. */
export function personProblem(person: unknown): string | undefined {
  if (!isObject(person)) return 'is not an object';
  const p = person;
  if (!isText(p.id) || !isText(p.name)) return 'has no id or name';
  if (p.stage !== null && !isStage(p.stage)) return 'has an unknown stage';
  if (p.disposition !== null && !isDisposition(p.disposition)) return 'has an unknown disposition';
  if (!Array.isArray(p.history) || !Array.isArray(p.reasons)) return 'has no history or reasons list';
  for (const reason of p.reasons) if (!isReason(reason)) return 'has an unknown reason';
  if (p.confidence !== null && !CONFIDENCES.includes(p.confidence as never)) return 'has an unknown confidence';
  if (!isText(p.createdAt) || !isText(p.updatedAt)) return 'has no createdAt or updatedAt time';
  if (p.role !== undefined && !isText(p.role)) return 'has a role that is not text';
  if (p.team !== undefined && !isText(p.team)) return 'has a team that is not text';
  if (p.notes !== undefined && !isText(p.notes)) return 'has a notes that is not text';
  if (p.influence !== undefined && !isInfluence(p.influence)) return 'has an unknown influence';
  if (p.stageSource !== undefined && !isChangeSource(p.stageSource)) return 'has an unknown stageSource';
  if (p.target !== undefined && !isStage(p.target)) return 'has an unknown target stage';
  for (const entry of p.history) if (!historyEntryOk(entry)) return 'has a history entry without a time, source or changes';
  const assessment = p.assessment;
  if (assessment !== undefined) {
    if (!isObject(assessment) || !isText(assessment.at) || !isObject(assessment.answers) || !isStage(assessment.stage)) {
      return 'has an assessment without a time, answers or stage';
    }
    if (!isDisposition(assessment.disposition) || !Array.isArray(assessment.reasons) || !assessment.reasons.every(isReason)) {
      return 'has an assessment with an unknown disposition or reason';
    }
  }
  if (p.log !== undefined) {
    if (!Array.isArray(p.log)) return 'has a log entry without a day or text';
    for (const entry of p.log) if (!logEntryOk(entry)) return 'has a log entry without a day or text';
  }
  return idOrTimeProblem(p) ?? limitProblem(p);
}

/** The longest text a record may hold (a note, a role, a log entry): a few pages. */
export const MAX_TEXT = 10_000;
/** How deep values may nest in a record (cx's own go 6 deep): deeper ones break JSON.stringify. */
export const MAX_DEPTH = 32;

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Why a text typed or imported cannot be kept (too long, or not UTF-8 on the way in); undefined when
 * it can. `what` names it: "--note", "notes".
 */
export function textProblem(what: string, text: string): string | undefined {
  if (text.length > MAX_TEXT) return `${what} is ${count(text.length)} characters long; it can be at most ${count(MAX_TEXT)}`;
  // U+FFFD is what bytes that were not UTF-8 became on the way in (a file or terminal in another encoding).
  if (text.includes('\uFFFD'))
    return `${what} holds "\uFFFD": its text was not UTF-8 (save the file, or set the terminal, as UTF-8)`;
  return undefined;
}

/** The line on which bytes stop being UTF-8 text, or undefined when they are UTF-8 throughout. */
export function notUtf8Line(bytes: Buffer): number | undefined {
  if (isUtf8(bytes)) return undefined;
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop))) return line;
    start = stop + 1;
  }
  return line;
}

/** What is wrong with a record's id or its times (each one must be a time: days are counted from them). */
function idOrTimeProblem(p: Record<string, unknown>): string | undefined {
  if (!isId(p.id)) return 'has an id that is empty, longer than 200 characters or holds control characters';
  const quoted = (value: unknown) => JSON.stringify(String(value).slice(0, 40));
  for (const key of ['createdAt', 'updatedAt'] as const)
    if (!isTime(p[key])) return `has ${key === 'updatedAt' ? 'an' : 'a'} ${key} that is not a time: ${quoted(p[key])}`;
  for (const entry of p.history as Record<string, unknown>[]) {
    if (!isTime(entry.at)) return `has a history entry whose time is not a time: ${quoted(entry.at)}`;
  }
  const assessment = p.assessment as Record<string, unknown> | undefined;
  if (assessment && !isTime(assessment.at)) return `has an assessment whose time is not a time: ${quoted(assessment.at)}`;
  for (const entry of (p.log ?? []) as Record<string, unknown>[]) {
    if (!isDay(entry.on)) return `has a log entry whose day is not a day (YYYY-MM-DD): ${quoted(entry.on)}`;
    if (entry.at !== undefined && !isTime(entry.at)) return `has a log entry whose time is not a time: ${quoted(entry.at)}`;
  }
  return undefined;
}

/** What in a record is beyond what cx handles: a text too long, values nested too deep. */
function limitProblem(p: Record<string, unknown>): string | undefined {
  for (const key in p) {
    const value = p[key];
    const problem = typeof value === 'object' && value !== null ? sizeProblem(value, 1) : textSize(value);
    if (problem === 'long') return `has a text longer than ${count(MAX_TEXT)} characters (in "${key}")`;
    if (problem === 'deep') return `has values nested more than ${MAX_DEPTH} deep (in "${key}")`;
  }
  return undefined;
}

const textSize = (value: unknown): 'long' | undefined =>
  typeof value === 'string' && value.length > MAX_TEXT ? 'long' : undefined;

/**
 * Where a value holds a text longer than MAX_TEXT, or nests deeper than MAX_DEPTH; undefined if nowhere.
 * Only objects and long texts are looked into (the rest is most of a roster, and fine), in plain loops:
 * this runs on every value of every read.
 */
function sizeProblem(value: object, depth: number): 'long' | 'deep' | undefined {
  if (depth >= MAX_DEPTH) return 'deep';
  const items: unknown[] = Array.isArray(value) ? value : Object.values(value);
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (typeof item === 'string') {
      if (item.length > MAX_TEXT) return 'long';
    } else if (typeof item === 'object' && item !== null) {
      const problem = sizeProblem(item, depth + 1);
      if (problem) return problem;
    }
  }
  return undefined;
}

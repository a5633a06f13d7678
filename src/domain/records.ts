// What a sound roster record is: the check every roster file passes when cx reads it, and that every
// record passes before cx writes it (an imported one, say). Pure.

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

/** A time as cx writes one (an ISO 8601 date and time), or as one may be typed by hand (a day, a zone). */
const TIME = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)?)?$/;
export const isTime = (value: unknown): value is string => isText(value) && TIME.test(value) && !Number.isNaN(Date.parse(value));
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
  (entry.at === undefined || isText(entry.at));

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
  return idOrTimeProblem(p);
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

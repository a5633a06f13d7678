// Changes to the roster as pure functions: find a person by name, record an assessment with its history.
// Pure: no I/O; the caller passes the time and a source of new ids.

import type { Assessment } from './assess.js';
import type {
  Answers,
  ChangeSource,
  DispositionId,
  FieldChange,
  Influence,
  ReasonId,
  Roster,
  StageId,
  Stakeholder,
} from './model.js';
import { isInfluence } from './model.js';
import { displayName, nameKey } from './names.js';
import { QUESTIONS, UNKNOWN } from './questionnaire.js';

export function findPerson(roster: Roster, name: string): Stakeholder | undefined {
  const key = nameKey(name);
  return roster.people.find((person) => nameKey(person.name) === key);
}

/** Finds people by name in constant time: for bulk changes, where findPerson per name would be quadratic. */
export class RosterIndex {
  readonly #people: readonly Stakeholder[];
  #byName?: Map<string, Stakeholder>;
  #byKey?: Map<string, Stakeholder>;

  constructor(roster: Roster) {
    this.#people = roster.people;
  }

  find(name: string): Stakeholder | undefined {
    // A name typed as it is stored is that person (keys are unique in a roster): no key is worked out
    // for anyone until a name is typed differently, which spares a large roster most of the work.
    this.#byName ??= new Map(this.#people.map((person) => [person.name, person]));
    const exact = this.#byName.get(name);
    if (exact) return exact;
    this.#byKey ??= new Map(this.#people.map((person) => [nameKey(person.name), person]));
    return this.#byKey.get(nameKey(name));
  }
}

/** A person added by name alone: nothing known yet. */
export function newPerson(name: string, id: string, at: Date): Stakeholder {
  const iso = at.toISOString();
  return {
    id,
    name: displayName(name),
    stage: null,
    disposition: null,
    reasons: [],
    confidence: null,
    createdAt: iso,
    updatedAt: iso,
    history: [],
  };
}

/**
 * A change the user makes by hand (cx set, cx import): a field left out stays as it is; null clears a
 * text field or the influence.
 */
export interface FieldUpdate {
  stage?: StageId;
  /** The stage they are wanted at; null clears it (back to Action). */
  target?: StageId | null;
  disposition?: DispositionId;
  reasons?: ReasonId[];
  role?: string | null;
  team?: string | null;
  influence?: Influence | null;
  notes?: string | null;
}

const OPTIONAL_FIELDS = ['role', 'team', 'influence', 'notes'] as const;

/**
 * The person with an update applied and recorded in their history; the same object when nothing changes.
 * `added` marks a person new to the roster, whose first history entry lists what they were added with.
 */
export function applyUpdate(
  person: Stakeholder,
  update: FieldUpdate,
  source: ChangeSource,
  at: Date,
  added = false,
): Stakeholder {
  const next = withFields(person, update, source);
  const changes = changesBetween(added ? {} : person, next);
  if (changes.length === 0 && !added) return person;
  const iso = at.toISOString();
  next.updatedAt = iso; // next is a new record, made by withFields
  next.history = [...person.history, { at: iso, source, changes }];
  return next;
}

/**
 * A copy of a record to add fields to. Made field by field: V8 adds fields to a spread copy
 * ({ ...person }) several times more slowly, which a bulk import of thousands of people feels.
 */
function copyToChange(person: Stakeholder): Stakeholder {
  const copy: Record<string, unknown> = {};
  for (const key in person) {
    const value = (person as unknown as Record<string, unknown>)[key];
    // A "__proto__" key (a hand edit) stays a plain field, as it was, and sets no prototype.
    if (key === '__proto__') Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    else copy[key] = value;
  }
  return copy as unknown as Stakeholder;
}

/** The person with the update's fields set, and nothing else: no history entry, no new timestamp. */
export function withFields(person: Stakeholder, update: FieldUpdate, source: ChangeSource): Stakeholder {
  const next = copyToChange(person);
  if (update.stage !== undefined && update.stage !== person.stage) {
    next.stage = update.stage;
    next.stageSource = source;
  }
  if (update.target === null) delete next.target;
  else if (update.target !== undefined) next.target = update.target;
  if (update.disposition !== undefined) next.disposition = update.disposition;
  if (update.reasons !== undefined) next.reasons = update.reasons;
  for (const field of OPTIONAL_FIELDS) {
    const value = update[field];
    if (value === undefined) continue;
    if (value === null || value === '') delete next[field];
    else (next as unknown as Record<string, unknown>)[field] = value;
  }
  return next;
}

export interface AssessmentInput {
  name: string;
  answers: Answers;
  result: Assessment;
  at: Date;
  newId: () => string;
}

export interface AssessmentOutcome {
  roster: Roster;
  person: Stakeholder;
  /** The record as it was before, for people assessed or added earlier. */
  previous?: Stakeholder;
}

const DETAILS = new Set(QUESTIONS.filter((question) => question.section === 'details').map((question) => question.id));

/** The person's details as the answers set them; a detail that was not answered keeps its old value. */
function detailsFrom(answers: Answers, previous?: Stakeholder): Pick<Stakeholder, 'role' | 'team' | 'influence'> {
  const text = (id: 'role' | 'team'): string | undefined => {
    const answer = answers[id];
    if (answer === undefined) return previous?.[id];
    return typeof answer === 'string' && answer.trim() !== '' ? answer.trim() : undefined;
  };
  const influenceAnswer = answers.influence;
  const influence: Influence | undefined =
    influenceAnswer === undefined ? previous?.influence : isInfluence(influenceAnswer) ? influenceAnswer : undefined;
  return { role: text('role'), team: text('team'), influence };
}

/** The fields a history entry follows, in the order it lists them. */
const TRACKED = [
  'name',
  'stage',
  'disposition',
  'reasons',
  'confidence',
  'target',
  'role',
  'team',
  'influence',
  'notes',
] as const;

export function changesBetween(before: Partial<Stakeholder>, after: Partial<Stakeholder>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TRACKED) {
    const from = emptyAsNull(before[field]);
    const to = emptyAsNull(after[field]);
    if (!sameValue(from, to)) changes.push({ field, from, to });
  }
  return changes;
}

/** Whether two field values are equal: text, ids, or lists of ids. */
const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => item === b[index]));

const emptyAsNull = (value: unknown): unknown =>
  value === undefined || (Array.isArray(value) && value.length === 0) ? null : value;

/** Adds or updates the person with the outcome of a questionnaire, and records what moved. */
export function recordAssessment(roster: Roster, input: AssessmentInput): AssessmentOutcome {
  const { answers, result } = input;
  const at = input.at.toISOString();
  const previous = findPerson(roster, input.name);
  const questionAnswers: Answers = Object.fromEntries(Object.entries(answers).filter(([id]) => !DETAILS.has(id as never)));
  const details = detailsFrom(answers, previous);
  const base: Stakeholder = previous ?? newPerson(input.name, input.newId(), input.at);
  const updated: Stakeholder = {
    ...base,
    ...details,
    stage: result.stage,
    stageSource: 'assess',
    disposition: result.disposition,
    reasons: result.reasons,
    confidence: result.confidence,
    assessment: {
      at,
      answers: questionAnswers,
      stage: result.stage,
      disposition: result.disposition,
      reasons: result.reasons,
      confidence: result.confidence,
    },
    updatedAt: at,
  };
  for (const key of ['role', 'team', 'influence'] as const) {
    if (updated[key] === undefined) delete updated[key]; // keep the JSON free of empty fields
  }
  updated.history = [...base.history, { at, source: 'assess', changes: changesBetween(previous ?? {}, updated) }];
  const people = previous ? roster.people.map((person) => (person === previous ? updated : person)) : [...roster.people, updated];
  return { roster: { ...roster, people }, person: updated, ...(previous ? { previous } : {}) };
}

/** The answers to pre-fill a re-assessment with: the last questionnaire's answers and the person's details. */
export function previousAnswers(person: Stakeholder | undefined): Answers {
  if (!person) return {};
  return {
    ...(person.assessment?.answers ?? {}),
    ...(person.role ? { role: person.role } : {}),
    ...(person.team ? { team: person.team } : {}),
    influence: person.influence ?? UNKNOWN,
  };
}

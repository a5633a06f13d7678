// Changes to the roster as pure functions: find a person by name, record an assessment with its history.
// Pure: no I/O; the caller passes the time and a source of new ids.

import type { Assessment } from './assess.js';
import type { Answers, FieldChange, Influence, Roster, Stakeholder } from './model.js';
import { isInfluence } from './model.js';
import { displayName, nameKey } from './names.js';
import { QUESTIONS, UNKNOWN } from './questionnaire.js';

export function findPerson(roster: Roster, name: string): Stakeholder | undefined {
  const key = nameKey(name);
  return roster.people.find((person) => nameKey(person.name) === key);
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
const TRACKED = ['name', 'stage', 'disposition', 'reasons', 'confidence', 'role', 'team', 'influence'] as const;

export function changesBetween(before: Partial<Stakeholder>, after: Partial<Stakeholder>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TRACKED) {
    const from = emptyAsNull(before[field]);
    const to = emptyAsNull(after[field]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}

const emptyAsNull = (value: unknown): unknown =>
  value === undefined || (Array.isArray(value) && value.length === 0) ? null : value;

/** Adds or updates the person with the outcome of a questionnaire, and records what moved. */
export function recordAssessment(roster: Roster, input: AssessmentInput): AssessmentOutcome {
  const { answers, result } = input;
  const at = input.at.toISOString();
  const previous = findPerson(roster, input.name);
  const questionAnswers: Answers = Object.fromEntries(
    Object.entries(answers).filter(([id]) => !DETAILS.has(id as never)),
  );
  const details = detailsFrom(answers, previous);
  const base: Stakeholder = previous ?? {
    id: input.newId(),
    name: displayName(input.name),
    stage: null,
    disposition: null,
    reasons: [],
    confidence: null,
    createdAt: at,
    updatedAt: at,
    history: [],
  };
  const updated: Stakeholder = {
    ...base,
    ...details,
    stage: result.stage,
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
  const people = previous
    ? roster.people.map((person) => (person === previous ? updated : person))
    : [...roster.people, updated];
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

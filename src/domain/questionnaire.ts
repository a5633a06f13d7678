// The questionnaire behind `cx assess`, as data, and the ladder its gate questions make. Question ids and
// choice values are a stable contract: answers files (`cx assess --answers`) and saved assessments refer
// to them. Add, don't rename. Pure: no I/O.

import type { AnswerValue, Answers, ReasonId, StageId } from './model.js';
import { foldId } from './model.js';

export const UNKNOWN = 'unknown';

/** `one`: pick one choice; `many`: pick any number (none picked means "don't know"); `text`: free text, may be empty. */
export type QuestionKind = 'one' | 'many' | 'text';

/** `stage` and `disposition` questions decide the assessment; `details` only describe the person. */
export type Section = 'stage' | 'disposition' | 'details';

interface ChoiceData {
  readonly value: string;
  readonly label: string;
  /** The reason a person has when this is chosen. */
  readonly reason?: ReasonId;
  /**
   * The gate this answer shows is met, though it is another question's answer: a skeptic's doubt shows
   * they know CX well enough to doubt it (past Ignorance), whatever is believed of their understanding.
   */
  readonly shows?: string;
}

export interface Choice extends ChoiceData {
  readonly shows?: QuestionId;
}

/** A follow-up is asked only when one of these earlier answers was given. */
export interface Condition {
  readonly question: QuestionId;
  readonly values: readonly string[];
}

/** A rung of the ladder: a question whose "yes" takes the person past a stage. */
export interface Gate {
  /** The stage of a person who does not meet this gate. */
  readonly stage: StageId;
  /** What meeting it shows, in words. */
  readonly shows: string;
  /** The same as an open question, for a "don't know". */
  readonly asks: string;
  /** A deed (said out loud, pledged, did) rather than a belief: it outweighs a "no" beneath it. */
  readonly deed?: boolean;
}

interface QuestionData {
  readonly id: string;
  readonly section: Section;
  readonly kind: QuestionKind;
  /** The question, with {name} for the person's name. */
  readonly text: string;
  readonly choices: readonly ChoiceData[];
  /** Empty: always asked (unless askedAt says otherwise). Otherwise asked when any condition holds. */
  readonly askedWhen: readonly { readonly question: string; readonly values: readonly string[] }[];
  /** Asked only when the gates answered so far place the person at one of these stages. */
  readonly askedAt?: readonly StageId[];
  /** Set on the ladder's questions, bottom rung first. */
  readonly gate?: Gate;
  /** The task to give the user when this answer is "don't know". */
  readonly findOut?: string;
}

const yesNo = (yes: string, no: string) =>
  [
    { value: 'yes', label: yes },
    { value: 'no', label: no },
    { value: UNKNOWN, label: "Don't know" },
  ] as const;

const QUESTION_DATA = [
  {
    id: 'understands',
    section: 'stage',
    kind: 'one',
    text: 'Does {name} understand CX as a discipline: measuring and managing the experience customers have?',
    choices: [
      { value: 'yes', label: 'Yes: they know it has its own methods, measures and work' },
      { value: 'thinks-they-do-it', label: 'They think they already do it ("we talk to customers every day")' },
      { value: 'no', label: 'No: they know the words, not the work' },
      { value: UNKNOWN, label: "Don't know" },
    ],
    askedWhen: [],
    gate: { stage: 'ignorance', shows: 'understands CX as a discipline', asks: 'whether they understand CX as a discipline' },
    findOut: 'Find out what {name} thinks CX is: ask them to describe the experience they want their customers to have.',
  },
  {
    id: 'relevant',
    section: 'stage',
    kind: 'one',
    text: 'Does {name} see CX as relevant to their own goals (their costs, targets or revenue)?',
    choices: yesNo('Yes: they link it to their own numbers', 'No: they doubt it pays off for them'),
    askedWhen: [],
    gate: {
      stage: 'skepticism',
      shows: 'sees CX as relevant to their goals',
      asks: 'whether they see CX as relevant to their goals',
    },
    findOut: 'Find out which of their own goals {name} would want CX to help with.',
  },
  {
    id: 'endorses',
    section: 'stage',
    kind: 'one',
    text: 'Has {name} said, in a meeting, an email or to their team, that the CX work should go ahead?',
    choices: yesNo('Yes: they have backed it out loud', 'No: they have not backed it'),
    askedWhen: [],
    gate: { stage: 'skepticism', shows: 'has backed the CX work out loud', asks: 'whether they back the CX work', deed: true },
    findOut: 'Find out whether {name} backs the CX work: ask them plainly whether it should go ahead.',
  },
  {
    id: 'doubt-reason',
    section: 'stage',
    kind: 'one',
    text: 'What seems to hold {name} back?',
    choices: [
      { value: 'roi-unclear', label: "They can't connect CX to their own results", reason: 'roi-unclear', shows: 'understands' },
      {
        value: 'resists-change',
        label: 'They are wary of new ideas, or of the CX team',
        reason: 'resists-change',
        shows: 'understands',
      },
      // A turf fight or an operation it will not fit is neither: the reasons asked later say which.
      { value: 'something-else', label: 'Something else (their turf, their operation, the cost)', shows: 'understands' },
      { value: UNKNOWN, label: 'Not sure yet' },
    ],
    askedWhen: [
      { question: 'relevant', values: ['no'] },
      { question: 'endorses', values: ['no'] },
    ],
    findOut: 'Find out what holds {name} back: the numbers, or the change itself.',
  },
  {
    id: 'pledged',
    section: 'stage',
    kind: 'one',
    text: 'In the last three months, has {name} committed time, people or money to CX work?',
    choices: yesNo('Yes: a pledge of time, people or money that still stands', 'No: nothing pledged'),
    askedWhen: [],
    gate: {
      stage: 'buy-in',
      shows: 'has committed time, people or money',
      asks: 'whether they have committed time, people or money',
      deed: true,
    },
    findOut: 'Find out whether {name} has put time, people or money behind CX, or only words.',
  },
  {
    id: 'acted',
    section: 'stage',
    kind: 'one',
    text: 'In the last four weeks, has {name} visibly acted on it (their team did CX work, they used customer feedback in a decision, they shipped a change)?',
    choices: yesNo('Yes: there is something to point at', 'No: nothing visible yet'),
    askedWhen: [],
    gate: {
      stage: 'commitment',
      shows: 'has acted on it in the last four weeks',
      asks: 'whether they have acted on it in the last four weeks',
      deed: true,
    },
    findOut: 'Find out what {name} or their team has done for CX in the last four weeks.',
  },
  {
    id: 'priorities',
    section: 'stage',
    kind: 'one',
    text: 'Is other work keeping {name} from doing more for CX (no time, people or budget to spare for it now)?',
    choices: [
      { value: 'yes', label: 'Yes: other work keeps winning', reason: 'conflicting-priorities' },
      { value: 'no', label: 'No: they have room for it' },
      { value: UNKNOWN, label: "Don't know" },
    ],
    askedWhen: [],
    askedAt: ['buy-in', 'commitment'],
    findOut: 'Find out whether other work keeps winning over CX for {name}: ask what would have to give for it to fit.',
  },
  {
    id: 'stance',
    section: 'disposition',
    kind: 'one',
    text: 'When CX comes up, how does {name} respond?',
    choices: [
      { value: 'keen', label: 'Keen: they bring it up and pull others in' },
      { value: 'neutral', label: 'Polite but passive: waiting to see' },
      { value: 'resistant', label: 'Cool or opposed: they push back, stall or work around it' },
      { value: UNKNOWN, label: "Don't know" },
    ],
    askedWhen: [],
    findOut: 'Find out how {name} really feels about the CX work: watch the next meeting where it comes up.',
  },
  {
    id: 'participation',
    section: 'disposition',
    kind: 'one',
    text: 'The last time {name} was invited to take part in CX work, what did they do?',
    choices: [
      { value: 'recruits', label: 'Took part and brought others along' },
      { value: 'joins', label: 'Took part when asked, no more' },
      { value: 'declines', label: "Declined, delayed or didn't show up" },
      { value: UNKNOWN, label: "Don't know, or not invited yet" },
    ],
    askedWhen: [],
    findOut: 'Invite {name} to one small piece of CX work and see what they do.',
  },
  {
    id: 'outlier-reasons',
    section: 'disposition',
    kind: 'many',
    text: 'Why might {name} be holding back? (pick all that fit; none if you are not sure)',
    choices: [
      {
        value: 'already-doing-it',
        label: 'They feel they already lead this work and it is being taken from them',
        reason: 'already-doing-it',
      },
      {
        value: 'unclear-role',
        label: "They don't see what the CX role is for, or feel it treads on their turf",
        reason: 'unclear-role',
      },
      { value: 'financial', label: 'They think it costs too much', reason: 'financial' },
      { value: 'operational', label: "They think it won't work in their operation", reason: 'operational' },
      {
        value: 'resists-change',
        label: 'They resist change itself: "another fad", no to every new initiative',
        reason: 'resists-change',
      },
      {
        value: 'conflicting-priorities',
        label: 'Other work keeps winning: no time or people for it now',
        reason: 'conflicting-priorities',
      },
      { value: 'other', label: 'Something else', reason: 'other' },
    ],
    askedWhen: [
      { question: 'stance', values: ['resistant'] },
      { question: 'participation', values: ['declines'] },
    ],
    findOut: 'Find out why {name} is holding back before anything else: ask, and listen.',
  },
  {
    id: 'influence',
    section: 'details',
    kind: 'one',
    text: "How much does {name}'s support matter to the program's success?",
    choices: [
      { value: 'high', label: 'High' },
      { value: 'medium', label: 'Medium' },
      { value: 'low', label: 'Low' },
      { value: UNKNOWN, label: 'Not sure' },
    ],
    askedWhen: [],
  },
  { id: 'role', section: 'details', kind: 'text', text: "{name}'s role (optional)", choices: [], askedWhen: [] },
  { id: 'team', section: 'details', kind: 'text', text: "{name}'s team (optional)", choices: [], askedWhen: [] },
] as const satisfies readonly QuestionData[];

/** A question's id: one of the ids in the questionnaire above. */
export type QuestionId = (typeof QUESTION_DATA)[number]['id'];

export interface Question extends QuestionData {
  readonly id: QuestionId;
  readonly choices: readonly Choice[];
  readonly askedWhen: readonly Condition[];
}

export const QUESTIONS: readonly Question[] = QUESTION_DATA;

/** The ladder's questions, bottom rung first: meeting every gate means Action. */
export const GATES: readonly (Question & { gate: Gate })[] = QUESTIONS.filter((question): question is Question & { gate: Gate } =>
  Boolean(question.gate),
);

const byId = new Map<string, Question>(QUESTIONS.map((question) => [question.id, question]));

export function questionById(id: QuestionId): Question {
  const question = byId.get(id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
}

/** Whether a question is asked, given the answers so far (follow-ups depend on earlier answers). */
export function isAsked(question: Question, answers: Answers): boolean {
  const when =
    question.askedWhen.length === 0 ||
    question.askedWhen.some((condition) => {
      const answer = answers[condition.question];
      return typeof answer === 'string' && condition.values.includes(answer);
    });
  return when && (question.askedAt === undefined || question.askedAt.includes(ladder(answers).stage));
}

/**
 * The choices offered for a question, given the answers so far: all of them, except that a reason
 * already answered by its own question is not asked again (whether other work keeps winning, in the
 * list of why they hold back). The answers file takes every choice.
 */
export function choicesOffered(question: Question, answers: Answers): readonly Choice[] {
  if (question.id !== 'outlier-reasons' || !['yes', 'no'].includes(answerOf(answers, 'priorities'))) return question.choices;
  return question.choices.filter((choice) => choice.value !== 'conflicting-priorities');
}

/** The answer to a one-choice question, "unknown" when missing. */
export function answerOf(answers: Answers, id: QuestionId): string {
  const answer = answers[id];
  return typeof answer === 'string' && answer !== '' ? answer : UNKNOWN;
}

/** The answers to a many-choice question, [] when missing. */
export function answersOf(answers: Answers, id: QuestionId): string[] {
  const answer = answers[id];
  if (Array.isArray(answer)) return answer;
  return typeof answer === 'string' && answer !== '' && answer !== UNKNOWN ? [answer] : [];
}

/** The choices picked for a question (one or many), as choice objects. */
export function choicesPicked(question: Question, answers: Answers): Choice[] {
  const picked = question.kind === 'many' ? answersOf(answers, question.id) : [answerOf(answers, question.id)];
  return question.choices.filter((choice) => picked.includes(choice.value));
}

/**
 * How a gate stands in a ladder: `met` (yes), `implied` ("don't know" beneath evidence of a higher rung),
 * `conflict` (a "no" beneath a deed that outweighs it), `blocker` (the first rung not reached: it decides
 * the stage), `ahead` (a "yes" past the blocker that a "no" beneath it holds back: a conflict too), or
 * `above` (past the blocker: it does not matter to the stage).
 */
export type RungStatus = 'met' | 'implied' | 'conflict' | 'blocker' | 'ahead' | 'above';

export interface Rung {
  question: QuestionId;
  answer: string;
  gate: Gate;
  status: RungStatus;
  /** For a rung shown by another question's answer (a skeptic's doubt, say): that question. */
  shownBy?: QuestionId;
}

export interface Ladder {
  stage: StageId;
  rungs: Rung[];
  /** The rung that holds the person at their stage; null at Action. */
  blocker: Rung | null;
}

/**
 * Where the answers place a person on the ladder: at the rung above the highest one the evidence
 * reaches. Evidence is a "yes", or, where the rung is "don't know", an answer that only fits someone past
 * it (a skeptic's doubt). Beneath the evidence a "don't know" is implied. A "no" beneath it is a conflict
 * that a deed outweighs (what they said out loud, pledged or did counts more than what they are believed
 * to think), but a belief does not: then the "no" holds them, and the "yes" above it is the conflict.
 * With no evidence at all, the first rung holds them.
 */
export function ladder(answers: Answers): Ladder {
  const shownBy = new Map<string, QuestionId>();
  for (const question of QUESTIONS) {
    // A follow-up that depends on the ladder itself cannot be evidence for it.
    if (question.askedAt || !isAsked(question, answers)) continue;
    for (const choice of choicesPicked(question, answers)) if (choice.shows) shownBy.set(choice.shows, question.id);
  }
  const answered = GATES.map((question) => ({
    question: question.id,
    answer: answerOf(answers, question.id),
    gate: question.gate,
  }));
  const evidence = (index: number) => {
    const rung = answered[index];
    return rung !== undefined && (rung.answer === 'yes' || (rung.answer === UNKNOWN && shownBy.has(rung.question)));
  };
  const isNo = (index: number) => {
    const answer = answered[index]?.answer;
    return answer !== undefined && answer !== 'yes' && answer !== UNKNOWN;
  };
  // Every "no" beneath the rung has a deed between it and the rung, the rung included.
  const outweighs = (top: number) =>
    answered.every(
      (_, below) =>
        below >= top ||
        !isNo(below) ||
        answered.slice(below + 1, top + 1).some((rung) => rung.answer === 'yes' && rung.gate.deed),
    );
  let top = -1;
  for (let index = answered.length - 1; index >= 0; index--) {
    if (evidence(index) && outweighs(index)) {
      top = index;
      break;
    }
  }
  const rungs: Rung[] = answered.map((rung, index) => {
    const by = shownBy.get(rung.question);
    const extra = by && rung.answer !== 'yes' ? { shownBy: by } : {};
    if (index > top + 1) return { ...rung, ...extra, status: evidence(index) ? 'ahead' : 'above' };
    if (index === top + 1) return { ...rung, ...extra, status: 'blocker' };
    if (rung.answer === 'yes') return { ...rung, status: 'met' };
    return { ...rung, ...extra, status: rung.answer === UNKNOWN ? 'implied' : 'conflict' };
  });
  const blocker = rungs[top + 1] ?? null;
  return { stage: blocker?.gate.stage ?? 'action', rungs, blocker };
}

export type AnswersCheck = { ok: true; answers: Answers; notes?: string[] } | { ok: false; problems: string[] };

/**
 * Checks answers from a file or a script: every key must be a question id and every value one of that
 * question's choices. Missing answers stay missing (they count as "don't know"); answers to follow-ups
 * that the other answers do not call for are dropped. A many-choice answer may be one value or a list.
 */
export function checkAnswers(raw: unknown): AnswersCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: ['answers must be a JSON object of { "questionId": "choice" }'] };
  }
  const problems: string[] = [];
  const answers: Answers = {};
  for (const [id, value] of Object.entries(raw)) {
    const question = byId.get(id);
    if (!question) {
      problems.push(`unknown question "${id}" (known: ${QUESTIONS.map((q) => q.id).join(', ')})`);
      continue;
    }
    const checked = checkValue(question, value);
    if (typeof checked === 'string') problems.push(checked);
    else if (checked !== undefined) answers[question.id] = checked.value;
  }
  if (problems.length > 0) return { ok: false, problems };
  const kept = withoutUnasked(answers);
  const notes = unaskedNotes(answers, kept);
  return notes.length ? { ok: true, answers: kept, notes } : { ok: true, answers: kept };
}

/**
 * Why an answer given in a file was left out, for each one that withoutUnasked drops: "outlier-reasons
 * is asked only when stance is resistant, or participation is declines".
 */
export function unaskedNotes(given: Answers, kept: Answers): string[] {
  return QUESTIONS.filter((question) => question.id in given && !(question.id in kept)).map((question) => {
    const when = question.askedWhen.map((condition) => `${condition.question} is ${condition.values.join(' or ')}`);
    const at = question.askedAt ? [`the answers place them at ${question.askedAt.join(' or ')}`] : [];
    return `${question.id} is asked only when ${[...when, ...at].join(', or ')}`;
  });
}

/** The answers without those to follow-ups that the other answers do not call for. */
export function withoutUnasked(answers: Answers): Answers {
  const kept: Answers = { ...answers };
  for (const question of QUESTIONS) {
    if (question.id in kept && !isAsked(question, kept)) delete kept[question.id];
  }
  return kept;
}

function checkValue(question: Question, value: unknown): { value: AnswerValue } | string | undefined {
  const valid = question.choices.map((choice) => choice.value);
  const invalid = (shown: unknown) => `"${question.id}" cannot be ${JSON.stringify(shown)}; choose one of: ${valid.join(', ')}`;
  // Values are read as stages are: in any case, with spaces or underscores for dashes ("Thinks they do it").
  const choice = (item: unknown): string | undefined =>
    typeof item === 'string' && item.trim() !== '' ? valid.find((id) => foldId(id) === foldId(item)) : undefined;
  if (value === null) return undefined;
  switch (question.kind) {
    case 'text':
      return typeof value === 'string' ? { value: value.trim() } : `"${question.id}" takes text, not ${JSON.stringify(value)}`;
    case 'one': {
      // A detail (influence) is cleared with "", as the text details are.
      if (value === '' && question.section === 'details' && valid.includes(UNKNOWN)) return { value: UNKNOWN };
      const id = choice(value);
      return id ? { value: id } : invalid(value);
    }
    case 'many': {
      const values = (Array.isArray(value) ? value : [value]).map(
        (item) => choice(item) ?? (typeof item === 'string' && foldId(item) === UNKNOWN ? UNKNOWN : item),
      );
      if (values.length === 1 && values[0] === UNKNOWN) return { value: [] };
      const bad = values.find((item) => typeof item !== 'string' || !valid.includes(item));
      if (bad !== undefined) return invalid(bad);
      return { value: [...new Set(values as string[])] };
    }
  }
}

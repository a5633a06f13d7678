// answers -> stage, disposition, reasons, confidence, blocker and the evidence behind each.
// Pure: no I/O. The rules (README, "How cx decides"):
//  - the stage is the rung of the first gate that is not met ("don't know" is not met);
//  - a "yes" above that gate conflicts with it: it is reported, and lowers the confidence;
//  - disposition is judged apart from the stage, from how the person responds and takes part.

import {
  type Answers,
  type Confidence,
  type DispositionId,
  type ReasonId,
  type StageId,
  isOutlierReason,
  isSkepticismReason,
} from './model.js';
import { STAGE_GUIDES } from './playbook.js';
import { type QuestionId, UNKNOWN, answerOf, answersOf, isAsked, questionById } from './questionnaire.js';

/** One answer and what it decided. */
export interface Evidence {
  question: QuestionId;
  answer: string;
  finding: string;
}

export interface Blocker {
  question: QuestionId;
  answer: string;
  /** The stage this unmet gate holds the person at. */
  stage: StageId;
}

export interface Assessment {
  stage: StageId;
  disposition: DispositionId;
  reasons: ReasonId[];
  confidence: Confidence;
  /** The first unmet gate; null when every gate is met (Action). */
  blocker: Blocker | null;
  evidence: Evidence[];
  /** Answers that say the person is further along than the blocker allows. */
  conflicts: Evidence[];
  /** Questions answered "don't know" that matter to this result: each one is something to find out. */
  unknowns: QuestionId[];
}

interface Gate {
  question: QuestionId;
  /** The stage of a person who does not meet this gate. */
  stage: StageId;
  /** What meeting it shows, in words. */
  shows: string;
  /** The same as an open question, for a "don't know". */
  asks: string;
}

/** The ladder, bottom rung first. Meeting every gate means Action. */
export const GATES: readonly Gate[] = [
  {
    question: 'understands',
    stage: 'ignorance',
    shows: 'understands CX as a discipline',
    asks: 'whether they understand CX as a discipline',
  },
  {
    question: 'relevant',
    stage: 'skepticism',
    shows: 'sees CX as relevant to their goals',
    asks: 'whether they see CX as relevant to their goals',
  },
  { question: 'endorses', stage: 'skepticism', shows: 'has backed the CX work out loud', asks: 'whether they back the CX work' },
  {
    question: 'pledged',
    stage: 'buy-in',
    shows: 'has committed time, people or money',
    asks: 'whether they have committed time, people or money',
  },
  {
    question: 'acted',
    stage: 'commitment',
    shows: 'has acted on it in the last four weeks',
    asks: 'whether they have acted on it in the last four weeks',
  },
];

const describe = (answer: string): string => (answer === UNKNOWN ? "don't know" : answer);

export function assess(answers: Answers): Assessment {
  const evidence: Evidence[] = [];
  const conflicts: Evidence[] = [];
  const unknowns: QuestionId[] = [];

  // Stage: walk up the ladder until the first gate that is not met.
  let blocker: Blocker | null = null;
  for (const gate of GATES) {
    const answer = answerOf(answers, gate.question);
    const met = answer === 'yes';
    if (blocker === null) {
      if (met) {
        evidence.push({ question: gate.question, answer, finding: `${gate.shows}: past ${label(gate.stage)}` });
        continue;
      }
      blocker = { question: gate.question, answer, stage: gate.stage };
      evidence.push({
        question: gate.question,
        answer,
        finding:
          answer === UNKNOWN
            ? `not known ${gate.asks}: held at ${label(gate.stage)} until you find out`
            : `does not yet meet "${gate.shows}": held at ${label(gate.stage)}`,
      });
      if (answer === UNKNOWN) unknowns.push(gate.question);
    } else if (met) {
      const conflict = {
        question: gate.question,
        answer,
        finding: `${gate.shows}, yet "${blocker.question}" is ${describe(blocker.answer)}: check one of the two answers`,
      };
      conflicts.push(conflict);
      evidence.push(conflict);
    }
  }
  const stage: StageId = blocker?.stage ?? 'action';

  // Why a skeptic doubts (asked when a value gate is answered no).
  const reasons: ReasonId[] = [];
  if (isAsked(questionById('doubt-reason'), answers)) {
    const doubt = answerOf(answers, 'doubt-reason');
    if (isSkepticismReason(doubt) && stage === 'skepticism') {
      reasons.push(doubt);
      evidence.push({
        question: 'doubt-reason',
        answer: doubt,
        finding: `what holds them back: ${choiceLabel('doubt-reason', doubt)}`,
      });
    } else if (stage === 'skepticism') {
      unknowns.push('doubt-reason');
    }
  }

  // Disposition: positive, neutral or negative signals from two questions; then why an outlier holds back.
  const disposition = judgeDisposition(answers, evidence, conflicts, unknowns);
  if (disposition === 'outlier') {
    const why = answersOf(answers, 'outlier-reasons').filter(isOutlierReason);
    reasons.push(...why);
    if (why.length > 0) {
      const labels = why.map((reason) => choiceLabel('outlier-reasons', reason));
      evidence.push({ question: 'outlier-reasons', answer: why.join(', '), finding: `why they hold back: ${labels.join('; ')}` });
    } else {
      unknowns.push('outlier-reasons');
    }
  }

  const doubts = conflicts.length + unknowns.filter((id) => id !== 'doubt-reason' && id !== 'outlier-reasons').length;
  const confidence: Confidence = doubts === 0 ? 'high' : doubts === 1 ? 'medium' : 'low';
  return { stage, disposition, reasons, confidence, blocker, evidence, conflicts, unknowns };
}

const STANCE_SIGNAL: Record<string, number> = { keen: 1, neutral: 0, resistant: -1 };
const PARTICIPATION_SIGNAL: Record<string, number> = { recruits: 1, joins: 0, declines: -1 };
const SIGNAL_WORDS = ['against taking part', 'undecided', 'for it'];

function judgeDisposition(answers: Answers, evidence: Evidence[], conflicts: Evidence[], unknowns: QuestionId[]): DispositionId {
  const signals: number[] = [];
  for (const [question, scale] of [
    ['stance', STANCE_SIGNAL],
    ['participation', PARTICIPATION_SIGNAL],
  ] as const) {
    const answer = answerOf(answers, question);
    const signal = scale[answer];
    if (signal === undefined) {
      unknowns.push(question);
      evidence.push({ question, answer, finding: 'not known: says nothing about their disposition' });
      continue;
    }
    signals.push(signal);
    evidence.push({ question, answer, finding: `a sign they are ${SIGNAL_WORDS[signal + 1]}` });
  }
  if (signals.includes(-1)) {
    const last = evidence.at(-1);
    if (signals.includes(1) && last) {
      // One answer for, one against: the later one is shown as the conflict, and the person as an outlier.
      last.finding = `mixed signals ("stance" is ${answerOf(answers, 'stance')}): treated as an outlier until you know why`;
      conflicts.push(last);
    }
    return 'outlier';
  }
  if (signals.includes(1)) return 'advocate';
  const last = evidence.at(-1);
  if (signals.length === 0 && last) last.finding = 'not known either: treated as a fence-sitter until you know more';
  return 'fence-sitter';
}

const label = (stage: StageId): string => STAGE_GUIDES[stage].label;

/** A choice's label, lower-cased at its start to sit inside a sentence. */
function choiceLabel(question: QuestionId, value: string): string {
  const text = questionById(question).choices.find((choice) => choice.value === value)?.label ?? value;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

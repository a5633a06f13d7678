// answers -> stage, disposition, reasons, confidence, blocker and the evidence behind each.
// Pure: no I/O. The rules (README, "How cx decides"):
//  - the stage is the rung above the highest one the evidence reaches (questionnaire.ts, ladder): a
//    "don't know" beneath it is implied, a "no" beneath it is a conflict that lowers the confidence;
//  - "don't know" with no evidence above it holds the person at that rung, to be found out;
//  - disposition is judged apart from the stage, from behaviour: an outlier pushes back or works
//    against the program; declining one ask while backing the work is not that.

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
import { type QuestionId, UNKNOWN, answerOf, choicesPicked, isAsked, ladder, questionById } from './questionnaire.js';

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
  /** Answers that disagree with others: a "no" beneath a rung the evidence reaches, or mixed signals. */
  conflicts: Evidence[];
  /** Questions answered "don't know" that matter to this result: each one is something to find out. */
  unknowns: QuestionId[];
  /** Questions answered "don't know" that the evidence above them answers: shown as implied. */
  implied: QuestionId[];
  /** Stages beneath the person's whose rung was answered "no": their tactics are owed too (see playbook). */
  gaps: StageId[];
}

const label = (stage: StageId): string => STAGE_GUIDES[stage].label;
const describe = (answer: string): string => (answer === UNKNOWN ? "don't know" : answer);

export function assess(answers: Answers): Assessment {
  const evidence: Evidence[] = [];
  const conflicts: Evidence[] = [];
  const unknowns: QuestionId[] = [];
  const implied: QuestionId[] = [];
  const gaps: StageId[] = [];

  // Stage: the ladder, rung by rung.
  const { stage, rungs, blocker } = ladder(answers);
  const doubtAgainst = rungs.find((rung) => rung.shownBy && rung.status !== 'implied' && rung.answer !== 'yes');
  const top = [...rungs].reverse().find((rung) => rung.status === 'met' || rung.shownBy);
  for (const rung of rungs) {
    const { question, answer, gate } = rung;
    switch (rung.status) {
      case 'met':
        evidence.push({ question, answer, finding: `${gate.shows}: past ${label(gate.stage)}` });
        break;
      case 'implied':
        implied.push(question);
        evidence.push({
          question,
          answer,
          finding: rung.shownBy
            ? `not known, but their answer to "${rung.shownBy}" shows it: past ${label(gate.stage)}`
            : `not known, but implied by "${top?.question}" = ${describe(top?.answer ?? 'yes')}, a later rung: past ${label(gate.stage)}`,
        });
        break;
      case 'conflict': {
        const finding = rung.shownBy
          ? `does not meet "${gate.shows}", yet their answer to "${rung.shownBy}" shows they know it well enough to doubt it: placed by that, and the ${label(gate.stage)} step is owed too`
          : `does not meet "${gate.shows}", yet "${top?.question}" is ${describe(top?.answer ?? '')}: placed by what they did, and the ${label(gate.stage)} step is owed too`;
        const conflict = { question, answer, finding };
        conflicts.push(conflict);
        evidence.push(conflict);
        if (!gaps.includes(gate.stage)) gaps.push(gate.stage);
        break;
      }
      case 'ahead': {
        const held = blocker ? `"${blocker.question}" is ${describe(blocker.answer)}` : 'a rung beneath is not met';
        const conflict = {
          question,
          answer,
          finding: `${gate.shows}, yet ${held}: a belief does not outweigh it, so cx keeps the lower stage; check one of the two`,
        };
        conflicts.push(conflict);
        evidence.push(conflict);
        break;
      }
      case 'blocker':
        if (answer === UNKNOWN) unknowns.push(question);
        evidence.push({
          question,
          answer,
          finding:
            answer === UNKNOWN
              ? `not known ${gate.asks}: held at ${label(gate.stage)} until you find out`
              : `does not yet meet "${gate.shows}": held at ${label(gate.stage)}`,
        });
        break;
      case 'above':
        break;
    }
  }

  // Reasons that come with the stage: what holds a skeptic back; other work winning at Buy-in or Commitment.
  const reasons: ReasonId[] = [];
  const doubt = questionById('doubt-reason');
  if (isAsked(doubt, answers)) {
    const picked = choicesPicked(doubt, answers).find((choice) => choice.reason);
    if (picked?.reason) {
      reasons.push(picked.reason);
      const item = {
        question: 'doubt-reason' as const,
        answer: picked.value,
        finding: doubtAgainst
          ? `what holds them back: ${lowerFirst(picked.label)}; a doubt only someone who knows CX has, yet "${doubtAgainst.question}" is ${describe(doubtAgainst.answer)}: check one of the two`
          : `what holds them back: ${lowerFirst(picked.label)}${rungs[0]?.shownBy ? ' (so they know CX well enough to doubt it)' : ''}`,
      };
      evidence.push(item);
      if (doubtAgainst) conflicts.push(item);
    } else if (answerOf(answers, 'doubt-reason') === 'something-else') {
      // Neither the numbers nor change itself: an answer, whose kind the outlier's reasons may say.
      evidence.push({
        question: 'doubt-reason',
        answer: 'something-else',
        finding: 'what holds them back: something else, neither the numbers nor change itself',
      });
    } else if (stage === 'skepticism') {
      unknowns.push('doubt-reason');
    }
  }
  const priorities = questionById('priorities');
  if (isAsked(priorities, answers)) {
    const answer = answerOf(answers, 'priorities');
    if (answer === 'yes') {
      reasons.push('conflicting-priorities');
      evidence.push({
        question: 'priorities',
        answer,
        finding: 'other work keeps winning: the commonest reason people stall here',
      });
    } else if (answer === UNKNOWN) {
      unknowns.push('priorities');
    }
  }

  // Disposition, from behaviour; then why they hold back, if asked.
  const disposition = judgeDisposition(answers, evidence, conflicts, unknowns);
  const held = questionById('outlier-reasons');
  if (isAsked(held, answers)) {
    const why = choicesPicked(held, answers).filter((choice) => choice.reason && !reasons.includes(choice.reason));
    for (const choice of why) if (choice.reason) reasons.push(choice.reason);
    if (why.length > 0) {
      const labels = why.map((choice) => lowerFirst(choice.label));
      evidence.push({
        question: 'outlier-reasons',
        answer: why.map((choice) => choice.value).join(', '),
        finding: `why they hold back: ${labels.join('; ')}`,
      });
    } else if (disposition === 'outlier' && !reasons.some(isOutlierReason)) {
      unknowns.push('outlier-reasons');
    }
  }

  // Doubts that lower the confidence: conflicts, the deciding rung unknown, and how they respond unknown.
  const doubts = conflicts.length + unknowns.filter((id) => DOUBTS.has(id)).length;
  const confidence: Confidence = doubts === 0 ? 'high' : doubts === 1 ? 'medium' : 'low';
  const blockedBy = blocker ? { question: blocker.question, answer: blocker.answer, stage: blocker.gate.stage } : null;
  return {
    stage,
    disposition,
    reasons: order(reasons),
    confidence,
    blocker: blockedBy,
    evidence,
    conflicts,
    unknowns,
    implied,
    gaps,
  };
}

/** The "don't know" answers that lower the confidence (the others are only things to find out). */
export const DOUBTS: ReadonlySet<QuestionId> = new Set<QuestionId>([
  'understands',
  'relevant',
  'endorses',
  'pledged',
  'acted',
  'stance',
]);

/** Reasons in the order they are stored: a skeptic's first, then an outlier's, each once. */
function order(reasons: ReasonId[]): ReasonId[] {
  const unique = [...new Set(reasons)];
  return [...unique.filter(isSkepticismReason), ...unique.filter((reason) => !isSkepticismReason(reason))];
}

/**
 * Outlier means they push back or work against the program (a cool or opposed response). Otherwise a
 * keen response, or bringing others along, makes an advocate; anything else is a fence-sitter. Declining
 * or delaying an invitation is not opposition on its own: a supporter who said "not this quarter" is
 * at Buy-in, not against it.
 */
function judgeDisposition(answers: Answers, evidence: Evidence[], conflicts: Evidence[], unknowns: QuestionId[]): DispositionId {
  const stance = answerOf(answers, 'stance');
  const participation = answerOf(answers, 'participation');
  const say = (question: 'stance' | 'participation', answer: string, finding: string) => {
    const item = { question, answer, finding };
    evidence.push(item);
    return item;
  };
  if (stance === UNKNOWN) unknowns.push('stance');
  if (participation === UNKNOWN) unknowns.push('participation');

  if (stance === 'resistant') {
    say('stance', stance, 'pushes back or works around it: an outlier, whatever the stage');
    if (participation === 'recruits') {
      conflicts.push(
        say('participation', participation, 'yet took part and brought others along: mixed signals, check which is true now'),
      );
    } else if (participation !== UNKNOWN) {
      say(
        'participation',
        participation,
        participation === 'declines' ? 'and declined when invited' : 'took part when asked, no more',
      );
    }
    return 'outlier';
  }
  if (stance === 'keen') say('stance', stance, 'speaks up for the work: a sign of an advocate');
  else if (stance === 'neutral') say('stance', stance, 'polite but passive: waiting to see');
  else say('stance', stance, 'not known: says nothing about their disposition yet');

  if (participation === 'recruits') say('participation', participation, 'took part and brought others along: an advocate');
  else if (participation === 'joins') say('participation', participation, 'took part when asked, no more');
  else if (participation === 'declines') {
    say(
      'participation',
      participation,
      stance === 'keen'
        ? 'declined one ask while speaking for the work: not opposition (other work may be winning)'
        : 'declined or delayed, without pushing back: undecided rather than opposed',
    );
  } else say('participation', participation, 'not known, or not invited yet');

  if (stance === 'keen' || participation === 'recruits') return 'advocate';
  const last = evidence.at(-1);
  if (stance === UNKNOWN && participation === UNKNOWN && last) {
    last.finding = 'not known either: treated as a fence-sitter until you know more';
  }
  return 'fence-sitter';
}

/** A label lower-cased at its start, to sit inside a sentence. */
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

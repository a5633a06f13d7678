// The vocabulary of cx: stage, disposition, reason and tactic ids, and the shape of a stakeholder.
// This module is the one place that knows the ids and how users may spell them.
// Pure: no I/O, no colour, no process.*.

export const STAGES = ['ignorance', 'skepticism', 'buy-in', 'commitment', 'action'] as const;
export type StageId = (typeof STAGES)[number];

export const DISPOSITIONS = ['advocate', 'fence-sitter', 'outlier'] as const;
export type DispositionId = (typeof DISPOSITIONS)[number];

/** Why a skeptical stakeholder doubts CX is worth it for them. */
export const SKEPTICISM_REASONS = ['roi-unclear', 'resists-change'] as const;
export type SkepticismReasonId = (typeof SKEPTICISM_REASONS)[number];

/**
 * Why someone holds back from taking part (asked of outliers, and of anyone who declined to join in):
 * resists-change is a skeptic's reason too, conflicting-priorities a stalled supporter's.
 */
export const OUTLIER_REASONS = [
  'already-doing-it',
  'unclear-role',
  'financial',
  'operational',
  'resists-change',
  'conflicting-priorities',
  'other',
] as const;
export type OutlierReasonId = (typeof OUTLIER_REASONS)[number];

/** Why someone who agreed or pledged does not follow through. */
export const FOLLOW_THROUGH_REASONS = ['conflicting-priorities'] as const;
export type FollowThroughReasonId = (typeof FOLLOW_THROUGH_REASONS)[number];

/** Every reason id, each once, in the order they are listed and stored. */
export const REASONS = [
  'roi-unclear',
  'resists-change',
  'already-doing-it',
  'unclear-role',
  'financial',
  'operational',
  'other',
  'conflicting-priorities',
] as const;
export type ReasonId = (typeof REASONS)[number];

export const TACTICS = [
  'educate',
  'business-case',
  'outside-authority',
  'scarcity',
  'social-proof',
  'nurture-followers',
  'understand-why',
  'co-lead',
  'spotlight',
  'enlist',
  'agree-roles',
  'cost-case',
  'pilot',
  'make-room',
  'keep-warm',
] as const;
export type TacticId = (typeof TACTICS)[number];

/** A step logged as "waiting" comes back as a follow-up this many days later (or sooner, by cadence). */
export const FOLLOW_UP_DAYS = 7;

/**
 * How a step logged with `cx log --outcome` went: it decides the next one. `requested`: they asked you
 * for something first (the numbers, a document), which you owe them before the step can go on.
 */
export const OUTCOMES = ['worked', 'waiting', 'declined', 'requested'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const INFLUENCES = ['low', 'medium', 'high'] as const;
export type Influence = (typeof INFLUENCES)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** What made a change to a person's record. */
export const CHANGE_SOURCES = ['assess', 'set', 'import'] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];

/** One answer as stored: a choice value, several (checkbox questions), or free text. */
export type AnswerValue = string | string[];
export type Answers = Record<string, AnswerValue>;

/** One field that moved, as kept in the history. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface HistoryEntry {
  /** ISO timestamp of the change. */
  at: string;
  source: ChangeSource;
  changes: FieldChange[];
}

/** An interaction with a person: a meeting, a note sent, a win shared. The last one restarts their cadence. */
export interface LogEntry {
  /** The day it happened, YYYY-MM-DD. */
  on: string;
  text: string;
  /** The playbook tactic it used, if any; the weekly list rotates actions by it. */
  tactic?: TacticId;
  /** How it went, if said: worked, waiting (no answer yet), declined or requested (they asked for something first). */
  outcome?: Outcome;
  /** When it was logged (ISO): tells apart, on one day, what came before and after an assessment. */
  at?: string;
  /** The day they asked you to come back (YYYY-MM-DD): nothing is due with them before it. */
  until?: string;
}

/** The outcome of the last questionnaire, kept beside whatever the user set by hand. */
export interface AssessmentRecord {
  at: string;
  answers: Answers;
  stage: StageId;
  disposition: DispositionId;
  reasons: ReasonId[];
  confidence: Confidence;
}

export interface Stakeholder {
  /** Stable id, independent of the name (names are data, never keys). */
  id: string;
  /** Display name, as the user typed it (trimmed). */
  name: string;
  role?: string;
  team?: string;
  influence?: Influence;
  /** Free notes about the person. */
  notes?: string;
  /** The stage cx works with: the user's own judgement if they set one, otherwise the assessed one. */
  stage: StageId | null;
  /** What set the current stage: the questionnaire, or the user's judgement (set, import). */
  stageSource?: ChangeSource;
  disposition: DispositionId | null;
  reasons: ReasonId[];
  confidence: Confidence | null;
  /** The stage the user wants them at; absent means Action. Someone at or past it is kept warm, not pushed. */
  target?: StageId;
  /** The last questionnaire's answers and result; absent for people never assessed. */
  assessment?: AssessmentRecord;
  createdAt: string;
  updatedAt: string;
  history: HistoryEntry[];
  /** Interactions, oldest first (cx log). */
  log?: LogEntry[];
}

export interface Roster {
  people: Stakeholder[];
}

/** The order of a person's fields wherever a record is written out (--json, exports). */
export const RECORD_KEYS = [
  'name',
  'stage',
  'disposition',
  'reasons',
  'confidence',
  'stageSource',
  'role',
  'team',
  'influence',
  'notes',
  'id',
  'createdAt',
  'updatedAt',
  'assessment',
  'history',
  'log',
  // Added after the first version: last, so that columns of a CSV export keep their places.
  'target',
] as const;

/** A person's record with its keys in RECORD_KEYS order (others after, sorted), so output diffs cleanly. */
export function orderedRecord(person: Stakeholder): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  const source = person as unknown as Record<string, unknown>;
  for (const key of RECORD_KEYS) if (source[key] !== undefined) ordered[key] = source[key];
  for (const key of Object.keys(source).sort()) if (!(key in ordered) && source[key] !== undefined) ordered[key] = source[key];
  return ordered;
}

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

export const isStage = isOneOf(STAGES);
export const isDisposition = isOneOf(DISPOSITIONS);
export const isReason = isOneOf(REASONS);
export const isSkepticismReason = isOneOf(SKEPTICISM_REASONS);
export const isOutlierReason = isOneOf(OUTLIER_REASONS);
export const isFollowThroughReason = isOneOf(FOLLOW_THROUGH_REASONS);
export const isOutcome = isOneOf(OUTCOMES);
export const isChangeSource = isOneOf(CHANGE_SOURCES);
export const isTactic = isOneOf(TACTICS);
export const isInfluence = isOneOf(INFLUENCES);

/** An id as typed, folded for comparison: case, spaces, dashes and underscores set aside. */
export const foldId = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/**
 * Reads a stage as a user may type it: its id in any case or spelling ("Buy-in", "buy_in", "BUY IN"),
 * or its number on the ladder (1–5). Returns undefined for anything else.
 */
export function parseStage(text: string): StageId | undefined {
  const trimmed = text.trim();
  if (/^[1-5]$/.test(trimmed)) return STAGES[Number(trimmed) - 1];
  const folded = foldId(trimmed);
  return STAGE_ALIASES[folded] ?? STAGES.find((stage) => foldId(stage) === folded);
}

/** Other spellings people use for a stage (British English, say). */
const STAGE_ALIASES: Record<string, StageId> = { scepticism: 'skepticism', sceptic: 'skepticism', skeptic: 'skepticism' };

/** Reads a disposition as a user may type it ("Fence sitter", "fencesitter", "ADVOCATE"). */
export function parseDisposition(text: string): DispositionId | undefined {
  const folded = foldId(text);
  return DISPOSITIONS.find((disposition) => foldId(disposition) === folded);
}

/** Reads a reason id in any case or spelling ("ROI unclear", "roi_unclear"). */
export function parseReason(text: string): ReasonId | undefined {
  const folded = foldId(text);
  return REASONS.find((reason) => foldId(reason) === folded);
}

/** Reads an influence level in any case. */
export function parseInfluence(text: string): Influence | undefined {
  const folded = foldId(text);
  return INFLUENCES.find((influence) => influence === folded);
}

/** 1 for Ignorance up to 5 for Action. */
export const stageNumber = (stage: StageId): number => STAGES.indexOf(stage) + 1;

/** The stage a person is wanted at: the one the user set, or Action. */
export const targetOf = (person: { target?: StageId }): StageId => person.target ?? 'action';

/** Whether a person is at or past the stage they are wanted at. */
export const atTarget = (person: { stage: StageId | null; target?: StageId }): boolean =>
  person.stage !== null && stageNumber(person.stage) >= stageNumber(targetOf(person));

/** Whether someone is kept warm: at or past their target and no outlier (an outlier is worked on wherever they stand). */
export const keptWarm = (person: { stage: StageId | null; target?: StageId; disposition: DispositionId | null }): boolean =>
  person.disposition !== 'outlier' && atTarget(person);

/** Reads an outcome in any case ("Worked", "DECLINED"). */
export function parseOutcome(text: string): Outcome | undefined {
  const folded = foldId(text);
  return OUTCOMES.find((outcome) => outcome === folded);
}

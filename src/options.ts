// Parsers for option values that name stages, dispositions, reasons and the like. A bad value makes
// commander print one line naming the valid values, and cx exit 2.
import { InvalidArgumentError } from 'commander';
import {
  DISPOSITIONS,
  INFLUENCES,
  OUTCOMES,
  REASONS,
  STAGES,
  TACTICS,
  type TacticId,
  type DispositionId,
  type Influence,
  type Outcome,
  type ReasonId,
  type StageId,
  foldId,
  parseDisposition,
  parseInfluence,
  parseOutcome,
  parseReason,
  parseStage,
} from './domain/model.js';
import { parseDay } from './domain/dates.js';
import { MAX_MONTHS } from './domain/movement.js';

const or = (values: readonly string[]): string => values.join(', ');

export function stageOption(value: string): StageId {
  const stage = parseStage(value);
  if (!stage) throw new InvalidArgumentError(`Use a stage: ${or(STAGES)} (or 1-5).`);
  return stage;
}

export function dispositionOption(value: string): DispositionId {
  const disposition = parseDisposition(value);
  if (!disposition) throw new InvalidArgumentError(`Use a disposition: ${or(DISPOSITIONS)}.`);
  return disposition;
}

export function influenceOption(value: string): Influence {
  const influence = parseInfluence(value);
  if (!influence) throw new InvalidArgumentError(`Use ${or(INFLUENCES)}.`);
  return influence;
}

/** A level to set, or "" to clear it (as --role "" clears a role). */
export function influenceOrClearOption(value: string): Influence | null {
  return value.trim() === '' ? null : influenceOption(value);
}

/** Several values, given as separate words or separated by commas: accumulates into one list. An
 * empty one ("") is refused as the parser refuses it, never dropped: a filter left out lists everyone. */
export const many =
  <T>(parseOne: (value: string) => T) =>
  (value: string, previous: T[] | undefined): T[] => {
    const items = value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    return [...(previous ?? []), ...(items.length > 0 ? items : [value]).map(parseOne)];
  };

/** A file to read: not empty (an empty name would mean this folder). */
export function inputFileOption(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('Give a file name, or - for standard input.');
  return value;
}

/** A file to write: not empty. */
export function outputFileOption(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('Give a file name, or - for standard output.');
  return value;
}

/** Text that must say something: a team to filter by, say. */
export function nonEmptyOption(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('Give a value: an empty one would match nobody.');
  return value;
}

const NONE_ALONE = 'Use none alone: it clears the reasons, so no reason can go with it.';
/** Marks the list "none" made, so that a reason given beside it is refused, not quietly kept. */
const NONE = Symbol('none');
type Reasons = ReasonId[] & { [NONE]?: true };

/** Reason ids; "none" (alone) clears them. */
export function reasonsOption(value: string, previous: Reasons | undefined): Reasons {
  const none = value.trim().toLowerCase() === 'none';
  if (none ? (previous?.length ?? 0) > 0 : previous?.[NONE]) {
    throw new InvalidArgumentError(NONE_ALONE);
  }
  if (none) return Object.assign([] as ReasonId[], { [NONE]: true as const });
  if (value.split(',').some((item) => item.trim().toLowerCase() === 'none')) {
    throw new InvalidArgumentError(NONE_ALONE);
  }
  return many((item: string) => {
    const reason = parseReason(item);
    if (!reason) throw new InvalidArgumentError(`Use reasons: ${or(REASONS)} (or none).`);
    return reason;
  })(value, previous);
}

export function tacticOption(value: string): TacticId {
  const tactic = TACTICS.find((id) => foldId(id) === foldId(value));
  if (!tactic) throw new InvalidArgumentError(`Use a tactic: ${or(TACTICS)}.`);
  return tactic;
}

export function outcomeOption(value: string): Outcome {
  const outcome = parseOutcome(value);
  if (!outcome) throw new InvalidArgumentError(`Use an outcome: ${or(OUTCOMES)}.`);
  return outcome;
}

export function dayOption(value: string): Date {
  const day = parseDay(value);
  if (!day) throw new InvalidArgumentError('Use a date written YYYY-MM-DD, such as 2026-11-24.');
  return day;
}

export function countOption(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value.trim()) || count < 1 || !Number.isSafeInteger(count))
    throw new InvalidArgumentError('Use a whole number, 1 or more.');
  return count;
}

export function daysOption(value: string): number {
  const days = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(days)) throw new InvalidArgumentError('Use a whole number of days.');
  return days;
}

/** How many months of movement to show: 1 up to MAX_MONTHS. */
export function monthsOption(value: string): number {
  const months = Number(value);
  if (!/^\d+$/.test(value.trim()) || months < 1 || months > MAX_MONTHS)
    throw new InvalidArgumentError(`Use a whole number of months from 1 to ${MAX_MONTHS}.`);
  return months;
}

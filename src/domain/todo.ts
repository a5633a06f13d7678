// The weekly to-do: who is due for attention, the one thing to do with each (next-step.ts), why, and how
// urgent. Pure: the roster and a date in, ranked items out. README "How cx todo ranks" documents these
// rules, and test/todo.test.ts tests them one by one; change all three together.

import { addDays, dateOn, dayOf, daysBetween, nextWorkday, weekdayOf, workday } from './dates.js';
import { askedUntil, isStuck, lastContact, lastMoveUp, stuckDays } from './filter.js';

export { lastContact } from './filter.js';
import type { DispositionId, Influence, Roster, StageId, Stakeholder, TacticId } from './model.js';
import { keptWarm, targetOf } from './model.js';
import { sortByName } from './names.js';
import { FOLLOW_UP_DAYS } from './model.js';
import { type StepKind, askedNote, nextStep, owedNote, peerFinder, plural, restUntil } from './next-step.js';
import { STAGE_GUIDES } from './playbook.js';

export { shellWord } from './next-step.js';

/** Days between contacts at each stage, before disposition and influence adjust it. */
export const BASE_CADENCE: Record<StageId, number> = {
  ignorance: 21,
  skepticism: 14,
  'buy-in': 10,
  commitment: 7,
  action: 14,
};
/** Outliers and fence-sitters are seen more often than advocates. */
export const DISPOSITION_FACTOR: Record<DispositionId, number> = { outlier: 0.7, 'fence-sitter': 0.85, advocate: 1.2 };
/** People whose support matters most are seen more often. */
export const INFLUENCE_FACTOR: Record<Influence, number> = { high: 0.7, medium: 1, low: 1.5 };
/** Someone at or past their target stage is kept warm: seen this many times less often. */
export const KEEP_WARM_FACTOR = 2;
/** Cadence for someone with no stage yet. */
export const UNKNOWN_STAGE_CADENCE = 14;
/** The list is a week's: nobody is asked for more often than once a week (a VP is not nudged twice). */
export const MIN_CADENCE = 7;
/** The days a to-do covers: the day asked for and the six after it. */
export const WEEK_DAYS = 7;

/** Points that make up an item's priority (higher first). */
export const POINTS = {
  perOverdueDay: 1,
  /** Days overdue count up to two weeks: past that, who someone is matters more than how long they waited. */
  maxOverdueDays: 14,
  /** For someone kept warm at or past their target, a week's worth. */
  maxOverdueDaysKeptWarm: 7,
  /**
   * A step under way: a follow-up due, a day they named come, or the next touch after a step worked or
   * a move up. More than any wait counts (maxOverdueDays): what is moving comes before who has waited.
   */
  underWay: 15,
  influence: { high: 12, medium: 5, low: 0 } as Record<Influence, number>,
  /** An influence not known yet counts as medium: not knowing is no reason to wait. */
  unknownInfluence: 5,
  disposition: { outlier: 12, 'fence-sitter': 5, advocate: 0 } as Record<DispositionId, number>,
  perStuckWeek: 3,
  neverContacted: 6,
  noStage: 6,
};

export type TodoKind = StepKind;

export interface TodoItem {
  name: string;
  stage: StageId | null;
  disposition: DispositionId | null;
  kind: TodoKind;
  /** The playbook tactic behind the action (an id from the playbook). */
  tactic: TacticId;
  action: string;
  why: string;
  priority: number;
  /** The day contact is due (YYYY-MM-DD): at the latest the last day of the week. */
  due: string;
  /** Days since it was due; negative for a day later in the week (-2: due in two days). */
  overdueDays: number;
  /** An Action-stage colleague whose progress to share. */
  peer?: string;
  /** Their role and team, when known, to tell people apart at a glance. */
  role?: string;
  team?: string;
}

/** How many days may pass between contacts with this person. */
export function cadenceDays(person: Stakeholder): number {
  const base = person.stage ? BASE_CADENCE[person.stage] : UNKNOWN_STAGE_CADENCE;
  const disposition = person.disposition ? DISPOSITION_FACTOR[person.disposition] : 1;
  const influence = person.influence ? INFLUENCE_FACTOR[person.influence] : 1;
  const warm = keptWarm(person) ? KEEP_WARM_FACTOR : 1;
  return Math.max(MIN_CADENCE, Math.round(base * disposition * influence * warm));
}

/** The day of the step logged as waiting that a follow-up is for. */
const waitingSince = (person: Stakeholder): string | undefined =>
  (person.log ?? []).findLast((entry) => entry.tactic !== undefined)?.on;

/** The reasons to be due that are a step under way (POINTS.underWay). */
const UNDER_WAY: ReadonlySet<DueBy> = new Set<DueBy>(['follow-up', 'owed', 'asked', 'worked', 'moved']);

/**
 * Why contact falls due when it does: a first contact, the cadence, a follow-up of a step waiting, the
 * next touch after a step that worked or a move up, the end of a rest, or the day they named.
 */
export type DueBy = 'first-contact' | 'cadence' | 'follow-up' | 'owed' | 'rest' | 'asked' | 'worked' | 'moved';

/**
 * The day contact falls due, and why: at once for someone never contacted; sooner for a step waiting
 * for an answer; not before a rest ends, for someone who turned down every approach.
 */
export function dueDay(person: Stakeholder): { day: string; by: DueBy } {
  const last = lastContact(person);
  if (last === undefined) return { day: dayOf(person.createdAt), by: 'first-contact' };
  const byCadence = workday(addDays(last, cadenceDays(person)));
  const due = ((): { day: string; by: DueBy } => {
    const rest = restUntil(person);
    if (rest && rest > byCadence) return { day: rest, by: 'rest' };
    const step = (person.log ?? []).findLast((entry) => entry.tactic !== undefined);
    // A step under way is due on its day or by the cadence, whichever comes first, and stays under way.
    const sooner = (day: string, by: DueBy) => ({ day: day < byCadence ? day : byCadence, by });
    // What they asked for first (`--outcome requested`) is owed the next working day.
    if (step?.outcome === 'requested') return sooner(nextWorkday(step.on), 'owed');
    // A step put off to a day they named ("not before the release") is due on that day, not by the cadence.
    if (step?.outcome === 'declined' && step.until) return { day: step.until, by: 'asked' };
    if (step?.outcome === 'waiting') {
      // On the day they said they would answer by, if they named one; else a week on.
      return sooner(step.until ?? workday(addDays(step.on, FOLLOW_UP_DAYS)), 'follow-up');
    }
    // Momentum: a move up since you last talked (a thank-you is owed), or a step that worked, is followed
    // within a week, not left to the cadence.
    // (Only someone whose history changed since you last talked can have moved since: most have not.)
    const changed = person.history.at(-1);
    const moved = changed && dayOf(changed.at) >= last ? lastMoveUp(person) : undefined;
    if (moved && dayOf(moved) >= last) return sooner(workday(addDays(dayOf(moved), FOLLOW_UP_DAYS)), 'moved');
    // (Not for someone kept warm at their target: there is nothing more to move them to.)
    if (step?.outcome === 'worked' && step.on === last && !keptWarm(person)) {
      return sooner(workday(addDays(step.on, FOLLOW_UP_DAYS)), 'worked');
    }
    return { day: byCadence, by: 'cadence' };
  })();
  // They asked you to come back on a day: nothing before it, a follow-up included.
  const asked = askedUntil(person);
  return asked && asked > due.day ? { day: asked, by: 'asked' } : due;
}

const weeks = (days: number): string => {
  const count = Math.floor(days / 7);
  return count === 1 ? '1 week' : `${count} weeks`;
};

/** What makes a person due this week, and how urgent: worked out for everyone before any advice is. */
interface Due {
  person: Stakeholder;
  due: string;
  overdueDays: number;
  priority: number;
  disposition: DispositionId | null;
  why: string[];
  by: DueBy;
}

function dueness(person: Stakeholder, today: Date): Due | undefined {
  if (daysBetween(today, person.createdAt) > 0) return undefined; // not in the roster yet on that day
  const { day: due, by } = dueDay(person);
  const overdueDays = daysBetween(due, today);
  // The whole week's contacts, not only those due on its first morning: one due on Thursday is planned on Monday.
  if (overdueDays <= -WEEK_DAYS) return undefined;
  const last = lastContact(person);
  const why: string[] = [];
  // Points for the days it is late; one due later in the week ranks by the rest, then by its day.
  // Keeping someone warm at their target can wait longer than moving someone who is not there yet.
  const most = keptWarm(person) ? POINTS.maxOverdueDaysKeptWarm : POINTS.maxOverdueDays;
  let priority = Math.min(most, Math.max(0, overdueDays)) * POINTS.perOverdueDay;
  if (UNDER_WAY.has(by)) priority += POINTS.underWay;
  const late =
    overdueDays > 0
      ? `overdue by ${plural(overdueDays, 'day')}`
      : overdueDays === 0
        ? 'due today'
        : `due ${weekdayOf(due)} ${due}`;
  if (by === 'first-contact') {
    // Someone already where they are needed is owed a thank-you, not the first of the hard conversations.
    if (!keptWarm(person)) priority += POINTS.neverContacted;
    why.push(
      `not contacted since added on ${dayOf(person.createdAt)}${overdueDays > 0 ? ` (${plural(overdueDays, 'day')} ago)` : ''}`,
    );
  } else if (by === 'follow-up') {
    why.push(`${late}: a follow-up of the step logged as waiting on ${waitingSince(person)}`);
  } else if (by === 'asked') {
    why.push(
      overdueDays > 0 ? `${late}: they asked you to come back on ${due}` : `${late}, the day they asked you to come back on`,
    );
  } else if (by === 'owed') {
    why.push(`${late}: what they asked for on ${last} is owed`);
  } else if (by === 'worked') {
    why.push(`${late}: keep it moving`);
  } else if (by === 'moved') {
    why.push(`${late}: moved up to ${STAGE_GUIDES[person.stage as StageId].label} on ${dayOf(lastMoveUp(person) as string)}`);
  } else if (by === 'rest') {
    why.push(`${late}: the month's rest after they turned down every approach is over`);
  } else {
    why.push(`${late} (every ${cadenceDays(person)} days; last contact ${last})`);
  }
  if (!person.stage) priority += POINTS.noStage;
  // A month's rest is no stall: it is not counted against them as the rest ends.
  if (by !== 'rest' && isStuck(person, today)) {
    const stuckFor = stuckDays(person, today);
    priority += Math.floor(stuckFor / 7) * POINTS.perStuckWeek;
    why.push(`stuck at ${STAGE_GUIDES[person.stage as StageId].label} for ${weeks(stuckFor)}`);
  }
  if (person.disposition) priority += POINTS.disposition[person.disposition];
  priority += person.influence ? POINTS.influence[person.influence] : POINTS.unknownInfluence;
  return { person, due, overdueDays, priority, disposition: person.disposition, why, by };
}

/** The item for a person chosen for this week: the next step, and why it is due. */
function itemFor(entry: Due, peerFor: (person: Stakeholder) => Stakeholder | undefined, today: Date): TodoItem {
  const { person } = entry;
  // One due later in the week when a rest ends, or on the day they named, gets that day's step.
  const later = entry.overdueDays < 0 && (entry.by === 'rest' || entry.by === 'asked');
  const step = nextStep(person, { today: later ? dateOn(entry.due, today) : today, peerFor });
  // What makes them due is said once: the day they asked you to come back on, what you owe them.
  const said = entry.by === 'asked' ? askedNote(entry.due) : entry.by === 'owed' ? owedNote(lastContact(person) ?? '') : '';
  const why = [...entry.why, ...step.why.filter((reason) => reason !== said)];
  if (person.influence === 'high' || person.influence === 'medium') why.push(`${person.influence} influence`);
  return {
    name: person.name,
    stage: person.stage,
    disposition: person.disposition,
    kind: step.kind,
    tactic: step.tactic,
    action: step.action,
    why: why.join('; '),
    priority: entry.priority,
    due: entry.due,
    overdueDays: entry.overdueDays,
    ...(step.peer ? { peer: step.peer } : {}),
    ...(person.role ? { role: person.role } : {}),
    ...(person.team ? { team: person.team } : {}),
  };
}

/**
 * One item per person who is due for attention in the week that starts on `today`, highest priority
 * first. Everyone is scored; only those who make the list get their advice worked out.
 */
export function weeklyTodo(roster: Roster, today: Date, limit = Number.POSITIVE_INFINITY): TodoItem[] {
  return weekPlan(roster, today, limit).items;
}

/**
 * The week's items (weeklyTodo), how many people are due in all (more than the items past the limit),
 * how many of those have no target short of Action (a lower one would see them less often, once reached),
 * and the names of the first three left out.
 */
export function weekPlan(
  roster: Roster,
  today: Date,
  limit = Number.POSITIVE_INFINITY,
): { items: TodoItem[]; due: number; untargeted: number; next: string[] } {
  const due = roster.people.map((person) => dueness(person, today)).filter((entry): entry is Due => entry !== undefined);
  const ranked = sortByName(due, (entry) => entry.person.name).sort(
    (a, b) => b.priority - a.priority || b.overdueDays - a.overdueDays,
  );
  const peerFor = peerFinder(roster);
  const untargeted = due.filter(({ person }) => person.stage !== 'action' && targetOf(person) === 'action').length;
  const chosen = keepOthersInView(ranked, limit);
  // The first few past the limit, by name, so that nobody important is only a number.
  const kept = new Set(chosen);
  const next = ranked
    .filter((entry) => !kept.has(entry))
    .slice(0, 3)
    .map((entry) => entry.person.name);
  return { items: chosen.map((entry) => itemFor(entry, peerFor, today)), due: due.length, untargeted, next };
}

/**
 * The first `limit` items, except that advocates may take at most half of the places while an outlier
 * or fence-sitter is waiting: the easy conversations must not crowd out the hard ones.
 */
function keepOthersInView<T extends { disposition: DispositionId | null }>(ranked: T[], limit: number): T[] {
  if (ranked.length <= limit) return ranked;
  const maxAdvocates = Math.max(1, Math.ceil(limit / 2));
  const chosen: T[] = [];
  let advocates = 0;
  let othersLeft = ranked.filter((item) => item.disposition !== 'advocate').length;
  for (const item of ranked) {
    if (chosen.length === limit) break;
    const advocate = item.disposition === 'advocate';
    if (advocate && advocates >= maxAdvocates && othersLeft > 0) continue;
    chosen.push(item);
    if (advocate) advocates++;
    else othersLeft--;
  }
  // Fill any places left (when there were too few others) with the advocates skipped, in rank order.
  const taken = new Set(chosen);
  for (const item of ranked) {
    if (chosen.length === limit) break;
    if (!taken.has(item)) chosen.push(item);
  }
  const position = new Map(ranked.map((item, index) => [item, index]));
  return chosen.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
}

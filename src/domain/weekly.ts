// The weekly to-do: who is due for attention, the one thing to do with each, why, and how urgent.
// Pure: the roster and a date in, ranked items out. README "How cx todo ranks" documents these rules;
// change both together.

import { addDays, dayOf, daysBetween } from './dates.js';
import { stageSince } from './filter.js';
import type { DispositionId, Influence, Roster, StageId, Stakeholder, TacticId } from './model.js';
import { isOutlierReason, isSkepticismReason } from './model.js';
import { nameKey, sortByName } from './names.js';
import { STAGE_GUIDES, TACTIC_GUIDES, personalise, tacticIdsFor } from './playbook.js';
import { type QuestionId, isAsked, questionById } from './questionnaire.js';

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
/** Cadence for someone with no stage yet. */
export const UNKNOWN_STAGE_CADENCE = 14;
export const MIN_CADENCE = 3;
/** A stage held this long counts as stuck. */
export const STUCK_DAYS = 21;
/** An assessment this old is due again. */
export const REASSESS_DAYS = 30;

/** Points that make up an item's priority (higher first). */
export const POINTS = {
  perOverdueDay: 1,
  influence: { high: 10, medium: 5, low: 0 } as Record<Influence, number>,
  disposition: { outlier: 8, 'fence-sitter': 5, advocate: 0 } as Record<DispositionId, number>,
  perStuckWeek: 3,
  notAssessed: 6,
  reassess: 4,
};

export type TodoKind = 'assess' | 'reassess' | 'find-out' | 'tactic';

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
  /** The day contact was due (YYYY-MM-DD): the last contact plus the cadence. */
  due: string;
  overdueDays: number;
  /** An Action-stage colleague whose progress to share (Commitment stage only). */
  peer?: string;
}

/** How many days may pass between contacts with this person. */
export function cadenceDays(person: Stakeholder): number {
  const base = person.stage ? BASE_CADENCE[person.stage] : UNKNOWN_STAGE_CADENCE;
  const disposition = person.disposition ? DISPOSITION_FACTOR[person.disposition] : 1;
  const influence = person.influence ? INFLUENCE_FACTOR[person.influence] : 1;
  return Math.max(MIN_CADENCE, Math.round(base * disposition * influence));
}

/** The day of the last interaction, or else of the last assessment, or else of when they were added. */
export function lastContact(person: Stakeholder): string {
  let latest: string | undefined;
  for (const entry of person.log ?? []) if (latest === undefined || entry.on > latest) latest = entry.on;
  return latest ?? dayOf(person.assessment?.at ?? person.createdAt);
}

/** A name as one word for a shell: in double quotes, or in single quotes when it holds " $ ` or \\. */
export const shellWord = (name: string): string => (/["$`\\]/.test(name) ? `'${name.replace(/'/g, `'\\''`)}'` : `"${name}"`);

const timesUsed = (person: Stakeholder, tactic: TacticId): number =>
  person.log?.filter((entry) => entry.tactic === tactic).length ?? 0;

/** The tactic's next action for this person: it moves on each time the log shows the tactic used. */
function rotatedAction(person: Stakeholder, tactic: TacticId): string {
  const actions = TACTIC_GUIDES[tactic].actions;
  return personalise(actions[timesUsed(person, tactic) % actions.length] ?? '', person.name);
}

const weeks = (days: number): string => {
  const count = Math.floor(days / 7);
  return count === 1 ? '1 week' : `${count} weeks`;
};

/**
 * Finds, for anyone, an Action-stage colleague to hold up as an example: same team first, then most
 * influence, then name. The candidates are ranked once, so a large roster costs one pass, not one per person.
 */
function peerFinder(roster: Roster): (person: Stakeholder) => Stakeholder | undefined {
  const influence = (person: Stakeholder) => (person.influence === 'high' ? 0 : person.influence === 'medium' ? 1 : 2);
  const ranked = sortByName(
    roster.people.filter((person) => person.stage === 'action'),
    (person) => person.name,
  ).sort((a, b) => influence(a) - influence(b));
  const byTeam = new Map<string, Stakeholder[]>();
  for (const person of ranked) {
    if (!person.team) continue;
    const key = nameKey(person.team);
    byTeam.set(key, [...(byTeam.get(key) ?? []), person]);
  }
  return (person) => {
    const other = (list: Stakeholder[] | undefined) => list?.find((candidate) => candidate.id !== person.id);
    return (person.team ? other(byTeam.get(nameKey(person.team))) : undefined) ?? other(ranked);
  };
}

/**
 * The "don't know" answer most worth finding out, while the stage is still the assessed one: the gate
 * that decided the stage, then what holds a skeptic back, then the disposition questions.
 */
function firstUnknown(person: Stakeholder): QuestionId | undefined {
  if (!person.assessment || person.stageSource !== 'assess') return undefined;
  const answers = person.assessment.answers;
  const unknown = (id: QuestionId) => (answers[id] ?? 'unknown') === 'unknown';
  const gates: QuestionId[] = ['understands', 'relevant', 'endorses', 'pledged', 'acted'];
  const blocker = gates.find((id) => answers[id] !== 'yes');
  const skepticWithoutReason =
    person.stage === 'skepticism' && !person.reasons.some(isSkepticismReason) && isAsked(questionById('doubt-reason'), answers);
  const candidates: (QuestionId | undefined)[] = [
    blocker,
    skepticWithoutReason ? 'doubt-reason' : undefined,
    'stance',
    'participation',
  ];
  return candidates.find((id): id is QuestionId => id !== undefined && unknown(id));
}

interface Plan {
  kind: TodoKind;
  tactic: TacticId;
  action: string;
  peer?: string;
}

/** The single most useful thing to do with a person now. */
function planFor(person: Stakeholder, peerFor: (person: Stakeholder) => Stakeholder | undefined, today: Date): Plan {
  const name = person.name;
  const command = `cx assess ${shellWord(name)}`;
  if (!person.assessment) {
    return {
      kind: 'assess',
      tactic: 'understand-why',
      action: `Assess ${name} (${command}, about five minutes), so the advice fits them.`,
    };
  }
  const outlierReasonKnown = person.reasons.some(isOutlierReason);
  if (person.disposition === 'outlier' && !outlierReasonKnown) {
    return { kind: 'tactic', tactic: 'understand-why', action: rotatedAction(person, 'understand-why') };
  }
  const unknown = firstUnknown(person);
  if (unknown) {
    const findOut = questionById(unknown).findOut;
    if (findOut) return { kind: 'find-out', tactic: 'understand-why', action: personalise(findOut, name) };
  }
  if (person.disposition === 'outlier') {
    const tactic: TacticId = timesUsed(person, 'co-lead') === 0 ? 'co-lead' : 'spotlight';
    return { kind: 'tactic', tactic, action: rotatedAction(person, tactic) };
  }
  if (daysBetween(person.assessment.at, today) >= REASSESS_DAYS) {
    return { kind: 'reassess', tactic: 'understand-why', action: `Re-assess ${name} (${command}) to see what has moved.` };
  }
  if (person.disposition === 'fence-sitter' && timesUsed(person, 'understand-why') === 0) {
    return { kind: 'tactic', tactic: 'understand-why', action: rotatedAction(person, 'understand-why') };
  }
  const stage = person.stage ?? 'ignorance';
  // The stage's first tactic, as the playbook chooses it (a skeptic's reason picks theirs).
  const tactic = tacticIdsFor({ stage, disposition: null, reasons: person.reasons })[0] ?? 'educate';
  const action = rotatedAction(person, tactic);
  if (stage === 'commitment') {
    const peer = peerFor(person);
    if (peer) return { kind: 'tactic', tactic, action: `Use ${peer.name}'s progress as the example. ${action}`, peer: peer.name };
  }
  return { kind: 'tactic', tactic, action };
}

/** What makes a person due this week, and how urgent: worked out for everyone before any advice is. */
interface Due {
  person: Stakeholder;
  cadence: number;
  last: string;
  contactDue: boolean;
  overdueDays: number;
  stuckFor: number;
  assessedDaysAgo?: number;
  priority: number;
  disposition: DispositionId | null;
}

function dueness(person: Stakeholder, today: Date): Due | undefined {
  if (daysBetween(today, person.createdAt) > 0) return undefined; // not in the roster yet on that day
  const cadence = cadenceDays(person);
  const last = lastContact(person);
  const sinceContact = daysBetween(last, today);
  const contactDue = sinceContact >= cadence;
  const assessedDaysAgo = person.assessment ? daysBetween(person.assessment.at, today) : undefined;
  const needsReassessment = assessedDaysAgo !== undefined && assessedDaysAgo >= REASSESS_DAYS;
  if (!contactDue && person.assessment && !needsReassessment) return undefined;
  const overdueDays = Math.max(0, sinceContact - cadence);
  const stuckFor = daysBetween(stageSince(person), today);
  let priority = contactDue ? overdueDays * POINTS.perOverdueDay : 0;
  if (person.stage && stuckFor >= STUCK_DAYS) priority += Math.floor(stuckFor / 7) * POINTS.perStuckWeek;
  if (!person.assessment) priority += POINTS.notAssessed;
  else if (needsReassessment) priority += POINTS.reassess;
  if (person.disposition) priority += POINTS.disposition[person.disposition];
  if (person.influence) priority += POINTS.influence[person.influence];
  return {
    person,
    cadence,
    last,
    contactDue,
    overdueDays,
    stuckFor,
    ...(assessedDaysAgo !== undefined ? { assessedDaysAgo } : {}),
    priority,
    disposition: person.disposition,
  };
}

/** The item for a person chosen for this week: the action, and why it is due. */
function itemFor(due: Due, peerFor: (person: Stakeholder) => Stakeholder | undefined, today: Date): TodoItem {
  const { person, cadence, last, overdueDays, stuckFor, assessedDaysAgo } = due;
  const plan = planFor(person, peerFor, today);
  const why: string[] = [];
  if (due.contactDue) {
    why.push(
      overdueDays > 0
        ? `overdue by ${overdueDays} day${overdueDays === 1 ? '' : 's'} (every ${cadence} days; last contact ${last})`
        : `due today (every ${cadence} days; last contact ${last})`,
    );
  }
  if (person.stage && stuckFor >= STUCK_DAYS) why.push(`stuck at ${STAGE_GUIDES[person.stage].label} for ${weeks(stuckFor)}`);
  if (!person.assessment) why.push('never assessed');
  else if (assessedDaysAgo !== undefined && assessedDaysAgo >= REASSESS_DAYS)
    why.push(`last assessed ${assessedDaysAgo} days ago`);
  if (plan.kind === 'find-out') why.push('an answer was "don\'t know"');
  if (person.disposition === 'outlier') why.push(person.reasons.some(isOutlierReason) ? 'outlier' : 'outlier, reason unknown');
  if (person.disposition === 'fence-sitter') why.push('fence-sitter');
  if (person.influence === 'high' || person.influence === 'medium') why.push(`${person.influence} influence`);
  if (plan.peer) why.push(`${plan.peer} is at Action`);
  if (person.stage === 'action' && plan.tactic === 'nurture-followers') why.push('credit them publicly');
  return {
    name: person.name,
    stage: person.stage,
    disposition: person.disposition,
    kind: plan.kind,
    tactic: plan.tactic,
    action: plan.action,
    why: why.join('; '),
    priority: due.priority,
    due: addDays(last, cadence),
    overdueDays,
    ...(plan.peer ? { peer: plan.peer } : {}),
  };
}

/**
 * One item per person who is due for attention on `today`, highest priority first. Everyone is scored;
 * only those who make the list get their advice worked out.
 */
export function weeklyTodo(roster: Roster, today: Date, limit = Number.POSITIVE_INFINITY): TodoItem[] {
  const due = roster.people.map((person) => dueness(person, today)).filter((entry): entry is Due => entry !== undefined);
  const ranked = sortByName(due, (entry) => entry.person.name).sort(
    (a, b) => b.priority - a.priority || b.overdueDays - a.overdueDays,
  );
  const peerFor = peerFinder(roster);
  return keepOthersInView(ranked, limit).map((entry) => itemFor(entry, peerFor, today));
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

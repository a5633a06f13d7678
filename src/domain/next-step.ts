// The one next step for a person, and why: the single place that decides it. `cx show` prints it as
// "Next step" and `cx todo` lists it, so the two always agree. Pure: a person, the day and a way to
// find a peer in; a step out. README "How cx decides" and "How cx todo ranks" document these rules.

import { type Assessment, assess } from './assess.js';
import { addDays, dayOf, daysBetween } from './dates.js';
import { askedUntil, lastContact, lastMoveUp, stageSince } from './filter.js';
import type { Answers, LogEntry, ReasonId, Roster, Stakeholder, StageId, TacticId } from './model.js';
import { STAGES, isOutlierReason, isSkepticismReason, keptWarm, targetOf } from './model.js';
import { nameKey, sortByName } from './names.js';
import { type Awaits, REASON_GUIDES, STAGE_GUIDES, TACTIC_GUIDES, personalise, tacticIdsFor } from './playbook.js';
import { type QuestionId, UNKNOWN, questionById } from './questionnaire.js';

export { FOLLOW_UP_DAYS } from './model.js';
/** An assessment this old is due again, once they have been talked to since. */
export const REASSESS_DAYS = 30;
/** A move someone declined is not offered again for this long; nor anything, once every approach was. */
export const REST_DAYS = 30;

/**
 * What kind of step it is: `assess` (no stage yet), `reassess`, `find-out` (a "don't know" that
 * decides the advice), `tactic` (a move from the playbook), `follow-up` (a step still waiting for an
 * answer) or `keep-warm` (at or past their target stage).
 */
export type StepKind = 'assess' | 'reassess' | 'find-out' | 'tactic' | 'follow-up' | 'keep-warm';

export interface NextStep {
  kind: StepKind;
  /** The playbook tactic behind the step (for assess, reassess and find-out: understand-why). */
  tactic: TacticId;
  /** What to do, personalised. */
  action: string;
  /** Why this step, as short phrases. */
  why: string[];
  /** An Action-stage colleague whose progress to show them. */
  peer?: string;
}

export interface StepContext {
  today: Date;
  /** An Action-stage colleague to hold up as the example for this person, if any (peerFinder). */
  peerFor: (person: Stakeholder) => Stakeholder | undefined;
}

/** A name as one word for a shell: in double quotes, or in single quotes when it holds " $ ` or \\. */
export const shellWord = (name: string): string => (/["$`\\]/.test(name) ? `'${name.replace(/'/g, `'\\''`)}'` : `"${name}"`);

const label = (stage: StageId): string => STAGE_GUIDES[stage].label;
const tacticName = (tactic: TacticId): string => TACTIC_GUIDES[tactic].name.toLowerCase();

/**
 * Finds, for anyone, an Action-stage colleague to hold up as an example: never an outlier (held up as
 * the program's success, one who works around it would take offence, and nobody would follow them).
 * The nearest in influence first, their own level before one above it (a team lead looks to a team
 * lead, not to a VP), never one below it; among those, their own team first; then one with
 * a result logged (a step that worked); then by name. The candidates are chosen and sorted once; each
 * person then costs one look through the Action-stage colleagues.
 */
export function peerFinder(roster: Roster): (person: Stakeholder) => Stakeholder | undefined {
  const level = (person: Stakeholder) => (person.influence === 'high' ? 2 : person.influence === 'low' ? 0 : 1);
  // Someone with a step that worked logged has a result to point at.
  const result = (person: Stakeholder) => (person.log?.some((entry) => entry.outcome === 'worked') ? 0 : 1);
  const examples = sortByName(
    roster.people.filter((person) => person.stage === 'action' && person.disposition !== 'outlier'),
    (person) => person.name,
  ).sort((a, b) => result(a) - result(b));
  /** How far a candidate is above the person's level: the same 0, above 1 or 2; below is no peer (the
   * advice says "a peer at their level": a COO is not shown what a team lead did). */
  const distance = (person: Stakeholder, candidate: Stakeholder) => {
    const gap = level(candidate) - level(person);
    return gap >= 0 ? gap : Number.POSITIVE_INFINITY;
  };
  return (person) => {
    let best: Stakeholder | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    const team = person.team && nameKey(person.team);
    for (const candidate of examples) {
      if (candidate.id === person.id) continue;
      const otherTeam = team && candidate.team && nameKey(candidate.team) === team ? 0 : 1;
      // The level first, then the team; the first of equals has a result, then comes first by name.
      const score = distance(person, candidate) * 2 + otherTeam;
      if (score < bestScore) [best, bestScore] = [candidate, score];
    }
    return best;
  };
}

/** The log entries that belong to the current stage: from the day it began. */
function sinceStage(person: Stakeholder): LogEntry[] {
  const from = dayOf(stageSince(person));
  return (person.log ?? []).filter((entry) => entry.on >= from);
}

/** Follow-ups of a step with no answer before the silence is taken as a no for now. */
export const UNANSWERED_FOLLOW_UPS = 2;
/** What a follow-up asks, by what the step waits for from them (the playbook's `awaits`). */
const FOLLOW_UP: Record<Awaits, string> = {
  meeting: 'ask once more for the conversation, offering two times that suit them or a shorter one.',
  decision: 'ask where it stands, and what would help them decide.',
  answer: 'ask again, in one line they can answer quickly.',
  sent: 'ask whether they have had a chance to look at it, and what they made of it.',
  other: 'see where it stands, and whether another way round would be quicker.',
};

/** A count with its noun: "1 day", "3 days" ("2 people have", given the plural). */
export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** The entries of a tactic logged as waiting at the end of these, with no other step between them. */
function waitingRun(entries: readonly LogEntry[], tactic: TacticId): LogEntry[] {
  const run: LogEntry[] = [];
  for (const entry of [...entries].reverse()) {
    if (entry.tactic === undefined) continue;
    if (entry.tactic !== tactic || entry.outcome !== 'waiting') break;
    run.unshift(entry);
  }
  return run;
}

/** The last entry that used a tactic (the log is kept in date order), if any. */
const lastTactic = (entries: readonly LogEntry[]): LogEntry | undefined =>
  entries.findLast((entry) => entry.tactic !== undefined);

/**
 * Whether the person has contributed something to put in a spotlight: a logged step that worked and
 * had them give something (a lead role, people, time: not a conversation that taught you something),
 * or a move up the ladder.
 */
export function hasContributed(person: Stakeholder): boolean {
  if (person.log?.some((entry) => gaveSomething(person, entry))) return true;
  return lastMoveUp(person) !== undefined;
}

/**
 * When what cx knows of the person was last judged: their last assessment, or the last time the user
 * set their stage, disposition or reasons.
 */
function lastJudged(person: Stakeholder): string | undefined {
  let latest = person.assessment?.at;
  for (const entry of person.history) {
    if (entry.source === 'assess') continue;
    const judged = entry.changes.some((change) => ['stage', 'disposition', 'reasons'].includes(change.field));
    if (judged && (latest === undefined || entry.at > latest)) latest = entry.at;
  }
  return latest;
}

/** Whether a log entry comes after a moment: by its time when it has one, else by its day. */
const loggedAfter = (entry: LogEntry, moment: string | undefined): boolean =>
  moment === undefined || (entry.at !== undefined ? entry.at > moment : entry.on > dayOf(moment));

/** A step of a tactic taken: a log entry that used it, other than one still waiting for an answer
 * (whose follow-up is the same step, not the next). */
const tookStep = (entry: LogEntry, tactic: TacticId): boolean =>
  entry.tactic === tactic && entry.outcome !== 'waiting' && entry.outcome !== 'requested' && !deferred(entry);

/** A step declined with a day to come back: not now, rather than no. The same step is offered again on that day. */
const deferred = (entry: LogEntry): boolean => entry.outcome === 'declined' && entry.until !== undefined;

/**
 * Which of the tactic's actions is next after these log entries: it moves on each time they show a
 * step of it taken. An answer the tactic leads with (leadsWith) puts its action first, the opener out.
 */
function actionIndex(log: readonly LogEntry[], tactic: TacticId, answers?: Answers): number {
  const { actions, opener, leadsWith } = TACTIC_GUIDES[tactic];
  const used = log.filter((entry) => tookStep(entry, tactic)).length;
  const given = leadsWith && answers?.[leadsWith.question];
  if (leadsWith && (given === leadsWith.answer || (Array.isArray(given) && given.includes(leadsWith.answer)))) {
    const rest = [...actions.keys()].filter((index) => index !== leadsWith.action && !(opener && index === 0));
    const order = [leadsWith.action, ...rest];
    return order[used % order.length] as number;
  }
  // An opening for a first conversation is skipped for someone you had talked to before this tactic
  // (a step still waiting for an answer is no conversation).
  const first = log.findIndex((entry) => tookStep(entry, tactic));
  const talked = (first === -1 ? log : log.slice(0, first)).some((entry) => entry.outcome !== 'waiting');
  const step = used + (opener && talked ? 1 : 0);
  // Past the last action (a new round, once they have been judged again), the opener is not said twice.
  const from = opener && actions.length > 1 ? 1 : 0;
  return step < actions.length ? step : from + ((step - from) % (actions.length - from));
}

/** The tactic's next action for this person, as the playbook has it. */
const nextAction = (person: Stakeholder, tactic: TacticId): string =>
  TACTIC_GUIDES[tactic].actions[actionIndex(person.log ?? [], tactic, person.assessment?.answers)] ?? '';

/** The tactic's next action for this person, filled in. */
const rotatedAction = (person: Stakeholder, tactic: TacticId): string => personalise(nextAction(person, tactic), person);

/**
 * Whether a log entry is a step that worked and had them give something (a lead role, people, time, a
 * first step in their area): a contribution tactic, or the action of one that `gives`. Not a talk that
 * went well, nor your thanks.
 */
export function gaveSomething(person: Stakeholder, entry: LogEntry): boolean {
  if (entry.outcome !== 'worked' || entry.tactic === undefined) return false;
  const { contribution, gives } = TACTIC_GUIDES[entry.tactic];
  if (contribution || !gives) return contribution;
  const log = person.log ?? [];
  return gives.includes(actionIndex(log.slice(0, Math.max(0, log.indexOf(entry))), entry.tactic, person.assessment?.answers));
}

/** What a step logged as waiting waits for: that of the action it was, the one next when it was logged. */
function awaited(person: Stakeholder, entry: LogEntry): Awaits {
  const tactic = entry.tactic as TacticId;
  const log = person.log ?? [];
  const before = log.slice(0, Math.max(0, log.indexOf(entry)));
  return TACTIC_GUIDES[tactic].awaits[actionIndex(before, tactic, person.assessment?.answers)] ?? 'other';
}

/**
 * The "don't know" answer most worth finding out, while the stage is still the assessed one: the rung
 * that holds them, then what holds a skeptic back, then how they respond when CX comes up.
 */
function firstUnknown(person: Stakeholder, result: Assessment | undefined): QuestionId | undefined {
  if (!result) return undefined;
  const candidates: QuestionId[] = [];
  if (result.blocker?.answer === UNKNOWN) candidates.push(result.blocker.question);
  if (person.stage === 'skepticism') candidates.push('doubt-reason');
  candidates.push('stance');
  const open = stillToFindOut(person, result);
  return candidates.find((id) => open.includes(id));
}

/**
 * The "don't know" answers still worth finding out: all of them, except what holds a skeptic back once
 * a reason is known (one of theirs, or an outlier's: "it won't work here" answers it better than the
 * numbers-or-change question could).
 */
export function stillToFindOut(person: Stakeholder, result: Assessment): QuestionId[] {
  const known = person.reasons.some((reason) => isSkepticismReason(reason) || isOutlierReason(reason));
  return result.unknowns.filter((id) => !(id === 'doubt-reason' && known));
}

/**
 * The reasons that explain the person as they are now: a skeptic's doubt at Skepticism (or owed from
 * beneath it), what holds back an outlier or a fence-sitter, other work winning at Buy-in or Commitment.
 */
export function reasonsThatApply(person: Stakeholder, gaps: readonly StageId[] = gapsOf(person)): ReasonId[] {
  const stalled = person.stage === 'buy-in' || person.stage === 'commitment';
  return person.reasons.filter((reason) => {
    if (reason === 'conflicting-priorities') return stalled;
    const holdsBack = isOutlierReason(reason) && person.disposition !== 'advocate';
    if (isSkepticismReason(reason)) return person.stage === 'skepticism' || gaps.includes('skepticism') || holdsBack;
    return holdsBack;
  });
}

/** What is known about why they hold back, in a few words ("outlier: cost concerns"). */
function standing(person: Stakeholder, gaps: readonly StageId[]): string[] {
  const why: string[] = [];
  const labels = reasonsThatApply(person, gaps).map((reason) => REASON_GUIDES[reason].label.toLowerCase());
  if (person.disposition === 'outlier') {
    const known = person.reasons.some(isOutlierReason);
    why.push(labels.length ? `outlier: ${labels.join('; ')}` : known ? 'outlier' : 'outlier, reason unknown');
  } else if (person.disposition === 'fence-sitter') {
    why.push(labels.length ? `fence-sitter: ${labels.join('; ')}` : 'fence-sitter');
  } else if (labels.length) {
    why.push(labels.join('; '));
  }
  return why;
}

/** The single most useful thing to do with a person now, and why. */
export function nextStep(person: Stakeholder, context: StepContext): NextStep {
  const name = person.name;
  const command = `cx assess ${shellWord(name)}`;
  if (!person.stage) {
    return {
      kind: 'assess',
      tactic: 'understand-why',
      action: `Assess ${name} (${command}, about five minutes), so the advice fits them.`,
      why: ['no stage yet'],
    };
  }
  const stage = person.stage;
  // The saved answers, worked out again once: the find-outs, the reasons and the plan all read them.
  const result = assessedNow(person);
  const gaps = result?.gaps ?? [];
  const why = standing(person, gaps);
  const entries = sinceStage(person);
  const latest = lastTactic(entries);
  const judged = lastJudged(person);
  const today = dayOf(context.today);
  const asked = askedUntil(person);
  if (asked && asked > today) why.push(askedNote(asked));
  // Whatever they said no to in the last month is not offered again, at this stage or since an earlier one.
  const refused = declinedSince(person.log ?? [], addDays(context.today, -REST_DAYS), today);

  // A step still waiting for an answer comes back as itself, a follow-up: not as a new tactic; after
  // two follow-ups with no answer, the silence is taken as a no for now, and a different approach follows.
  if (latest?.tactic && latest.outcome === 'waiting') {
    const waits = waitingRun(entries, latest.tactic);
    const first = waits[0] as LogEntry;
    if (waits.length > UNANSWERED_FOLLOW_UPS) {
      const silence = `no answer to ${tacticName(latest.tactic)} since ${first.on}, after ${plural(waits.length - 1, 'follow-up')}: taken as a no for now`;
      // Silence to finding out and to an outside voice alike, as to a no to both: a month's rest.
      const rest = restUntil(person);
      if (rest && rest > dayOf(context.today)) return resting(person, later(rest, asked), [...why, silence]);
      // Silence after sending what they asked for: whether it answered them, before anything new.
      const log = person.log ?? [];
      const request = log.slice(0, log.indexOf(first)).findLast((entry) => entry.tactic !== undefined);
      if (request?.tactic === latest.tactic && request.outcome === 'requested') {
        return {
          kind: 'tactic',
          tactic: 'understand-why',
          action: `Ask ${name} whether what you sent on ${first.on} ("${first.text}") answers what they asked for on ${request.on} ("${request.text}"), and what would help them decide.`,
          why: [...why, silence],
        };
      }
      return differentApproach(person, first, new Set([...refused, latest.tactic]), why, silence);
    }
    return {
      kind: 'follow-up',
      tactic: latest.tactic,
      action: `Follow up with ${name} on what you logged on ${first.on} ("${first.text}"): ${FOLLOW_UP[awaited(person, first)]}`,
      why: [
        ...why,
        `waiting for an answer since ${first.on}${waits.length > 1 ? ` (${plural(waits.length - 1, 'follow-up')} so far)` : ''}`,
      ],
    };
  }
  // They asked for something first: it is owed, and the step waits for it.
  if (latest?.tactic && latest.outcome === 'requested') {
    return {
      kind: 'tactic',
      tactic: latest.tactic,
      action: `Send ${name} what they asked for on ${latest.on} ("${latest.text}"), then log it: cx log ${shellWord(name)} "Sent …" --tactic ${latest.tactic} --outcome waiting.`,
      why: [...why, owedNote(latest.on)],
    };
  }
  // Put off to a day they named: the same step, then, with what they put off.
  // (What they put off is in their words: the playbook's next action would be another ask.)
  if (latest?.tactic && deferred(latest)) {
    return {
      kind: 'tactic',
      tactic: latest.tactic,
      action: `Go back to ${name}, as they asked, with what they put off on ${latest.on} ("${latest.text}"): ask for it again now, and agree a date.`,
      why: [...why, `${tacticName(latest.tactic)} was put off on ${latest.on}, not turned down`],
    };
  }
  // What a "find out" taught is recorded by assessing them again.
  if (latest?.tactic === 'understand-why' && latest.outcome !== 'declined' && loggedAfter(latest, judged)) {
    return {
      kind: person.assessment ? 'reassess' : 'assess',
      tactic: 'understand-why',
      action: `${person.assessment ? 'Re-assess' : 'Assess'} ${name} (${command}) to record what you learned on ${latest.on}, so the next step fits it; cx set ${shellWord(name)} --note "…" keeps it in their words.`,
      why: [...why, `you found out more on ${latest.on}`],
    };
  }
  // Declined: a different approach, never the next move of the chain as if it had worked; once every
  // approach was declined, a rest.
  const rest = restUntil(person);
  if (rest && rest > dayOf(context.today)) return resting(person, later(rest, asked), why);
  if (latest?.tactic && latest.outcome === 'declined') return differentApproach(person, latest, refused, why);

  if (person.disposition === 'outlier' && !person.reasons.some(isOutlierReason)) {
    return { kind: 'tactic', tactic: 'understand-why', action: rotatedAction(person, 'understand-why'), why };
  }
  // Outliers' reasons pick their moves; for everyone else, a "don't know" that decides the advice comes first.
  const unknown = person.disposition === 'outlier' ? undefined : firstUnknown(person, result);
  const findOut = unknown && questionById(unknown).findOut;
  if (findOut) {
    return {
      kind: 'find-out',
      tactic: 'understand-why',
      action: personalise(findOut, person),
      why: [...why, `"${unknown}" was "don't know"`],
    };
  }
  if (keptWarm(person)) {
    const target = targetOf(person);
    const tactic: TacticId = stage === 'action' ? 'nurture-followers' : 'keep-warm';
    return thanked(person, {
      kind: 'keep-warm',
      tactic,
      action: rotatedAction(person, tactic),
      why: [...why, stage === target ? `at their target, ${label(target)}` : `past their target, ${label(target)}`],
    });
  }
  // An old assessment is worth redoing once you have talked to them since; until then, the first
  // conversation is still owed.
  if (person.assessment && daysBetween(person.assessment.at, context.today) >= REASSESS_DAYS && loggedSince(person, judged)) {
    return {
      kind: 'reassess',
      tactic: 'understand-why',
      action: `Re-assess ${name} (${command}) to see what has moved${stage === 'action' ? ', and whether they still act on it' : ''}.`,
      why: [...why, `last assessed ${dayOf(person.assessment.at)}`],
    };
  }
  return thanked(person, planned(person, gaps, entries, refused, why, context));
}

/**
 * A step that starts with thanks, for someone who moved up since you last talked to them: for what they
 * did (the last thing logged before the move, in your words), or for the move you recorded.
 */
function thanked(person: Stakeholder, step: NextStep): NextStep {
  const moved = lastMoveUp(person);
  const log = person.log ?? [];
  const talked = lastContact(person);
  if (!moved || !talked || dayOf(moved) < talked || (step.kind !== 'tactic' && step.kind !== 'keep-warm')) return step;
  if (step.action.startsWith('Thank ')) return step; // thanks already (nurturing someone at Action)
  // What moved them: the last thing logged by the day of the move that was not a wait, a no or an ask.
  const did = log.findLast(
    (entry) =>
      entry.on <= dayOf(moved) && entry.outcome !== 'waiting' && entry.outcome !== 'declined' && entry.outcome !== 'requested',
  );
  const what = did
    ? `what they did ("${did.text}", ${did.on})`
    : `the step they took (you recorded their move to ${label(person.stage as StageId)} on ${dayOf(moved)})`;
  return { ...step, action: `Thank ${person.name} for ${what}, and say what it makes possible. Then: ${step.action}` };
}

/** Whether the person was judged again after an entry (a step logged on the day they were assessed is not). */
const judgedAfter = (entry: LogEntry, judged: string | undefined): boolean =>
  judged !== undefined && (entry.at !== undefined ? judged > entry.at : dayOf(judged) > entry.on);

/** Whether anything was logged after the moment the person was last judged. */
const loggedSince = (person: Stakeholder, judged: string | undefined): boolean =>
  (person.log ?? []).some((entry) => loggedAfter(entry, judged));

/** The tactics declined on or after a day, but for those put off to a day that has come. */
function declinedSince(entries: readonly LogEntry[], day: string, today: string): Set<TacticId> {
  const declined = new Set<TacticId>();
  for (const entry of entries) {
    const cameRound = deferred(entry) && (entry.until as string) <= today;
    if (entry.tactic && entry.outcome === 'declined' && entry.on >= day && !cameRound) declined.add(entry.tactic);
  }
  return declined;
}

/** What the next step says of what they asked for (cx todo, which says it itself, leaves it out). */
export const owedNote = (day: string): string => `you owe them what they asked for on ${day}`;

/** What the next step says of a day they asked you to come back on (cx todo, which says it itself, leaves it out). */
export const askedNote = (day: string): string => `they asked you to come back on ${day}: nothing before then`;

/**
 * The last day a tactic was turned down in these entries: declined, or left unanswered through two
 * follow-ups (the third "waiting" in a row), which counts as a no for now.
 */
function lastTurnedDown(entries: readonly LogEntry[], tactic: TacticId): string | undefined {
  const silent = (index: number) => waitingRun(entries.slice(0, index + 1), tactic).length > UNANSWERED_FOLLOW_UPS;
  return entries.findLast(
    (entry, index) =>
      entry.tactic === tactic &&
      ((entry.outcome === 'declined' && !deferred(entry)) || (entry.outcome === 'waiting' && silent(index))),
  )?.on;
}

/**
 * The day a rest ends, when they have turned down every approach at this stage (finding out what would
 * work, and a neutral outside voice), by a no or by silence: a month after the last of those; undefined
 * otherwise.
 */
export function restUntil(person: Stakeholder): string | undefined {
  // Most people have turned nothing down: no need to find where their stage began.
  const maybe = (tactic: TacticId) =>
    person.log?.some((entry) => entry.tactic === tactic && (entry.outcome === 'declined' || entry.outcome === 'waiting'));
  if (!maybe('understand-why') || !maybe('outside-authority')) return undefined;
  const entries = sinceStage(person);
  const askedWhy = lastTurnedDown(entries, 'understand-why');
  const outside = lastTurnedDown(entries, 'outside-authority');
  if (!askedWhy || !outside) return undefined;
  const latest = askedWhy > outside ? askedWhy : outside;
  // A move that worked, or a new judgement, since the last refusal ends it.
  if (entries.some((entry) => entry.on > latest && entry.outcome === 'worked')) return undefined;
  return addDays(latest, REST_DAYS);
}

/** The later of a rest's end and the day they asked you to come back on: the one day a rest names. */
const later = (rest: string, asked: string | undefined): string => (asked && asked > rest ? asked : rest);

/** While they rest: light contact, nothing asked, until the day it ends. */
function resting(person: Stakeholder, until: string, why: string[]): NextStep {
  return {
    kind: 'keep-warm',
    tactic: 'keep-warm',
    action: `${rotatedAction(person, 'keep-warm')} Ask for nothing before ${until}.`,
    why: [...why, `every approach at this stage was turned down or went unanswered; a fresh one after ${until}`],
  };
}

/** The person's saved answers, worked out again, while their stage is still the assessed one. */
const assessedNow = (person: Stakeholder): Assessment | undefined =>
  person.assessment && person.stageSource === 'assess' ? assess(person.assessment.answers) : undefined;

/** The stages beneath a person's whose rung their assessment answered "no" (while the stage is its own). */
const gapsOf = (person: Stakeholder): StageId[] => assessedNow(person)?.gaps ?? [];

/**
 * The person's plan: the playbook's moves for them, in order (tacticIdsFor, with their gaps); for
 * someone at or past a target short of Action who is not an outlier, keeping them warm and no more.
 */
export const planOf = (person: Stakeholder, gaps: readonly StageId[] = gapsOf(person)): TacticId[] => {
  if (person.stage !== 'action' && keptWarm(person)) return ['keep-warm'];
  const plan = tacticIdsFor({ ...person, gaps });
  // An outlier who came round has had what held them back answered already: no need to find it out again.
  const cameRound =
    person.disposition !== 'outlier' &&
    person.history.some((entry) => entry.changes.some((change) => change.field === 'disposition' && change.from === 'outlier'));
  const rest = cameRound ? plan.filter((tactic) => tactic !== 'understand-why') : plan;
  return rest.length > 0 ? rest : plan;
};

/** The outcome of each tactic's last use in these entries. */
function outcomes(entries: readonly LogEntry[]): Map<TacticId, LogEntry> {
  const last = new Map<TacticId, LogEntry>();
  for (const entry of entries) if (entry.tactic) last.set(entry.tactic, entry);
  return last;
}

/**
 * The next move of the person's plan (the playbook's chain, tacticIdsFor): the first that has neither
 * worked at this stage nor been declined in the last month. A reason's move, co-leading or finding out why, used once
 * with no outcome said, counts as done (as before outcomes could be logged); the ladder's own tactics
 * are used again, their actions taking turns. The spotlight waits until they have contributed something.
 */
function planned(
  person: Stakeholder,
  gaps: readonly StageId[],
  entries: readonly LogEntry[],
  refused: ReadonlySet<TacticId>,
  why: string[],
  context: StepContext,
): NextStep {
  const stage = person.stage as StageId;
  const chain = planOf(person, gaps);
  const ladder = new Set<TacticId>([
    ...STAGE_GUIDES[stage].tactics,
    'make-room',
    'enlist',
    ...gaps.flatMap((gap) => STAGE_GUIDES[gap].tactics),
  ]);
  const last = outcomes(entries);
  // A reason's move, co-leading or finding out why, once done, stays done when the stage changes.
  const ever = outcomes(person.log ?? []);
  const uses = (tactic: TacticId) => entries.filter((entry) => tookStep(entry, tactic)).length;
  // The step that worked last, unless they have been judged since (a re-assessment that left them
  // where they were: the plan goes on). One that had them give something (a person for the pilot, a
  // step put in their plan) is for recording, if they have moved, before asking for anything more; a
  // move made in steps (the case built on the two numbers they named, the cost case and its cheaper
  // first step) goes on to its next. Any other reason's move (co-leading, say) is done once it has
  // worked: the plan moves on.
  const latest = lastTactic(entries);
  const judged = lastJudged(person);
  if (latest?.tactic && latest.outcome === 'worked' && !judgedAfter(latest, judged)) {
    const tactic = latest.tactic;
    const done = `${tacticName(tactic)} worked on ${latest.on}`;
    // Whether they moved is asked until you log anything after the step: seen since, and no move recorded.
    const unchecked = stage !== 'action' && person.log?.at(-1) === latest;
    const canMove = unchecked && chain.includes(tactic);
    // Something given is worth recording, whether or not the plan asked for it (a pilot run with an outlier over cost, say).
    const gave = gaveSomething(person, latest);
    if (gave && unchecked) return checkMoved(person, [...why, done], 'after-step');
    const more = uses(tactic) < TACTIC_GUIDES[tactic].actions.length;
    if (TACTIC_GUIDES[tactic].inSteps && !gave && more && chain.includes(tactic)) {
      const lead = `Following on from ${latest.on} ("${latest.text}"):`;
      return tacticStep(person, tactic, [...why, `${done}: its next step`], context, lead);
    }
    if (canMove && STAGE_GUIDES[stage].tactics.includes(tactic)) return checkMoved(person, [...why, done], 'after-step');
  }
  const contributed = hasContributed(person);
  const worked: TacticId[] = [];
  const open: TacticId[] = [];
  const spent: TacticId[] = [];
  for (const tactic of chain) {
    const entry = last.get(tactic);
    // A ladder move that worked before they were judged again, at the same stage, is open again: it
    // worked, and they did not move. A reason's move, once it has worked, stays done.
    const done = entry?.outcome === 'worked' && !(ladder.has(tactic) && judgedAfter(entry, judged));
    if (done) worked.push(tactic);
    if (done || refused.has(tactic)) continue;
    // Declined more than a month ago: offered again.
    if (entry?.outcome === 'declined')
      return tacticStep(person, tactic, [...why, `declined on ${entry.on}: worth offering again`], context);
    if (tactic === 'spotlight' && !contributed) continue;
    if (!ladder.has(tactic)) {
      const before = ever.get(tactic);
      if (entry || (before && before.outcome !== 'declined')) continue; // once is done
      // Declined at an earlier stage, and they have given or moved since: what they did overtook it.
      if (before && overtaken(person, before)) continue;
      if (open.length === 0) return tacticStep(person, tactic, why, context);
      continue;
    }
    // Every step of it taken since they were last judged, and no move: not again before a new look.
    if (
      entries.filter((item) => tookStep(item, tactic) && !judgedAfter(item, judged)).length >=
      TACTIC_GUIDES[tactic].actions.length
    ) {
      spent.push(tactic);
      continue;
    }
    open.push(tactic);
  }
  // The ladder's moves take turns: the one used least at this stage (in the plan's order), so that one
  // used again and again without an outcome does not crowd out the others (educating, say).
  const next = open.reduce<TacticId | undefined>(
    (best, tactic) => (best === undefined || uses(tactic) < uses(best) ? tactic : best),
    undefined,
  );
  if (next) return tacticStep(person, next, why, context);
  // Every move has worked: it is time to see whether they have moved.
  return checkMoved(
    person,
    [
      ...why,
      ...(worked.length ? [worked.map((tactic) => `${tacticName(tactic)} worked on ${last.get(tactic)?.on}`).join(', ')] : []),
      ...(spent.length
        ? [
            `every step taken since ${entries.find((entry) => entry.tactic && spent.includes(entry.tactic) && !judgedAfter(entry, judged))?.on} (${spent.map(tacticName).join('; ')}), with no move`,
          ]
        : []),
      ...(worked.length || spent.length ? [] : ['every move in the plan has been tried']),
    ],
    // Every step taken, or every move worked and seen since with no move recorded: ask what is in the way.
    spent.length > 0 || (worked.length > 0 && person.log?.at(-1) !== entries.findLast((entry) => entry.outcome === 'worked'))
      ? 'spent'
      : undefined,
  );
}

/** Whether a step was followed by a step that worked or by a move up: deeds since, which make it moot. */
const overtaken = (person: Stakeholder, entry: LogEntry): boolean =>
  (person.log ?? []).some((later) => later.on > entry.on && later.outcome === 'worked') || (lastMoveUp(person) ?? '') > entry.on;

/**
 * Whether they have reached the next stage: its signs, and how to record it; and if not, what then
 * (after one step that worked: log what you saw; after every step of the moves: ask what is in the way).
 */
function checkMoved(person: Stakeholder, why: string[], after?: 'after-step' | 'spent'): NextStep {
  const stage = person.stage as StageId;
  const next = STAGE_GUIDES[stage].number < 5 ? label(nextStage(stage)) : undefined;
  const signals = STAGE_GUIDES[stage].nextSignals.slice(0, 2).join(' ');
  const assessIt = `cx assess ${shellWord(person.name)}`;
  // Every step taken and no move: what holds them is the thing to learn, not a step to repeat.
  const ifNot =
    after === 'spent'
      ? ' If they have not, ask them what stands in the way, and re-assess them with what you learn.'
      : after === 'after-step'
        ? ` Not yet? Log what you saw (cx log ${shellWord(person.name)} "…"), and the plan goes on.`
        : '';
  return {
    kind: 'reassess',
    tactic: 'understand-why',
    action: next
      ? `Check whether ${person.name} has reached ${next} (${signals}) and record it: cx set ${shellWord(person.name)} --stage ${nextStage(stage)}, or ${assessIt}.${ifNot}`
      : `Re-assess ${person.name} (${assessIt}) to see whether they still act on it (their last four weeks).`,
    why,
  };
}

const nextStage = (stage: StageId): StageId => STAGES[Math.min(STAGES.length - 1, STAGES.indexOf(stage) + 1)] ?? stage;

/** A tactic as the step: its next action (after `lead`, when given), with a peer's example at Commitment. */
function tacticStep(person: Stakeholder, tactic: TacticId, why: string[], context: StepContext, lead?: string): NextStep {
  const peer = tactic === 'social-proof' ? context.peerFor(person) : undefined;
  const planned = nextAction(person, tactic);
  // An action about a colleague to hold up, with none to name (nobody suitable at Action): the next one.
  const actions = TACTIC_GUIDES[tactic].actions;
  const template =
    planned.includes('{peer}') && !peer ? (actions[(actions.indexOf(planned) + 1) % actions.length] ?? planned) : planned;
  const body = personalise(template, { ...person, peer: peer?.name });
  // The example is named once: in the action, where it has a place for them, or before it.
  const example = peer && !template.includes('{peer}') ? `Use ${peer.name}'s progress as the example. ${body}` : body;
  // What it follows from, when it goes on from something logged.
  const action = lead ? `${lead} ${example}` : example;
  const reasons = why.length ? [...why] : [];
  if (person.stageSource && person.stageSource !== 'assess' && !person.assessment) {
    reasons.push(`stage from cx ${person.stageSource}; assessing them (cx assess ${shellWord(person.name)}) would sharpen this`);
  }
  if (peer) {
    return {
      kind: 'tactic',
      tactic,
      action,
      why: [...reasons, `${peer.name} is at Action`],
      peer: peer.name,
    };
  }
  if (person.stage === 'action' && tactic === 'nurture-followers') reasons.push('credit them publicly');
  return { kind: 'tactic', tactic, action, why: reasons };
}

/**
 * After a decline, a different approach: find out what they would say yes to; if they would not talk
 * about it, a neutral outside voice; if that too was declined, a rest (see restUntil).
 */
function differentApproach(
  person: Stakeholder,
  declined: LogEntry,
  refused: ReadonlySet<TacticId>,
  why: string[],
  silence?: string,
): NextStep {
  const tactic = declined.tactic as TacticId;
  const because = silence
    ? `${silence}: a different approach`
    : `${tacticName(tactic)} was declined on ${declined.on}: a different approach, not the next move`;
  if (!refused.has('understand-why')) {
    const what = silence
      ? `your step of ${declined.on} ("${declined.text}"), which has had no answer`
      : `what they turned down on ${declined.on} ("${declined.text}")`;
    return {
      kind: 'tactic',
      tactic: 'understand-why',
      action: `Ask ${person.name} what would work better for them than ${what}, and what they would say yes to; listen more than you pitch.`,
      why: [...why, because],
    };
  }
  return {
    kind: 'tactic',
    tactic: 'outside-authority',
    action: rotatedAction(person, 'outside-authority'),
    why: [...why, because, silence ? `${person.name} has not answered you` : `${person.name} would not discuss it with you`],
  };
}

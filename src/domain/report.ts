// cx report's figures: what the sponsor and the steering group see of the program, worked out once
// for the page and for --json, so the two cannot disagree. The counts come from the board (board.ts)
// and the months from movement.ts, so the terminal agrees too. Without `names`, nobody is named
// (privacy.ts decides how people are described instead). Pure.
import { type Board, buildBoard } from './board.js';
import { addDays, dayOf } from './dates.js';
import { rosterOn, startOfDay } from './history.js';
import type { DispositionId, Influence, Outcome, ReasonId, Roster, StageId, Stakeholder, TacticId } from './model.js';
import { DISPOSITIONS, OUTLIER_REASONS, STAGES, isOutlierReason, stageNumber } from './model.js';
import { type MonthCount, monthByMonth } from './movement.js';
import { nameKey, sortByName } from './names.js';
import { type StepKind, gaveSomething, nextStep, peerFinder } from './next-step.js';
import { describePerson, nameScrubber } from './privacy.js';
import { askedUntil } from './filter.js';
import { weeklyTodo } from './todo.js';

/** How much a person's stage counts in the weighted share, by their influence. */
export const INFLUENCE_WEIGHTS: Record<Influence, number> = { high: 3, medium: 2, low: 1 };
/** The weight of someone whose influence is not recorded: the middle one. */
export const UNKNOWN_INFLUENCE_WEIGHT = 2;
/** The coming week's actions the report lists. */
export const REPORT_ACTIONS = 5;

/** Someone the report mentions: by name with `names`, else as their description (privacy.ts). */
export interface Who {
  who: string;
}

export interface ReportMove extends Who {
  from: StageId | null;
  to: StageId | null;
  /** The day of their last change of stage in the period. */
  on: string;
}

export interface ReportOutlier extends Who {
  stage: StageId | null;
  reasons: ReasonId[];
  /** The current move: the one next step cx gives for them (next-step.ts). */
  step: { kind: StepKind; tactic: TacticId };
  /** The last step logged with a tactic: what was tried, when, and how it went (never its text). */
  lastTried?: { on: string; tactic: TacticId; outcome?: Outcome };
  /** The day they asked to be left until (cx log --until), while it is still ahead: the move waits for it. */
  until?: string;
}

export interface ReportWin extends Who {
  on: string;
  /**
   * A logged step that worked (with its text), a move up the ladder in the period (from, to), or an
   * outlier who came round (disposition: from outlier to what they are now).
   */
  kind: 'worked' | 'moved-up' | 'came-round';
  text?: string;
  tactic?: TacticId;
  from?: StageId | null;
  to?: StageId | null;
  disposition?: { from: DispositionId; to: DispositionId };
}

export interface ReportAction extends Who {
  stage: StageId | null;
  disposition: DispositionId | null;
  kind: StepKind;
  tactic: TacticId;
}

export interface Report {
  /** The report's day, and the day its period starts (included). */
  today: string;
  since: string;
  /** Whether people are named (--names): the report is then for the leader's own use. */
  named: boolean;
  headline: {
    people: number;
    movedUp: number;
    movedDown: number;
    added: number;
    /** People at Commitment or Action, and their share of the roster (whole per cent). */
    committed: number;
    committedPercent: number;
    /** The same share with each person counted by influence (INFLUENCE_WEIGHTS). */
    weightedPercent: number;
  };
  /** People per stage (null: no stage yet), their share, and how many are wanted at that stage. */
  funnel: { stage: StageId | null; count: number; percent: number; targets: number }[];
  /** Counts only: the board's list of who reached their target has names in it. */
  targets: Omit<Board['targets'], 'reachedBy'> & { set: number };
  movement: MonthCount[];
  grid: Record<StageId, Record<DispositionId | 'none', number>>;
  moves: { up: ReportMove[]; down: ReportMove[] };
  /** People three weeks or more at one stage since you started on them, longest first (as cx board). */
  stuck: (Who & { stage: StageId; days: number })[];
  /** Outliers, grouped by their first reason (null: not known yet), the largest group first. */
  outliers: { reason: ReasonId | null; people: ReportOutlier[] }[];
  /** Quick wins in the period: steps that worked, outliers who came round, moves up; each newest first. */
  wins: ReportWin[];
  /** The coming week's top actions (cx todo's first few). */
  actions: ReportAction[];
}

export interface ReportOptions {
  /** The report's day. */
  today: Date;
  /** Movement counts from the end of this day (YYYY-MM-DD). */
  since: string;
  months: number;
  names: boolean;
  /** The day is before today: the roster is taken back to it first (as cx board --date does). */
  asOf: boolean;
}

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((100 * part) / whole));
const weight = (person: Stakeholder): number =>
  person.influence ? INFLUENCE_WEIGHTS[person.influence] : UNKNOWN_INFLUENCE_WEIGHT;
const committed = (stage: StageId | null): boolean => stage !== null && stageNumber(stage) >= stageNumber('commitment');

/** The day a person's stage last changed after an instant, up to another, from their history. */
function lastChange(person: Stakeholder, field: 'stage' | 'disposition', after: string, until: string): string | undefined {
  let day: string | undefined;
  for (const entry of person.history) {
    if (entry.at >= after && entry.at < until && entry.changes.some((change) => change.field === field)) day = dayOf(entry.at);
  }
  return day;
}

export function buildReport(current: Roster, options: ReportOptions): Report {
  const today = dayOf(options.today);
  const board = buildBoard(current, options.today, options.since, { asOf: options.asOf });
  const roster: Roster = options.asOf ? rosterOn(current, today) : current;
  const people = sortByName(roster.people, (person) => person.name);
  const byName = new Map(people.map((person) => [nameKey(person.name), person]));
  const find = (name: string) => byName.get(nameKey(name)) as Stakeholder;
  // The whole roster's names are taken out of texts, including people added after the report's day.
  const scrub = nameScrubber(current);
  const who = (person: Stakeholder): Who => ({ who: options.names ? person.name : describePerson(person, scrub) });
  // The period includes its first day, as the board's "since" does.
  const after = startOfDay(options.since);
  const until = startOfDay(addDays(today, 1));

  const total = people.length;
  const atCommitment = people.filter((person) => committed(person.stage));
  const allWeight = people.reduce((sum, person) => sum + weight(person), 0);
  const committedWeight = atCommitment.reduce((sum, person) => sum + weight(person), 0);

  const funnel = board.funnel.map(({ stage, count }) => ({
    stage,
    count,
    percent: percent(count, total),
    targets: stage ? people.filter((person) => person.target === stage).length : 0,
  }));
  const grid = Object.fromEntries(
    STAGES.map((stage) => [
      stage,
      Object.fromEntries([...DISPOSITIONS, 'none' as const].map((d) => [d, board.grid[stage][d].length])),
    ]),
  ) as Report['grid'];

  const move = (list: Board['movedUp']): ReportMove[] =>
    list
      .map((entry) => {
        const person = find(entry.name);
        return { ...who(person), from: entry.from, to: entry.to, on: lastChange(person, 'stage', after, until) ?? today };
      })
      .sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));

  const peerFor = peerFinder(roster);
  const outliers = new Map<ReasonId | null, ReportOutlier[]>();
  for (const person of people.filter((someone) => someone.disposition === 'outlier')) {
    const reason = person.reasons.find(isOutlierReason) ?? person.reasons[0] ?? null;
    const step = nextStep(person, { today: options.today, peerFor });
    const tried = person.log?.findLast((entry) => entry.tactic !== undefined);
    const until = askedUntil(person);
    outliers.set(reason, [
      ...(outliers.get(reason) ?? []),
      {
        ...who(person),
        stage: person.stage,
        reasons: person.reasons,
        step: { kind: step.kind, tactic: step.tactic },
        ...(until && until > today ? { until } : {}),
        ...(tried?.tactic
          ? { lastTried: { on: tried.on, tactic: tried.tactic, ...(tried.outcome ? { outcome: tried.outcome } : {}) } }
          : {}),
      },
    ]);
  }
  const reasonOrder = (reason: ReasonId | null) => (reason === null ? Infinity : REASON_ORDER.indexOf(reason));
  const grouped = [...outliers.entries()]
    .map(([reason, list]) => ({ reason, people: list }))
    .sort((a, b) => b.people.length - a.people.length || reasonOrder(a.reason) - reasonOrder(b.reason));

  const wins: ReportWin[] = [];
  for (const person of people) {
    for (const entry of person.log ?? []) {
      // A win is a step that worked and had them give something (a lead role, people, time), not a talk
      // that went well or a thank-you of yours.
      if (!gaveSomething(person, entry) || entry.on < options.since || entry.on > today) continue;
      wins.push({
        ...who(person),
        on: entry.on,
        kind: 'worked',
        text: options.names ? entry.text : scrub(entry.text),
        ...(entry.tactic ? { tactic: entry.tactic } : {}),
      });
    }
  }
  // And everyone who moved up in the period, as the headline counts them: once each, from where they
  // stood at its start to where they stand now.
  const up = move(board.movedUp);
  for (const entry of up) wins.push({ ...entry, kind: 'moved-up' });
  // And every outlier who came round: no longer pushing back, whatever their stage.
  for (const entry of board.cameRound) {
    const person = find(entry.name);
    const on = lastChange(person, 'disposition', after, until) ?? today;
    wins.push({ ...who(person), on, kind: 'came-round', disposition: { from: entry.from, to: entry.to } });
  }
  // Newest first; on one day, what was done before the stage moves it led to.
  // The steps that worked first (in your words, what the sponsor cannot read elsewhere), then those who
  // came round, then the moves up (which "who moved" lists too); each newest first.
  const order = (win: ReportWin) => (win.kind === 'worked' ? 0 : win.kind === 'came-round' ? 1 : 2);
  wins.sort((a, b) => order(a) - order(b) || (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));

  const actions = weeklyTodo(roster, options.today, REPORT_ACTIONS).map((item) => ({
    ...who(find(item.name)),
    stage: item.stage,
    disposition: item.disposition,
    kind: item.kind,
    tactic: item.tactic,
  }));

  return {
    today,
    since: options.since,
    named: options.names,
    headline: {
      people: total,
      movedUp: board.movedUp.length,
      movedDown: board.movedDown.length,
      added: board.added.length,
      committed: atCommitment.length,
      committedPercent: percent(atCommitment.length, total),
      weightedPercent: percent(committedWeight, allWeight),
    },
    funnel,
    targets: {
      reached: board.targets.reached,
      below: board.targets.below,
      stagesToGo: board.targets.stagesToGo,
      set: people.filter((person) => person.target !== undefined).length,
    },
    movement: monthByMonth(roster, today, options.months),
    grid,
    moves: { up, down: move(board.movedDown) },
    stuck: board.stuck.map((entry) => ({ ...who(find(entry.name)), stage: entry.stage, days: entry.days })),
    outliers: grouped,
    wins,
    actions,
  };
}

/** Reasons in the order the playbook lists an outlier's: ties between groups of outliers follow it. */
const REASON_ORDER: readonly ReasonId[] = [...OUTLIER_REASONS, 'roi-unclear'];

// The coaching playbook of cx: what each stage, disposition and reason means, which tactics fit,
// and the concrete things a CX leader can do this week. The one place that holds this text.
// Pure: no I/O, no chalk, no process.*.

import { isOutlierReason } from './model.js';
import type { DispositionId, ReasonId, StageId, TacticId } from './model.js';

/** A way of moving a stakeholder, with things to do about it this week. */
export interface Tactic {
  id: TacticId;
  name: string;
  /** The principle behind the tactic, in one sentence. */
  principle: string;
  /** Who the tactic is for, as a short phrase. */
  appliesTo: string;
  /**
   * Whether its working means they gave something (a lead role, people, time, a pilot in their area):
   * a contribution to put in the spotlight. A conversation that taught you something is not one.
   */
  contribution: boolean;
  /** Whether its first action opens a first conversation (and is skipped for someone already talked to). */
  opener?: boolean;
  /** Whether its actions are the steps of one move, taken in turn: one that worked leads to the next. */
  inSteps?: boolean;
  /**
   * For a tactic that is no contribution as a whole, the actions (by index) whose working does mean they
   * gave something: the cheaper first step accepted, the lead of their part taken.
   */
  gives?: number[];
  /**
   * An answer in their assessment that makes one action the right first step (by its index), in place of
   * the opener; the others follow in order.
   */
  leadsWith?: { question: string; answer: string; action: number };
  /** At least three concrete actions; may contain the placeholder {name}. */
  actions: string[];
  /** What each action, once taken, waits for from them (a follow-up asks for that): one per action. */
  awaits: Awaits[];
}

/**
 * What a step waits for from the person: a conversation (a meeting asked for), a decision (something
 * asked of them), an answer (a question put to them), their view of something sent or shown, or
 * someone else (a step taken around them).
 */
export type Awaits = 'meeting' | 'decision' | 'answer' | 'sent' | 'other';

/** One rung of the engagement ladder. */
export interface StageGuide {
  id: StageId;
  /** 1 for Ignorance up to 5 for Action. */
  number: number;
  label: string;
  /** The person's inner voice, without quotation marks. */
  voice: string;
  /** What is true of a person at this stage. */
  truth: string;
  /** What moving them up the ladder means. */
  goal: string;
  tactics: TacticId[];
  /** Observable signs that they have reached the next stage (for Action: that they keep going and bring others). */
  nextSignals: string[];
}

export interface DispositionGuide {
  id: DispositionId;
  label: string;
  looksLike: string;
  approach: string;
  tactics: TacticId[];
}

export interface ReasonGuide {
  id: ReasonId;
  /** Where the reason is met first: a skeptic's doubt, an outlier's objection, or a stalled supporter's. */
  kind: 'skepticism' | 'outlier' | 'follow-through';
  /** The first move this reason calls for. */
  move: TacticId;
  label: string;
  description: string;
  /** What to do about this reason; may contain the placeholder {name}. */
  approach: string;
}

export const TACTIC_GUIDES: Record<TacticId, Tactic> = {
  educate: {
    id: 'educate',
    name: 'Educate and inform',
    principle:
      'Teach before you ask for anything: start with the CX Magic Question, which has them picture the customer experience they would love to offer and name what blocks it.',
    appliesTo: 'Ignorance stage',
    contribution: false,
    opener: true,
    inSteps: true,
    // Someone who thinks they already do it is asked what they measure first, not for the Magic Question.
    leadsWith: { question: 'understands', answer: 'thinks-they-do-it', action: 3 },
    actions: [
      'Book 30 minutes with {name} and open with the CX Magic Question: what would a great experience look like for your customers, and what gets in the way today?',
      'Show {name} one customer journey from their own area with its complaint or drop-off numbers, so they see CX as something measured and managed.',
      'Send {name} three lines on what you have heard from them so far about their customers, in their own words, and ask which point to look at first.',
      'Ask {name} what their team measures about its customers today, and how they would know if the experience got worse: the question for anyone who says they already do CX.',
    ],
    awaits: ['meeting', 'sent', 'sent', 'answer'],
  },
  'business-case': {
    id: 'business-case',
    name: 'Build the business case',
    principle:
      'Show the return in the measures they already answer for, such as their costs, their handle time or their revenue, not in satisfaction scores.',
    appliesTo: 'Skepticism stage, when the return is unclear to them',
    contribution: false,
    inSteps: true,
    gives: [3],
    actions: [
      'Ask {name} which two numbers they are judged on this year (or take the ones they have already told you), and build the case around those.',
      "Send {name} last quarter's three most common complaint reasons from their own area, with a rough cost for each, and ask which one hurts them most.",
      'Put a figure on one fix in their area (for example, repeat contacts avoided times the cost per contact), and have it checked by someone whose numbers {name} already trusts, so it is not yours alone.',
      'Walk {name} through the arithmetic of that fix in 15 minutes, and ask what it would take for them to try it.',
    ],
    awaits: ['answer', 'sent', 'sent', 'meeting'],
  },
  'outside-authority': {
    id: 'outside-authority',
    name: 'Bring in an outside authority',
    principle:
      'People give more weight to a neutral outside expert than to the in-house champion (authority bias), so the expert must have nothing to gain from the outcome.',
    appliesTo: 'Skepticism stage, when they resist change or resist you',
    contribution: false,
    inSteps: true,
    actions: [
      'Offer {name} a 30-minute call or coffee with an outside voice who has nothing to sell and knows an operation like theirs (a CX leader at a non-competing company, an industry analyst), and let the expert do the talking while you mostly listen.',
      'Send {name} one short independent study or case from their own industry, without adding your own commentary.',
      'Afterward, ask {name} what stood out for them rather than whether they now agree with you.',
    ],
    awaits: ['meeting', 'sent', 'answer'],
  },
  scarcity: {
    id: 'scarcity',
    name: 'Make a scarce, specific ask',
    principle:
      'Scarcity turns agreement into a decision: a true deadline, a budget window about to shut or a team with only a few places left makes waiting feel like losing out (keep the limits honest).',
    appliesTo: 'Buy-in stage',
    contribution: true,
    actions: [
      "Ask {name} for one named thing: a person for the pilot team, two hours a week of their own time, or a share of next quarter's budget.",
      'Tell {name} the date the request closes, such as the day the project team is fixed or budget planning locks, and confirm it in writing.',
      'Cap the working group at a small number of seats and tell {name} how many are still open.',
      'If {name} hesitates, offer a smaller version of the ask with the same deadline instead of moving the date.',
    ],
    awaits: ['decision', 'decision', 'decision', 'decision'],
  },
  'social-proof': {
    id: 'social-proof',
    name: 'Show what peers are doing',
    principle:
      'Social proof: seeing peers make progress, and get credit for it, pulls a person who has pledged support into actually doing the work.',
    appliesTo: 'Commitment stage',
    contribution: true,
    actions: [
      'Send {name} a two-line note on what {peer} delivered this month, with one number that moved.',
      'Invite {name} to the next session where a contributing team presents a quick win.',
      "Put contributors' progress, with their names, in an update {name} already reads, such as the leadership newsletter or the weekly operations report.",
      'Ask {name} to pick the first small step their team will take and a date for it, and offer to announce it alongside the others.',
    ],
    awaits: ['sent', 'decision', 'sent', 'decision'],
  },
  'nurture-followers': {
    id: 'nurture-followers',
    name: 'Nurture your first followers',
    principle:
      'The people already doing the work are the early followers who make one champion into a movement: work with them as peers and let them take the credit.',
    appliesTo: 'Action stage',
    contribution: false,
    actions: [
      'Thank {name} by name for one specific result, in a forum their own manager sees.',
      'Ask {name} to present their results at the next leadership or team meeting, with you in the audience rather than at the front.',
      'Bring {name} into planning the next step as an equal: ask what they would do next and what they need from you.',
      'Ask {name} whether a colleague who has pledged support but not yet started can spend 20 minutes seeing their work.',
    ],
    awaits: ['sent', 'decision', 'meeting', 'decision'],
  },
  'understand-why': {
    id: 'understand-why',
    name: 'Find out why',
    principle:
      'Find the real reason behind their hesitation or resistance before you act; it is rarely just temperament, and the right next step depends on it.',
    appliesTo: 'Outliers and fence-sitters',
    contribution: false,
    // For someone you have talked to already, the question about their team comes first.
    opener: true,
    actions: [
      'Book a one-to-one with {name}, with no slides, and ask what concerns them most about the program.',
      'Ask {name} what would get harder for their team, or what they would lose, if the program went ahead as planned.',
      'Ask someone {name} trusts whether there is history you may not know about, such as an earlier initiative that went badly for them.',
      'Make one small, concrete ask of {name}, such as reviewing a single journey map, and note how they respond.',
      'Record the reason {name} gives (cost, operations, already doing it, unclear role, or something else) so your next steps fit it.',
    ],
    awaits: ['meeting', 'answer', 'other', 'decision', 'other'],
  },
  'co-lead': {
    id: 'co-lead',
    name: 'Invite them to co-lead',
    principle:
      'Give them a real share of the lead: people seldom work against what they help steer, and whoever felt pushed aside gets back the ownership they feared losing.',
    appliesTo: 'Outliers',
    contribution: false,
    actions: [
      'Offer {name} a co-lead role on the part of the work closest to {area}, in a one-to-one before anyone else hears about it.',
      'Ask {name} to set the agenda for the next working session.',
      "Put {name}'s name beside yours on the plan and on the status updates.",
      'Ask {name} which part of the plan they would change, and act on at least one of their suggestions this week.',
    ],
    awaits: ['decision', 'decision', 'sent', 'answer'],
  },
  spotlight: {
    id: 'spotlight',
    name: 'Give them the spotlight',
    principle: 'Recognize their part in public, so that taking part raises their standing instead of threatening it.',
    appliesTo: 'Outliers',
    contribution: false,
    actions: [
      "Mention {name}'s contribution by name in your next update to senior leaders.",
      'Invite {name} to present their part of the work at the next program review.',
      'When a result comes from their area, credit {name} and their team first, before the program.',
      'Tell the manager {name} reports to, in writing, one specific thing {name} did that helped.',
    ],
    awaits: ['sent', 'decision', 'sent', 'sent'],
  },
  enlist: {
    id: 'enlist',
    name: 'Enlist them',
    principle:
      'Make advocates your early followers and your proof for others, give them credit, and keep them from taking all of your time.',
    appliesTo: 'Advocates',
    contribution: true,
    actions: [
      'Ask {name} to bring one hesitant colleague to the next working session.',
      'Ask {name} for a short quote or a result you can share with colleagues who are still hesitating.',
      'Give {name} a visible role, such as running one working session or owning one metric.',
      'Limit your time with {name} this week and spend what you save on an outlier or a fence-sitter.',
    ],
    awaits: ['decision', 'decision', 'decision', 'other'],
  },
  'agree-roles': {
    id: 'agree-roles',
    name: 'Agree roles and boundaries',
    principle:
      'Resistance that comes from "you are on my patch" fades once it is written down what the CX team owns, what stays with them, and where the two meet.',
    appliesTo: 'Outliers unclear about your role, or who feel you tread on their ground',
    contribution: false,
    inSteps: true,
    gives: [3],
    actions: [
      'Ask {name} for 30 minutes to agree who does what: what you will own, what stays with {area}, and what you will decide together.',
      'Send {name} a one-page note of what you agreed, and ask them to correct it before anyone else sees it.',
      'Name one decision in {area} that the CX work will never take from {name}, and say so in front of their team.',
      'Once the lines are agreed, offer {name} the lead on the part of the work inside {area}.',
    ],
    awaits: ['meeting', 'sent', 'sent', 'decision'],
  },
  'cost-case': {
    id: 'cost-case',
    name: 'Make the cost case, with a cheaper first step',
    principle:
      'A cost objection is answered in money: what the work would take from their budget, what the problems it fixes already cost them, and a first step small enough to try without a budget fight.',
    appliesTo: 'Outliers and fence-sitters who think it costs too much',
    contribution: false,
    inSteps: true,
    gives: [1],
    actions: [
      "Work out what today's problem costs {area} a quarter (for example in repeat contacts, refunds or lost customers), checked by someone whose numbers {name} trusts, and show it to {name} beside what the CX work would cost.",
      'Offer {name} a first step that needs no new budget: one journey, one team, four weeks, paid from the CX budget.',
      'Ask {name} which figure would convince them, and agree to measure exactly that in the first step.',
      'Show {name}, on one page and in their numbers, where the money comes back and when.',
    ],
    awaits: ['sent', 'decision', 'answer', 'sent'],
  },
  pilot: {
    id: 'pilot',
    name: 'Run a small pilot in their operation',
    principle:
      '"It won\'t work here" is best answered here: a small, time-boxed trial, designed with their own people and judged by a measure they pick.',
    appliesTo: 'Outliers and fence-sitters who think it will not work in their operation',
    contribution: true,
    actions: [
      'Ask {name} which part of {area} would make the fairest test, and offer to try it there first, small and for a fixed time.',
      "Design the pilot with one or two of {name}'s own people, rather than for them.",
      'Agree with {name}, before it starts, the measure that decides whether it worked and the day you will look at it together.',
      "Show {name} the pilot's result first, before anyone else, whatever it shows.",
    ],
    awaits: ['answer', 'meeting', 'decision', 'sent'],
  },
  'make-room': {
    id: 'make-room',
    name: 'Make room for it',
    principle:
      'When other work keeps winning, asking harder does not help: tie the CX work to a priority they already have, shrink the first step to fit the week they have, and get its place in their plan agreed.',
    appliesTo: 'Buy-in and Commitment, when other work keeps winning',
    contribution: true,
    actions: [
      'Ask {name} which of their current priorities the CX work could serve, and reshape the first step so it counts towards that one.',
      "Offer to take the first piece of legwork off {name}'s plate: a draft, the data pull, or an analyst for two weeks.",
      "Agree with {name} one step small enough for this month, with a date, and put it in {area}'s plan rather than beside it.",
      "If {name}'s priorities are set above them, ask the sponsor to place the CX work among them, with {name} in the room.",
    ],
    awaits: ['answer', 'decision', 'decision', 'other'],
  },
  'keep-warm': {
    id: 'keep-warm',
    name: 'Keep them warm',
    principle:
      'Someone already where the program needs them is kept there with light, useful contact and no new asks; pushing further spends goodwill you may need later.',
    appliesTo: 'People at or past their target stage',
    contribution: false,
    actions: [
      'Send {name} one short note on what the program changed this month, with no ask attached.',
      'Pass on to {name} something a customer said lately about {area}, and what the program is doing with it; ask for nothing.',
      'Ask {name} whether anything in the program is getting in their way.',
    ],
    awaits: ['sent', 'sent', 'answer'],
  },
};

export const STAGE_GUIDES: Record<StageId, StageGuide> = {
  ignorance: {
    id: 'ignorance',
    number: 1,
    label: 'Ignorance',
    voice: 'What is CX?',
    truth:
      'Knows the phrase but not the practice: does not yet see CX as a way to measure and manage what customers go through, or thinks their team has it covered already.',
    goal: 'Help them understand what CX is and what it could change in their own area; hold off on asking for any commitment.',
    tactics: ['educate'],
    nextSignals: [
      'They describe CX as something you measure and manage, not only as being nice to customers.',
      'They ask how CX would apply to their own team or their own numbers.',
      'They raise a specific doubt about cost, effort or return, which shows they know what they are weighing.',
    ],
  },
  skepticism: {
    id: 'skepticism',
    number: 2,
    label: 'Skepticism',
    voice: 'Is CX right for me?',
    truth:
      'Understands what CX is but is not convinced it pays off for them, either because they cannot link it to their own goals or because they are wary of change, or of you.',
    goal: 'Find out which doubt it is and answer it: in their own numbers if the return is unclear, through a neutral outside voice if they resist change.',
    tactics: ['business-case', 'outside-authority'],
    nextSignals: [
      'They say, out loud or in writing, that CX matters for their area.',
      'They repeat a figure from the business case or a point from the outside expert to you or to others.',
      'Their questions move from whether to do it to who should do it and when.',
    ],
  },
  'buy-in': {
    id: 'buy-in',
    number: 3,
    label: 'Buy-in',
    voice: 'Someone should do CX.',
    truth: 'Likes the idea of CX, as a job for somebody else; nothing of theirs is on the line yet.',
    goal: 'Turn agreement into a pledge of their own time, people or money with a specific ask and a real deadline.',
    tactics: ['scarcity'],
    nextSignals: [
      'They name a person from their team to work on it.',
      'They set aside hours in their calendar or money in their budget for it.',
      'They agree to a date for their first contribution.',
    ],
  },
  commitment: {
    id: 'commitment',
    number: 4,
    label: 'Commitment',
    voice: "I'll contribute to CX.",
    truth: 'Has promised time, people or money but not yet delivered on it; other priorities keep winning.',
    goal: 'Turn the pledge into visible work by showing them peers who are already doing it and getting credit.',
    tactics: ['social-proof'],
    nextSignals: [
      'Their team delivers a first piece of work, even a small one.',
      'They report progress without being chased.',
      'The people or money they pledged are actually being spent on the work.',
    ],
  },
  action: {
    id: 'action',
    number: 5,
    label: 'Action',
    voice: "I'm doing CX.",
    truth: 'Is doing the work and can point to progress.',
    goal: 'Keep them going and make them the example others copy: work with them as peers, give them the credit and use their results to move others.',
    tactics: ['nurture-followers'],
    nextSignals: [
      'They keep delivering, with progress reported at least once a month.',
      'They bring a colleague or another team into the work without being asked.',
      'They talk about the work as their own in leadership meetings.',
    ],
  },
};

export const DISPOSITION_GUIDES: Record<DispositionId, DispositionGuide> = {
  advocate: {
    id: 'advocate',
    label: 'Advocate',
    looksLike: 'Keen on the program and pulls others in; the people you naturally spend your time with.',
    approach:
      'Make them early followers and living proof for others, and credit them openly, but ration your time with them so the harder conversations happen too.',
    tactics: ['enlist'],
  },
  'fence-sitter': {
    id: 'fence-sitter',
    label: 'Fence-sitter',
    looksLike: 'Undecided and passive, waiting to see which way things go.',
    approach: 'Find out what is holding them back, then make small, concrete asks that are easy to say yes to.',
    tactics: ['understand-why'],
  },
  outlier: {
    id: 'outlier',
    label: 'Outlier',
    looksLike: 'Would rather stay out of it, or actively pushes against the program.',
    approach:
      'Learn the reason first, then ask them to share the lead and put their part in the spotlight; ignored, one outlier tends to recruit others.',
    tactics: ['understand-why', 'co-lead', 'spotlight'],
  },
};

export const REASON_GUIDES: Record<ReasonId, ReasonGuide> = {
  'roi-unclear': {
    id: 'roi-unclear',
    kind: 'skepticism',
    move: 'business-case',
    label: 'Return unclear',
    description: 'Cannot connect CX to the goals they are measured on, such as cost, handle time or revenue.',
    approach:
      'Build the case in the numbers {name} answers for: pick their main metric and show what one CX fix would be worth in it.',
  },
  'resists-change': {
    id: 'resists-change',
    kind: 'skepticism',
    move: 'outside-authority',
    label: 'Resists change',
    description: 'Wary of new ideas ("another fad"), or of you as the person bringing them.',
    approach:
      'Step back as the messenger: bring in a neutral outside expert with nothing to gain, and let {name} hear the case from them.',
  },
  'already-doing-it': {
    id: 'already-doing-it',
    kind: 'outlier',
    move: 'co-lead',
    label: 'Already doing it',
    description: 'Believes they already lead this work and sees the program as taking it from them.',
    approach:
      'Credit what {name} already does, by name and in front of others, and ask them to lead the work jointly with you rather than around them.',
  },
  'unclear-role': {
    id: 'unclear-role',
    kind: 'outlier',
    move: 'agree-roles',
    label: 'Unclear about your role',
    description: 'Does not understand what the CX leader does, or feels you are stepping onto their ground.',
    approach:
      'Explain to {name} what you own and what you do not, in writing, and agree where their area ends and the program begins; then offer them a share of the lead.',
  },
  financial: {
    id: 'financial',
    kind: 'outlier',
    move: 'cost-case',
    label: 'Cost concerns',
    description: 'Thinks the program costs too much for what it will return.',
    approach:
      "Bring {name} the cost figures: what the work would take from their budget, what today's problems already cost them, and a cheaper first step.",
  },
  operational: {
    id: 'operational',
    kind: 'outlier',
    move: 'pilot',
    label: "Won't work here",
    description: 'Thinks the program will not work in their operation.',
    approach:
      'Offer {name} a small, time-boxed pilot inside their own operation, designed with their team, and agree up front how you will judge it.',
  },
  other: {
    id: 'other',
    kind: 'outlier',
    move: 'understand-why',
    label: 'Other reason',
    description: 'A reason that does not fit the usual ones, or one you have not found yet.',
    approach:
      'Ask {name} directly what would need to be true for them to take part, and write down the answer in their words before you choose a next step.',
  },
  'conflicting-priorities': {
    id: 'conflicting-priorities',
    kind: 'follow-through',
    move: 'make-room',
    label: 'Other work keeps winning',
    description: 'Agreed to it, or pledged to it, but other work always comes first: no time, people or budget to spare.',
    approach:
      "Stop asking harder: tie the work to one of {name}'s own priorities, take the first piece of legwork off their plate, and get it a place in their plan.",
  },
};

/** What the playbook needs to know about a stakeholder to choose their tactics. */
export interface TacticProfile {
  stage: StageId | null;
  disposition: DispositionId | null;
  reasons: readonly ReasonId[];
  /** Stages beneath theirs whose rung was answered "no" (see Assessment.gaps): those moves are owed too. */
  gaps?: readonly StageId[];
}

/** A stage's tactics; at Skepticism, the ones the skeptic's reasons call for, when known. */
function stageTactics(stage: StageId, reasons: readonly ReasonId[]): TacticId[] {
  const tactics = STAGE_GUIDES[stage].tactics;
  const called = new Set(reasons.map((reason) => REASON_GUIDES[reason].move));
  const chosen = tactics.filter((tactic) => called.has(tactic));
  return chosen.length > 0 ? chosen : [...tactics];
}

/** The moves an outlier's reasons call for, in the order of the reasons, except that the lines are
 * agreed before a share of the lead is offered (unclear roles and ownership felt lost, together). */
const reasonMoves = (reasons: readonly ReasonId[]): TacticId[] => {
  const moves = reasons.filter(isOutlierReason).map((reason) => REASON_GUIDES[reason].move);
  return moves.includes('agree-roles') ? ['agree-roles', ...moves.filter((move) => move !== 'agree-roles')] : moves;
};

/**
 * The moves for a stakeholder, in the order to try them, each once (the playbook's chain; the next step
 * walks it with the log: see next-step.ts).
 * - Outliers: the move their reason calls for (or finding out why, while it is unknown), then co-leading,
 *   then the spotlight, before anything on the ladder.
 * - Fence-sitters: what their reason calls for, or finding out what holds them back while nothing is
 *   known (at Ignorance the first conversation does that); then the ladder's.
 * - Everyone: the stage's tactics (a skeptic's reason picks theirs); other work winning makes room first
 *   at Buy-in, and after the peers' example at Commitment; a rung answered "no" beneath their stage adds
 *   its tactic; advocates are then enlisted, from Buy-in on.
 */
export function tacticIdsFor(profile: TacticProfile): TacticId[] {
  const { stage, disposition, reasons } = profile;
  const ladder: TacticId[] = [];
  const roomAt = stage === 'buy-in' || stage === 'commitment' ? stage : undefined;
  const room = roomAt !== undefined && reasons.includes('conflicting-priorities');
  if (stage) {
    if (room && roomAt === 'buy-in') ladder.push('make-room');
    ladder.push(...stageTactics(stage, reasons));
    if (room && roomAt === 'commitment') ladder.push('make-room');
    for (const gap of profile.gaps ?? []) ladder.push(...stageTactics(gap, reasons));
  }
  // The disposition's own tactics (its guide), with "find out why" giving way to what a known reason calls for.
  const own = disposition ? DISPOSITION_GUIDES[disposition].tactics : [];
  const findOut = (tactics: readonly TacticId[], moves: TacticId[], known: boolean) =>
    tactics.flatMap((tactic) => (tactic !== 'understand-why' ? [tactic] : known ? moves : ['understand-why' as const]));
  let ordered: TacticId[];
  switch (disposition) {
    case 'outlier': {
      const moves = reasonMoves(reasons);
      ordered = [...findOut(own, moves, moves.length > 0), ...ladder];
      break;
    }
    case 'fence-sitter': {
      // Other work winning at Buy-in or Commitment is the ladder's to answer (make-room, above).
      const moves = reasonMoves(reasons.filter((reason) => !(room && reason === 'conflicting-priorities')));
      // At Ignorance the first conversation is the way to learn what holds them back. At Commitment and
      // Action, where they have pledged or are doing the work already, the stage's own move (the peers'
      // example; nurturing them) comes before asking what is in the way.
      const known = reasons.length > 0 || stage === 'ignorance';
      ordered =
        stage === 'commitment' || stage === 'action'
          ? [...moves, ...ladder, ...findOut(own, [], known)]
          : [...findOut(own, moves, known), ...ladder];
      break;
    }
    default: {
      // Enlisting someone keen who does not yet know what CX is, or doubts it pays, would spread that:
      // advocates are enlisted once they back the work (Buy-in on).
      const early = stage === 'ignorance' || stage === 'skepticism';
      ordered = [...ladder, ...(early ? own.filter((tactic) => tactic !== 'enlist') : own)];
    }
  }
  return [...new Set(ordered)];
}

/** The same as tacticIdsFor, as Tactic objects. */
export function tacticsFor(profile: TacticProfile): Tactic[] {
  return tacticIdsFor(profile).map((id) => TACTIC_GUIDES[id]);
}

/** What advice may say about the person it is for. */
export interface Addressee {
  name: string;
  team?: string | undefined;
  /** The colleague at Action held up as their example, when there is one. */
  peer?: string | undefined;
}

/**
 * Fills in a text of the playbook for one person, every placeholder taken literally: {name} is their
 * name, {area} their team ("their area" when it is not known), {peer} the colleague held up as their
 * example ("a peer at their level" when there is none).
 */
export function personalise(text: string, who: string | Addressee): string {
  const person = typeof who === 'string' ? { name: who } : who;
  const area = person.team ?? 'their area';
  // A team's name is mostly a plural ("Operations", "Sales"): its possessive is "Operations' plan".
  const areas = /s$/i.test(area) ? `${area}'` : `${area}'s`;
  const slots: Record<string, string> = {
    '{name}': person.name,
    '{area}': area,
    "{area}'s": areas,
    '{peer}': person.peer ?? 'a peer at their level',
  };
  // One pass, so that a name or a team holding "{name}" or "{area}" is never filled in again.
  return text.replace(/\{name\}|\{area\}'s|\{area\}|\{peer\}/g, (slot) => slots[slot] ?? slot);
}

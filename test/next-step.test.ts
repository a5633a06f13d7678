// The next step for a person (src/domain/next-step.ts): how outcomes, targets, a stage set by hand and
// what was found out decide it. Fixed dates; pure code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/domain/assess.js';
import type { Answers, LogEntry, Outcome, Stakeholder, TacticId } from '../src/domain/model.js';
import { DISPOSITIONS, OUTCOMES, REASONS, STAGES, TACTICS } from '../src/domain/model.js';
import { hasContributed, nextStep, peerFinder, planOf } from '../src/domain/next-step.js';
import { type FieldUpdate, applyUpdate, newPerson, recordAssessment } from '../src/domain/roster.js';
import { dueDay, weeklyTodo } from '../src/domain/todo.js';

const today = new Date('2026-11-24T09:00:00Z');
let next = 0;
const newId = () => `id-${++next}`;

function assessed(name: string, on: string, answers: Answers, log: LogEntry[] = []): Stakeholder {
  const { person } = recordAssessment({ people: [] }, { name, answers, result: assess(answers), at: new Date(on), newId });
  return { ...person, log };
}
const added = (name: string, on: string, update: FieldUpdate = {}) =>
  applyUpdate(newPerson(name, newId(), new Date(on)), update, 'set', new Date(on), true);
const step = (person: Stakeholder, others: Stakeholder[] = []) =>
  nextStep(person, { today, peerFor: peerFinder({ people: [person, ...others] }) });
const did = (on: string, tactic: TacticId, outcome?: Outcome, text = 'did it'): LogEntry => ({
  on,
  text,
  tactic,
  ...(outcome ? { outcome } : {}),
});

const buyIn = { understands: 'yes', relevant: 'yes', endorses: 'yes', pledged: 'no' } as const;
const ownsIt = { ...buyIn, stance: 'resistant', 'outlier-reasons': ['already-doing-it'] };
/** A skeptic who calls CX a fad: resists every change. */
const fad = {
  understands: 'yes',
  relevant: 'no',
  'doubt-reason': 'resists-change',
  stance: 'resistant',
  'outlier-reasons': ['resists-change'],
};

describe('outcomes steer the next step', () => {
  it('co-lead first for an outlier who feels the work is theirs', () => {
    expect(step(assessed('Dana', '2026-11-10', ownsIt))).toMatchObject({ kind: 'tactic', tactic: 'co-lead' });
  });

  it('waiting: the same step comes back as a follow-up, quoting what was logged', () => {
    const dana = assessed('Dana', '2026-11-10', ownsIt, [did('2026-11-17', 'co-lead', 'waiting', "she'll think about it")]);
    const result = step(dana);
    expect(result).toMatchObject({ kind: 'follow-up', tactic: 'co-lead' });
    expect(result.action).toContain("she'll think about it");
    expect(result.why.join('; ')).toContain('waiting for an answer since 2026-11-17');
  });

  it('waiting: the follow-up asks for what the step awaits: an answer, their view of something sent, a decision, a conversation', () => {
    const skeptic = { understands: 'yes', relevant: 'no', 'doubt-reason': 'roi-unclear', stance: 'neutral' };
    // The business case's first step is a question to them; its second, something sent.
    const asked = assessed('Helen', '2026-11-10', skeptic, [
      did('2026-11-17', 'business-case', 'waiting', 'asked her two numbers'),
    ]);
    expect(step(asked).action).toContain('ask again, in one line they can answer quickly.');
    const helen = assessed('Helen', '2026-11-10', skeptic, [
      did('2026-11-12', 'business-case', 'worked', 'she named two numbers'),
      did('2026-11-17', 'business-case', 'waiting', 'sent the complaint costs'),
    ]);
    expect(step(helen).action).toContain('ask whether they have had a chance to look at it, and what they made of it.');
    const dana = assessed('Dana', '2026-11-10', ownsIt, [did('2026-11-17', 'co-lead', 'waiting')]);
    expect(step(dana).action).toContain('ask where it stands, and what would help them decide.');
    const unmet = assessed('Dana', '2026-11-10', ownsIt, [did('2026-11-17', 'understand-why', 'waiting', 'no slot yet')]);
    expect(step(unmet).action).toContain('ask once more for the conversation, offering two times that suit them');
  });

  it('waiting through two follow-ups: the silence is taken as a no for now, and a different approach follows', () => {
    const asked = did('2026-11-03', 'co-lead', 'waiting', 'offered the co-lead');
    const once = assessed('Dana', '2026-11-01', ownsIt, [asked, did('2026-11-10', 'co-lead', 'waiting', 'chased')]);
    expect(step(once)).toMatchObject({ kind: 'follow-up', tactic: 'co-lead' });
    expect(step(once).why.join('; ')).toContain('waiting for an answer since 2026-11-03 (1 follow-up so far)');
    // The follow-up quotes what was asked, not the last chase.
    expect(step(once).action).toContain('on what you logged on 2026-11-03 ("offered the co-lead")');
    const twice = { ...once, log: [...(once.log ?? []), did('2026-11-17', 'co-lead', 'waiting', 'chased again')] };
    const result = step(twice);
    expect(result).toMatchObject({ kind: 'tactic', tactic: 'understand-why' });
    expect(result.action).toContain('than your step of 2026-11-03 ("offered the co-lead"), which has had no answer');
    expect(result.why.join('; ')).toContain(
      'no answer to invite them to co-lead since 2026-11-03, after 2 follow-ups: taken as a no for now: a different approach',
    );
  });

  it('silent through every approach: an outside voice after the find-out goes unanswered, then a month of rest', () => {
    const silent = (on: string[], tactic: TacticId) => on.map((day) => did(day, tactic, 'waiting', 'no reply'));
    const commitment = { ...buyIn, pledged: 'yes', acted: 'no', stance: 'neutral', influence: 'high' };
    const coo = (log: LogEntry[]) => assessed('Catherine', '2026-09-01', commitment, log);
    const peers = silent(['2026-09-07', '2026-09-14', '2026-09-21'], 'social-proof');
    expect(step(coo(peers))).toMatchObject({ tactic: 'understand-why' });
    const asked = [...peers, ...silent(['2026-09-28', '2026-10-05', '2026-10-12'], 'understand-why')];
    const outside = step(coo(asked));
    expect(outside).toMatchObject({ tactic: 'outside-authority' });
    expect(outside.why.join('; ')).toContain('Catherine has not answered you');
    const all = [...asked, ...silent(['2026-11-02', '2026-11-09', '2026-11-16'], 'outside-authority')];
    const rest = step(coo(all));
    expect(rest).toMatchObject({ kind: 'keep-warm', tactic: 'keep-warm' });
    expect(rest.action).toContain('Ask for nothing before 2026-12-16.');
    expect(dueDay(coo(all))).toEqual({ day: '2026-12-16', by: 'rest' });
  });

  it('what holds a skeptic back is not asked again once a reason is known ("it will not work here")', () => {
    const answers = { understands: 'yes', relevant: 'no', 'doubt-reason': 'unknown', stance: 'neutral', participation: 'joins' };
    const dave = assessed('Dave', '2026-11-10', answers);
    expect(step(dave)).toMatchObject({ kind: 'find-out' });
    expect(step(dave).action).toContain('the numbers, or the change itself');
    const known = applyUpdate(dave, { reasons: ['operational'] }, 'set', new Date('2026-11-12'));
    expect(step(known).kind).not.toBe('find-out');
    expect(step(known)).toMatchObject({ tactic: 'pilot' });
  });

  it("educating someone already talked to skips the first conversation's opener", () => {
    const sandra = { understands: 'no', stance: 'resistant', 'outlier-reasons': ['already-doing-it'] };
    const fresh = assessed('Sandra', '2026-11-01', { ...sandra, stance: 'neutral', 'outlier-reasons': [] });
    expect(step(fresh).action).toContain('open with the CX Magic Question');
    const talked = assessed('Sandra', '2026-11-01', sandra, [
      did('2026-11-03', 'co-lead', 'worked', 'her QA team leads the repeat-call analysis'),
      did('2026-11-10', 'spotlight', 'worked', 'credited her team at the review'),
    ]);
    expect(planOf(talked)).toEqual(['co-lead', 'spotlight', 'educate']);
    expect(step(talked)).toMatchObject({ tactic: 'educate' });
    expect(step(talked).action).not.toContain('Magic Question');
    expect(step(talked).action).toContain('one customer journey from their own area');
  });

  it("an outlier who came round is not asked again what holds them back: the stage's move comes next", () => {
    const linda = assessed('Linda', '2026-10-01', { ...buyIn, stance: 'resistant', 'outlier-reasons': ['unclear-role'] }, [
      did('2026-10-19', 'agree-roles', 'worked', 'signed off the agreed lines'),
    ]);
    const cameRound = recordAssessment(
      { people: [linda] },
      {
        name: 'Linda',
        answers: { ...buyIn, stance: 'neutral', participation: 'joins' },
        result: assess({ ...buyIn, stance: 'neutral', participation: 'joins' }),
        at: new Date('2026-10-26'),
        newId,
      },
    ).person;
    expect(cameRound.disposition).toBe('fence-sitter');
    expect(planOf(cameRound)).not.toContain('understand-why');
    expect(step(cameRound)).toMatchObject({ kind: 'tactic', tactic: 'scarcity' });
    // A fence-sitter who never pushed back is still asked.
    expect(planOf(assessed('Ann', '2026-10-01', { ...buyIn, stance: 'neutral', participation: 'joins' }))[0]).toBe(
      'understand-why',
    );
  });

  it('finding out why from someone already talked to skips the first one-to-one', () => {
    const neutral = { ...buyIn, stance: 'neutral', participation: 'joins' };
    expect(step(assessed('Aisha', '2026-11-01', neutral)).action).toMatch(/^Book a one-to-one with Aisha/);
    const known = assessed('Aisha', '2026-11-01', neutral, [did('2026-11-03', 'agree-roles', 'worked', 'agreed who owns what')]);
    expect(step(known)).toMatchObject({ tactic: 'understand-why' });
    expect(step(known).action).toMatch(/^Ask Aisha what would get harder for their team/);
  });

  it('someone who thinks they already do it is asked first what they measure, then shown and sent the rest', () => {
    const omar = { understands: 'thinks-they-do-it', stance: 'neutral', participation: 'joins' };
    const steps = [0, 1, 2, 3].map(
      (times) =>
        step(
          assessed(
            'Omar',
            '2026-11-01',
            omar,
            Array.from({ length: times }, () => did('2026-11-03', 'educate')),
          ),
        ).action,
    );
    expect(steps[0]).toMatch(/^Ask Omar what their team measures about its customers today/);
    expect(steps[1]).toContain('one customer journey from their own area');
    expect(steps[2]).toContain('three lines on what you have heard');
    expect(steps.join(' ')).not.toContain('Magic Question');
  });

  it('declined: a different approach, never the spotlight next', () => {
    const dana = assessed('Dana', '2026-11-10', ownsIt, [did('2026-11-17', 'co-lead', 'declined', 'said no to co-leading')]);
    const result = step(dana);
    expect(result.tactic).not.toBe('spotlight');
    expect(result).toMatchObject({ kind: 'tactic', tactic: 'understand-why' });
    expect(result.action).toContain('what would work better for them than what they turned down on 2026-11-17');
    expect(result.why.join('; ')).toContain('invite them to co-lead was declined on 2026-11-17');
  });

  it('declined: never the spotlight next, even for someone who has contributed', () => {
    const moved = applyUpdate(assessed('Dana', '2026-11-01', ownsIt), { stage: 'commitment' }, 'set', new Date('2026-11-05'));
    expect(hasContributed(moved)).toBe(true);
    const dana = { ...moved, log: [did('2026-11-17', 'co-lead', 'declined')] };
    expect(step(dana).tactic).not.toBe('spotlight');
  });

  it('declined, then declined again: an outside voice, then keeping in touch without asking', () => {
    const first = [did('2026-11-10', 'co-lead', 'declined'), did('2026-11-12', 'understand-why', 'declined')];
    expect(step(assessed('Dana', '2026-11-01', ownsIt, first)).tactic).toBe('outside-authority');
    const all = [...first, did('2026-11-20', 'outside-authority', 'declined')];
    expect(step(assessed('Dana', '2026-11-01', ownsIt, all))).toMatchObject({ kind: 'keep-warm', tactic: 'keep-warm' });
  });

  it('declined, then moved up a stage: what they said no to in the last month is still not offered', () => {
    const colin = assessed('Colin', '2026-11-01', fad, [
      did('2026-11-08', 'outside-authority', 'declined', 'said no to the analyst'),
    ]);
    const moved = applyUpdate(colin, { stage: 'commitment' }, 'set', new Date('2026-11-19'));
    expect(step(moved).tactic).not.toBe('outside-authority');
    expect(step(moved).action).not.toContain('outside voice');
  });

  it('declined at an earlier stage, then overtaken by what they did: not offered again, even after a month', () => {
    const colin = assessed('Colin', '2026-09-01', fad, [
      did('2026-09-02', 'outside-authority', 'declined', 'no coffee with an outside CIO'),
      did('2026-09-16', 'pilot', 'worked', 'his team ran the pilot'),
    ]);
    const moved = applyUpdate(colin, { stage: 'commitment' }, 'set', new Date('2026-09-17'));
    expect(step(moved).tactic).not.toBe('outside-authority');
  });

  it('declined with a day to come back: the same step then, not a different approach', () => {
    const busy = { ...buyIn, stance: 'keen' };
    const before = assessed('Rob', '2026-11-01', busy, [
      { ...did('2026-11-10', 'scarcity', 'declined', 'not before the quarter closes'), until: '2026-12-01' },
    ]);
    expect(step(before)).toMatchObject({ kind: 'tactic', tactic: 'scarcity' });
    expect(step(before).why.join('; ')).toContain('was put off on 2026-11-10, not turned down');
    const on = nextStep(before, { today: new Date('2026-12-01T09:00:00Z'), peerFor: () => undefined });
    expect(on).toMatchObject({ kind: 'tactic', tactic: 'scarcity' });
    expect(on.action).toBe(
      'Go back to Rob, as they asked, with what they put off on 2026-11-10 ("not before the quarter closes"): ask for it again now, and agree a date.',
    );
  });

  it('worked, for a contribution the plan did not ask for: whether they moved, before the plan goes on', () => {
    const fad = { ...buyIn, pledged: 'yes', acted: 'no', stance: 'resistant', 'outlier-reasons': ['resists-change'] };
    const colin = assessed('Colin', '2026-11-01', fad, [did('2026-11-20', 'pilot', 'worked', 'pilot kicked off')]);
    expect(planOf(colin)).not.toContain('pilot');
    expect(step(colin)).toMatchObject({ kind: 'reassess' });
    expect(step(colin).action).toContain('has reached Action');
  });

  it('worked: the plan moves on; the spotlight waits until they have given something', () => {
    const dana = assessed('Dana', '2026-11-10', ownsIt, [did('2026-11-17', 'co-lead', 'worked')]);
    expect(step(dana).tactic).toBe('scarcity'); // agreeing to co-lead is not yet a contribution
    // A scarce ask that worked: first, record whether she has moved.
    const pledged = { ...dana, log: [...(dana.log ?? []), did('2026-11-20', 'scarcity', 'worked', 'gave two analysts')] };
    expect(step(pledged)).toMatchObject({ kind: 'reassess' });
    expect(step(pledged).action).toContain('has reached Commitment');
    // Moved up: now the spotlight, and co-leading, done once, is not offered again.
    const moved = applyUpdate(pledged, { stage: 'commitment' }, 'set', new Date('2026-11-21'));
    expect(hasContributed(moved)).toBe(true);
    expect(step(moved).tactic).toBe('spotlight');
  });

  it('moved up since you last talked to them: thanks first, then the next move', () => {
    const kevin = assessed('Kevin', '2026-11-01', { ...buyIn, stance: 'keen' }, [
      did('2026-11-02', 'scarcity', 'worked', 'named Priya, a day a week'),
    ]);
    const moved = applyUpdate(kevin, { stage: 'commitment' }, 'set', new Date('2026-11-03T10:00:00Z'));
    expect(step(moved)).toMatchObject({ kind: 'tactic', tactic: 'social-proof' });
    expect(step(moved).action).toMatch(
      /^Thank Kevin for what they did \("named Priya, a day a week", 2026-11-02\), and say what it makes possible\. Then: /,
    );
    // With nothing logged by the move but a wait: the move you recorded.
    const quiet = applyUpdate(
      { ...kevin, log: [did('2026-11-02', 'scarcity', 'waiting', 'asked for a person')] },
      { stage: 'commitment' },
      'set',
      new Date('2026-11-03T10:00:00Z'),
    );
    expect(step(quiet).action).toMatch(
      /^Thank Kevin for the step they took \(you recorded their move to Commitment on 2026-11-03\)/,
    );
    // Moved onto their target: thanked too, where they are kept warm.
    const there = applyUpdate(kevin, { stage: 'commitment', target: 'commitment' }, 'set', new Date('2026-11-03T10:00:00Z'));
    expect(step(there)).toMatchObject({ kind: 'keep-warm' });
    expect(step(there).action).toMatch(/^Thank Kevin for what they did/);
    // Thanked for what moved them: the last thing logged by the move, not an older step that worked;
    // and once, where the step is itself a thank-you (nurturing someone now at Action).
    const margaret = applyUpdate(
      {
        ...kevin,
        log: [
          did('2026-11-02', 'scarcity', 'worked', 'agreed to bring the Head of Midwifery'),
          { on: '2026-11-09', text: 'her matrons ran the first feedback round' },
        ],
      },
      { stage: 'action' },
      'set',
      new Date('2026-11-09T12:00:00Z'),
    );
    const thanks = step(margaret).action;
    expect(thanks.match(/Thank /g)).toHaveLength(1);
    const commitment = applyUpdate(
      { ...margaret, stage: 'buy-in' },
      { stage: 'commitment' },
      'set',
      new Date('2026-11-09T12:00:00Z'),
    );
    expect(step(commitment).action).toContain(
      'Thank Kevin for what they did ("her matrons ran the first feedback round", 2026-11-09)',
    );
    // Once you have talked to them since, no more thanks for it.
    const since = { ...moved, log: [...(moved.log ?? []), did('2026-11-10', 'social-proof', undefined, 'sent the note')] };
    expect(step(since).action).not.toContain('Thank Kevin');
  });

  it('worked, for a ladder move with more steps: its next step (the case goes on from the two numbers they named)', () => {
    const skeptic = { understands: 'yes', relevant: 'no', 'doubt-reason': 'roi-unclear', stance: 'neutral' };
    const helen = assessed('Helen', '2026-11-10', skeptic, [
      did('2026-11-17', 'business-case', 'worked', 'she named two numbers'),
    ]);
    const result = step(helen);
    expect(result).toMatchObject({ kind: 'tactic', tactic: 'business-case' });
    expect(result.action).toMatch(
      /^Following on from 2026-11-17 \("she named two numbers"\): Send Helen last quarter's three most common complaint reasons/,
    );
    expect(result.why.join('; ')).toContain('build the business case worked on 2026-11-17: its next step');
    // Logged at the very moment of the assessment (a pinned clock), or later that day: the same.
    const sameDay = assessed('Helen', '2026-11-17T09:00:00Z', skeptic, [
      { ...did('2026-11-17', 'business-case', 'worked'), at: '2026-11-17T09:00:00.000Z' },
    ]);
    expect(step(sameDay)).toMatchObject({ kind: 'tactic', tactic: 'business-case' });
  });

  it('a step logged as waiting, then followed up until it worked, is one step: the next is the one after it', () => {
    const skeptic = { understands: 'yes', relevant: 'no', 'doubt-reason': 'roi-unclear', stance: 'neutral' };
    const priya = assessed('Priya', '2026-11-01', skeptic, [
      did('2026-11-02', 'business-case', 'worked', 'named her two numbers'),
      did('2026-11-09', 'business-case', 'waiting', 'sent the complaint costs'),
      did('2026-11-16', 'business-case', 'worked', 'she picked repeat calls'),
    ]);
    expect(step(priya).action).toContain('Put a figure on one fix in their area');
  });

  it('worked, for the step of a move in steps that had them give something: whether they moved, and a contribution', () => {
    const cost = { ...buyIn, stance: 'resistant', 'outlier-reasons': ['financial'] };
    const shown = assessed('Rajesh', '2026-11-01', cost, [did('2026-11-02', 'cost-case', 'worked', 'showed the cost')]);
    expect(hasContributed(shown)).toBe(false);
    const signed = {
      ...shown,
      log: [...(shown.log ?? []), did('2026-11-09', 'cost-case', 'worked', 'signed off £20k for a first step')],
    };
    expect(step(signed)).toMatchObject({ kind: 'reassess' });
    expect(step(signed).action).toContain('has reached Commitment');
    expect(hasContributed(signed)).toBe(true);
  });

  it("worked, for a reason's move made in steps: the cost case goes on to its cheaper first step", () => {
    const cost = { ...buyIn, stance: 'resistant', 'outlier-reasons': ['financial'] };
    const marcus = assessed('Marcus', '2026-11-10', cost, [did('2026-11-17', 'cost-case', 'worked', 'saw the cost of repeats')]);
    expect(step(marcus)).toMatchObject({ kind: 'tactic', tactic: 'cost-case' });
    expect(step(marcus).action).toContain('a first step that needs no new budget');
    // Co-leading is not made in steps: once it has worked, the plan moves on.
    const dana = assessed('Dana', '2026-11-10', ownsIt, [did('2026-11-17', 'co-lead', 'worked')]);
    expect(step(dana).tactic).not.toBe('co-lead');
  });

  it('worked, for a step that had them give something: whether they moved, before any new ask', () => {
    const busy = { ...buyIn, stance: 'keen', priorities: 'yes' };
    const marcus = assessed('Marcus', '2026-11-10', busy);
    expect(step(marcus).tactic).toBe('make-room');
    const gave = { ...marcus, log: [did('2026-11-17', 'make-room', 'worked', 'an AE joins five interviews')] };
    expect(step(gave)).toMatchObject({ kind: 'reassess' });
    expect(step(gave).action).toContain('has reached Commitment');
  });

  it('worked, then re-assessed where they were: the plan goes on, not the same check again', () => {
    const answers = { ...buyIn, stance: 'keen' };
    const sam = assessed('Sam', '2026-11-10', answers, [did('2026-11-12', 'scarcity', 'worked')]);
    expect(step(sam)).toMatchObject({ kind: 'reassess' });
    const again = recordAssessment(
      { people: [sam] },
      { name: 'Sam', answers, result: assess(answers), at: new Date('2026-11-14'), newId },
    ).person;
    expect(again.stage).toBe('buy-in');
    expect(step(again)).toMatchObject({ kind: 'tactic', tactic: 'enlist' });
  });

  it('used without an outcome (an older log): counts as done, but the spotlight still waits for a contribution', () => {
    const dana = assessed('Dana', '2026-11-10', ownsIt, [did('2026-11-17', 'co-lead')]);
    expect(step(dana).tactic).toBe('scarcity');
  });

  it('every step of a move worked, and seen since with no move: ask what stands in the way, not the same check again', () => {
    const sven = {
      ...added('Sven', '2026-10-01', { stage: 'skepticism', disposition: 'fence-sitter', reasons: ['resists-change'] }),
      log: [
        did('2026-10-07', 'outside-authority', 'worked', 'coffee with an outside lead'),
        did('2026-10-14', 'outside-authority', 'worked', 'sent a study'),
        did('2026-10-21', 'outside-authority', 'worked', 'asked what stood out'),
      ],
    };
    expect(step(sven).action).not.toContain('what stands in the way');
    const seen = { ...sven, log: [...sven.log, did('2026-10-28', 'keep-warm', undefined, 'no change yet')] };
    expect(step(seen)).toMatchObject({ kind: 'reassess' });
    expect(step(seen).action).toContain('If they have not, ask them what stands in the way');
  });

  it('worked on every move: check whether they have moved, naming the signals', () => {
    const sam = assessed('Sam', '2026-11-10', { ...buyIn, stance: 'keen' }, [
      did('2026-11-12', 'scarcity', 'worked'),
      did('2026-11-14', 'enlist', 'worked'),
    ]);
    const result = step(sam);
    expect(result.kind).toBe('reassess');
    expect(result.action).toContain('has reached Commitment');
    expect(result.action).toContain('They name a person from their team to work on it.');
    expect(result.action).toContain('cx set "Sam" --stage commitment');
    // Judged again since, and still at Buy-in: they did not move, so the ladder's moves are open again.
    const again = recordAssessment(
      { people: [sam] },
      {
        name: 'Sam',
        answers: { ...buyIn, stance: 'keen' },
        result: assess({ ...buyIn, stance: 'keen' }),
        at: new Date('2026-11-16'),
        newId,
      },
    ).person;
    expect(step(again)).toMatchObject({ kind: 'tactic', tactic: 'scarcity' });
    expect(step(again).action).toContain('Tell Sam the date the request closes');
  });

  it('worked on every move of the plan: the check of whether they moved names each move with its day', () => {
    const dana = assessed('Dana', '2026-11-10', ownsIt, [
      did('2026-11-12', 'scarcity', 'worked'),
      did('2026-11-13', 'spotlight', 'worked'),
      did('2026-11-14', 'co-lead', 'worked'),
    ]);
    expect(planOf(dana)).toEqual(['co-lead', 'spotlight', 'scarcity']);
    expect(step(dana)).toMatchObject({ kind: 'reassess' });
    expect(step(dana).why.join('; ')).toContain(
      'invite them to co-lead worked on 2026-11-14, give them the spotlight worked on 2026-11-13, make a scarce, specific ask worked on 2026-11-12',
    );
  });

  it('a find-out, once logged, leads to re-assessing with what was learned', () => {
    const uma = assessed('Uma', '2026-11-10', { ...buyIn, stance: 'resistant' }, [did('2026-11-18', 'understand-why', 'worked')]);
    const result = step(uma);
    expect(result).toMatchObject({ kind: 'reassess', tactic: 'understand-why' });
    expect(result.action).toContain('Re-assess Uma (cx assess "Uma") to record what you learned on 2026-11-18');
  });

  it('a find-out logged before the re-assessment of the same day does not ask for another', () => {
    const log = [{ ...did('2026-11-18', 'understand-why', 'worked'), at: '2026-11-18T08:00:00.000Z' }];
    const uma = assessed('Uma', '2026-11-18T10:00:00Z', { ...buyIn, stance: 'resistant', 'outlier-reasons': ['financial'] }, log);
    expect(step(uma)).toMatchObject({ kind: 'tactic', tactic: 'cost-case' });
  });
});

describe('targets', () => {
  it('someone at their target is kept warm, not pushed', () => {
    const lee = applyUpdate(assessed('Lee', '2026-11-10', { ...buyIn, stance: 'neutral' }), { target: 'buy-in' }, 'set', today);
    const result = step(lee);
    expect(result).toMatchObject({ kind: 'keep-warm', tactic: 'keep-warm' });
    expect(result.why).toContain('at their target, Buy-in');
  });

  it('an outlier at their target is still worked on', () => {
    const dana = applyUpdate(assessed('Dana', '2026-11-10', ownsIt), { target: 'buy-in' }, 'set', today);
    expect(step(dana).tactic).toBe('co-lead');
  });

  it('Action is where we want people: nurture them', () => {
    const doer = assessed('Doer', '2026-11-10', { acted: 'yes', stance: 'keen' });
    expect(step(doer)).toMatchObject({ kind: 'keep-warm', tactic: 'nurture-followers' });
  });
});

describe('a stage set by the user counts', () => {
  it('gets the advice of that stage, with an assessment suggested, not demanded', () => {
    const ivy = added('Ivy', '2026-11-10', { stage: 'commitment', disposition: 'advocate' });
    const doer = assessed('Doer', '2026-11-10', { acted: 'yes', stance: 'keen' });
    const result = step(ivy, [doer]);
    expect(result).toMatchObject({ kind: 'tactic', tactic: 'social-proof', peer: 'Doer' });
    expect(result.action).toContain('a two-line note on what Doer delivered this month');
    // A step that has no place for the example names it first.
    const later = step({ ...ivy, log: [did('2026-11-12', 'social-proof'), did('2026-11-13', 'enlist')] }, [doer]);
    expect(later.action).toMatch(/^Use Doer's progress as the example\. Invite Ivy to the next session/);
    expect(result.why.join('; ')).toContain('assessing them (cx assess "Ivy") would sharpen this');
  });

  it('with an outlier reason set by hand, the reason picks the move', () => {
    const rex = added('Rex', '2026-11-10', { stage: 'skepticism', disposition: 'outlier', reasons: ['resists-change'] });
    expect(step(rex).tactic).toBe('outside-authority');
  });

  it('only someone with no stage at all is asked to be assessed', () => {
    expect(step(added('New', '2026-11-10'))).toMatchObject({ kind: 'assess' });
  });
});

describe('advice uses what cx knows', () => {
  it("names the person's team where the playbook speaks of their area", () => {
    const olga = assessed('Olga', '2026-11-10', { ...ownsIt, 'outlier-reasons': ['operational'], team: 'the stores' });
    expect(step(olga).action).toContain('which part of the stores');
  });
});

describe('cx todo lists the next step itself', () => {
  const person = fc
    .record({
      stage: fc.constantFrom(null, ...STAGES),
      target: fc.option(fc.constantFrom(...STAGES), { nil: undefined }),
      disposition: fc.constantFrom(null, ...DISPOSITIONS),
      reasons: fc.uniqueArray(fc.constantFrom(...REASONS), { maxLength: 3 }),
      team: fc.option(fc.constantFrom('Ops', 'Finance'), { nil: undefined }),
      log: fc.array(
        fc.record({
          on: fc.constantFrom('2026-10-01', '2026-11-01', '2026-11-20'),
          tactic: fc.option(fc.constantFrom(...TACTICS), { nil: undefined }),
          outcome: fc.option(fc.constantFrom(...OUTCOMES), { nil: undefined }),
        }),
        { maxLength: 4 },
      ),
    })
    .map(({ stage, target, disposition, reasons, team, log }, index = 0): Stakeholder => {
      const base = added(`P${index}`, '2026-09-01', {
        ...(stage ? { stage } : {}),
        ...(disposition ? { disposition } : {}),
        ...(target ? { target } : {}),
        ...(team ? { team } : {}),
        reasons,
      });
      const entries = log
        .map((entry) => ({
          on: entry.on,
          text: 'x',
          ...(entry.tactic ? { tactic: entry.tactic } : {}),
          ...(entry.tactic && entry.outcome ? { outcome: entry.outcome } : {}),
        }))
        .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
      return { ...base, log: entries };
    });

  it('for every person, the same action and tactic as the next step', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 12 }), (people) => {
        const named = people.map((p, index) => ({ ...p, id: `id-${index}`, name: `Person ${index}` }));
        const roster = { people: named };
        const peerFor = peerFinder(roster);
        for (const item of weeklyTodo(roster, today)) {
          const who = named.find((p) => p.name === item.name) as Stakeholder;
          const expected = nextStep(who, { today, peerFor });
          expect({ action: item.action, tactic: item.tactic, kind: item.kind }).toEqual({
            action: expected.action,
            tactic: expected.tactic,
            kind: expected.kind,
          });
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('a month of rest, first contact before re-assessing, contributions and peers', () => {
  it('an old assessment is redone only once you have talked to them since: the first conversation comes first', () => {
    const never = assessed('Marta', '2026-10-01', { ...buyIn, stance: 'neutral', priorities: 'no' });
    expect(step(never)).toMatchObject({ kind: 'tactic' });
    const talked = { ...never, log: [{ on: '2026-11-10', text: 'coffee' }] };
    expect(step(talked)).toMatchObject({ kind: 'reassess' });
  });

  it('after every approach is declined: kept warm, asking nothing, for a month, even after a light touch', () => {
    const log = [
      did('2026-11-10', 'outside-authority', 'declined'),
      did('2026-11-11', 'understand-why', 'declined'),
      did('2026-11-20', 'keep-warm', undefined, 'sent the monthly note'),
    ];
    const gareth = {
      ...added('Gareth', '2026-11-01', { stage: 'skepticism', disposition: 'outlier', reasons: ['resists-change'] }),
      log,
    };
    const result = step(gareth);
    expect(result).toMatchObject({ kind: 'keep-warm', tactic: 'keep-warm' });
    expect(result.action).toContain('Ask for nothing before 2026-12-11');
    expect(dueDay(gareth)).toEqual({ day: '2026-12-11', by: 'rest' });
    // A month on, a fresh approach: what they declined may be offered again.
    const later = nextStep(gareth, { today: new Date('2026-12-15T09:00:00Z'), peerFor: () => undefined });
    expect(later.kind).toBe('tactic');
    expect(later.tactic).toBe('outside-authority');
    expect(later.why.join('; ')).toContain('worth offering again');
    // Resting, and asked to come back later than the rest ends: the one day said is theirs.
    const june = {
      ...gareth,
      log: [...log, { ...did('2026-11-21', 'keep-warm', undefined, 'ask me in January'), until: '2027-01-11' }],
    };
    expect(step(june).action).toContain('Ask for nothing before 2027-01-11');
    expect(step(june).why.join('; ')).not.toContain('2026-12-11');
  });

  it('a find-out that worked is no contribution: no spotlight after a declined co-lead and a good talk', () => {
    const nadia = assessed('Nadia', '2026-11-01', ownsIt, [
      did('2026-11-09', 'co-lead', 'declined'),
      { ...did('2026-11-14', 'understand-why', 'worked'), at: '2026-11-14T09:00:00.000Z' },
    ]);
    const reassessed = {
      ...nadia,
      assessment: { ...(nadia.assessment as NonNullable<Stakeholder['assessment']>), at: '2026-11-14T12:00:00.000Z' },
    };
    expect(hasContributed(reassessed)).toBe(false);
    expect(step(reassessed).tactic).not.toBe('spotlight');
  });

  it('holds up a peer at their level: the same influence first, then above, never below; their team first among equals', () => {
    const tom = assessed('Tom', '2026-11-01', {
      pledged: 'yes',
      acted: 'no',
      stance: 'keen',
      influence: 'medium',
      team: 'Support',
    });
    const doer = (name: string, influence: string, team: string, extra: object = {}) =>
      assessed(name, '2026-11-01', { acted: 'yes', stance: 'keen', influence, team, ...extra });
    const lead = doer('Priyanka', 'medium', 'Support EMEA');
    const vp = doer('Ann', 'high', 'Support');
    const agent = doer('Kofi', 'low', 'Support');
    const sameTeamLead = doer('Zoe', 'medium', 'Support');
    expect(step(tom, [vp, agent, lead]).peer).toBe('Priyanka'); // a team lead, not the VP of his own team
    expect(step(tom, [vp, agent, lead, sameTeamLead]).peer).toBe('Zoe'); // his level and his team
    expect(step(tom, [agent, vp]).peer).toBe('Ann'); // above, and never below
    expect(step(tom, [agent]).peer).toBeUndefined(); // an agent is no peer of a team lead's
    // With no one to name, not a note about nobody: the next of the peers' actions.
    expect(step(tom, [agent]).action).toBe('Invite Tom to the next session where a contributing team presents a quick win.');
  });

  it('never holds up an outlier as the example, however far along', () => {
    const tom = assessed('Tom', '2026-11-01', { pledged: 'yes', acted: 'no', stance: 'keen', influence: 'medium' });
    const elena = assessed('Elena', '2026-11-01', {
      acted: 'yes',
      stance: 'resistant',
      influence: 'medium',
      'outlier-reasons': ['already-doing-it'],
    });
    expect(elena).toMatchObject({ stage: 'action', disposition: 'outlier' });
    expect(step(tom, [elena]).peer).toBeUndefined();
    const raj = assessed('Raj', '2026-11-01', { acted: 'yes', stance: 'neutral', influence: 'medium' });
    expect(step(tom, [elena, raj]).peer).toBe('Raj');
  });

  it('at a target short of Action, the plan is to keep them warm, and nothing more', () => {
    const lee = applyUpdate(assessed('Lee', '2026-11-10', { ...buyIn, stance: 'keen' }), { target: 'buy-in' }, 'set', today);
    expect(planOf(lee)).toEqual(['keep-warm']);
  });
});

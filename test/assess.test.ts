import { describe, expect, it } from 'vitest';
import { assess } from '../src/domain/assess.js';
import type { Answers } from '../src/domain/model.js';

/** Answers that meet the first `met` gates and give `next` for the one after (if any). */
function ladder(met: number, next?: string): Answers {
  const ids = ['understands', 'relevant', 'endorses', 'pledged', 'acted'];
  const answers: Answers = {};
  ids.slice(0, met).forEach((id) => (answers[id] = 'yes'));
  if (next !== undefined && ids[met]) answers[ids[met]] = next;
  return answers;
}
const keen = { stance: 'keen', participation: 'recruits' };

describe('assess: the stage is the rung of the first unmet gate', () => {
  it.each([
    ['nothing known', {}, 'ignorance', 'understands'],
    ['does not understand CX', { understands: 'no' }, 'ignorance', 'understands'],
    ['thinks they already do it', { understands: 'thinks-they-do-it' }, 'ignorance', 'understands'],
    ['understands, sees no value', ladder(1, 'no'), 'skepticism', 'relevant'],
    ['understands, value unknown', ladder(1, 'unknown'), 'skepticism', 'relevant'],
    ['sees value, has not backed it', ladder(2, 'no'), 'skepticism', 'endorses'],
    ['backs it, nothing pledged', ladder(3, 'no'), 'buy-in', 'pledged'],
    ['pledged, nothing done', ladder(4, 'no'), 'commitment', 'acted'],
    ['acting', ladder(5), 'action', null],
  ] as const)('%s -> %s', (_, answers, stage, blocker) => {
    const result = assess({ ...answers, ...keen });
    expect(result.stage).toBe(stage);
    expect(result.blocker?.question ?? null).toBe(blocker);
    expect(result.blocker?.stage ?? null).toBe(blocker ? stage : null);
  });
});

describe('assess: disposition is judged apart from the stage', () => {
  it.each([
    ['keen', 'recruits', 'advocate', 'high'],
    ['keen', 'joins', 'advocate', 'high'],
    ['neutral', 'recruits', 'advocate', 'high'],
    ['neutral', 'joins', 'fence-sitter', 'high'],
    ['resistant', 'joins', 'outlier', 'high'],
    // Declining or delaying without pushing back is not opposition.
    ['neutral', 'declines', 'fence-sitter', 'high'],
    ['unknown', 'declines', 'fence-sitter', 'medium'],
    ['resistant', 'declines', 'outlier', 'high'],
    // Speaking for the work while declining one ask: a supporter (at Buy-in), not an outlier.
    ['keen', 'declines', 'advocate', 'high'],
    ['resistant', 'recruits', 'outlier', 'medium'], // mixed signals: a conflict
    ['keen', 'unknown', 'advocate', 'high'], // not invited yet says nothing against them
    ['unknown', 'joins', 'fence-sitter', 'medium'],
    ['unknown', 'unknown', 'fence-sitter', 'medium'],
  ])('stance %s, participation %s -> %s (%s confidence)', (stance, participation, disposition, confidence) => {
    const result = assess({ ...ladder(5), stance, participation });
    expect(result.stage).toBe('action');
    expect(result.disposition).toBe(disposition);
    expect(result.confidence).toBe(confidence);
  });

  it('an outlier can sit at any stage, even Action', () => {
    expect(assess({ ...ladder(5), stance: 'resistant', participation: 'declines' })).toMatchObject({
      stage: 'action',
      disposition: 'outlier',
    });
    expect(assess({ understands: 'no', stance: 'resistant' })).toMatchObject({ stage: 'ignorance', disposition: 'outlier' });
  });
});

describe('assess: reasons', () => {
  it.each([
    ['no value, return unclear', { ...ladder(1, 'no'), 'doubt-reason': 'roi-unclear' }, ['roi-unclear']],
    ['no value, resists change', { ...ladder(1, 'no'), 'doubt-reason': 'resists-change' }, ['resists-change']],
    ['not backed, resists change', { ...ladder(2, 'no'), 'doubt-reason': 'resists-change' }, ['resists-change']],
    ['doubt reason unknown', { ...ladder(1, 'no'), 'doubt-reason': 'unknown' }, []],
    // Neither the numbers nor change itself (a turf fight, say): no skeptic's reason; the outlier's say which.
    ['something else holds them back', { ...ladder(1, 'no'), 'doubt-reason': 'something-else' }, []],
    ['doubt reason given but not called for', { ...ladder(3, 'no'), 'doubt-reason': 'roi-unclear' }, []],
    // A doubt only a skeptic has: kept, even where "understands" was answered no (a conflict, shown).
    [
      'a doubt beside "does not understand"',
      { understands: 'no', relevant: 'no', 'doubt-reason': 'roi-unclear' },
      ['roi-unclear'],
    ],
    ['other work keeps winning, at Buy-in', { ...ladder(3, 'no'), priorities: 'yes' }, ['conflicting-priorities']],
    ['other work keeps winning, at Commitment', { ...ladder(4, 'no'), priorities: 'yes' }, ['conflicting-priorities']],
    ['"other work" given but not called for', { ...ladder(1, 'no'), priorities: 'yes' }, []],
  ])('%s -> %j', (_, answers, reasons) => {
    expect(assess({ ...answers, ...keen }).reasons).toEqual(reasons);
  });

  it.each(['already-doing-it', 'unclear-role', 'financial', 'operational', 'other'])(
    'an outlier holding back because %s keeps that reason',
    (reason) => {
      const result = assess({ ...ladder(3, 'no'), stance: 'resistant', 'outlier-reasons': [reason] });
      expect(result.disposition).toBe('outlier');
      expect(result.reasons).toEqual([reason]);
      expect(result.unknowns).not.toContain('outlier-reasons');
    },
  );

  it('something else holding a skeptic back is an answer: no "don\'t know", and the outlier\'s reasons say which', () => {
    const result = assess({
      ...ladder(1, 'no'),
      'doubt-reason': 'something-else',
      stance: 'resistant',
      'outlier-reasons': ['unclear-role'],
    });
    expect(result).toMatchObject({ stage: 'skepticism', disposition: 'outlier', reasons: ['unclear-role'] });
    expect(result.unknowns).not.toContain('doubt-reason');
    expect(result.evidence.find((item) => item.question === 'doubt-reason')?.finding).toContain('something else');
  });

  it('keeps several outlier reasons, and a skeptic outlier keeps both kinds', () => {
    const result = assess({
      ...ladder(1, 'no'),
      'doubt-reason': 'roi-unclear',
      participation: 'declines',
      'outlier-reasons': ['financial', 'operational'],
    });
    expect(result.reasons).toEqual(['roi-unclear', 'financial', 'operational']);
  });

  it('ignores outlier reasons for someone who is not an outlier', () => {
    expect(assess({ ...ladder(5), ...keen, 'outlier-reasons': ['financial'] }).reasons).toEqual([]);
  });

  it('asks to find out why when an outlier gives no reason', () => {
    const result = assess({ ...ladder(5), stance: 'resistant', participation: 'declines' });
    expect(result.unknowns).toEqual(['outlier-reasons']);
  });

  it('asks to find out what holds a skeptic back when that is unknown', () => {
    expect(assess({ ...ladder(1, 'no'), ...keen }).unknowns).toEqual(['doubt-reason']);
  });
});

describe('assess: conflicts and "don\'t know" lower the confidence', () => {
  it.each([
    ['consistent answers', { ...ladder(3, 'no'), ...keen }, 'high', [], ['priorities']],
    ['everything known and met', { ...ladder(5), ...keen }, 'high', [], []],
    ['the deciding gate unknown', { ...ladder(2, 'unknown'), ...keen }, 'medium', [], ['endorses']],
    // What they did outweighs what they are believed to think: the "no" beneath is the conflict.
    [
      'pledged without understanding',
      { understands: 'no', pledged: 'yes', ...keen },
      'low',
      ['understands'],
      ['acted', 'priorities'],
    ],
    ['acting without understanding', { understands: 'no', pledged: 'yes', acted: 'yes', ...keen }, 'medium', ['understands'], []],
    // A "don't know" under a "yes" is implied, not a doubt.
    ['a yes above a gate nobody knows', { understands: 'unknown', relevant: 'yes', ...keen }, 'medium', [], ['endorses']],
    ['nothing at all', {}, 'low', [], ['understands', 'stance', 'participation']],
  ] as const)('%s -> %s', (_, answers, confidence, conflicts, unknowns) => {
    const result = assess(answers);
    expect(result.confidence).toBe(confidence);
    expect(result.conflicts.map((item) => item.question)).toEqual(conflicts);
    expect(result.unknowns).toEqual(unknowns);
  });

  it('places them by the highest rung the evidence reaches, however many "no" answers sit beneath it', () => {
    const result = assess({ understands: 'no', relevant: 'no', endorses: 'yes', pledged: 'yes', acted: 'yes' });
    expect(result.stage).toBe('action');
    expect(result.conflicts.map((item) => item.question)).toEqual(['understands', 'relevant']);
    expect(result.gaps).toEqual(['ignorance', 'skepticism']);
  });

  it('records which answer decided what, in order up the ladder', () => {
    const result = assess({ ...ladder(3, 'no'), stance: 'neutral', participation: 'joins' });
    expect(result.evidence.map((item) => `${item.question}=${item.answer}`)).toEqual([
      'understands=yes',
      'relevant=yes',
      'endorses=yes',
      'pledged=no',
      'stance=neutral',
      'participation=joins',
    ]);
    expect(result.evidence[3]?.finding).toContain('Buy-in');
  });
});

describe('assess: evidence above implies the rungs below', () => {
  it.each([
    ['backed it out loud', { endorses: 'yes' }, 'buy-in', ['understands', 'relevant'], 'pledged'],
    [
      'pledged, nothing delivered',
      { pledged: 'yes', acted: 'no' },
      'commitment',
      ['understands', 'relevant', 'endorses'],
      'acted',
    ],
    ['acting', { acted: 'yes' }, 'action', ['understands', 'relevant', 'endorses', 'pledged'], null],
    ['a doubt only a skeptic has', { relevant: 'no', 'doubt-reason': 'roi-unclear' }, 'skepticism', ['understands'], 'relevant'],
    ['wary of change', { endorses: 'no', 'doubt-reason': 'resists-change' }, 'skepticism', ['understands'], 'relevant'],
  ] as const)('%s -> %s, with the unknown rungs beneath implied', (_, answers, stage, implied, blocker) => {
    const result = assess({ ...answers, stance: 'keen' });
    expect(result.stage).toBe(stage);
    expect(result.implied).toEqual(implied);
    expect(result.conflicts).toEqual([]);
    expect(result.blocker?.question ?? null).toBe(blocker);
    expect(result.unknowns).not.toContain('understands');
    for (const question of implied) {
      expect(result.evidence.find((item) => item.question === question)?.finding).toMatch(/implied|shows it/);
    }
  });

  it('holds someone at a rung answered "don\'t know" when nothing above it says more', () => {
    const result = assess({ understands: 'yes', relevant: 'unknown', endorses: 'no', stance: 'keen' });
    expect(result.stage).toBe('skepticism');
    expect(result.blocker).toMatchObject({ question: 'relevant', answer: 'unknown' });
    expect(result.unknowns).toContain('relevant');
    expect(result.confidence).toBe('medium');
  });

  it('owes the step beneath a conflict: the rung answered "no" is a gap', () => {
    expect(assess({ understands: 'no', pledged: 'yes', acted: 'no' }).gaps).toEqual(['ignorance']);
    expect(assess({ understands: 'yes', relevant: 'no', pledged: 'yes' }).gaps).toEqual(['skepticism']);
    expect(assess({ understands: 'thinks-they-do-it', endorses: 'yes' }).gaps).toEqual(['ignorance']);
  });
});

describe('assess: a deed outweighs a "no" beneath it; a belief does not', () => {
  it.each([
    // A belief above a "no": the "no" holds them, and the belief above is the conflict.
    ['sees it as relevant, yet does not understand CX', { understands: 'no', relevant: 'yes' }, 'ignorance', ['relevant'], []],
    [
      'a doubt beside "does not understand"',
      { understands: 'no', relevant: 'no', 'doubt-reason': 'roi-unclear' },
      'ignorance',
      ['doubt-reason'],
      [],
    ],
    // A deed above a "no": placed by the deed, the "no" is the conflict, and its rung's move is owed.
    [
      'backed it out loud, yet does not understand CX',
      { understands: 'no', relevant: 'yes', endorses: 'yes' },
      'buy-in',
      ['understands'],
      ['ignorance'],
    ],
    [
      'pledged, though they doubt the return',
      { understands: 'yes', relevant: 'no', pledged: 'yes', acted: 'no' },
      'commitment',
      ['relevant'],
      ['skepticism'],
    ],
  ] as const)('%s -> %s', (_, answers, stage, conflicts, gaps) => {
    const result = assess({ ...answers, stance: 'keen' });
    expect(result.stage).toBe(stage);
    expect(result.conflicts.map((item) => item.question)).toEqual(conflicts);
    expect(result.gaps).toEqual(gaps);
    expect(result.confidence).not.toBe('high');
  });

  it('keeps the doubt as a reason when it conflicts with the answer about understanding', () => {
    expect(assess({ understands: 'no', relevant: 'no', 'doubt-reason': 'roi-unclear' }).reasons).toEqual(['roi-unclear']);
  });
});

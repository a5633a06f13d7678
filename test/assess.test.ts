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
    ['neutral', 'declines', 'outlier', 'high'],
    ['resistant', 'declines', 'outlier', 'high'],
    ['keen', 'declines', 'outlier', 'medium'], // mixed signals: a conflict
    ['resistant', 'recruits', 'outlier', 'medium'],
    ['keen', 'unknown', 'advocate', 'medium'],
    ['unknown', 'joins', 'fence-sitter', 'medium'],
    ['unknown', 'unknown', 'fence-sitter', 'low'],
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
    ['doubt reason given but not called for', { ...ladder(3, 'no'), 'doubt-reason': 'roi-unclear' }, []],
    ['a doubt before they understand CX (Ignorance)', { understands: 'no', relevant: 'no', 'doubt-reason': 'roi-unclear' }, []],
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
    ['consistent answers', { ...ladder(3, 'no'), ...keen }, 'high', [], []],
    ['everything known and met', { ...ladder(5), ...keen }, 'high', [], []],
    ['the deciding gate unknown', { ...ladder(2, 'unknown'), ...keen }, 'medium', [], ['endorses']],
    ['pledged without understanding', { understands: 'no', pledged: 'yes', ...keen }, 'medium', ['pledged'], []],
    ['two answers above the gap', { understands: 'no', pledged: 'yes', acted: 'yes', ...keen }, 'low', ['pledged', 'acted'], []],
    [
      'a yes above a gate nobody knows',
      { understands: 'unknown', relevant: 'yes', ...keen },
      'low',
      ['relevant'],
      ['understands'],
    ],
    ['nothing at all', {}, 'low', [], ['understands', 'stance', 'participation']],
  ] as const)('%s -> %s', (_, answers, confidence, conflicts, unknowns) => {
    const result = assess(answers);
    expect(result.confidence).toBe(confidence);
    expect(result.conflicts.map((item) => item.question)).toEqual(conflicts);
    expect(result.unknowns).toEqual(unknowns);
  });

  it('stays at the first unmet gate however many answers above it say yes', () => {
    expect(assess({ understands: 'no', relevant: 'yes', endorses: 'yes', pledged: 'yes', acted: 'yes' }).stage).toBe('ignorance');
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

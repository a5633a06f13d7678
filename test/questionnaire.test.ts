import { describe, expect, it } from 'vitest';
import { QUESTIONS, checkAnswers, choicesOffered, isAsked, questionById } from '../src/domain/questionnaire.js';

describe('the questionnaire as data', () => {
  it('has unique ids, and unique choice values within each question', () => {
    const ids = QUESTIONS.map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const question of QUESTIONS) {
      const values = question.choices.map((choice) => choice.value);
      expect(new Set(values).size, question.id).toBe(values.length);
    }
  });

  it('offers "don\'t know" on every one-choice question', () => {
    for (const question of QUESTIONS.filter((q) => q.kind === 'one')) {
      expect(
        question.choices.map((choice) => choice.value),
        question.id,
      ).toContain('unknown');
    }
  });

  it('asks 7 scored questions, up to 10 with follow-ups', () => {
    const scored = QUESTIONS.filter((question) => question.section !== 'details');
    expect(scored.filter((question) => question.askedWhen.length === 0 && !question.askedAt)).toHaveLength(7);
    expect(scored).toHaveLength(10);
  });

  it.each([
    ['doubt-reason', {}, false],
    ['doubt-reason', { relevant: 'no' }, true],
    ['doubt-reason', { relevant: 'yes', endorses: 'no' }, true],
    ['doubt-reason', { relevant: 'unknown' }, false],
    ['outlier-reasons', { stance: 'keen' }, false],
    ['outlier-reasons', { stance: 'resistant' }, true],
    ['outlier-reasons', { participation: 'declines' }, true],
    ['pledged', {}, true],
    // Other work winning is asked of those the ladder places at Buy-in or Commitment.
    ['priorities', {}, false],
    ['priorities', { endorses: 'yes' }, true],
    ['priorities', { endorses: 'yes', pledged: 'yes' }, true],
    ['priorities', { pledged: 'yes', acted: 'yes' }, false],
    ['priorities', { understands: 'yes', relevant: 'no' }, false],
  ] as const)('%s is asked after %j: %s', (id, answers, asked) => {
    expect(isAsked(questionById(id), answers)).toBe(asked);
  });
});

describe('checkAnswers', () => {
  it.each([
    ['an empty object', {}, {}],
    ['known answers', { understands: 'yes', stance: 'keen' }, { understands: 'yes', stance: 'keen' }],
    [
      'a follow-up that applies',
      { relevant: 'no', 'doubt-reason': 'roi-unclear' },
      { relevant: 'no', 'doubt-reason': 'roi-unclear' },
    ],
    [
      'one outlier reason as a string',
      { stance: 'resistant', 'outlier-reasons': 'financial' },
      { stance: 'resistant', 'outlier-reasons': ['financial'] },
    ],
    [
      'outlier reasons as a list, repeats folded',
      { stance: 'resistant', 'outlier-reasons': ['financial', 'financial', 'other'] },
      { stance: 'resistant', 'outlier-reasons': ['financial', 'other'] },
    ],
    [
      '"unknown" outlier reasons',
      { participation: 'declines', 'outlier-reasons': 'unknown' },
      { participation: 'declines', 'outlier-reasons': [] },
    ],
    [
      '"Unknown" outlier reasons, in any case',
      { participation: 'declines', 'outlier-reasons': ['UNKNOWN'] },
      { participation: 'declines', 'outlier-reasons': [] },
    ],
    ['text details, trimmed', { role: '  VP Ops ', team: '' }, { role: 'VP Ops', team: '' }],
    ['an influence of "" (cleared, as "unknown")', { influence: '' }, { influence: 'unknown' }],
    [
      'values in any case and spelling, as stages are',
      { understands: 'Thinks they do it', stance: 'KEEN', participation: ' Joins ' },
      { understands: 'thinks-they-do-it', stance: 'keen', participation: 'joins' },
    ],
    [
      'outlier reasons in any case',
      { stance: 'resistant', 'outlier-reasons': ['Already_Doing_It', 'FINANCIAL'] },
      { stance: 'resistant', 'outlier-reasons': ['already-doing-it', 'financial'] },
    ],
    ['null means no answer', { understands: null }, {}],
  ])('accepts %s', (_, raw, answers) => {
    expect(checkAnswers(raw)).toEqual({ ok: true, answers });
  });

  it.each([
    [
      { relevant: 'yes', 'doubt-reason': 'roi-unclear' },
      { relevant: 'yes' },
      'doubt-reason is asked only when relevant is no, or endorses is no',
    ],
    [
      { stance: 'neutral', 'outlier-reasons': ['financial'] },
      { stance: 'neutral' },
      'outlier-reasons is asked only when stance is resistant, or participation is declines',
    ],
  ])('drops a follow-up that does not apply, and says why: %j', (raw, answers, note) => {
    expect(checkAnswers(raw)).toEqual({ ok: true, answers, notes: [note] });
  });

  it.each([
    ['an array', [], 'JSON object'],
    ['a string', 'yes', 'JSON object'],
    ['null', null, 'JSON object'],
    ['an unknown question', { mood: 'happy' }, 'unknown question "mood"'],
    [
      'an unknown choice',
      { understands: 'maybe' },
      '"understands" cannot be "maybe"; choose one of: yes, thinks-they-do-it, no, unknown',
    ],
    ['a number', { pledged: 1 }, '"pledged" cannot be 1'],
    ['a list for a one-choice question', { stance: ['keen'] }, '"stance" cannot be ["keen"]'],
    ['an unknown outlier reason', { stance: 'resistant', 'outlier-reasons': ['grumpy'] }, '"outlier-reasons" cannot be "grumpy"'],
    ['a number as text', { role: 42 }, '"role" takes text'],
    ['"" for a question about the person', { stance: '' }, '"stance" cannot be ""'],
  ])('rejects %s', (_, raw, problem) => {
    const result = checkAnswers(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toContain(problem);
  });

  it('reports every problem at once', () => {
    const result = checkAnswers({ mood: 'x', understands: 'maybe' });
    expect(result.ok ? [] : result.problems).toHaveLength(2);
  });
});

describe('the choices offered', () => {
  const reasons = questionById('outlier-reasons');
  const values = (answers: Record<string, string>) => choicesOffered(reasons, answers).map((choice) => choice.value);
  it.each([
    ['priorities not asked', {}, true],
    ['priorities "don\'t know"', { priorities: 'unknown' }, true],
    ['priorities "yes": the reason is recorded already', { priorities: 'yes' }, false],
    ['priorities "no": it would contradict the answer', { priorities: 'no' }, false],
  ])('why they hold back, %s: other work winning offered %s', (_, answers, offered) => {
    expect(values(answers).includes('conflicting-priorities')).toBe(offered);
    expect(values(answers)).toContain('already-doing-it');
  });

  it('every other question offers all its choices', () => {
    for (const question of QUESTIONS.filter((q) => q.id !== 'outlier-reasons')) {
      expect(choicesOffered(question, { priorities: 'yes' })).toBe(question.choices);
    }
  });
});

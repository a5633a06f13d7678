// What a sound roster record is (src/domain/records.ts): the check every read of the roster makes.
import { describe, expect, it } from 'vitest';
import { personProblem, shapeProblem } from '../src/domain/records.js';

/** A sound record, as cx writes one. */
const person = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'a',
  name: 'Dana Lee',
  stage: 'action',
  disposition: 'advocate',
  reasons: [],
  confidence: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  history: [],
  ...extra,
});
const without = (key: string): Record<string, unknown> => {
  const record = person();
  delete record[key];
  return record;
};

describe('personProblem', () => {
  it.each([
    ['a record as cx writes it', person()],
    ['no stage or disposition yet', person({ stage: null, disposition: null })],
    ['every optional field', person({ role: 'VP', team: 'Ops', notes: 'n', influence: 'high', stageSource: 'assess' })],
    [
      'an assessment and a log',
      person({
        confidence: 'high',
        reasons: ['financial'],
        assessment: {
          at: '2026-11-01T09:00:00.000Z',
          answers: {},
          stage: 'action',
          disposition: 'outlier',
          reasons: ['financial'],
        },
        log: [
          { on: '2026-11-01', text: 'Coffee', tactic: 'educate' },
          { on: '2026-11-02', text: 'Lunch' },
        ],
        history: [{ at: '2026-11-01T09:00:00.000Z', source: 'set', changes: [{ field: 'stage', from: null, to: 'action' }] }],
      }),
    ],
    ['fields cx does not know', person(JSON.parse('{"__proto__": {"team": "Ghost"}, "colour": "blue"}'))],
  ])('finds nothing wrong with %s', (_, record) => {
    expect(personProblem(record)).toBeUndefined();
  });

  it.each([
    ['null', null, 'is not an object'],
    ['a list', [], 'is not an object'],
    ['text', 'Dana Lee', 'is not an object'],
    ['no id', without('id'), 'has no id or name'],
    ['a name that is a number', person({ name: 7 }), 'has no id or name'],
    ['an unknown stage', person({ stage: 'nirvana' }), 'has an unknown stage'],
    ['no stage at all', without('stage'), 'has an unknown stage'],
    ['an unknown disposition', person({ disposition: 'grumpy' }), 'has an unknown disposition'],
    ['no history', without('history'), 'has no history or reasons list'],
    ['reasons that are not a list', person({ reasons: 'financial' }), 'has no history or reasons list'],
    ['an unknown reason', person({ reasons: ['bogus'] }), 'has an unknown reason'],
    ['an unknown confidence', person({ confidence: 'total' }), 'has an unknown confidence'],
    ['no createdAt', without('createdAt'), 'has no createdAt or updatedAt time'],
    ['a role that is a number', person({ role: 1 }), 'has a role that is not text'],
    ['a team that is a list', person({ team: ['Ops'] }), 'has a team that is not text'],
    ['notes that are an object', person({ notes: {} }), 'has a notes that is not text'],
    ['an unknown influence', person({ influence: 'huge' }), 'has an unknown influence'],
    ['an unknown stageSource', person({ stageSource: 'guess' }), 'has an unknown stageSource'],
    ['an empty history entry', person({ history: [null] }), 'has a history entry without a time, source or changes'],
    ['a history entry without changes', person({ history: [{ at: 'x', source: 'set' }] }), 'has a history entry without'],
    ['a change without a field', person({ history: [{ at: 'x', source: 'set', changes: [{}] }] }), 'has a history entry without'],
    [
      'an assessment without answers',
      person({ assessment: { at: '2026-11-01', answers: null, stage: 'action' } }),
      'has an assessment without a time, answers or stage',
    ],
    [
      'an assessment time that is a number',
      person({ assessment: { at: 5, answers: {}, stage: 'action' } }),
      'has an assessment without',
    ],
    [
      'an assessment with an unknown disposition',
      person({ assessment: { at: 'x', answers: {}, stage: 'action', disposition: 'x', reasons: [] } }),
      'has an assessment with an unknown disposition or reason',
    ],
    ['a log that is not a list', person({ log: {} }), 'has a log entry without a day or text'],
    ['a log entry without text', person({ log: [{ on: '2026-11-01' }] }), 'has a log entry without a day or text'],
    [
      'a log entry with an unknown tactic',
      person({ log: [{ on: 'x', text: 'hi', tactic: 'bogus' }] }),
      'has a log entry without',
    ],
    ['an empty id', person({ id: ' ' }), 'has an id that is empty'],
    ['an id with a control character', person({ id: 'a\u001b' }), 'has an id that is empty, longer than 200'],
    ['a createdAt that is not a time', person({ createdAt: '+cmd' }), 'has a createdAt that is not a time: "\\+cmd"'],
    ['an updatedAt on no calendar', person({ updatedAt: '2026-02-31T25:00:00Z' }), 'has an updatedAt that is not a time'],
    [
      'a history entry at no time',
      person({ history: [{ at: 'x', source: 'set', changes: [] }] }),
      'has a history entry whose time',
    ],
    [
      'an assessment at no time',
      person({ assessment: { at: 'x', answers: {}, stage: 'action', disposition: 'outlier', reasons: [] } }),
      'has an assessment whose time is not a time',
    ],
    ['a log entry on no day', person({ log: [{ on: '2026-11', text: 'hi' }] }), 'has a log entry whose day is not a day'],
  ])('finds %s', (_, record, problem) => {
    expect(personProblem(record)).toMatch(new RegExp(`^${problem}`));
  });
});

describe('shapeProblem', () => {
  it.each([
    ['no people', { people: [] }],
    ['people with different names', { version: 1, people: [person(), person({ id: 'b', name: 'Sam Ortiz' })] }],
  ])('finds nothing wrong with %s', (_, data) => {
    expect(shapeProblem(data)).toBeUndefined();
  });

  it.each([
    ['an empty object', {}, '"people" is not a list'],
    ['people by name', { people: { 'Dana Lee': {} } }, '"people" is not a list'],
    ['a person without an id', { people: [{ name: 'Dana Lee' }] }, 'person 1 (Dana Lee) has no id or name'],
    [
      'a bad second person',
      { people: [person(), person({ id: 'b', name: 'B', stage: 'x' })] },
      'person 2 (B) has an unknown stage',
    ],
    ['a bad person without a name', { people: [{ id: 'x' }] }, 'person 1 has no id or name'],
    [
      'two people with one id',
      { people: [person(), person({ name: 'Sam Ortiz' })] },
      'person 2 (Sam Ortiz) has the same id as person 1 (Dana Lee)',
    ],
    [
      'two names that differ only in case and spacing',
      { people: [person(), person({ id: 'b', name: 'dana  LEE' })] },
      'person 2 (dana  LEE) has the same name as person 1 (Dana Lee)',
    ],
  ])('finds %s', (_, data, problem) => {
    expect(shapeProblem(data)).toBe(problem);
  });
});

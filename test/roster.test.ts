import { describe, expect, it } from 'vitest';
import { assess } from '../src/domain/assess.js';
import type { Answers, Roster } from '../src/domain/model.js';
import { findPerson, previousAnswers, recordAssessment } from '../src/domain/roster.js';

const ids = () => {
  let next = 0;
  return () => `id-${++next}`;
};
const record = (roster: Roster, name: string, answers: Answers, date: string, newId = ids()) =>
  recordAssessment(roster, { name, answers, result: assess(answers), at: new Date(date), newId });

const skeptic: Answers = {
  understands: 'yes',
  relevant: 'no',
  'doubt-reason': 'roi-unclear',
  stance: 'neutral',
  participation: 'joins',
  role: 'VP Ops',
};
const buyer: Answers = { understands: 'yes', relevant: 'yes', endorses: 'yes', pledged: 'no', stance: 'keen' };

describe('recordAssessment', () => {
  it('adds a new person with the result, the answers and a first history entry', () => {
    const { roster, person, previous } = record({ people: [] }, '  Dana Lee ', skeptic, '2026-11-02T09:00:00Z');
    expect(previous).toBeUndefined();
    expect(roster.people).toEqual([person]);
    expect(person).toMatchObject({
      id: 'id-1',
      name: 'Dana Lee',
      role: 'VP Ops',
      stage: 'skepticism',
      disposition: 'fence-sitter',
      reasons: ['roi-unclear'],
      createdAt: '2026-11-02T09:00:00.000Z',
      assessment: { at: '2026-11-02T09:00:00.000Z', stage: 'skepticism' },
    });
    expect(person.assessment?.answers).not.toHaveProperty('role');
    expect(person.history).toEqual([
      {
        at: '2026-11-02T09:00:00.000Z',
        source: 'assess',
        changes: expect.arrayContaining([{ field: 'stage', from: null, to: 'skepticism' }]),
      },
    ]);
  });

  it('updates the same person when the name differs only in case and spacing, and records what moved', () => {
    const first = record({ people: [] }, 'Dana Lee', skeptic, '2026-11-02');
    const second = record(first.roster, 'DANA  lee', buyer, '2026-11-24');
    expect(second.roster.people).toHaveLength(1);
    expect(second.previous?.stage).toBe('skepticism');
    expect(second.person).toMatchObject({ id: 'id-1', name: 'Dana Lee', stage: 'buy-in', role: 'VP Ops' });
    expect(second.person.createdAt).toBe(first.person.createdAt);
    expect(second.person.history).toHaveLength(2);
    expect(second.person.history[1]?.changes).toEqual([
      { field: 'stage', from: 'skepticism', to: 'buy-in' },
      { field: 'disposition', from: 'fence-sitter', to: 'advocate' },
      { field: 'reasons', from: ['roi-unclear'], to: null },
    ]);
  });

  it('clears a detail answered with empty text, and keeps one not answered', () => {
    const first = record({ people: [] }, 'Dana Lee', { ...skeptic, team: 'Support' }, '2026-11-02');
    const second = record(first.roster, 'Dana Lee', { ...skeptic, role: '' }, '2026-11-03');
    expect(second.person.role).toBeUndefined();
    expect(second.person.team).toBe('Support');
    expect('role' in second.person).toBe(false);
  });

  it('leaves everyone else alone', () => {
    const one = record({ people: [] }, 'Sam Ortiz', buyer, '2026-11-01', () => 'sam');
    const two = record(one.roster, 'Dana Lee', skeptic, '2026-11-02', () => 'dana');
    expect(two.roster.people.map((p) => p.name)).toEqual(['Sam Ortiz', 'Dana Lee']);
    expect(two.roster.people[0]).toBe(one.person);
  });

  it.each(['j.smith', '__proto__', 'constructor', "O'Brien", 'Zoë Ångström'])('stores and finds %j as data', (name) => {
    const { roster } = record({ people: [] }, name, buyer, '2026-11-02');
    expect(findPerson(roster, name)?.name).toBe(name);
    expect(findPerson(roster, name.toUpperCase())?.name).toBe(name);
  });
});

describe('previousAnswers', () => {
  it('pre-fills the last answers and the details', () => {
    const { person } = record({ people: [] }, 'Dana Lee', { ...skeptic, influence: 'high' }, '2026-11-02');
    expect(previousAnswers(person)).toEqual({
      understands: 'yes',
      relevant: 'no',
      'doubt-reason': 'roi-unclear',
      stance: 'neutral',
      participation: 'joins',
      role: 'VP Ops',
      influence: 'high',
    });
  });

  it('is empty for someone new', () => {
    expect(previousAnswers(undefined)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { daysSince, selectPeople, stageSince } from '../src/domain/filter.js';
import type { Stakeholder } from '../src/domain/model.js';
import { parseDisposition, parseInfluence, parseReason, parseStage } from '../src/domain/model.js';
import { type FieldUpdate, applyUpdate, newPerson } from '../src/domain/roster.js';

const person = (name: string, added: string, update: FieldUpdate, ...later: [string, FieldUpdate][]): Stakeholder => {
  let p = applyUpdate(newPerson(name, name, new Date(added)), update, 'set', new Date(added), true);
  for (const [date, change] of later) p = applyUpdate(p, change, 'set', new Date(date));
  return p;
};

const today = new Date('2026-11-24T12:00:00Z');
const people = [
  person('Dana Lee', '2026-09-01', { stage: 'buy-in', disposition: 'outlier', team: 'Ops', influence: 'high' }),
  person('sam ortiz', '2026-09-01', { stage: 'skepticism', disposition: 'fence-sitter', team: 'Finance' }, [
    '2026-11-20',
    { stage: 'buy-in' },
  ]),
  person('Kim Park', '2026-11-01', { stage: 'action', disposition: 'advocate', team: 'ops', influence: 'low' }, [
    '2026-11-10',
    { notes: 'x' },
  ]),
  person('Al', '2026-11-23', {}),
];
const names = (list: Stakeholder[]) => list.map((p) => p.name);

describe('stageSince and daysSince', () => {
  it.each([
    ['Dana Lee', '2026-09-01'],
    ['sam ortiz', '2026-11-20'],
    ['Kim Park', '2026-11-01'], // a note does not restart the clock
    ['Al', '2026-11-23'],
  ])('%s has been at their stage since %s', (name, since) => {
    expect(stageSince(people.find((p) => p.name === name) as Stakeholder).slice(0, 10)).toBe(since);
  });

  it.each([
    ['2026-11-24T00:00:00Z', 0],
    ['2026-11-23T11:00:00Z', 1],
    ['2026-10-25T12:00:00Z', 30],
    ['2026-12-01T00:00:00Z', 0],
  ])('from %s to today is %i days', (from, days) => {
    expect(daysSince(from, today)).toBe(days);
  });
});

describe('selectPeople', () => {
  it.each([
    ['no filter', {}, ['Al', 'Dana Lee', 'Kim Park', 'sam ortiz']],
    ['one stage', { stages: ['buy-in'] }, ['Dana Lee', 'sam ortiz']],
    ['two stages', { stages: ['action', 'skepticism'] }, ['Kim Park']],
    ['a disposition', { dispositions: ['outlier'] }, ['Dana Lee']],
    ['a team, ignoring case', { team: 'OPS' }, ['Dana Lee', 'Kim Park']],
    ['an influence', { influences: ['high', 'medium'] }, ['Dana Lee']],
    ['stuck 30 days', { stuckDays: 30 }, ['Dana Lee']],
    // Kim Park is at Action, where nobody is stuck.
    ['stuck 4 days', { stuckDays: 4 }, ['Dana Lee', 'sam ortiz']],
    ['filters together', { team: 'ops', stuckDays: 30 }, ['Dana Lee']],
  ] as const)('%s', (_, filters, expected) => {
    expect(names(selectPeople(people, filters as never, 'name', today))).toEqual(expected);
  });

  it('--stuck leaves out someone waiting for the day they asked you to come back on', () => {
    const dana = people[0] as Stakeholder;
    const paused = { ...dana, log: [{ on: '2026-11-01', text: 'ask me in January', until: '2027-01-11' }] };
    expect(names(selectPeople([paused], { stuckDays: 30 }, 'name', today))).toEqual([]);
    const back = { ...dana, log: [{ on: '2026-10-01', text: 'ask me in November', until: '2026-11-02' }] };
    expect(names(selectPeople([back], { stuckDays: 30 }, 'name', today))).toEqual(['Dana Lee']);
  });

  it.each([
    ['name', ['Al', 'Dana Lee', 'Kim Park', 'sam ortiz']],
    ['stage', ['Dana Lee', 'sam ortiz', 'Kim Park', 'Al']],
    ['disposition', ['Dana Lee', 'sam ortiz', 'Kim Park', 'Al']],
    ['updated', ['Al', 'sam ortiz', 'Kim Park', 'Dana Lee']],
    ['stuck', ['Dana Lee', 'Kim Park', 'sam ortiz', 'Al']],
  ] as const)('sorts by %s', (sort, expected) => {
    expect(names(selectPeople(people, {}, sort, today))).toEqual(expected);
  });
});

describe('reading ids as users type them', () => {
  it.each([
    ['buy-in', 'buy-in'],
    ['Buy-in', 'buy-in'],
    ['BUY IN', 'buy-in'],
    ['buy_in', 'buy-in'],
    ['buyin', 'buy-in'],
    [' 3 ', 'buy-in'],
    ['1', 'ignorance'],
    ['5', 'action'],
    ['Skepticism', 'skepticism'],
    ['0', undefined],
    ['6', undefined],
    ['buy', undefined],
    ['', undefined],
  ])('stage %j -> %s', (text, stage) => {
    expect(parseStage(text)).toBe(stage);
  });

  it.each([
    ['Fence sitter', 'fence-sitter'],
    ['FENCE-SITTER', 'fence-sitter'],
    ['fencesitter', 'fence-sitter'],
    ['Advocate', 'advocate'],
    ['outliers', undefined],
  ])('disposition %j -> %s', (text, disposition) => {
    expect(parseDisposition(text)).toBe(disposition);
  });

  it.each([
    ['ROI unclear', 'roi-unclear'],
    ['already_doing_it', 'already-doing-it'],
    ['Financial', 'financial'],
    ['money', undefined],
  ])('reason %j -> %s', (text, reason) => {
    expect(parseReason(text)).toBe(reason);
  });

  it.each([
    ['HIGH', 'high'],
    ['Medium', 'medium'],
    ['huge', undefined],
  ])('influence %j -> %s', (text, influence) => {
    expect(parseInfluence(text)).toBe(influence);
  });
});

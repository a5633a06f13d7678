import { describe, expect, it } from 'vitest';
import { closestNames, displayName, editDistance, nameKey, nameProblem } from '../src/domain/names.js';

describe('names', () => {
  it.each([
    ['Dana Lee', 'dana lee'],
    ['  DANA   LEE ', 'dana lee'],
    ['Dana\tLee', 'dana lee'],
    ['Zoe\u0308 Ångström', 'zoë ångström'], // decomposed ë matches the composed one
    ['j.smith', 'j.smith'],
    ['__proto__', '__proto__'],
    ['李小龍', '李小龍'],
  ])('%j is compared as %j', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['Dana\u001b[31mLee', 'control characters'],
    ['a'.repeat(201), 'at most 200'],
    ['Bad\uFFFD\uFFFDName', 'its text was not UTF-8'],
  ])('%j is refused (%s)', (name, problem) => {
    expect(nameProblem(name)).toContain(problem);
  });

  it.each(['Dana Lee', "O'Brien", 'Zoë Ångström', 'محمد علي', '王小明', 'Sam 🚀'])('%j is a fine name', (name) => {
    expect(nameProblem(name)).toBeUndefined();
  });

  it('keeps the display name as typed, trimmed', () => {
    expect(displayName('  dana LEE ')).toBe('dana LEE');
  });

  it.each([
    ['', '', 0],
    ['dana', 'dana', 0],
    ['dana', 'dnaa', 1],
    ['dana', 'dan', 1],
    ['kitten', 'sitting', 3],
    ['dana lee', 'dnaa lee', 1],
    ['ab🙂', 'ab', 1],
    ['ca', 'abc', 3],
  ])('editDistance(%j, %j) = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it.each([
    ['Dana Le', ['Dana Lee', 'Sam Ortiz'], ['Dana Lee']],
    ['dnaa lee', ['Dana Lee', 'Sam Ortiz'], ['Dana Lee']],
    ['Dana', ['Dana Lee', 'Dan Brown', 'Sam Ortiz'], ['Dana Lee']],
    ['dana l', ['Dana Lee', 'Dana Lewis', 'Sam Ortiz'], ['Dana Lee', 'Dana Lewis']],
    ['Zed Quux', ['Dana Lee', 'Sam Ortiz'], []],
    ['Lee', ['Dana Lee', 'Ed', 'Li'], ['Dana Lee']],
    ['Fred Medina', ['Ed', 'Li', 'Sam Ortiz'], []], // a short name inside a word is no match
    ['Joanna Smith', ['Ann', 'Sam Ortiz'], []],
    ['x🙂y', ['x🙂🙂y', 'Sam Ortiz'], ['x🙂🙂y']], // lengths compared in characters, not UTF-16 units
  ])('closestNames(%j) among %j -> %j', (name, known, expected) => {
    expect(closestNames(name, known)).toEqual(expected);
  });
});

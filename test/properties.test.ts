// Property-based tests: random input never crashes the parsers or the assessment, and input cx rejects
// never changes the roster.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/domain/assess.js';
import { parseImport } from '../src/domain/import.js';
import { STAGES, DISPOSITIONS, CONFIDENCES } from '../src/domain/model.js';
import { closestNames, editDistance, nameKey, nameProblem } from '../src/domain/names.js';
import { QUESTIONS, checkAnswers } from '../src/domain/questionnaire.js';
import { assessIn, run as runCx, rosterBytes, tempDir } from './helpers/cli.js';

const csvCell = fc.oneof(
  fc.string(),
  fc.constantFrom('buy-in', 'BUY IN', '3', 'outlier', 'financial;other', 'high', '"quoted, cell"', '', ' '),
);
const csvText = fc
  .tuple(
    fc.shuffledSubarray(['name', 'stage', 'disposition', 'reasons', 'role', 'team', 'influence', 'notes', 'Email'], {
      minLength: 1,
    }),
    fc.array(fc.array(csvCell, { maxLength: 10 }), { maxLength: 20 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([header, rows, newline]) => [header.join(','), ...rows.map((row) => row.join(','))].join(newline));

describe('the import parser', () => {
  it('never throws on random text, and every row it accepts has a valid name', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), csvText, fc.json()),
        fc.constantFrom(undefined, 'csv' as const, 'json' as const),
        (text, format) => {
          const parsed = parseImport(text, format);
          // A name no new person can have is carried to applyImport, which refuses it unless it finds them.
          for (const row of parsed.rows) expect(nameProblem(row.name)).toBe(row.newNameProblem);
          for (const problem of parsed.problems) expect(problem.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('accepts every row of a well-formed file, in order', () => {
    const name = fc.string({ minLength: 1, maxLength: 30 }).filter((n) => !nameProblem(n) && !/[",\r\n]/.test(n));
    fc.assert(
      fc.property(fc.uniqueArray(name, { selector: nameKey, maxLength: 30 }), (names) => {
        const parsed = parseImport(['name,stage', ...names.map((n, i) => `${n},${(i % 5) + 1}`)].join('\n'), 'csv');
        expect(parsed.problems).toEqual([]);
        // A cell that starts with apostrophes before a formula character loses one: cx export's guard.
        const read = (n: string) => (/^'+[=+\-@\t\r]/.test(n) ? n.slice(1) : n).trim();
        expect(parsed.rows.map((row) => row.name.trim())).toEqual(names.map(read));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the name matcher', () => {
  const near = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 10 }).map((letters) => letters.join('')),
  );
  it('editDistance with a bound gives the distance, or the bound plus one when it is further', () => {
    fc.assert(
      // Few letters, so that close strings (and swaps) are common.
      fc.property(near, near, fc.nat({ max: 8 }), (a, b, most) => {
        expect(editDistance(a, b, most)).toBe(Math.min(editDistance(a, b), most + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores case and spacing, and is stable', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(nameKey(nameKey(name))).toBe(nameKey(name));
        expect(nameKey(`  ${name.toUpperCase()}  `)).toBe(nameKey(name.toUpperCase()));
        expect(nameKey(name.replace(/ /g, '   '))).toBe(nameKey(name));
      }),
    );
  });

  it('suggests only known names, and a known name first when typed exactly', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ minLength: 1 }), { maxLength: 10 }), (name, known) => {
        const close = closestNames(name, known);
        for (const suggestion of close) expect(known).toContain(suggestion);
        if (known.some((k) => nameKey(k) === nameKey(name))) expect(nameKey(close[0] ?? '')).toBe(nameKey(name));
      }),
    );
  });
});

describe('the assessment', () => {
  const answer = fc.oneof(
    fc.constantFrom(...QUESTIONS.flatMap((q) => q.choices.map((c) => c.value))),
    fc.string(),
    fc.array(fc.string(), { maxLength: 3 }),
  );
  const answers = fc.dictionary(fc.oneof(fc.constantFrom(...QUESTIONS.map((q) => q.id)), fc.string()), answer);

  it('always returns a valid stage, disposition and confidence, for any answers it is given', () => {
    fc.assert(
      fc.property(answers, (raw) => {
        const result = assess(raw);
        expect(STAGES).toContain(result.stage);
        expect(DISPOSITIONS).toContain(result.disposition);
        expect(CONFIDENCES).toContain(result.confidence);
        expect(result.blocker === null).toBe(result.stage === 'action');
      }),
      { numRuns: 1000 },
    );
  });

  it('checkAnswers either accepts answers that assess can use, or says what is wrong', () => {
    fc.assert(
      fc.property(fc.oneof(answers, fc.anything()), (raw) => {
        const checked = checkAnswers(raw);
        if (checked.ok) expect(STAGES).toContain(assess(checked.answers).stage);
        else expect(checked.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('rejected input never changes the roster (cx run in-process)', () => {
  it('cx import and cx assess --answers leave the file byte for byte as it was when they refuse', async () => {
    const dir = tempDir();
    await assessIn(dir, 'Dana Lee', { understands: 'yes' });
    const before = rosterBytes(dir);
    const samples = fc.sample(fc.oneof(csvText, fc.string(), fc.json()), { numRuns: 12, seed: 42 });
    let refused = 0;
    for (const text of samples) {
      for (const args of [
        ['import', '-'],
        ['assess', 'Dana Lee', '--answers', '-'],
      ]) {
        const run = await runCx(dir, args, { input: text });
        expect(run.stderr).not.toMatch(/\n\s+at /);
        if (run.status !== 0) {
          refused++;
          expect(run.status, `${args[0]} ${JSON.stringify(text)}: ${run.stderr}`).toBe(2);
          expect(rosterBytes(dir)).toBe(before);
        } else {
          // Accepted: put the roster back so the next sample starts from the same file.
          expect((await runCx(dir, ['undo'])).status).toBe(0);
          expect(rosterBytes(dir)).toBe(before);
        }
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});

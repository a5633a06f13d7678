import { describe, expect, it } from 'vitest';
import { buildBoard } from '../src/domain/board.js';
import { applyUpdate, newPerson } from '../src/domain/roster.js';
import { renderBoard } from '../src/render/board.js';
import { inert } from '../src/render/text.js';
import { renderTodo } from '../src/render/todo.js';
import type { TodoItem } from '../src/domain/todo.js';

describe('renderBoard', () => {
  const at = new Date('2026-11-01T09:00:00Z');
  const people = Array.from({ length: 40 }, (_, i) =>
    applyUpdate(
      newPerson(`Person With A Long Name ${i}`, `id${i}`, at),
      {
        stage: (['buy-in', 'action', 'skepticism'] as const)[i % 3],
        disposition: (['advocate', 'outlier', 'fence-sitter'] as const)[i % 3],
      },
      'set',
      at,
      true,
    ),
  );
  const board = buildBoard({ people }, new Date('2026-11-24T09:00:00Z'), '2026-10-01');

  it.each([80, 60, 50])('fits %i columns', (width) => {
    const lines = renderBoard(board, width).split('\n');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
    expect(lines.join('\n')).toContain('Funnel');
  });

  it('names the outliers who came round since the day', () => {
    const ravi = applyUpdate(people[1] as (typeof people)[0], { disposition: 'fence-sitter' }, 'set', new Date('2026-11-20'));
    const text = renderBoard(buildBoard({ people: [ravi] }, new Date('2026-11-24T09:00:00Z'), '2026-11-17'), 80);
    expect(text).toMatch(/\n {2}Came round {4}Person With A Long Name 1 \(Outlier → Fence-sitter\)$/m);
  });
});

describe('inert', () => {
  it.each([
    ['plain', 'plain'],
    ['a\u001b[31mb', 'a\\x1b[31mb'],
    ['bell\u0007', 'bell\\x07'],
    ['line\nbreak', 'line break'],
    ['rtl\u202Eltr', 'rtl\\u202eltr'],
    ['zero\u200Bwidth', 'zero\\u200bwidth'],
    ['family 👨‍👩‍👧', 'family 👨‍👩‍👧'],
  ])('%j prints as %j', (text, shown) => {
    expect(inert(text)).toBe(shown);
  });
});

describe("cx todo's hint when more are due than the list holds", () => {
  const item = (name: string): TodoItem => ({
    name,
    stage: 'ignorance',
    disposition: 'fence-sitter',
    kind: 'tactic',
    tactic: 'educate',
    action: 'Book 30 minutes.',
    why: 'due today',
    priority: 10,
    due: '2026-11-24',
    overdueDays: 0,
  });
  const hint = "More are due than a week's list holds";

  it('names the first three left out', () => {
    expect(renderTodo([item('A')], '2026-11-24', { count: 1, next: ['Rita Cole'] }, 200)).toContain(
      '1 more person is due this week (Rita Cole): cx todo --limit 2 lists all 2.',
    );
    expect(renderTodo([item('A')], '2026-11-24', { count: 5, next: ['B', 'C', 'D'] }, 200)).toContain(
      '5 more people are due this week (the next: B, C, D): cx todo --limit 6 lists all 6.',
    );
  });

  it('suggests a lower target only while some of those due have none', () => {
    expect(renderTodo([item('A'), item('B')], '2026-11-24', { count: 2, untargeted: 3 }, 200)).toContain(
      `${hint}, and 3 of them have no target`,
    );
    expect(renderTodo([item('A'), item('B')], '2026-11-24', { count: 2, untargeted: 0 }, 200)).not.toContain(hint);
    expect(renderTodo([item('A'), item('B')], '2026-11-24', { count: 1, untargeted: 3 }, 200)).not.toContain(hint);
  });
});

// What the fault-injection tests share: the commands that write, rosters to run them on, and what
// every run must say whatever happened to it.
import { expect } from 'vitest';

/** The rows of a CSV import: people with a stage and a note, numbered from `from`. */
export const rows = (count: number, from = 0): string =>
  ['name,stage,notes', ...Array.from({ length: count }, (_, i) => `Person ${from + i},${(i % 5) + 1},${'n'.repeat(200)}`)].join(
    '\n',
  );

/** Every command that writes the roster: name, arguments, stdin. */
export const WRITING: [string, string[], string?][] = [
  ['assess', ['assess', 'Person 1', '--answers', '-'], '{"understands":"yes"}'],
  ['set', ['set', 'Person 2', '--team', 'Ops']],
  ['log', ['log', 'Person 3', 'Coffee', '--tactic', 'educate', '--outcome', 'waiting']],
  ['import', ['import', '-'], 'name,team\nPerson 4,Sales\nPerson 5,Sales\n'],
  ['rm', ['rm', 'Person 6', '--yes']],
  ['forget', ['forget', 'Person 7', '--yes']],
  ['undo', ['undo']],
  ['doctor --restore', ['doctor', '--restore', '--yes']],
];

/** What a command says, whatever happened: never a stack trace; a failure in lines of cx's own. */
export function oneLiners(result: { status: number | null; stderr: string }): void {
  expect(result.stderr).not.toContain('unexpected error');
  expect(result.stderr).not.toMatch(/\n\s+at /);
  if (result.status !== 0) for (const line of result.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^cx: /);
}

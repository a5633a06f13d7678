// cx import <file|-> [--format csv|json] [--dry-run] [--json]
import { randomUUID } from 'node:crypto';
import { now } from '../clock.js';
import { type ImportFormat, type ImportProblem, type RowOutcome, applyImport, parseImport } from '../domain/import.js';
import { UsageError } from '../errors.js';
import { paint } from '../render/color.js';
import { describeFieldChanges } from '../render/profile.js';
import { inert } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { printJson, readInput } from './shared.js';
import { io } from '../io.js';

export async function importCommand(
  source: string,
  options: { format?: ImportFormat; dryRun?: boolean; json?: boolean },
): Promise<void> {
  const text = await readInput(source, 'the import file');
  const parsed = parseImport(text, options.format);
  const label = source === '-' ? 'stdin' : source;
  if (parsed.unknownColumns.length > 0) {
    io().stderr.write(`cx: ignoring unknown columns in ${inert(label)}: ${parsed.unknownColumns.map(inert).join(', ')}\n`);
  }
  const whole = parsed.problems.find((problem) => problem.whole);
  if (whole)
    throw new UsageError(
      `cannot import ${inert(label)}: ${whole.where === 'the file' ? '' : `${whole.where}: `}${inert(whole.message)}`,
    );
  if (parsed.problems.length > 0) refuse(label, parsed.problems);
  if (parsed.rows.length === 0) throw new UsageError(`${label} has no people to import`);

  const { outcomes, counts, problems } = await RosterStore.open().update(`import ${label}`, (before) => {
    const { roster, outcomes, problems } = applyImport(before, parsed.rows, now(), randomUUID);
    if (problems.length > 0) return { result: { outcomes, counts: { added: 0, updated: 0, unchanged: 0 }, problems } };
    const counts = { added: 0, updated: 0, unchanged: 0 };
    for (const outcome of outcomes) counts[outcome.outcome]++;
    const write = !options.dryRun && (counts.added > 0 || counts.updated > 0);
    const names = outcomes.filter((o) => o.outcome !== 'unchanged').map((o) => o.name);
    return { ...(write ? { roster } : {}), names, result: { outcomes, counts, problems } };
  });
  if (problems.length > 0) {
    // Found against the roster, in rows the quick read numbered: read again to say on which lines.
    const located = parseImport(text, parsed.format, { lines: true }).rows;
    const lineOf = new Map(parsed.rows.map((row, index) => [row.where, located[index]?.where ?? row.where]));
    refuse(
      label,
      problems.map((problem) => ({ ...problem, where: lineOf.get(problem.where) ?? problem.where })),
    );
  }

  if (options.json) return printJson({ dryRun: !!options.dryRun, ...counts, people: outcomes });
  const summary = `${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged`;
  if (options.dryRun) {
    io().stdout.write(`${outcomes.map(planLine).join('\n')}\n`);
    io().stdout.write(`\nDry run: ${summary}. Nothing was written; run again without --dry-run to import.\n`);
  } else {
    io().stdout.write(`Imported ${inert(label)} (${parsed.format.toUpperCase()}): ${summary}.\n`);
  }
}

/** Prints every row's problem and stops: nothing is imported. */
function refuse(label: string, problems: readonly ImportProblem[]): never {
  for (const problem of problems) io().stderr.write(`${inert(label)}: ${problem.where}: ${inert(problem.message)}\n`);
  const count = problems.length;
  throw new UsageError(
    `nothing was imported: ${count} ${count === 1 ? 'row has a problem' : 'rows have problems'}; fix ${count === 1 ? 'it' : 'them'} and import again`,
  );
}

function planLine(outcome: RowOutcome): string {
  const c = paint();
  const mark = outcome.outcome === 'added' ? c.green('+') : outcome.outcome === 'updated' ? c.yellow('~') : c.dim('=');
  return `${mark} ${inert(outcome.name)}: ${describeFieldChanges(outcome.changes)}`;
}

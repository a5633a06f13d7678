// cx import <file|-> [--format csv|json] [--dry-run] [--json]
import { randomUUID } from 'node:crypto';
import { now } from '../clock.js';
import { type ImportFormat, type ImportProblem, type RowOutcome, applyImport, parseImport } from '../domain/import.js';
import { UsageError } from '../errors.js';
import { paint } from '../render/color.js';
import { describeFieldChanges } from '../render/profile.js';
import { inert } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { didYouMean, newNameNote, printJson, readInput } from './shared.js';

/** How many new names an import looks for near-misses of names in the roster. */
const NEW_NAMES_CHECKED = 50;
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

  const { outcomes, counts, problems, similar } = await RosterStore.open().update(`import ${label}`, (before) => {
    const { roster, outcomes, problems } = applyImport(before, parsed.rows, now(), randomUUID);
    if (problems.length > 0)
      return { result: { outcomes, counts: { added: 0, updated: 0, unchanged: 0 }, problems, similar: [] } };
    const counts = { added: 0, updated: 0, unchanged: 0 };
    for (const outcome of outcomes) counts[outcome.outcome]++;
    const write = !options.dryRun && (counts.added > 0 || counts.updated > 0);
    const names = outcomes.filter((o) => o.outcome !== 'unchanged').map((o) => o.name);
    // A new name close to one the roster has is most likely a typo: said, for a handful of new names (a
    // bulk add of hundreds is a new list, and each would cost a pass over everyone).
    const added = outcomes.filter((o) => o.outcome === 'added').map((o) => o.name);
    const known = added.length <= NEW_NAMES_CHECKED ? before.people.map((person) => person.name) : [];
    const similar =
      known.length > 0 ? added.map((name) => [name, didYouMean(name, known)] as const).filter(([, hint]) => hint) : [];
    return { ...(write ? { roster } : {}), names, result: { outcomes, counts, problems, similar } };
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
  for (const [name, hint] of similar) {
    if (options.dryRun) io().stderr.write(`cx: note: "${inert(name)}" would be new to the roster (${hint})\n`);
    else newNameNote(name, hint);
  }
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

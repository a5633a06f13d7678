// cx export [--format json|csv] [--output <file>]
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { exportCsv, exportJson, sortedPeople } from '../domain/import.js';
import { jsonArrayPieces } from '../domain/json.js';
import { orderedRecord } from '../domain/model.js';
import { CxError } from '../errors.js';
import { inert } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';

export function exportCommand(options: { format?: 'json' | 'csv'; output?: string }): void {
  const format = options.format ?? (options.output?.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
  const roster = RosterStore.open().read();
  if (!options.output || options.output === '-') {
    if (format === 'csv') process.stdout.write(exportCsv(roster));
    else for (const piece of jsonArrayPieces(sortedPeople(roster), orderedRecord)) process.stdout.write(piece);
    return;
  }
  const text = format === 'csv' ? exportCsv(roster) : exportJson(roster);
  writePrivately(options.output, text);
  const count = roster.people.length;
  process.stderr.write(`Exported ${count} ${count === 1 ? 'person' : 'people'} to ${inert(options.output)} (${format.toUpperCase()}).\n`);
}

/** Writes a file readable by its owner only, through a temporary file, so a failure leaves the old one. */
function writePrivately(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new CxError(`cannot write ${inert(path)}: ${why}`);
  }
}

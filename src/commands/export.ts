// cx export [--format json|csv] [--output <file>]
import { resolve } from 'node:path';
import { exportCsv, exportJson, sortedPeople } from '../domain/import.js';
import { jsonArrayPieces } from '../domain/json.js';
import { orderedRecord } from '../domain/model.js';
import { CxError } from '../errors.js';
import { inert } from '../render/text.js';
import { writeWhole } from '../store/files.js';
import { RosterStore } from '../store/roster-store.js';
import { fileProblem } from './shared.js';
import { io } from '../io.js';

export function exportCommand(options: { format?: 'json' | 'csv'; output?: string; json?: boolean }): void {
  const format = options.json ? 'json' : (options.format ?? (options.output?.toLowerCase().endsWith('.csv') ? 'csv' : 'json'));
  const roster = RosterStore.open().read();
  if (!options.output || options.output === '-') {
    if (format === 'csv') io().stdout.write(exportCsv(roster));
    else for (const piece of jsonArrayPieces(sortedPeople(roster), orderedRecord)) io().stdout.write(piece);
    return;
  }
  const text = format === 'csv' ? exportCsv(roster) : exportJson(roster);
  try {
    writeWhole(resolve(io().cwd, options.output), text); // the roster's data: private to the user, and never half written
  } catch (error) {
    throw new CxError(`cannot write ${inert(options.output)}: ${fileProblem(error, 'its folder does not exist')}`);
  }
  const count = roster.people.length;
  io().stderr.write(
    `Exported ${count} ${count === 1 ? 'person' : 'people'} to ${inert(options.output)} (${format.toUpperCase()}).\n`,
  );
}

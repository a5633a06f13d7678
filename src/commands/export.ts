// cx export [--format json|csv] [--output <file>]
import { resolve } from 'node:path';
import { exportCsv, exportJson, sortedPeople } from '../domain/import.js';
import { jsonArrayPieces } from '../domain/json.js';
import { orderedRecord } from '../domain/model.js';
import { CxError } from '../errors.js';
import { inert } from '../render/text.js';
import { writeWhole } from '../store/files.js';
import { RosterStore } from '../store/roster-store.js';
import { fileProblem, refuseOwnFile } from './shared.js';
import { io } from '../io.js';

export function exportCommand(options: { format?: 'json' | 'csv'; output?: string; json?: boolean }): void {
  const format = options.json ? 'json' : (options.format ?? (options.output?.toLowerCase().endsWith('.csv') ? 'csv' : 'json'));
  const store = RosterStore.open();
  const named = options.output && options.output !== '-' ? options.output : undefined;
  const output = named && resolve(io().cwd, named);
  if (named && output) refuseOwnFile(store, output, named, 'export');
  const roster = store.read();
  if (!named || !output) {
    if (format === 'csv') io().stdout.write(exportCsv(roster));
    else for (const piece of jsonArrayPieces(sortedPeople(roster), orderedRecord)) io().stdout.write(piece);
    return;
  }
  const text = format === 'csv' ? exportCsv(roster) : exportJson(roster);
  try {
    writeWhole(output, text); // the roster's data: private to the user, and never half written
  } catch (error) {
    throw new CxError(`cannot write ${inert(named)}: ${fileProblem(error, 'its folder does not exist')}`);
  }
  const count = roster.people.length;
  io().stderr.write(`Exported ${count} ${count === 1 ? 'person' : 'people'} to ${inert(named)} (${format.toUpperCase()}).\n`);
}

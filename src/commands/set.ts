// cx set <name...> [--stage] [--disposition] [--reason...] [--role] [--team] [--influence] [--note] [--add]
import { randomUUID } from 'node:crypto';
import { now } from '../clock.js';
import type { DispositionId, Influence, ReasonId, StageId, Stakeholder } from '../domain/model.js';
import { nameKey } from '../domain/names.js';
import { textProblem } from '../domain/records.js';
import { type FieldUpdate, RosterIndex, applyUpdate, newPerson } from '../domain/roster.js';
import { UsageError } from '../errors.js';
import { describeFieldChanges, personJson } from '../render/profile.js';
import { inert } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { checkName, didYouMean, newNameNote, printJson } from './shared.js';
import { io } from '../io.js';

export interface SetOptions {
  stage?: StageId;
  target?: StageId;
  disposition?: DispositionId;
  reason?: ReasonId[];
  role?: string;
  team?: string;
  influence?: Influence | null;
  note?: string;
  add?: boolean;
  json?: boolean;
}

/** How many names missing from the roster an error spells out (with suggestions). */
const MISSES_DESCRIBED = 5;

export async function setCommand(names: string[], options: SetOptions): Promise<void> {
  const update: FieldUpdate = {
    ...(options.stage ? { stage: options.stage } : {}),
    ...(options.target ? { target: options.target } : {}),
    ...(options.disposition ? { disposition: options.disposition } : {}),
    ...(options.reason ? { reasons: [...new Set(options.reason)] } : {}),
    ...(options.role !== undefined ? { role: options.role.trim() || null } : {}),
    ...(options.team !== undefined ? { team: options.team.trim() || null } : {}),
    ...(options.influence !== undefined ? { influence: options.influence } : {}),
    ...(options.note !== undefined ? { notes: options.note.trim() || null } : {}),
  };
  for (const [option, value] of [
    ['--role', options.role],
    ['--team', options.team],
    ['--note', options.note],
  ] as const) {
    const problem = value === undefined ? undefined : textProblem(option, value.trim());
    if (problem) throw new UsageError(`${problem}; nothing was changed`);
  }
  if (Object.keys(update).length === 0 && !options.add) {
    throw new UsageError(
      'nothing to change: give --stage, --target, --disposition, --reason, --role, --team, --influence or --note',
    );
  }
  const unique = [...new Map(names.map((name) => [nameKey(name), name])).values()];

  const { results, lines, notes } = await RosterStore.open().update('set', (roster) => {
    const index = new RosterIndex(roster);
    const missing = unique.filter((name) => !index.find(name));
    // The rules for names are for new people: someone saved under a name now refused is still found.
    missing.forEach(checkName);
    if (missing.length > 0 && !options.add) {
      const known = roster.people.map((person) => person.name);
      // The first few, with suggestions; a long list of misses is counted, not spelled out.
      const described = missing.slice(0, MISSES_DESCRIBED).map((name) => {
        const hint = didYouMean(name, known);
        return `"${inert(name.trim())}"${hint ? ` (${hint})` : ''}`;
      });
      const more = missing.length - described.length;
      throw new UsageError(
        `not in the roster: ${described.join(', ')}${more > 0 ? ` and ${more} more` : ''}; nothing was changed. Check the spelling, or add new people with --add`,
      );
    }
    const at = now();
    const changed = new Map<Stakeholder, Stakeholder>();
    const added: Stakeholder[] = [];
    const lines: string[] = [];
    const results: Stakeholder[] = [];
    // New names close to known ones (typos, most likely), said after the change with how to take it
    // back. Looked for among a few names typed by hand, not a bulk add (each costs a pass over everyone).
    const notes: [string, string][] = [];
    const knownNames = missing.length > 0 && missing.length <= MISSES_DESCRIBED ? roster.people.map((person) => person.name) : [];
    for (const name of unique) {
      const known = index.find(name);
      const person = known
        ? applyUpdate(known, update, 'set', at)
        : applyUpdate(newPerson(name, randomUUID(), at), update, 'set', at, true);
      if (!known) {
        added.push(person);
        const similar = knownNames.length > 0 ? didYouMean(name, knownNames) : '';
        if (similar) notes.push([person.name, similar]);
      } else if (person !== known) changed.set(known, person);
      results.push(person);
      // What applyUpdate recorded in the history is what changed.
      lines.push(
        `${inert(person.name)}: ${describeFieldChanges(person === known ? [] : (person.history.at(-1)?.changes ?? []))}`,
      );
    }
    const touched = added.length > 0 || changed.size > 0;
    return {
      ...(touched ? { roster: { people: [...roster.people.map((p) => changed.get(p) ?? p), ...added] } } : {}),
      names: results.map((person) => person.name),
      result: { results, lines, notes },
    };
  });
  if (options.json) printJson(results.map((person) => personJson(person)));
  else io().stdout.write(`${lines.join('\n')}\n`);
  for (const [name, similar] of notes) newNameNote(name, similar);
}

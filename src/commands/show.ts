import { assess } from '../domain/assess.js';
import { personJson, renderProfile } from '../render/profile.js';
import { RosterStore } from '../store/roster-store.js';
import { printJson, requirePerson, stepFor } from './shared.js';
import { io } from '../io.js';

export function showCommand(name: string, options: { json?: boolean }): void {
  const roster = RosterStore.open().read();
  const person = requirePerson(roster, name);
  const step = stepFor(roster, person);
  if (options.json) return printJson(personJson(person, step));
  // The evidence is not stored: it is worked out again from the saved answers, by the same rules.
  const result = person.assessment ? assess(person.assessment.answers) : undefined;
  io().stdout.write(`${renderProfile({ person, ...(result ? { result } : {}), history: true, step })}\n`);
}

// cx rm <name...> [--yes]
import { UsageError } from '../errors.js';
import { inert } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { requirePerson } from './shared.js';

export async function rmCommand(names: string[], options: { yes?: boolean }): Promise<void> {
  const store = RosterStore.open();
  const roster = store.read();
  // Every name must match someone before anything is removed.
  const people = [...new Map(names.map((name) => requirePerson(roster, name)).map((p) => [p.id, p])).values()];
  const listed = people.map((person) => `"${inert(person.name)}"`).join(', ');
  if (!options.yes) {
    if (!process.stdin.isTTY) {
      throw new UsageError(`removing asks before it removes anyone, and stdin is not a terminal; add --yes to remove ${listed} without asking`);
    }
    const { askYesNo } = await import('../prompts/confirm.js');
    const count = people.length === 1 ? '' : ` (${people.length} people)`;
    if (!(await askYesNo(`Remove ${listed}${count} and their history from the roster?`))) {
      process.stderr.write('Nothing was removed.\n');
      return;
    }
  }
  const gone = new Set(people.map((person) => person.id));
  await store.update('rm', (current) => ({
    roster: { people: current.people.filter((person) => !gone.has(person.id)) },
    names: people.map((person) => person.name),
    result: undefined,
  }));
  process.stdout.write(`Removed ${listed}.\n`);
}

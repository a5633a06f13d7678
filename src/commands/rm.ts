// cx rm <name...> [--yes]
import { RosterStore } from '../store/roster-store.js';
import { confirmed, quotedNames, requirePeople } from './shared.js';
import { io } from '../io.js';

export async function rmCommand(names: string[], options: { yes?: boolean }): Promise<void> {
  const store = RosterStore.open();
  const people = requirePeople(store.read(), names);
  const listed = quotedNames(people);
  const count = people.length === 1 ? '' : ` (${people.length} people)`;
  if (
    !(await confirmed(options, `Remove ${listed}${count} and their history from the roster?`, `removing ${listed} asks first`))
  ) {
    io().stderr.write('Nothing was removed.\n');
    return;
  }
  const gone = new Set(people.map((person) => person.id));
  await store.update('rm', (current) => ({
    roster: { people: current.people.filter((person) => !gone.has(person.id)) },
    names: people.map((person) => person.name),
    result: undefined,
  }));
  io().stdout.write(`Removed ${listed}.\n`);
}

// cx forget <name...> [--yes]: remove people completely, from the roster and from every backup.
import { RosterStore } from '../store/roster-store.js';
import { confirmed, quotedNames, requirePeople } from './shared.js';

export async function forgetCommand(names: string[], options: { yes?: boolean }): Promise<void> {
  const store = RosterStore.open();
  const people = requirePeople(store.read(), names);
  const listed = quotedNames(people);
  const question = `Erase ${listed}, their history and their log, from the roster and every backup? This cannot be undone.`;
  if (!(await confirmed(options, question, `forgetting ${listed} asks first`))) {
    process.stderr.write('Nothing was erased.\n');
    return;
  }
  const scrubbed = await store.forget(new Set(people.map((person) => person.id)), people.map((person) => person.name));
  process.stdout.write(
    `Forgot ${listed}: removed from the roster, with their history and log, and from ${scrubbed} ${scrubbed === 1 ? 'backup' : 'backups'}.\n`,
  );
}

// cx forget <name...> [--yes]: remove people completely, from the roster and from every backup.
import { CxError } from '../errors.js';
import { inert } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { confirmed, quotedNames, requirePeople } from './shared.js';
import { io } from '../io.js';

export async function forgetCommand(names: string[], options: { yes?: boolean }): Promise<void> {
  const store = RosterStore.open();
  const people = requirePeople(store.read(), names);
  const listed = quotedNames(people);
  const question = `Erase ${listed}, their history and their log, from the roster and every backup? This cannot be undone.`;
  if (!(await confirmed(options, question, `forgetting ${listed} asks first`))) {
    io().stderr.write('Nothing was erased.\n');
    return;
  }
  const { scrubbed, unreadable } = await store.forget(
    new Set(people.map((person) => person.id)),
    people.map((person) => person.name),
  );
  io().stdout.write(
    `Forgot ${listed}: removed from the roster, with their history and log, and from ${scrubbed} ${scrubbed === 1 ? 'backup' : 'backups'}.\n`,
  );
  if (unreadable.length > 0) {
    // Their data may still be in a copy cx cannot read: the user must know, and can delete it.
    const one = unreadable.length === 1;
    throw new CxError(
      `${one ? 'a copy' : `${unreadable.length} copies`} of the roster could not be read or rewritten, and may still hold them; delete ${one ? 'it' : 'them'} by hand: ${unreadable.map((file) => inert(file)).join(', ')}`,
    );
  }
}

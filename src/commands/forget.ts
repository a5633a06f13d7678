// cx forget <name...> [--yes]: remove people completely, from the roster and from every backup.
import { findPerson } from '../domain/roster.js';
import { CxError } from '../errors.js';
import { inert } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { confirmed, requirePerson } from './shared.js';
import { io } from '../io.js';

export async function forgetCommand(names: string[], options: { yes?: boolean }): Promise<void> {
  const store = RosterStore.open();
  const roster = store.read();
  // Everyone named: in the roster, or no longer there but still in the backups (removed with cx rm, or
  // by a forget that was interrupted); a name found nowhere is a usage error, as elsewhere.
  const found = new Map<string, { name: string; ids: string[]; gone: boolean }>();
  for (const name of names) {
    const person = findPerson(roster, name);
    const formerly = person ? undefined : store.formerly(name);
    if (!person && !formerly) requirePerson(roster, name);
    const entry = person
      ? { name: person.name, ids: [person.id], gone: false }
      : { name: formerly?.name ?? name, ids: formerly?.ids ?? [], gone: true };
    found.set(entry.name, entry);
  }
  const people = [...found.values()];
  const listed = people.map((person) => `"${inert(person.name)}"`).join(', ');
  const question = `Erase ${listed}, their history and their log, from the roster and every backup? This cannot be undone.`;
  if (!(await confirmed(options, question, `forgetting ${listed} asks first`))) {
    io().stderr.write('Nothing was erased.\n');
    return;
  }
  const { scrubbed, unreadable } = await store.forget(
    new Set(people.flatMap((person) => person.ids)),
    people.map((person) => person.name),
  );
  const backups = `${scrubbed} ${scrubbed === 1 ? 'backup' : 'backups'}`;
  io().stdout.write(
    people.every((person) => person.gone)
      ? `Forgot ${listed}, no longer in the roster: removed from ${backups}, with their history and log.\n`
      : `Forgot ${listed}: removed from the roster, with their history and log, and from ${backups}.\n`,
  );
  if (unreadable.length > 0) {
    // Their data may still be in a copy cx cannot read: the user must know, and can delete it.
    const one = unreadable.length === 1;
    throw new CxError(
      `${one ? 'a copy' : `${unreadable.length} copies`} of the roster could not be read or rewritten, and may still hold them; delete ${one ? 'it' : 'them'} by hand: ${unreadable.map((file) => inert(file)).join(', ')}`,
    );
  }
}

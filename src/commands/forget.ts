// cx forget <name...> [--yes]: remove people completely, from the roster and from every backup.
import { UsageError } from '../errors.js';
import { inert } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { requirePerson } from './shared.js';

export async function forgetCommand(names: string[], options: { yes?: boolean }): Promise<void> {
  const store = RosterStore.open();
  const roster = store.read();
  const people = [...new Map(names.map((name) => requirePerson(roster, name)).map((p) => [p.id, p])).values()];
  const listed = people.map((person) => `"${inert(person.name)}"`).join(', ');
  if (!options.yes) {
    if (!process.stdin.isTTY) {
      throw new UsageError(`forgetting asks before erasing anyone, and stdin is not a terminal; add --yes to forget ${listed}`);
    }
    const { askYesNo } = await import('../prompts/confirm.js');
    if (!(await askYesNo(`Erase ${listed}, their history and their log, from the roster and every backup? This cannot be undone.`))) {
      process.stderr.write('Nothing was erased.\n');
      return;
    }
  }
  const scrubbed = await store.forget(new Set(people.map((person) => person.id)), people.map((person) => person.name));
  process.stdout.write(
    `Forgot ${listed}: removed from the roster, with their history and log, and from ${scrubbed} ${scrubbed === 1 ? 'backup' : 'backups'}.\n`,
  );
}

import { DISPOSITION_GUIDES, STAGE_GUIDES } from '../domain/playbook.js';
import { paint } from '../render/color.js';
import { personJson } from '../render/profile.js';
import { day, inert, table } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { printJson } from './shared.js';

export function listCommand(options: { json?: boolean }): void {
  const { people } = RosterStore.open().read();
  if (options.json) return printJson(people.map(personJson));
  if (people.length === 0) {
    process.stderr.write('No one in the roster yet. Start with: cx assess "Dana Lee"\n');
    return;
  }
  const rows = people.map((person) => [
    inert(person.name),
    person.stage ? `${STAGE_GUIDES[person.stage].number} ${STAGE_GUIDES[person.stage].label}` : '–',
    person.disposition ? DISPOSITION_GUIDES[person.disposition].label : '–',
    person.confidence ?? '–',
    inert([person.role, person.team].filter(Boolean).join(', ')) || '–',
    person.assessment ? day(person.assessment.at) : 'never',
  ]);
  const c = paint();
  process.stdout.write(
    `${table(['Name', 'Stage', 'Disposition', 'Confidence', 'Role, team', 'Assessed'], rows, (h) => c.bold(h))}\n`,
  );
}

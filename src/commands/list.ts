import { now } from '../clock.js';
import { type ListFilters, type SortKey, daysSince, selectPeople, stageSince } from '../domain/filter.js';
import { type Stakeholder, atTarget, stageNumber, targetOf } from '../domain/model.js';
import { DISPOSITION_GUIDES, STAGE_GUIDES } from '../domain/playbook.js';
import { paint } from '../render/color.js';
import { nextStep, peerFinder } from '../domain/next-step.js';
import { personJson } from '../render/profile.js';
import { day, fit, inert, tableLines } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { printJsonArray } from './shared.js';
import { io } from '../io.js';

export interface ListOptions {
  stage?: ListFilters['stages'];
  disposition?: ListFilters['dispositions'];
  team?: string;
  influence?: ListFilters['influences'];
  stuck?: number;
  sort?: SortKey;
  json?: boolean;
}

export function listCommand(options: ListOptions): void {
  const roster = RosterStore.open().read();
  const today = now();
  const filters: ListFilters = {
    ...(options.stage ? { stages: options.stage } : {}),
    ...(options.disposition ? { dispositions: options.disposition } : {}),
    ...(options.team !== undefined ? { team: options.team } : {}),
    ...(options.influence ? { influences: options.influence } : {}),
    ...(options.stuck !== undefined ? { stuckDays: options.stuck } : {}),
  };
  const people = selectPeople(roster.people, filters, options.sort ?? 'name', today);
  if (options.json) {
    const peerFor = peerFinder(roster);
    return printJsonArray(people, (person) => personJson(person, nextStep(person, { today, peerFor })));
  }
  if (people.length === 0) {
    io().stderr.write(
      roster.people.length === 0
        ? 'No one in the roster yet. Start with: cx assess "Dana Lee"\n'
        : `No one matches (${roster.people.length} in the roster).\n`,
    );
    return;
  }
  const rows = people.map((person) => [
    fit(inert(person.name), 40),
    person.stage ? `${STAGE_GUIDES[person.stage].number} ${STAGE_GUIDES[person.stage].label}` : '–',
    String(daysSince(stageSince(person), today)),
    person.disposition ? DISPOSITION_GUIDES[person.disposition].label : '–',
    toTarget(person),
    person.confidence ?? '–',
    person.influence ?? '–',
    fit(inert([person.role, person.team].filter(Boolean).join(', ')), 40) || '–',
    person.assessment ? day(person.assessment.at) : 'never',
  ]);
  const c = paint();
  const header = ['Name', 'Stage', 'Days', 'Disposition', 'To target', 'Confidence', 'Influence', 'Role, team', 'Assessed'];
  // Written in pieces: a roster of thousands makes a long table.
  let piece = '';
  for (const line of tableLines(header, rows, (h) => c.bold(h))) {
    piece += `${line}\n`;
    if (piece.length > 1 << 16) {
      io().stdout.write(piece);
      piece = '';
    }
  }
  io().stdout.write(piece);
}

/** How far someone is from the stage they are wanted at: "2 to Action", or "reached" at or past it. */
function toTarget(person: Stakeholder): string {
  if (!person.stage) return '–';
  if (atTarget(person)) return 'reached';
  const target = targetOf(person);
  return `${stageNumber(target) - stageNumber(person.stage)} to ${STAGE_GUIDES[target].label}`;
}

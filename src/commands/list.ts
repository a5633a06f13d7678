import { now } from '../clock.js';
import { type ListFilters, type SortKey, daysSince, selectPeople, stageSince } from '../domain/filter.js';
import { type Stakeholder, atTarget, stageNumber, targetOf } from '../domain/model.js';
import { DISPOSITION_GUIDES, STAGE_GUIDES } from '../domain/playbook.js';
import { paint } from '../render/color.js';
import { nextStep, peerFinder } from '../domain/next-step.js';
import { personJson } from '../render/profile.js';
import { day, fit, inert, stringWidth, tableLines } from '../render/text.js';
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
  // Long names and roles are cut to keep a terminal's table readable; a pipe or a file gets them whole.
  const most = io().stdout.isTTY ? 40 : Number.POSITIVE_INFINITY;
  const rows = people.map((person) => [
    fit(inert(person.name), most),
    person.stage ? `${STAGE_GUIDES[person.stage].number} ${STAGE_GUIDES[person.stage].label}` : '–',
    String(daysSince(stageSince(person), today)),
    person.disposition ? DISPOSITION_GUIDES[person.disposition].label : '–',
    toTarget(person),
    person.confidence ?? '–',
    person.influence ?? '–',
    fit(inert([person.role, person.team].filter(Boolean).join(', ')), most) || '–',
    person.assessment ? day(person.assessment.at) : 'never',
  ]);
  const c = paint();
  const all = ['Name', 'Stage', 'Days', 'Disposition', 'To target', 'Confidence', 'Influence', 'Role, team', 'Assessed'];
  const { header, cells, left } = fitTerminal(all, rows);
  if (left.length > 0) {
    io().stderr.write(`${left.join(', ')} left out to fit the terminal (a wider one shows them; --json has everything)\n`);
  }
  // Written in pieces: a roster of thousands makes a long table.
  let piece = '';
  for (const line of tableLines(header, cells, (h) => c.bold(h))) {
    piece += `${line}\n`;
    if (piece.length > 1 << 16) {
      io().stdout.write(piece);
      piece = '';
    }
  }
  io().stdout.write(piece);
}

/** The columns left out first when a terminal is too narrow for the table, in order. */
const OPTIONAL = ['Assessed', 'Confidence', 'Influence', 'To target', 'Role, team'];

/**
 * The table as it fits the terminal: on a terminal too narrow for it, optional columns are left out
 * (OPTIONAL, in order) until it fits; into a pipe or a file, every column.
 */
function fitTerminal(header: string[], rows: string[][]): { header: string[]; cells: string[][]; left: string[] } {
  const columns = io().stdout.isTTY ? io().stdout.columns : undefined;
  if (!columns) return { header, cells: rows, left: [] };
  const widths = header.map((title, column) =>
    rows.reduce((most, row) => Math.max(most, stringWidth(row[column] ?? '')), stringWidth(title)),
  );
  const kept = header.map((_, column) => column);
  const width = () => kept.reduce((sum, column) => sum + (widths[column] ?? 0), 0) + 2 * (kept.length - 1);
  const left: string[] = [];
  for (const title of OPTIONAL) {
    if (width() <= columns) break;
    kept.splice(kept.indexOf(header.indexOf(title)), 1);
    left.push(title);
  }
  if (left.length === 0) return { header, cells: rows, left };
  const pick = (row: string[]) => kept.map((column) => row[column] ?? '');
  return { header: pick(header), cells: rows.map(pick), left };
}

/** How far someone is from the stage they are wanted at: "2 to Action", or "reached" at or past it. */
function toTarget(person: Stakeholder): string {
  if (!person.stage) return '–';
  if (atTarget(person)) return 'reached';
  const target = targetOf(person);
  return `${stageNumber(target) - stageNumber(person.stage)} to ${STAGE_GUIDES[target].label}`;
}

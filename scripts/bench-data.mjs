// The generated rosters of the benchmark (scripts/bench.mjs): every stage and disposition, with
// history, log entries, an assessment and some notes. Also a command, for profiling by hand:
//
//   node scripts/bench-data.mjs 3000 /tmp/cx-3000      then  CX_CONFIG_DIR=/tmp/cx-3000 CX_NOW=2026-11-24 cx todo
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIRST = [
  'Dana',
  'Sam',
  'Priya',
  'Kim',
  'Lee',
  'Ravi',
  'Zoë',
  'Mohammed',
  'Ana',
  'Jonas',
  'Aiko',
  'Olu',
  'Marta',
  'Chen',
  'Fatima',
  'Liam',
  'Sofía',
  'Noah',
  'Ingrid',
  'Kwame',
];
export const LAST = [
  'Lee',
  'Ortiz',
  'Nair',
  'Park',
  'Chan',
  'Shah',
  'Ångström',
  "O'Brien",
  'Haddad',
  'Novak',
  'Tanaka',
  'Adeyemi',
  'García',
  'Wang',
  'Khan',
  'Murphy',
  'Rossi',
  'Schmidt',
  'Dubois',
  'Mensah',
];
export const TEAMS = ['Contact centre', 'Finance', 'Digital', 'Retail', 'Operations', 'Quality', 'Marketing', 'Logistics'];
export const STAGES = ['ignorance', 'skepticism', 'buy-in', 'commitment', 'action'];
export const DISPOSITIONS = ['advocate', 'fence-sitter', 'outlier'];
export const TACTICS = ['educate', 'business-case', 'scarcity', 'social-proof', 'nurture-followers', 'understand-why', 'co-lead'];

export const nameOf = (i) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
const iso = (daysAgo) => new Date(Date.UTC(2026, 10, 24) - daysAgo * 86_400_000).toISOString();

export function person(i) {
  const stage = STAGES[i % 5];
  const previous = STAGES[Math.max(0, (i % 5) - 1)];
  const disposition = DISPOSITIONS[i % 3];
  const created = 20 + (i % 200);
  const answers = {
    understands: 'yes',
    relevant: i % 5 > 1 ? 'yes' : 'no',
    endorses: i % 5 > 1 ? 'yes' : 'unknown',
    stance: ['keen', 'neutral', 'resistant'][i % 3],
    participation: 'joins',
  };
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: nameOf(i),
    stage,
    stageSource: 'assess',
    disposition,
    reasons: disposition === 'outlier' && i % 2 ? ['financial'] : [],
    confidence: ['high', 'medium', 'low'][i % 3],
    role: `${['Head', 'Director', 'Manager', 'VP'][i % 4]} of ${TEAMS[i % TEAMS.length]}`,
    team: TEAMS[i % TEAMS.length],
    influence: ['low', 'medium', 'high'][i % 3],
    notes:
      i % 4 === 0 ? 'Prefers numbers to stories; ask about the Q3 complaint themes before the next steering meeting.' : undefined,
    createdAt: iso(created),
    updatedAt: iso(i % 20),
    assessment: { at: iso(i % 60), answers, stage, disposition, reasons: [], confidence: 'medium' },
    history: [
      {
        at: iso(created),
        source: 'import',
        changes: [
          { field: 'name', from: null, to: nameOf(i) },
          { field: 'stage', from: null, to: previous },
        ],
      },
      { at: iso(i % 60), source: 'assess', changes: [{ field: 'stage', from: previous, to: stage }] },
    ],
    log: [
      {
        on: iso(10 + (i % 30)).slice(0, 10),
        text: "Coffee: walked through last quarter's complaint numbers",
        tactic: TACTICS[i % TACTICS.length],
      },
      { on: iso(i % 10).slice(0, 10), text: 'Shared a quick win from the contact centre pilot' },
    ],
  };
}

/** Writes a roster of `size` generated people into the folder `dir` (a CX_CONFIG_DIR). */
export function makeRoster(dir, size) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const people = Array.from({ length: size }, (_, i) => person(i));
  // The file as cx itself writes it (src/store/roster-store.ts): the version and the people, as JSON
  // indented by two spaces.
  writeFileSync(join(dir, 'roster.json'), JSON.stringify({ version: 1, people }, null, 2), { mode: 0o600 });
  return dir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [size, dir] = process.argv.slice(2);
  if (!Number(size) || !dir) {
    console.error('usage: node scripts/bench-data.mjs <people> <folder>');
    process.exit(2);
  }
  makeRoster(dir, Number(size));
  console.log(`${Number(size)} people in ${join(dir, 'roster.json')}`);
}

// A roster for the report's tests: 40 people, the same every run, added over six months, moving up and
// down the ladder, with roles, teams, influence, targets, outliers with their reasons, and a log whose
// wins mention colleagues by name. One of them is called <img src=x onerror=alert(1)>. Made with the
// domain's own functions and given to cx as an export (cx import reads its history and log back).
import type {
  DispositionId,
  Influence,
  LogEntry,
  Outcome,
  ReasonId,
  StageId,
  Stakeholder,
  TacticId,
} from '../../src/domain/model.js';
import { OUTLIER_REASONS, STAGES, orderedRecord } from '../../src/domain/model.js';
import { applyUpdate, newPerson } from '../../src/domain/roster.js';
import { addDays } from '../../src/domain/dates.js';

export const REPORT_DAY = '2026-12-01';
export const HOSTILE = '<img src=x onerror=alert(1)>';

const FIRST = [
  'Amara', 'Bilal', 'Chiara', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hiroshi', 'Ingrid', 'Jonas',
  'Keiko', 'Lars', 'Mateo', 'Nadia', 'Oskar', 'Priyanka', 'Quentin', 'Rania', 'Sven', 'Tomasz',
  'Ulrike', 'Vikram', 'Wen', 'Ximena', 'Yusuf', 'Zofia', 'Aiko', 'Bruno', 'Camille', 'Diego',
  'Esther', 'Fatima', 'Gustav', 'Hana', 'Ivan', 'Jana', 'Kofi', 'Leila', 'Marek', 'Nour',
]; // prettier-ignore
const LAST = [
  'Okafor', 'Qureshi', 'Esposito', 'Volkov', 'Yilmaz', 'Haddad', 'Petrovic', 'Tanaka', 'Solberg', 'Lindqvist',
  'Mori', 'Eriksen', 'Alvarez', 'Benali', 'Nowak', 'Iyer', 'Leclerc', 'Saleh', 'Dahl', 'Zielinski',
  'Brandt', 'Rao', 'Zhao', 'Rojas', 'Demir', 'Kowalska', 'Sato', 'Ferreira', 'Durand', 'Morales',
  'Cohen', 'Zahra', 'Berg', 'Novak', 'Horvat', 'Dvorak', 'Mensah', 'Karimi', 'Svoboda', 'Haddad',
]; // prettier-ignore
const ROLES = [
  'Finance director', 'Head of operations', 'Contact centre manager', 'Head of digital', 'Store manager',
  'Regional sales lead', 'HR director', 'Head of quality', 'IT director', 'Marketing head', 'Legal counsel',
  'Logistics lead', 'Product lead', 'Analytics lead', 'Service design lead',
]; // prettier-ignore
const TEAMS = ['Finance', 'Operations', 'Contact centre', 'Digital', 'Retail', 'Sales', 'People', 'Technology', 'Marketing'];

/** A small seeded generator, so the roster is the same on every run and machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The people's names: 40 of them, the eighth hostile, the last two sharing a surname. */
export const NAMES: string[] = FIRST.map((first, index) => (index === 7 ? HOSTILE : `${first} ${LAST[index]}`));

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

export function reportRoster(): Stakeholder[] {
  const next = random(15);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const start = '2026-05-25';
  return NAMES.map((name, index) => {
    const added = addDays(start, Math.floor(next() * 180));
    const stage: StageId = STAGES[Math.min(3, Math.floor(next() * next() * 5))] as StageId;
    const roll = next();
    // The hostile name is an outlier of high influence, so that it shows in the lists.
    const disposition: DispositionId =
      name === HOSTILE ? 'outlier' : roll < 0.4 ? 'advocate' : roll < 0.78 ? 'fence-sitter' : 'outlier';
    const reasons: ReasonId[] =
      disposition === 'outlier' && next() < 0.85 ? [pick(OUTLIER_REASONS.filter((reason) => reason !== 'other'))] : [];
    const chance: Influence | null = pick(['high', 'medium', 'low', 'medium', null] as const);
    const influence = name === HOSTILE ? 'high' : chance;
    let person = newPerson(name, `report-${index + 1}`, at(added));
    person = applyUpdate(
      person,
      {
        stage,
        disposition,
        reasons,
        ...(index % 9 === 3 ? {} : { role: pick(ROLES) }),
        ...(index % 7 === 5 ? {} : { team: pick(TEAMS) }),
        ...(influence ? { influence } : {}),
        ...(index % 11 === 4 ? { target: 'buy-in' as const } : index % 13 === 6 ? { target: 'commitment' as const } : {}),
        notes: `Private note about ${name}`,
      },
      'set',
      at(added),
      true,
    );
    // Up to three moves after they were added, mostly up a rung, sometimes down.
    let day = added;
    let rung = STAGES.indexOf(stage);
    for (let move = Math.floor(next() * 4); move > 0; move--) {
      day = addDays(day, 7 + Math.floor(next() * 40));
      if (day >= REPORT_DAY) break;
      rung = Math.max(0, Math.min(4, rung + (next() < 0.82 ? 1 : -1)));
      person = applyUpdate(person, { stage: STAGES[rung] as StageId }, 'set', at(day, 11));
    }
    // A few logged steps; some worked, and their text names a colleague.
    const log: LogEntry[] = [];
    let logDay = added;
    for (let entry = Math.floor(next() * 4); entry > 0; entry--) {
      logDay = addDays(logDay, 5 + Math.floor(next() * 30));
      if (logDay > REPORT_DAY) break;
      const outcome: Outcome = pick(['worked', 'worked', 'waiting', 'declined'] as const);
      const other = NAMES[(index + 5) % NAMES.length] as string;
      const tactic: TacticId = pick(['social-proof', 'co-lead', 'business-case', 'scarcity', 'understand-why'] as const);
      const text =
        outcome === 'worked'
          ? pick([
              `Shared ${other}'s results at the ops review; ${name.split(' ')[0]} asked for the deck`,
              `Agreed a first sprint with ${other}`,
              'Pilot team named, first session booked',
            ])
          : `Offered a seat on the working group (${tactic})`;
      log.push({ on: logDay, text, tactic, outcome, at: at(logDay, 15).toISOString() });
    }
    // And a win this month that names the hostile colleague.
    if (index === 2)
      log.push({ on: '2026-11-26', text: `Agreed a first sprint with ${HOSTILE}`, tactic: 'co-lead', outcome: 'worked' });
    return log.length ? { ...person, log: log.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)) } : person;
  });
}

/** The roster as cx export writes it, for cx import. */
export const reportRosterJson = (): string => JSON.stringify(reportRoster().map(orderedRecord));

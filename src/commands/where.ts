import { rosterPath } from '../store/roster-store.js';

export function whereCommand(): void {
  process.stdout.write(`${rosterPath()}\n`);
}

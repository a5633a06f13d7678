import { rosterPath } from '../store/roster-store.js';
import { io } from '../io.js';

export function whereCommand(): void {
  io().stdout.write(`${rosterPath()}\n`);
}

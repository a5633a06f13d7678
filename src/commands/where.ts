import { rosterPath } from '../store/roster-store.js';
import { io } from '../io.js';
import { inert } from '../render/inert.js';

/** The path, as it is for scripts (`$(cx where)`); inert on a terminal, as everything cx prints there. */
export function whereCommand(): void {
  io().stdout.write(`${io().stdout.isTTY ? inert(rosterPath()) : rosterPath()}\n`);
}

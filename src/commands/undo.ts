// cx undo: put the roster back as it was before the last change.
import { existsSync } from 'node:fs';
import { CxError } from '../errors.js';
import { inert, when } from '../render/text.js';
import { RosterStore } from '../store/roster-store.js';
import { io } from '../io.js';

export async function undoCommand(options: { force?: boolean } = {}): Promise<void> {
  const store = RosterStore.open();
  const outcome = await store.undo({ force: !!options.force });
  if (!outcome) {
    // The first change made the roster: there is no version before it to put back.
    const first = existsSync(store.path) ? ' (to take someone out again: cx rm "<name>", or cx forget to erase every trace)' : '';
    io().stderr.write(`Nothing to undo: no earlier version of the roster is kept${first}.\n`);
    return;
  }
  if ('forgotten' in outcome) {
    const last = outcome.forgotten;
    throw new CxError(
      `the last change was cx forget, which cannot be undone: what it erased is kept nowhere. To undo the change before it (cx ${inert(last.command)} of ${when(last.at)}), run cx undo --force`,
    );
  }
  if ('changedSince' in outcome) {
    const last = outcome.changedSince;
    throw new CxError(
      `the roster was changed after cx ${inert(last.command)} of ${when(last.at)} in a way undo cannot take back (an edit by hand, say); nothing was changed. To undo cx ${inert(last.command)} anyway, losing that change: cx undo --force`,
    );
  }
  const { undone, left } = outcome;
  const who = undone.names.length
    ? ` (${undone.names.slice(0, 5).map(inert).join(', ')}${undone.names.length > 5 ? `, and ${undone.names.length - 5} more` : ''})`
    : '';

  io().stdout.write(
    `Undid cx ${inert(undone.command)} of ${when(undone.at)}${who}. ${left === 0 ? 'No earlier change can be undone.' : `${left} earlier ${left === 1 ? 'change' : 'changes'} can still be undone.`}\n`,
  );
}

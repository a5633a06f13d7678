// cx doctor [--restore] [--yes]: check the roster file and its backups, and restore the newest good backup.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { CxError, UsageError } from '../errors.js';
import { type Finding, renderFindings } from '../render/doctor.js';
import { inert, when } from '../render/text.js';
import { type Backup, RosterStore, isFolder, pathProblem, rosterDir } from '../store/roster-store.js';
import { confirmed } from './shared.js';
import { io } from '../io.js';

const mode = (path: string): number => statSync(path).mode & 0o777;

/** Why a change could not be saved in the roster's folder (or in the folder it would be made in), if it could not. */
function unwritable(dir: string): string | undefined {
  let at = dir;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  try {
    accessSync(at, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${at} ${code === 'EROFS' ? 'is on a read-only disk' : 'cannot be written by you'}`;
  }
}

export async function doctorCommand(options: { restore?: boolean; yes?: boolean }): Promise<void> {
  if (options.yes && !options.restore)
    throw new UsageError('--yes goes with --restore, whose question it answers; cx doctor alone changes nothing');
  const dir = rosterDir();
  const store = RosterStore.open();
  const findings: Finding[] = [];
  let rosterBroken = false;
  const blocked = pathProblem(store.path);
  if (blocked && !isFolder(store.path)) {
    // A file where the roster's folder should be: there is nothing more to look at.
    io().stdout.write(renderFindings([{ ok: false, text: `cx cannot keep a roster at ${store.path}: ${blocked}` }]));
    throw new CxError('cx doctor found problems (see above)');
  }
  if (!blocked) {
    // What interrupted commands left: a forget to finish, and temporary files that hold copies.
    const { forget, removed } = await store.tidy();
    if (forget) {
      findings.push(
        forget.roster
          ? { ok: true, text: `finished a cx forget that was interrupted (${forget.scrubbed} backups scrubbed)` }
          : {
              ok: false,
              text: `a cx forget that was interrupted is finished in the backups (${forget.scrubbed} scrubbed), but not in the roster, which cannot be read: once it is mended (cx doctor --restore), cx finishes it`,
            },
      );
      for (const file of forget.unreadable) {
        findings.push({ ok: false, text: `${file} could not be read, and may still hold someone cx forget erased: delete it` });
      }
    }
    if (removed > 0) {
      findings.push({
        ok: true,
        text: `removed ${removed} temporary ${removed === 1 ? 'file' : 'files'} left by an interrupted cx`,
      });
    }
  }
  if (blocked) {
    rosterBroken = true;
    findings.push({ ok: false, text: `cx cannot read the roster at ${store.path}: ${blocked}` });
  } else if (!existsSync(store.path)) {
    const kept = store.backups().length;
    // Backups without a roster: it was moved or deleted, not never made.
    rosterBroken = kept > 0;
    findings.push(
      kept > 0
        ? {
            ok: false,
            text: `there is no roster at ${store.path}, but ${kept} ${kept === 1 ? 'backup of it is' : 'backups of it are'} kept`,
          }
        : { ok: true, text: `no roster yet at ${store.path} (cx assess creates it)` },
    );
  } else {
    try {
      const { people } = store.read(); // every record is checked
      findings.push({
        ok: true,
        text: `${store.path} is readable: ${people.length} ${people.length === 1 ? 'person' : 'people'}`,
      });
    } catch (error) {
      rosterBroken = true;
      findings.push({
        ok: false,
        text: (error as Error).message.replace(/: fix it by hand, or run cx doctor to restore a backup$/, ''),
      });
    }
  }
  if (!blocked && existsSync(store.path)) {
    const fileMode = mode(store.path);
    findings.push(
      fileMode & 0o077
        ? { ok: false, text: `the roster can be read by others (mode ${fileMode.toString(8)}); run: chmod 600 "${store.path}"` }
        : { ok: true, text: 'the roster is readable by you alone' },
    );
  }
  const readOnly = unwritable(dir);
  if (readOnly)
    findings.push({ ok: false, text: `cx cannot save changes: ${readOnly}; set CX_CONFIG_DIR to a folder you can write` });
  const dirMode = existsSync(dir) ? mode(dir) : 0;
  if (dirMode & 0o077)
    findings.push({
      ok: false,
      text: `the folder ${dir} is open to others (mode ${dirMode.toString(8)}); run: chmod 700 "${dir}"`,
    });

  const backups = store.backups();
  const good: Backup[] = [];
  for (const backup of backups) {
    const problem = store.backupProblem(backup);
    if (problem) findings.push({ ok: false, text: `backup ${backup.file} ${problem}` });
    else good.push(backup);
  }
  const newestGood = good.at(-1);
  findings.push({
    ok: true,
    text: !backups.length
      ? 'no backups yet (one is kept before every change)'
      : newestGood
        ? `${good.length} of ${backups.length} backups are good; the newest is from ${when(newestGood.at)} (before cx ${newestGood.command})`
        : `none of the ${backups.length} backups can be read`,
  });
  const strays = store.strayBackups();
  if (strays.length)
    findings.push({
      ok: false,
      text: `${strays.length} backup files are not in the index (left by an interrupted cx); they are kept in ${store.backupsDir}`,
    });

  const newest = good.at(-1);
  io().stdout.write(renderFindings(findings, !options.restore && rosterBroken && !!newest));
  if (!options.restore) {
    if (findings.some((finding) => !finding.ok)) throw new CxError('cx doctor found problems (see above)');
    return;
  }
  if (!rosterBroken) {
    throw new UsageError('the roster is readable, so there is nothing to restore; to take back the last change, use cx undo');
  }
  if (!newest) throw new CxError('there is no good backup to restore');
  if (!(await confirmed(options, `Replace the roster with the backup from ${when(newest.at)}?`, 'restoring asks first'))) {
    io().stderr.write('Nothing was restored.\n');
    return;
  }
  const kept = await store.restore(newest);
  io().stdout.write(
    inert(`Restored the backup from ${when(newest.at)}.${kept ? ` The file it replaced is kept as ${kept}.` : ''}`) + '\n',
  );
}

// cx report [--output <file.html>] [--since <day>] [--months <n>] [--names] [--date <day>] [--open] [--json]
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { now } from '../clock.js';
import { addMonths, dayOf, daysBetween } from '../domain/dates.js';
import { DEFAULT_MONTHS } from '../domain/movement.js';
import { buildReport } from '../domain/report.js';
import { CxError, UsageError } from '../errors.js';
import { renderReportHtml } from '../render/report.js';
import { inert } from '../render/text.js';
import { writeWhole } from '../store/files.js';
import { RosterStore, isFolder } from '../store/roster-store.js';
import { fileProblem, printJson, refuseOwnFile } from './shared.js';
import { io } from '../io.js';

declare const __CX_VERSION__: string;

export interface ReportOptions {
  output?: string;
  since?: Date;
  months?: number;
  names?: boolean;
  date?: Date;
  open?: boolean;
  json?: boolean;
}

export async function reportCommand(options: ReportOptions): Promise<void> {
  if (options.json && (options.output !== undefined || options.open)) {
    throw new UsageError(
      `--json prints the figures instead of writing the page: leave out ${options.open ? '--open' : '--output'}, or --json`,
    );
  }
  if (options.open && options.output === '-')
    throw new UsageError('--open needs a file to open: leave out --output -, or --open');
  const clock = now();
  if (options.date && daysBetween(clock, options.date) > 0) {
    throw new UsageError(`--date ${dayOf(options.date)} is in the future (today is ${dayOf(clock)})`);
  }
  const today = options.date ?? clock;
  if (options.since && daysBetween(today, options.since) > 0) {
    throw new UsageError(
      `--since ${dayOf(options.since)} is after the day of the report, ${options.date ? `--date ${dayOf(today)}` : `today (${dayOf(today)})`}`,
    );
  }
  const since = options.since ? dayOf(options.since) : addMonths(dayOf(today), -1);
  const target =
    options.output === '-'
      ? undefined
      : resolve(io().cwd, options.output ?? `cx-report-${dayOf(today)}${options.names ? '-names' : ''}.html`);
  if (target && !options.json) checkTarget(target, options.output ?? target);

  const roster = RosterStore.open().read();
  const report = buildReport(roster, {
    today,
    since,
    months: options.months ?? DEFAULT_MONTHS,
    names: options.names ?? false,
    asOf: daysBetween(today, clock) > 0,
  });
  if (options.json) return printJson(report);
  if (report.headline.people === 0) {
    throw new CxError(
      roster.people.length === 0
        ? 'no one is in the roster yet, so there is nothing to report; start with: cx assess "Dana Lee"'
        : `no one was in the roster on ${report.today}, so there is nothing to report; try a later --date`,
    );
  }
  const page = renderReportHtml(report, __CX_VERSION__);
  if (!target) return void io().stdout.write(page);
  try {
    writeWhole(target, page); // private to the user, like the roster it comes from; never half written
  } catch (error) {
    throw new CxError(`cannot write the report to ${inert(target)}: ${fileProblem(error, 'its folder does not exist')}`);
  }
  io().stdout.write(`${target}\n`);
  io().stderr.write(
    report.named
      ? 'It names people: it is for your own use (without --names it names nobody).\n'
      : `It names nobody in the roster: people appear by role and team (--names adds names).${report.wins.length > 0 ? ' The wins quote your log: read them for other names before you send it.' : ''}\n`,
  );
  if (options.open) await openInBrowser(target);
}

/**
 * Refuses, before any work, a file that cannot be written: a folder, one inside a missing folder, or one
 * of the files cx keeps the roster in.
 */
function checkTarget(path: string, given: string): void {
  refuseOwnFile(RosterStore.open(), path, given, 'report');
  if (isFolder(path)) throw new UsageError(`--output ${inert(given)} is a folder; give a file name, such as report.html`);
  if (!isFolder(dirname(path)))
    throw new UsageError(`--output ${inert(given)}: the folder ${inert(dirname(path))} does not exist`);
}

/**
 * Opens the page in the default browser: the program named by BROWSER if set, else the system's own
 * opener. Not finding one is not an error: the report is written, and its path printed.
 */
async function openInBrowser(path: string): Promise<void> {
  const env = io().env;
  const [command, ...args] = env.BROWSER?.trim()
    ? [env.BROWSER.trim(), path]
    : process.platform === 'darwin'
      ? ['open', path]
      : process.platform === 'win32'
        ? ['explorer.exe', path]
        : ['xdg-open', path];
  const problem = await new Promise<string | undefined>((done) => {
    const child = spawn(command as string, args, { detached: true, stdio: 'ignore', env: env as NodeJS.ProcessEnv });
    child.once('error', (error: NodeJS.ErrnoException) =>
      done(error.code === 'ENOENT' ? `${command} was not found` : error.message),
    );
    child.once('spawn', () => {
      child.unref();
      done(undefined);
    });
  });
  if (problem) io().stderr.write(`cx: could not open a browser (${inert(problem)}); open the file above yourself\n`);
}

// Runs cx against a temporary roster folder: in this process (run, assessIn), through main() with
// captured output, or as the built binary (bin/cx.cjs -> dist/) in a child process (cx, assessWith,
// cxStart). Tests run in this process unless what they check needs a real one: the launcher's exit
// code, a pipe, a signal, a terminal, the time zone, or several writers at once.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { afterAll } from 'vitest';
import { main } from '../../src/cli.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'cx.cjs');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The folder that holds a test file's temporary folders, removed when the file's tests are done. */
let parent: string | undefined;
afterAll(() => {
  if (parent) rmSync(parent, { recursive: true, force: true, maxRetries: 3 });
  parent = undefined;
});

/** A fresh, empty folder for one test's roster. */
export const tempDir = (): string => mkdtempSync(join((parent ??= mkdtempSync(join(tmpdir(), 'cx-test-'))), 'dir-'));

/** Where a child cx runs: its roster folder when that is a folder (some tests make it a file). */
function workingDir(configDir: string): string {
  try {
    return statSync(configDir).isDirectory() ? configDir : tmpdir();
  } catch {
    return tmpdir();
  }
}

/** Environment for a child cx: no colour unless asked, a pinned clock when given. */
export function cxEnv(configDir: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  Object.assign(env, { CX_CONFIG_DIR: configDir }, extra);
  for (const [key, value] of Object.entries(extra)) if (value === undefined) delete env[key];
  return env;
}

export function cx(
  configDir: string,
  args: string[],
  options: { input?: string; env?: Record<string, string | undefined>; nodeArgs?: string[]; timeout?: number } = {},
): Run {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: workingDir(configDir),
    env: cxEnv(configDir, options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    ...(options.timeout ? { timeout: options.timeout, killSignal: 'SIGKILL' as const } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const rosterFile = (configDir: string): string => join(configDir, 'roster.json');

/** The roster file's bytes, or null when there is none. */
export const rosterBytes = (configDir: string): string | null =>
  existsSync(rosterFile(configDir)) ? readFileSync(rosterFile(configDir), 'utf8') : null;

/** Assesses someone from an answers object through stdin; fails the test if cx does not exit 0. */
export function assessWith(configDir: string, name: string, answers: object, env: Record<string, string> = {}): Run {
  const run = cx(configDir, ['assess', name, '--answers', '-', '--json'], { input: JSON.stringify(answers), env });
  if (run.status !== 0) throw new Error(`cx assess failed (${run.status}): ${run.stderr}`);
  return run;
}

/** Starts cx without waiting: for tests that run several at once or stop one midway. */
export function cxStart(
  configDir: string,
  args: string[],
  options: { input?: string; env?: Record<string, string | undefined>; nodeArgs?: string[] } = {},
): { child: import('node:child_process').ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: workingDir(configDir),
    env: cxEnv(configDir, options.env),
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  child.stdin?.on('error', () => undefined); // a child killed midway stops reading
  child.stdin?.end(options.input ?? '');
  const done = new Promise<Run>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return { child, done };
}

/** A captured output stream: what was written, and not a terminal unless said. */
class Captured {
  text = '';
  constructor(
    readonly isTTY = false,
    readonly columns?: number,
  ) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/**
 * Runs cx in this process through main(), as the built binary would run it: the same environment as
 * cx() gives a child, stdin from `input`, stdout and stderr captured. Relative file names are read
 * from the roster folder, as for a child.
 */
export async function run(
  configDir: string,
  args: string[],
  options: { input?: string; env?: Record<string, string | undefined>; tty?: boolean; columns?: number } = {},
): Promise<Run> {
  const stdout = new Captured(options.tty, options.columns);
  const stderr = new Captured(options.tty, options.columns);
  const stdin = Object.assign(Readable.from([Buffer.from(options.input ?? '')]), { isTTY: options.tty ?? false });
  const env = cxEnv(configDir, options.env);
  const status = await main(args, { stdout, stderr, stdin, env, cwd: workingDir(configDir) });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

/** assessWith in this process: assesses someone from an answers object through stdin; fails the test if cx does not exit 0. */
export async function assessIn(configDir: string, name: string, answers: object, env: Record<string, string> = {}): Promise<Run> {
  const result = await run(configDir, ['assess', name, '--answers', '-', '--json'], { input: JSON.stringify(answers), env });
  if (result.status !== 0) throw new Error(`cx assess failed (${result.status}): ${result.stderr}`);
  return result;
}

// Drives the built cx in a real pseudo-terminal, the way a person at a keyboard does. The terminal
// comes from pty-relay.py beside this file (Python's standard pty module), so installing needs no
// native build; without python3 on the PATH, the tests that need a terminal are skipped.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { TestRunner } from 'vitest';
import { BIN, ROOT, cxEnv } from './cli.js';

export const KEY = { up: '\u001b[A', down: '\u001b[B', enter: '\r', space: ' ', ctrlC: '\u0003' } as const;

const RELAY = join(ROOT, 'test', 'helpers', 'pty-relay.py');

/** Why there is no pseudo-terminal here, or undefined when there is one. */
export const noTerminal: string | undefined =
  spawnSync('python3', ['--version']).status === 0
    ? undefined
    : 'python3 is not on the PATH, and the pseudo-terminal comes from its pty module';
if (noTerminal) console.warn(`Skipping the tests that type into a terminal: ${noTerminal}.`);

// Colour and cursor sequences, so tests can match the text a person reads.
const SEQUENCES = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;

export class Terminal {
  readonly #relay: ChildProcessWithoutNullStreams;
  #output = '';
  #errors = '';
  #seen = 0;
  readonly exited: Promise<number>;

  /** Runs cx with `args`; with `program`, runs that program with `args` instead (a shell, say). */
  constructor(args: string[], configDir: string, env: Record<string, string> = {}, nodeArgs: string[] = [], program?: string) {
    // A test that needs a terminal, where there is none, is skipped rather than failed.
    if (noTerminal) TestRunner.getCurrentTest()?.context.skip(noTerminal);
    const command = program ? [program, ...args] : [process.execPath, ...nodeArgs, BIN, ...args];
    const childEnv = cxEnv(configDir, env);
    childEnv.TERM ||= 'xterm'; // what a terminal window tells the programs in it
    childEnv.PWD = ROOT;
    this.#relay = spawn('python3', [RELAY, ...command], { cwd: ROOT, env: childEnv, stdio: 'pipe' });
    this.#relay.stdout.setEncoding('utf8').on('data', (data: string) => {
      this.#output += data;
    });
    this.#relay.stderr.setEncoding('utf8').on('data', (data: string) => {
      this.#errors += data;
    });
    // Keys typed after the program has ended go nowhere, as on a closed terminal.
    this.#relay.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.#relay.on('error', (error) => {
        this.#errors += `${error.message}\n`;
        resolve(127);
      });
      // 'close' comes once all the output has been read, so a test that awaits the exit sees it all.
      this.#relay.on('close', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
    });
  }

  /** Everything printed so far, as sent. */
  get raw(): string {
    return this.#output;
  }

  /** Everything printed so far, without colour or cursor sequences. */
  get text(): string {
    return this.#output.replace(SEQUENCES, '').replace(/\r/g, '');
  }

  /** Waits until `expected` appears after what earlier waits already matched. */
  async waitFor(expected: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.text.indexOf(expected, this.#seen);
      if (at >= 0) {
        this.#seen = at + expected.length;
        return;
      }
      if (Date.now() > deadline) {
        const errors = this.#errors ? `\nthe terminal's own errors:\n${this.#errors}` : '';
        throw new Error(`timed out waiting for ${JSON.stringify(expected)}; the screen so far:\n${this.text}${errors}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Waits for a prompt, then types keys into it. */
  async answer(prompt: string, ...keys: string[]): Promise<void> {
    await this.waitFor(prompt);
    this.write(keys.join(''));
  }

  write(keys: string): void {
    this.#relay.stdin.write(keys);
  }

  /** What the terminal does to the program when its window is closed (the relay passes SIGHUP on). */
  hangUp(): void {
    this.#relay.kill('SIGHUP');
  }

  /** Ends the program, if it is still running (the relay passes SIGTERM on). */
  kill(): void {
    this.#relay.kill('SIGTERM');
  }
}

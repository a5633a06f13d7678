// Drives the built cx in a real pseudo-terminal, the way a person at a keyboard does.
import { spawn, type IPty } from 'node-pty';
import { BIN, ROOT, cxEnv } from './cli.js';

export const KEY = { up: '\u001b[A', down: '\u001b[B', enter: '\r', space: ' ', ctrlC: '\u0003' } as const;

// Colour and cursor sequences, so tests can match the text a person reads.
const SEQUENCES = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;

export class Terminal {
  readonly #pty: IPty;
  #output = '';
  #seen = 0;
  readonly exited: Promise<number>;

  /** Runs cx with `args`; with `program`, runs that program with `args` instead (a shell, say). */
  constructor(args: string[], configDir: string, env: Record<string, string> = {}, nodeArgs: string[] = [], program?: string) {
    this.#pty = spawn(program ?? process.execPath, program ? args : [...nodeArgs, BIN, ...args], {
      cols: 120,
      rows: 50,
      cwd: ROOT,
      env: cxEnv(configDir, env) as Record<string, string>,
    });
    this.#pty.onData((data) => {
      this.#output += data;
    });
    this.exited = new Promise((resolve) => this.#pty.onExit(({ exitCode }) => resolve(exitCode)));
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
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${JSON.stringify(expected)}; the screen so far:\n${this.text}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Waits for a prompt, then types keys into it. */
  async answer(prompt: string, ...keys: string[]): Promise<void> {
    await this.waitFor(prompt);
    this.#pty.write(keys.join(''));
  }

  write(keys: string): void {
    this.#pty.write(keys);
  }

  /** What the terminal does to the program when its window is closed. */
  hangUp(): void {
    process.kill(this.#pty.pid, 'SIGHUP');
  }

  kill(): void {
    this.#pty.kill();
  }
}

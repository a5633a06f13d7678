// Where cx reads and writes while a command runs: the process's streams and environment, or those a
// caller of main() passes in (the tests run commands in-process this way, with captured output).
// Every module reads them through io(), never through process.stdout, process.stdin or process.env.
import type { Readable } from 'node:stream';

/** An output stream as cx uses it: text written, and whether it is a terminal of some width. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
  on?(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  stdin: Readable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** The folder relative file names are read from and written to. */
  cwd: string;
}

export const processIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  // Only when a command reads it: Node makes the stream on first use, which takes a millisecond or two
  // (a file or /dev/null as stdin loads fs streams, and with them fs/promises and readline).
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
});

let current: Io | undefined;

/** The streams and environment of the command now running. */
export const io = (): Io => (current ??= processIo());

/** Runs `work` with these streams and environment, then puts the previous ones back. */
export async function withIo<T>(streams: Io, work: () => Promise<T>): Promise<T> {
  const previous = current;
  current = streams;
  try {
    return await work();
  } finally {
    current = previous;
  }
}

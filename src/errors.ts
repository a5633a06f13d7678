// Errors that reach the user. The top-level catch in cli.ts prints their message on one line and
// exits with their code; anything else is a bug and is reported as one.

export class CxError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'CxError';
  }
}

/** Bad input: a wrong argument, value, file or answer. Exit code 2. */
export class UsageError extends CxError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** The user stopped cx (Ctrl+C). Exit code 130, as a shell reports SIGINT. */
export class Interrupted extends CxError {
  constructor(message = 'Stopped; nothing was saved.') {
    super(message, 130);
    this.name = 'Interrupted';
  }
}

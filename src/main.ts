// The entry of the built CLI (dist/cli.cjs): runs cx on this process's arguments and streams.
import { main } from './cli.js';

// A reader that stops early (`cx export | head`) is not an error: stop quietly. Anything else (a full
// disk, say) leaves the output incomplete, and the user should know.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`cx: could not write the output (${error.code ?? error.message}); it is incomplete\n`);
  process.exit(1);
});

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

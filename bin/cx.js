#!/usr/bin/env node
// The `cx` command. The version and the overview help are printed from files the build wrote, so the
// two commonest questions start no more than Node itself (docs/performance.md); all else is the
// built CLI in dist/cli.js.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const quick = args.length === 1 ? { '--version': 'version.txt', '-v': 'version.txt', '--help': 'help.txt', '-h': 'help.txt' }[args[0]] : undefined;
let text;
try {
  if (quick) text = readFileSync(new URL(`../dist/${quick}`, import.meta.url));
} catch {
  // Not built yet: the import below says so.
}
if (text) {
  process.stdout.on('error', () => process.exit(0)); // a reader that stops early is fine
  process.stdout.write(text);
} else {
  import('../dist/cli.js').catch((error) => {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
      console.error('cx: this copy is not built yet; run `npm install` (or `npm run build`) in its folder first.');
      process.exit(1);
    }
    throw error;
  });
}

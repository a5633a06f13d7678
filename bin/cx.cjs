#!/usr/bin/env node
// The `cx` command: runs the built CLI. On Node 22 and later Node keeps the compiled code between runs,
// in this user's own cache folder (a folder shared by every user could hold code planted by another).
'use strict';
const { enableCompileCache } = require('node:module');
try {
  enableCompileCache?.(require('node:path').join(require('node:os').homedir(), '.cache', 'cx', 'compile-cache'));
} catch {} // no cache: cx runs the same, a little more slowly
try {
  require('../dist/cli.cjs');
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('cli.cjs')) throw error;
  console.error('cx: this copy is not built yet; run `npm install` (or `npm run build`) in its folder first.');
  process.exitCode = 1;
}

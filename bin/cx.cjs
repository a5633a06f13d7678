#!/usr/bin/env node
// The `cx` command: runs the built CLI. Node 22 and later keep its compiled code between runs, in a
// folder of the temporary folder that only this user may write (a shared one could hold planted code).
'use strict';
const { lstatSync, mkdirSync } = require('node:fs');
const module_ = require('node:module');
const folder = require('node:path').join(require('node:os').tmpdir(), `cx-compile-cache-${process.getuid?.() ?? 'user'}`);
try {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = lstatSync(folder);
  const own = stat.isDirectory() && (!process.getuid || (stat.uid === process.getuid() && (stat.mode & 0o077) === 0));
  if (own) module_.enableCompileCache?.(folder);
} catch {} // no cache: cx runs the same, a little more slowly
try {
  require('../dist/cli.cjs');
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('cli.cjs')) throw error;
  console.error('cx: this copy is not built yet; run `npm install` (or `npm run build`) in its folder first.');
  process.exitCode = 1;
}

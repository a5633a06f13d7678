// Writes dist/cli.cache, the V8 code cache that bin/cx.cjs compiles the bundle with. Run by the build
// (scripts/build.mjs) in a process of its own, with the Node that will run cx.
//
// A cache made right after compiling holds little: V8 compiles most functions only when they are
// first called. So this runs the bundle through a day's work first, in one process, against a
// throwaway roster (assess from answers, set, log, import, list, show, todo, board, export, tactics,
// questions, undo), and caches what that compiled. Output goes wherever the build sends it (nowhere).
'use strict';
const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { compile, run, cacheFile, BUNDLE, CACHE } = require('../bin/cx.cjs');

async function main() {
  rmSync(CACHE, { force: true }); // compiled from scratch: an old cache would hide what runs
  const { script, digest } = compile();
  const dir = mkdtempSync(join(tmpdir(), 'cx-code-cache-'));
  const roster = join(dir, 'roster');
  mkdirSync(roster, { mode: 0o700 });
  Object.assign(process.env, { CX_CONFIG_DIR: roster, CX_NOW: '2026-11-24T09:00:00Z', NO_COLOR: '1' });
  delete process.env.FORCE_COLOR;
  process.stdout.setMaxListeners(0); // every run of main() listens for a closed stdout
  const answers = join(dir, 'answers.json');
  writeFileSync(answers, JSON.stringify({ understands: 'yes', relevant: 'yes', endorses: 'yes', stance: 'keen' }));
  const csv = join(dir, 'people.csv');
  writeFileSync(
    csv,
    'name,stage,disposition,team,influence,notes\nSam Ortiz,skepticism,fence-sitter,Finance,high,"Wants ""numbers"""\nPriya Nair,buy-in,advocate,Digital,medium,\n',
  );
  try {
    process.argv = [process.argv[0], BUNDLE, 'where'];
    const bundle = run(script);
    await bundle.started;
    const day = [
      ['assess', 'Dana Lee', '--answers', answers],
      ['set', 'Kim Park', '--add', '--stage', 'ignorance', '--team', 'Retail'],
      ['set', 'Kim Park', 'Dana Lee', '--influence', 'high'],
      ['log', 'Dana Lee', 'Coffee about the complaint numbers', '--tactic', 'educate'],
      ['import', csv],
      ['import', csv, '--dry-run'],
      ['list'],
      ['list', '--json'],
      ['list', '--stage', 'buy-in', '--sort', 'name'],
      ['show', 'Dana Lee'],
      ['show', 'Dana Lee', '--json'],
      ['todo'],
      ['todo', '--json'],
      ['board'],
      ['export'],
      ['export', '--format', 'csv'],
      ['tactics', 'buy-in'],
      ['tactics', 'Dana Lee'],
      ['questions'],
      ['undo'],
      ['nope'],
    ];
    for (const args of day) await bundle.main(args);
    writeFileSync(CACHE, cacheFile(digest, script.createCachedData()));
    process.exitCode = 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`code cache: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});

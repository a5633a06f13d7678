// npm run bench: times whole cx processes on generated rosters of 100, 1,000 and 3,000 people (about
// 1 KB each, with history and log entries: scripts/bench-data.mjs) and checks the targets of
// docs/performance.md. Every command is run in turn with `node -e 0`, in rounds that go through every
// command once, so that a machine busy for a moment slows all of them alike. Each figure is the median
// of a command's runs; its ratio is the median, over the rounds, of the command's time divided by that
// of the `node -e 0` run just before it (a pair a fraction of a second apart sees the same machine).
//
//   npm run bench                 21 rounds after a warm-up; prints the table, writes BENCHMARKS.md
//   npm run bench -- --quick      5 rounds; prints the table, writes nothing
//
// Exits 1 when a target is missed (the table shows its figure). Needs a build (npm run build).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRoster, nameOf } from './bench-data.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'cx.cjs');
const QUICK = process.argv.includes('--quick');
const ROUNDS = QUICK ? 5 : 21;
const SIZES = [100, 1_000, 3_000];
/** The targets (ratios to `node -e 0`): start-up, the read commands by roster size, and `cx set`. */
const START = 1.3;
const READ = { 100: 1.5, 1_000: 2.0, 3_000: 2.5 };
const SET = { size: 3_000, names: 100, target: 3 };
const NOW = '2026-11-24T09:00:00Z'; // the day bench-data.mjs writes the rosters for

if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) {
  console.error('cx is not built: run npm run build (or npm install) first.');
  process.exit(1);
}
// A build for profiling keeps names and comments: larger, slower to compile, and not what ships.
if (readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8').includes('\n// src/cli.ts\n')) {
  console.error('dist/ is a readable build (CX_BUILD_READABLE=1), not the one that ships: run npm run build first.');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'cx-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** Runs a process to the end, its output thrown away; returns its wall time in milliseconds. */
function once(args, env = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0)
    throw new Error(`node ${args.join(' ').slice(0, 200)} failed (${run.status}): ${String(run.stderr).slice(0, 500)}`);
  return ms;
}

/** A process's output, for the checks made before anything is timed. */
function output(args, env = {}) {
  const run = spawnSync(process.execPath, args, {
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0)
    throw new Error(`node ${args.join(' ').slice(0, 200)} failed (${run.status}): ${run.stderr.slice(0, 500)}`);
  return run.stdout;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const people = (n) => n.toLocaleString('en');
const machine = () =>
  `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${process.platform} ${process.arch}, Node ${process.version}`;
const load = () => loadavg()[0].toFixed(2);

// ------------------------------------------------------------------------------------------ the runs

/**
 * What is timed: a label, the arguments of `node`, the environment, a target ratio (none for the
 * plain reference), what must be true of the output (checked once, before the timing), and what to
 * do before each run (untimed).
 */
const jobs = [];
const cx = (...args) => [BIN, ...args];
// The plain reference: what reading the roster, parsing it and printing a line a person costs in one
// `node -e`, with none of cx (no checks, no command line, no libraries).
const PLAIN = `const { people } = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
let out = '';
for (const p of people) out += p.name + '  ' + p.stage + '  ' + (p.team ?? '') + '\\n';
process.stdout.write(out);`;

jobs.push({ label: 'cx --version', size: 0, args: cx('--version'), target: START, check: (out) => /^\d+\.\d+\.\d+/.test(out) });
jobs.push({ label: 'cx --help', size: 0, args: cx('--help'), target: START, check: (out) => out.includes('Usage: cx') });

const rosters = {};
for (const size of SIZES) {
  const dir = makeRoster(join(work, `roster-${size}`), size);
  rosters[size] = dir;
  const env = { CX_CONFIG_DIR: dir, CX_NOW: NOW };
  const last = nameOf(size - 1);
  const lines = (out) => out.split('\n').filter(Boolean).length;
  jobs.push(
    {
      label: 'plain read + JSON.parse + print',
      size,
      args: ['-e', PLAIN, join(dir, 'roster.json')],
      check: (out) => lines(out) === size,
    },
    { label: 'cx list', size, args: cx('list'), env, target: READ[size], check: (out) => lines(out) === size + 1 },
    { label: 'cx todo', size, args: cx('todo'), env, target: READ[size], check: (out) => out.length > 0 },
    { label: 'cx board', size, args: cx('board'), env, target: READ[size], check: (out) => out.length > 0 },
    { label: 'cx show <name>', size, args: cx('show', last), env, target: READ[size], check: (out) => out.includes(last) },
  );
}

// A change: every run starts from the same file, with no backups yet; the backup cx keeps is timed.
{
  const dir = rosters[SET.size];
  const file = join(dir, 'roster.json');
  const pristine = join(work, 'pristine.json');
  copyFileSync(file, pristine);
  const names = Array.from({ length: SET.names }, (_, i) => nameOf(i * Math.floor(SET.size / SET.names)));
  jobs.push({
    label: `cx set (${SET.names} names)`,
    size: SET.size,
    args: cx('set', ...names, '--team', 'Steering group'),
    env: { CX_CONFIG_DIR: dir, CX_NOW: NOW },
    target: SET.target,
    prepare: () => {
      copyFileSync(pristine, file);
      rmSync(join(dir, 'backups'), { recursive: true, force: true });
    },
    check: () => JSON.parse(readFileSync(file, 'utf8')).people.filter((p) => p.team === 'Steering group').length === SET.names,
    after: () => copyFileSync(pristine, file),
  });
}

const startLoad = load();
console.log(
  `cx benchmark: ${machine()}; load ${startLoad}; ${ROUNDS} rounds of ${jobs.length} commands, each next to \`node -e 0\`\n`,
);

// Every command must do what it is timed doing: a roster cx refused would time an error message.
for (const job of jobs) {
  job.prepare?.();
  const out = output(job.args, job.env);
  if (!job.check(out)) {
    console.error(`${job.label} at ${people(job.size)} people did not print what it should:\n${out.slice(0, 1000)}`);
    process.exit(1);
  }
  job.after?.();
  job.times = [];
  job.floors = [];
}

const started = Date.now();
for (let round = -1; round < ROUNDS; round++) {
  for (const job of jobs) {
    job.prepare?.();
    const floor = once(['-e', '0']);
    const time = once(job.args, job.env);
    if (round >= 0) {
      job.floors.push(floor);
      job.times.push(time);
    }
  }
  if (round >= 0 && process.stderr.isTTY) process.stderr.write(`\rround ${round + 1} of ${ROUNDS}`);
}
if (process.stderr.isTTY) process.stderr.write(`\r${' '.repeat(20)}\r`);
const seconds = (Date.now() - started) / 1000;

// ---------------------------------------------------------------------------------------- the report

const results = jobs.map((job) => {
  const ms = median(job.times);
  const floor = median(job.floors);
  const ratio = median(job.times.map((time, round) => time / job.floors[round]));
  // Judged on the figure as printed (two decimals), so that the table never contradicts itself.
  const met = job.target === undefined ? undefined : Number(ratio.toFixed(2)) <= job.target;
  return { ...job, ms, floor, ratio, met };
});
const floor = median(jobs.flatMap((job) => job.floors));
const rows = results.map((r) => [
  r.label,
  r.size ? people(r.size) : '',
  `${r.ms.toFixed(0)} ms`,
  `${r.floor.toFixed(0)} ms`,
  `${r.ratio.toFixed(2)} ×`,
  r.target === undefined ? '' : `≤ ${r.target.toFixed(1)} ×`,
  r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
]);
const header = ['command', 'people', 'median', '`node -e 0`', 'ratio', 'target', ''];

const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const right = [false, true, true, true, true, false, false];
const text = (row) =>
  row
    .map((cell, column) => (right[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
    .join('  ')
    .trimEnd();
console.log([text(header), ...rows.map(text)].join('\n'));

const missed = results.filter((r) => r.met === false);
const targets = results.filter((r) => r.met !== undefined).length;
const verdict = missed.length
  ? `MISSED ${missed.length} of ${targets} targets: ${missed
      .map(
        (r) => `${r.label}${r.size ? ` at ${people(r.size)}` : ''} ${r.ratio.toFixed(2)} × (target ≤ ${r.target.toFixed(1)} ×)`,
      )
      .join('; ')}.`
  : `Every target met (${targets} of ${targets}).`;
console.log(
  `\n${verdict}\n\`node -e 0\`: ${floor.toFixed(0)} ms (median of all its runs); ${seconds.toFixed(0)} s of timing; load ${load()} at the end.`,
);

if (!QUICK) {
  const markdown = [
    `| ${header.join(' | ')} |`,
    '|---|---:|---:|---:|---:|---|---|',
    // Commands in code type: `cx show <name>` would otherwise read as an HTML tag.
    ...rows.map(
      ([label, ...cells]) => `| \`${label}\` | ${cells.map((cell) => (cell === 'MISSED' ? '**missed**' : cell)).join(' | ')} |`,
    ),
  ].join('\n');
  writeFileSync(
    join(ROOT, 'BENCHMARKS.md'),
    `# Benchmarks

A run of \`npm run bench\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC:
${machine()}.

${ROUNDS} rounds, each running every command below once, in turn with \`node -e 0\`. A figure is the
median of a command's ${ROUNDS} runs (and of the \`node -e 0\` runs timed next to it); its ratio is the
median of its ${ROUNDS} ratios to the \`node -e 0\` run just before it. \`node -e 0\` took ${floor.toFixed(0)} ms
(median of all its runs). Load average ${startLoad} at the start, ${load()} at the end (the benchmark itself
keeps one core busy). The rosters are generated (scripts/bench-data.mjs): about 1 KB a person, with
history, log entries and an assessment. "plain read + JSON.parse + print" is not cx: one \`node -e\`
that reads the same file, parses it and prints a line a person. Targets, and what costs what:
docs/performance.md.

${markdown}

${verdict.replace('MISSED', 'Missed')}

Reproduce: \`npm install && npm run bench\`.
`,
  );
  console.log('Written to BENCHMARKS.md.');
}
if (missed.length) console.log(`\nnpm run bench fails: ${missed.length} target(s) missed (figures above).`);
process.exit(missed.length ? 1 : 0);

// npm run bench: times whole cx processes on generated rosters of 100, 10,000 and 100,000 people and
// checks the targets of docs/performance.md. Each figure is a median of several runs after a warm-up,
// interleaved with `node -e 0` so that the ratios hold on a noisy machine. Peak memory comes from one
// more run that reports its own maximum resident set size.
//
//   npm run bench                 all sizes, writes BENCHMARKS.md
//   npm run bench -- --quick      100 and 10,000 people only, fewer runs; writes nothing
//
// Exits 1 when a target is missed. Needs a build (npm install or npm run build).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCsv, makeRoster, nameOf, TEAMS } from './bench-data.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'cx.cjs');
const QUICK = process.argv.includes('--quick');
const SIZES = QUICK ? [100, 10_000] : [100, 10_000, 100_000];
const work = mkdtempSync(join(tmpdir(), 'cx-bench-'));

if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) {
  console.error('cx is not built: run npm install (or npm run build) first.');
  process.exit(1);
}

// ------------------------------------------------------------------------------------------- timing

const RSS_PROBE = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(process.env.CX_BENCH_RSS, String(process.resourceUsage().maxRSS)));",
)}`;

function once(command, args, { env = {}, input } = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, {
    env: { ...process.env, NO_COLOR: '1', ...env },
    input: input ?? '',
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0)
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} failed (${run.status}): ${String(run.stderr).slice(0, 500)}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Median wall time of a command and of `node -e 0`, run in turn; `prepare` runs (untimed) before each. */
function measure({ command = process.execPath, args, env, input, prepare, runs }) {
  const times = [];
  const floors = [];
  const count = runs ?? (QUICK ? 5 : 9);
  for (let i = -1; i < count; i++) {
    prepare?.();
    const floor = once(process.execPath, ['-e', '0']);
    const time = once(command, args, { env, input });
    if (i >= 0) {
      times.push(time);
      floors.push(floor);
    }
  }
  prepare?.();
  const rssFile = join(work, 'rss');
  rmSync(rssFile, { force: true });
  let rss;
  if (command === process.execPath) {
    once(command, ['--import', RSS_PROBE, ...args], { env: { ...env, CX_BENCH_RSS: rssFile }, input });
    rss = Number(readFileSync(rssFile, 'utf8')) / 1024;
  }
  return { ms: median(times), floor: median(floors), rss };
}

// ---------------------------------------------------------------------------------------------- runs

const results = [];
function record(label, size, outcome, target) {
  const ratio = outcome.ms / outcome.floor;
  const ok = target ? target.check(outcome, ratio) : true;
  results.push({ label, size, ...outcome, ratio, target: target?.text ?? '', ok });
  const memory = outcome.rss ? `${outcome.rss.toFixed(0)} MB` : '';
  console.log(
    `${ok ? ' ' : '✗'} ${label.padEnd(34)} ${String(size).padStart(7)}  ${outcome.ms.toFixed(0).padStart(6)} ms  ${ratio.toFixed(2).padStart(5)} ×  ${memory.padStart(7)}  ${target?.text ?? ''}`,
  );
}
const atMost = (limit) => ({ text: `≤ ${limit} × node`, check: (_, ratio) => ratio <= limit });

// Whether cx will start with the build's code cache: not when dist/ was built by another Node, which
// the figures should say (docs/performance.md, "A code cache").
const probe = spawnSync(
  process.execPath,
  [
    '-e',
    `const { compile } = require(${JSON.stringify(join(ROOT, 'bin', 'cx.cjs'))});
  const { cached, script } = compile();
  process.stdout.write(cached === undefined ? 'not used (dist/ was built by another Node: run npm run build)' : script.cachedDataRejected ? 'turned down by V8' : 'used');`,
  ],
  { encoding: 'utf8' },
);
const codeCache = probe.stdout || `unknown (${probe.stderr.trim().split('\n')[0]})`;
console.log(
  `cx benchmark: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; code cache ${codeCache}\n`,
);
const cx = (args) => [BIN, ...args];
const rosters = Object.fromEntries(SIZES.map((size) => [size, makeRoster(join(work, `roster-${size}`), size)]));
// The generated files must be rosters cx reads, or every figure measures an error.
const doctor = spawnSync(process.execPath, [BIN, 'doctor'], {
  env: { ...process.env, CX_CONFIG_DIR: rosters[SIZES[0]] },
  encoding: 'utf8',
});
if (!doctor.stdout.includes('is readable')) {
  console.error(`cx cannot read the generated roster (scripts/bench-data.mjs):\n${doctor.stdout}${doctor.stderr}`);
  process.exit(1);
}

for (const args of [['--version'], ['--help']]) {
  record(`cx ${args.join(' ')}`, 0, measure({ args: cx(args) }), atMost(1.3));
}

for (const size of SIZES) {
  const dir = rosters[size];
  const env = { CX_CONFIG_DIR: dir, CX_NOW: '2026-11-24T09:00:00Z' };
  const small = size === 100;
  const runs = size >= 100_000 ? (QUICK ? 3 : 5) : undefined;
  const readOnly = [
    [['list'], small ? atMost(2) : undefined],
    [['list', '--json'], undefined],
    [['show', nameOf(size - 1)], small ? atMost(2) : undefined],
    [['todo'], small ? atMost(2) : size === 10_000 ? atMost(4) : undefined],
    [['board'], small ? atMost(2) : size === 10_000 ? atMost(4) : undefined],
    [['export'], undefined],
  ];
  for (const [args, target] of readOnly) record(`cx ${args.join(' ')}`, size, measure({ args: cx(args), env, runs }), target);

  // Changes start from the same file every run; the backup cx keeps is part of what is timed.
  const pristine = join(work, `pristine-${size}.json`);
  cpSync(join(dir, 'roster.json'), pristine);
  const reset = () => {
    cpSync(pristine, join(dir, 'roster.json'));
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
  };
  const csv = importCsv(10_000, Math.max(0, size - 5_000)); // updates the last people, and adds new ones
  record(
    'cx import (10,000 CSV rows)',
    size,
    measure({ args: cx(['import', '-']), env, input: csv, prepare: reset, runs }),
    size === 10_000 ? atMost(5) : undefined,
  );
  const names = Array.from({ length: Math.min(1000, size) }, (_, i) => nameOf(i));
  record(
    `cx set (${names.length} names)`,
    size,
    measure({ args: cx(['set', ...names, '--team', 'Steering group']), env, prepare: reset, runs }),
    size === 10_000 ? atMost(3) : undefined,
  );
  reset();
}

// ----------------------------------------------------------------------------------- native peer

let taskwarrior = false;
try {
  execFileSync('task', ['--version'], { stdio: 'ignore' });
  taskwarrior = true;
} catch {
  console.log('\ntaskwarrior is not installed: skipping the native comparison (apt-get install taskwarrior).');
}
if (taskwarrior) {
  const data = join(work, 'task');
  mkdirSync(data);
  writeFileSync(
    join(data, 'taskrc'),
    `data.location=${data}\nconfirmation=off\nbulk=0\nverbose=nothing\nhooks=off\nrecurrence=off\n`,
  );
  const env = { TASKRC: join(data, 'taskrc'), TASKDATA: data };
  const tasks = Array.from({ length: 10_000 }, (_, i) => ({
    uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    description: `Talk to ${nameOf(i)}`,
    status: 'pending',
    entry: '20261101T090000Z',
    project: TEAMS[i % TEAMS.length].replace(/\s/g, ''),
  }));
  once('task', ['import'], { env, input: JSON.stringify(tasks) });
  const pristine = join(work, 'task-pristine');
  cpSync(data, pristine, { recursive: true });
  const reset = () => cpSync(pristine, data, { recursive: true });
  const peers = [
    ['task export', ['export'], 'cx list --json', 'cx export'],
    ['task count', ['count'], 'cx list', undefined],
    ['task modify (1,000)', ['1-1000', 'modify', 'project:Steering'], 'cx set (1000 names)', undefined],
  ];
  console.log('');
  for (const [label, args, ...ours] of peers) {
    const outcome = measure({
      command: 'task',
      args,
      env,
      prepare: args[1] === 'modify' ? reset : undefined,
      runs: QUICK ? 3 : 5,
    });
    record(label, 10_000, outcome);
    const taskResult = results.at(-1);
    for (const mine of ours.filter(Boolean)) {
      const cxResult = results.find((r) => r.label === mine && r.size === 10_000);
      if (!cxResult) continue;
      const faster = mine === 'cx list --json' || mine === 'cx export';
      cxResult.peer = `${(cxResult.ms / taskResult.ms).toFixed(2)} × ${label}`;
      if (faster && cxResult.ms >= taskResult.ms) {
        cxResult.ok = false;
        cxResult.target = `faster than ${label}`;
      } else if (faster) {
        cxResult.target = `faster than ${label}`;
      }
    }
  }
}

// ------------------------------------------------------------------------------------------ growth

if (SIZES.includes(100_000)) {
  console.log('');
  for (const result of results.filter((r) => r.size === 100_000 && r.label.startsWith('cx'))) {
    const base = results.find((r) => r.label === result.label && r.size === 10_000);
    if (!base) continue;
    result.growth = result.ms / base.ms;
    if (result.growth > 12) {
      result.ok = false;
      result.target = `${result.target ? `${result.target}; ` : ''}growth ≤ 12 × from 10,000`;
    }
    if (result.rss && result.rss >= 400) {
      result.ok = false;
      result.target = `${result.target ? `${result.target}; ` : ''}memory < 400 MB`;
    }
  }
}

// ------------------------------------------------------------------------------------------ report

const floor = median(results.map((r) => r.floor));
const table = [
  '| command | people | median | × `node -e 0` | peak memory | growth 10k→100k | vs taskwarrior | target | |',
  '|---|---:|---:|---:|---:|---:|---|---|---|',
  ...results
    .map((r) =>
      [
        r.label,
        r.size ? r.size.toLocaleString('en') : '',
        `${r.ms.toFixed(0)} ms`,
        r.ratio.toFixed(2),
        r.rss ? `${r.rss.toFixed(0)} MB` : '',
        r.growth ? `${r.growth.toFixed(1)} ×` : '',
        r.peer ?? '',
        r.target,
        r.target ? (r.ok ? 'met' : '**missed**') : '',
      ].join(' | '),
    )
    .map((row) => `| ${row} |`),
].join('\n');
const missed = results.filter((r) => !r.ok);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${process.platform} ${process.arch}, Node ${process.version} (code cache ${codeCache})${taskwarrior ? `, taskwarrior ${execFileSync('task', ['--version'], { encoding: 'utf8' }).trim().split('\n')[0]}` : ''}`;
const report = `# Benchmarks

Produced by \`npm run bench\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 10)}: ${machine}.
\`node -e 0\` took ${floor.toFixed(0)} ms (median). Ratios compare each command with \`node -e 0\` timed in
turn with it in the same run. Targets are explained in docs/performance.md.

${table}

${missed.length ? `Missed: ${missed.map((r) => `${r.label} (${r.size})`).join(', ')}.` : 'Every target was met.'}

Reproduce: \`npm install && npm run bench\` (apt-get install taskwarrior for the native comparison).
`;
if (!QUICK) writeFileSync(join(ROOT, 'BENCHMARKS.md'), report);
console.log(
  `\n${table}\n\n${missed.length ? `Missed ${missed.length} target(s).` : 'Every target met.'}${QUICK ? '' : ' Written to BENCHMARKS.md.'}`,
);
rmSync(work, { recursive: true, force: true });
process.exit(missed.length ? 1 : 0);

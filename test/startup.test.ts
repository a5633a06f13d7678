// Start-up cost: only `cx assess`, when it asks questions, may load the prompt library. These tests
// spawn the built binary: they trace what a real process of it loads.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assessIn, cx, tempDir } from './helpers/cli.js';
import { KEY, Terminal } from './helpers/pty.js';

const TRACER = ['--import', pathToFileURL(join(ROOT, 'test', 'helpers', 'trace-loads.mjs')).href];

/** The built files that hold the prompt library's code, from esbuild's record of the build. */
function promptFiles(): string[] {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  return Object.entries(meta.outputs)
    .filter(([, output]) => Object.keys(output.inputs).some((input) => input.includes('node_modules/@inquirer/')))
    .map(([file]) => pathToFileURL(join(ROOT, file)).href);
}

function loadedBy(dir: string, args: string[], input = ''): string[] {
  const trace = join(dir, `trace-${Math.random().toString(36).slice(2)}.txt`);
  const run = cx(dir, args, { input, env: { CX_TRACE_LOADS: trace }, nodeArgs: TRACER });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
}

let dir: string;
let promptBuilds: string[];
beforeAll(async () => {
  dir = tempDir();
  await assessIn(dir, 'Dana Lee', { understands: 'yes' });
  promptBuilds = promptFiles();
});

describe('start-up', () => {
  it('finds the prompt library in the build, apart from the CLI', () => {
    expect(promptBuilds.length).toBeGreaterThan(0);
    // The CLI's bundle is compiled by bin/cx.cjs, not required, so the trace would not see it: it must
    // hold no prompt code itself.
    expect(promptBuilds).not.toContain(pathToFileURL(join(ROOT, 'dist', 'cli.cjs')).href);
  });

  // One command of each kind: help alone, reading the roster, printing a profile, planning the week,
  // and changing the roster. That no other command loads it either is checked in the sources, below.
  it.each([[['--help']], [['list']], [['show', 'Dana Lee']], [['todo']], [['set', 'Dana Lee', '--team', 'Ops']]])(
    'cx %j does not load the prompt library',
    (args) => {
      const loaded = loadedBy(dir, args);
      expect(loaded.some((url) => url.endsWith('/bin/cx.cjs'))).toBe(true); // the trace works
      expect(loaded.filter((url) => promptBuilds.includes(url))).toEqual([]);
    },
  );

  it('no module outside src/prompts/ imports the prompts at its top: each command reaches them through import()', () => {
    const src = join(ROOT, 'src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    expect(files).toContain(join('commands', 'shared.ts'));
    const staticImports = files
      .filter((name) => name.split(/[\\/]/)[0] !== 'prompts')
      .flatMap((name) =>
        [...readFileSync(join(src, name), 'utf8').matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)]
          .map(([, from]) => from as string)
          .filter((from) => from === '@inquirer/prompts' || /(^|\/)prompts\//.test(from))
          .map((from) => `${name}: ${from}`),
      );
    expect(staticImports).toEqual([]);
  });

  it('cx assess --answers does not load it either', () => {
    const loaded = loadedBy(dir, ['assess', 'Sam Ortiz', '--answers', '-'], '{}');
    expect(loaded.filter((url) => promptBuilds.includes(url))).toEqual([]);
  });

  it('interactive cx assess does load it (so the checks above can fail)', async () => {
    const trace = join(dir, 'trace-interactive.txt');
    const terminal = new Terminal(['assess', 'Kim Park'], dir, { CX_TRACE_LOADS: trace }, TRACER);
    try {
      await terminal.answer('(1 of 7)', KEY.ctrlC);
      expect(await terminal.exited).toBe(130);
    } finally {
      terminal.kill();
    }
    const loaded = readFileSync(trace, 'utf8').split('\n');
    expect(loaded.some((url) => promptBuilds.includes(url))).toBe(true);
  });
});

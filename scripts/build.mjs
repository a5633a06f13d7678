// Builds dist/ from src/ with esbuild (type checking is `npm run typecheck`):
// - dist/cli.cjs      the CLI, one CommonJS bundle; each command's code runs only when used
// - dist/prompts.cjs  the prompt library (Inquirer.js), required only by interactive questions, so no
//                     other command parses it
// - dist/meta.json    esbuild's record of which sources went where (the start-up test reads it)
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * Stand-ins for modules that libraries import but cx never needs; each took milliseconds to load in
 * every command that changes the roster.
 * - conf imports a JSON-schema validator (ajv, with its formats) and semver at its top, for its
 *   `schema` and `migrations` options. cx gives it neither (the store checks the roster itself and
 *   keeps its own format versions). Should conf ever reach for them, the stand-in says so.
 * - proper-lockfile reaches the file system through graceful-fs, which patches Node's fs module to
 *   queue operations when a process runs out of file handles; cx holds a handful. Plain fs it is.
 * - conf writes with atomically, whose writeFileSync takes a short write (a nearly full disk) for a
 *   whole one and renames the truncated file over the roster. conf gets cx's own writer instead
 *   (src/store/files.ts: every byte written, flushed and read back before the rename); vitest.config.ts
 *   does the same for the tests that run cx in-process, and test/faults.test.ts checks the bundle.
 * - commander requires child_process at its top, for subcommands that are programs of their own; cx
 *   has none. Loading it (with net and dgram) took about 2 ms of every start: it loads when called.
 */
const standIns = {
  name: 'stand-ins',
  setup(build) {
    build.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (args) =>
      /node_modules[\\/]conf[\\/]/.test(args.importer) ? { path: args.path, namespace: 'left-out' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      contents: `const missing = () => { throw new Error('cx was built without ${args.path} (conf uses it only for schemas and migrations, which cx does not give it)'); };
export class Ajv2020 { constructor() { missing(); } }
export default { default: missing, eq: missing, clean: missing, satisfies: missing, lte: missing, gt: missing };`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^graceful-fs$/ }, (args) =>
      /node_modules[\\/]proper-lockfile[\\/]/.test(args.importer) ? { path: 'fs', namespace: 'plain-fs' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'plain-fs' }, () => ({
      contents: "module.exports = require('node:fs');",
      loader: 'js',
    }));
    build.onResolve({ filter: /^atomically$/ }, (args) =>
      /node_modules[\\/]conf[\\/]/.test(args.importer) ? { path: WHOLE_WRITER } : undefined,
    );
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: args.path, namespace: 'when-called' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'when-called' }, () => ({
      contents: "exports.spawn = (...args) => require('node:child_process').spawn(...args);",
      loader: 'js',
    }));
  },
};

/** cx's writer, which conf uses in place of atomically's (see the stand-ins). */
const WHOLE_WRITER = fileURLToPath(new URL('../src/store/files.ts', import.meta.url));

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // Prefer packages' ES module builds, which bundle more cleanly than UMD ones.
  mainFields: ['module', 'main'],
  target: 'node20.19',
  sourcemap: 'linked',
  legalComments: 'none',
  // CX_BUILD_READABLE=1 keeps names, for profiling (docs/performance.md).
  minify: !process.env.CX_BUILD_READABLE,
  logLevel: 'warning',
  metafile: true,
};

/** The prompt library is its own file, which the CLI requires where it asks questions. */
const promptsApart = {
  name: 'prompts-apart',
  setup(build) {
    build.onResolve({ filter: /^@inquirer\/prompts$/ }, () => ({ path: './prompts.cjs', external: true }));
  },
};

/**
 * The prompts src/ imports by name (`import { select } from '@inquirer/prompts'`): the prompt file
 * holds those alone (all of them would bring an editor prompt and its character set tables).
 */
function promptsUsed() {
  const names = new Set();
  const src = fileURLToPath(new URL('../src', import.meta.url));
  for (const file of readdirSync(src, { recursive: true }).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(src, file), 'utf8');
    for (const [statement, type, list] of text.matchAll(
      /^import\s+(type\s+)?(\{[^}]*\}|[^'"\n]*?)\s+from\s+'@inquirer\/prompts'/gm,
    )) {
      if (type) continue; // types only: nothing to load
      if (!list.startsWith('{')) throw new Error(`build: import the prompts by name in src/${file}, not as in: ${statement}`);
      for (const name of list.slice(1, -1).split(',')) if (name.trim()) names.add(name.trim().split(/\s+as\s+/)[0]);
    }
    if (/import\(\s*'@inquirer\/prompts'/.test(text))
      throw new Error(`build: import the prompts by name at the top of src/${file}`);
  }
  return [...names];
}

const prompts = await build({
  ...common,
  stdin: {
    contents: `export { ${promptsUsed().join(', ')} } from '@inquirer/prompts';`,
    resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    sourcefile: 'prompts.ts',
  },
  outfile: 'dist/prompts.cjs',
});
const cli = await build({
  ...common,
  plugins: [standIns, promptsApart],
  entryPoints: ['src/main.ts'],
  outfile: 'dist/cli.cjs',
  define: { __CX_VERSION__: JSON.stringify(version) },
});

// Which output file holds which sources: the start-up test uses it to find the prompt library.
const meta = {
  inputs: { ...prompts.metafile.inputs, ...cli.metafile.inputs },
  outputs: { ...prompts.metafile.outputs, ...cli.metafile.outputs },
};
writeFileSync(new URL('../dist/meta.json', import.meta.url), JSON.stringify(meta));

// Builds dist/ from src/ with esbuild: one bundled entry (dist/cli.js) plus lazily loaded chunks,
// one per command, so `cx list` never parses the prompt library. Type checking is `npm run typecheck`.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    build.onLoad({ filter: /.*/, namespace: 'plain-fs' }, () => ({ contents: "module.exports = require('node:fs');", loader: 'js' }));
  },
};

const result = await build({
  plugins: [standIns],
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Prefer packages' ES module builds: they bundle cleanly (jsonc-parser's UMD build does not).
  mainFields: ['module', 'main'],
  target: 'node20.19',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  legalComments: 'none',
  // CX_BUILD_READABLE=1 keeps names, for profiling (docs/performance.md).
  minify: !process.env.CX_BUILD_READABLE,
  logLevel: 'warning',
  metafile: true,
  define: { __CX_VERSION__: JSON.stringify(version) },
  // Some bundled dependencies are CommonJS and call require() for Node's built-ins.
  banner: { js: "import { createRequire as __cxRequire } from 'node:module'; const require = __cxRequire(import.meta.url);" },
});

// Which output file holds which sources: the start-up test uses it to find the prompt library's chunk.
writeFileSync(new URL('../dist/meta.json', import.meta.url), JSON.stringify(result.metafile));

// The answers bin/cx.js gives without starting the CLI: the version, and the overview help (which is
// laid out for 80 columns whatever the terminal, so it can be written once here).
writeFileSync(new URL('../dist/version.txt', import.meta.url), `${version}\n`);
const help = execFileSync(process.execPath, [fileURLToPath(new URL('../dist/cli.js', import.meta.url)), '--help'], {
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1' },
});
writeFileSync(new URL('../dist/help.txt', import.meta.url), help);

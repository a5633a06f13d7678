import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // What the build defines, for the tests that run cx in-process (test/helpers/cli.ts, run).
  define: { __CX_VERSION__: JSON.stringify(version) },
  // conf writes with cx's own writer, as in the build (scripts/build.mjs): conf is run through vite,
  // which resolves its `atomically` to src/store/files.ts.
  resolve: { alias: { atomically: fileURLToPath(new URL('./src/store/files.ts', import.meta.url)) } },
  test: {
    server: { deps: { inline: ['conf'] } },
    include: ['test/**/*.test.ts'],
    // The slow fault injection (a full tmpfs, paused and killed writers): npm run test:faults.
    exclude: [...configDefaults.exclude, 'test/faults/**'],
    // CLI tests start real node processes; give a loaded CI machine room.
    testTimeout: 30_000,
    // Test files mostly wait on the cx processes they start: two at once even on two cores (vitest's
    // default, one fewer than the cores, ran them one at a time there: 34 s against 21).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Days are local dates; tests pin the zone (and the test of zones sets its own).
    env: { TZ: 'UTC' },
    // Besides the usual report, a JSON one that .ci/run sums up as 'N passed, N failed'.
    reporters: ['default', 'json'],
    outputFile: { json: 'node_modules/.cache/cx-test-results.json' },
  },
});

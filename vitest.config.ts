import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests start real node processes; give a loaded CI machine room.
    testTimeout: 30_000,
    // Days are local dates; tests pin the zone (and the test of zones sets its own).
    env: { TZ: 'UTC' },
    // Besides the usual report, a JSON one that .ci/run sums up as 'N passed, N failed'.
    reporters: ['default', 'json'],
    outputFile: { json: 'node_modules/.cache/cx-test-results.json' },
  },
});

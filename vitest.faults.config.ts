// The slow fault-injection suite (test/faults/): a real full disk on a small tmpfs, writers paused
// past the lock's stale time, and writers killed at random moments. `npm run test:faults`; .ci/run
// runs it after npm test. The fast fault tests (injected short writes, ENOSPC, duplicate ids, special
// files) are in test/faults.test.ts, part of npm test.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/faults/**/*.test.ts'],
    exclude: [],
    testTimeout: 300_000,
    outputFile: { json: 'node_modules/.cache/cx-fault-results.json' },
  },
});

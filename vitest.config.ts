import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests start real node processes; give a loaded CI machine room.
    testTimeout: 30_000,
    // Days are local dates; tests pin the zone (and the test of zones sets its own).
    env: { TZ: 'UTC' },
  },
});

import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages export their TypeScript source under the "source" condition, so tests run on the
// source without a build (production node code runs dist/ through the "default" condition).
const sourceFirst = {
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...sourceFirst,
        // Exhaustive date and corpus checks take seconds; under a full parallel run on two cores, more than the default 5 s.
        test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'], setupFiles: ['./src/fast-check.test-setup.ts'], testTimeout: 30_000 },
      },
      {
        ...sourceFirst,
        test: {
          name: 'integration',
          root: './test',
          include: ['integration/**/*.test.ts'],
          globalSetup: ['./integration/global-setup.ts'],
          // The tests that seed the whole demo themselves (bootstrap, sqld) take over 60 s on a loaded 2-core machine.
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...sourceFirst,
        test: {
          name: 'e2e',
          root: './test',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['./e2e/global-setup.ts'],
          // Each file gets its own server on its own copy of the seeded demo base (per-file-server.ts).
          setupFiles: ['./e2e/per-file-server.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...sourceFirst,
        test: {
          name: 'reliability',
          root: './test',
          include: ['reliability/**/*.test.ts'],
          // The built server (server/dist) in child processes, killed and restarted, and fifty clients at
          // once: one file at a time, so they do not measure each other.
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

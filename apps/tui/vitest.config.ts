import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@gazette/source'] },
  ssr: { resolve: { conditions: ['@gazette/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // Ink colours only on a colour terminal; the tests check colours (and their absence under NO_COLOR).
    env: { FORCE_COLOR: '1' },
    // Segments of postgres:// stores go to a cache folder of each file's own, not the user's ~/.cache.
    setupFiles: ['../../packages/core/test-support/own-cache-dir.ts'],
    // Most tests render the Ink UI over a corpus (or run a local HTTP server) and wait for its frames: on a
    // shared 2-core machine under load that takes seconds, past vitest's 5 s default. A hang still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@gazette/source'] },
  ssr: { resolve: { conditions: ['@gazette/source'] } },
  // Unit tests take milliseconds, but the store, ingest and search-damage ones take seconds, which a shared
  // 2-core machine under load (~29) stretches past vitest's 5 s default; slower suites set their own.
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Segments of postgres:// stores go to a cache folder of each file's own, not the user's ~/.cache.
    setupFiles: ['./test-support/own-cache-dir.ts'],
  },
});

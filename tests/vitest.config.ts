import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@gazette/source'] },
  ssr: { resolve: { conditions: ['@gazette/source'] } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'artifacts/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Black-box suites start servers and browsers: one file at a time keeps 2 cores from thrashing.
    fileParallelism: false,
    // Temp folders and tmux servers that killed runs left (named for their dead test process) go first.
    globalSetup: ['./support/global-setup.ts'],
    // Segments of postgres:// stores go to a cache folder of each file's own, not the user's ~/.cache.
    setupFiles: ['../packages/core/test-support/own-cache-dir.ts'],
  },
});

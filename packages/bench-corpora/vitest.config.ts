import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@gazette/source'] },
  ssr: { resolve: { conditions: ['@gazette/source'] } },
  // Reading the whole BBC corpus takes seconds on a loaded 2-core machine.
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000 },
});

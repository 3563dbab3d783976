import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@gazette/source'] },
  ssr: { resolve: { conditions: ['@gazette/source'] } },
  // Unit tests take milliseconds, but the store, ingest and search-damage ones take seconds, which a shared
  // 2-core machine under load (~29) stretches past vitest's 5 s default; slower suites set their own.
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});

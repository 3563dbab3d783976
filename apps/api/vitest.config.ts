import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@gazette/source'] },
  ssr: { resolve: { conditions: ['@gazette/source'] } },
  test: { include: ['src/**/*.test.ts'] },
});

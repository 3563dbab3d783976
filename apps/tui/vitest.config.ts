import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@gazette/source'] },
  ssr: { resolve: { conditions: ['@gazette/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // Ink colours only on a colour terminal; the tests check colours (and their absence under NO_COLOR).
    env: { FORCE_COLOR: '1' },
  },
});

import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    client: 'src/client.ts',
    'node/index': 'src/node/index.ts',
    'node/cli': 'src/node/cli.ts',
  },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', client: 'src/client.ts', 'node/index': 'src/node/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'es2023',
  platform: 'node',
  // Workspace packages and dependencies stay imports: the built server resolves them like any package.
  external: [/^@gazette\//, /^hono/, /^@hono\//, /^zod/],
});

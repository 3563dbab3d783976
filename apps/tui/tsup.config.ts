import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  clean: true,
  // Ink, React and their many small modules go into the bundle: one file to load instead of hundreds
  // makes the UI start faster. The Gazette packages stay external (their own builds), and zod, which they share.
  // (Ink's optional devtools are left out: Ink loads them only with DEV=true.)
  noExternal: [/^(?!@gazette\/|zod$|zod\/)/],
  // React's production build: the development one is twice the code and checks every render.
  define: { 'process.env.NODE_ENV': '"production"' },
  esbuildOptions(options) {
    options.external = [...(options.external ?? []), 'react-devtools-core'];
  },
  banner: {
    js: "import { createRequire as __gazetteRequire } from 'node:module'; const require = __gazetteRequire(import.meta.url);",
  },
});

import { readFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

/**
 * Yoga (Ink's layout engine) ships its wasm inline as a data: URL and loads it with fetch() when fetch
 * exists. In Node that first touch of `fetch` loads undici, and fetching the data: URL goes through it:
 * 40-60 ms of every start-up. Told fetch is absent, Yoga decodes the same bytes itself.
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build: {
    onLoad: (o: { filter: RegExp }, f: (a: { path: string }) => Promise<{ contents: string }>) => void;
  }) {
    build.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replaceAll('typeof fetch', 'typeof undefined'),
    }));
  },
};

export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  clean: true,
  // Everything goes into the bundle, split into chunks loaded on first use: a few files to load instead
  // of hundreds (Ink, React, zod and the core's built chunks) makes the UI start ~50 ms sooner. The
  // Gazette packages' builds are bundled together, so the process holds one copy of the core whichever
  // commands load: what reading needs (`@gazette/core/query`) in chunks of its own, the parsers
  // (linkedom, Readability) in the chunks of parse and ingest (and, while @gazette/corpus imports the
  // core's main entry, of the built-in corpus).
  // (Ink's optional devtools are left out: Ink loads them only with DEV=true.)
  noExternal: [/./],
  // node:sqlite exists only with its prefix: keep every node: import as written.
  removeNodeProtocol: false,
  // React's production build: the development one is twice the code and checks every render.
  define: { 'process.env.NODE_ENV': '"production"' },
  esbuildPlugins: [yogaWithoutFetch],
  esbuildOptions(options) {
    options.external = [...(options.external ?? []), 'react-devtools-core'];
    // The core's built entries import their shared chunks bare (it declares no side effects): dropped, as they should be.
    options.logOverride = { ...options.logOverride, 'ignored-bare-import': 'silent' };
  },
  banner: {
    js: "import { createRequire as __gazetteRequire } from 'node:module'; const require = __gazetteRequire(import.meta.url);",
  },
});

import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'node/index': 'src/node/index.ts',
    'ner/index': 'src/enrich/ner/index.ts',
    // The gazetteer (0.9 MB of place data) stays out of every other entry.
    'places/index': 'src/enrich/places/index.ts',
    internals: 'src/internals.ts',
    // Light entries for faces that only read a corpus (no HTML/feed ingest code, so no linkedom).
    query: 'src/query.ts',
    'node/query': 'src/node/query.ts',
    // Loaded by the parallel index build (src/node/parallel-index.ts) in each worker thread.
    'node/index-build-worker': 'src/node/index-build-worker.ts',
    // Loaded by the live corpus (src/node/build-segment.ts) to build a segment off the serving thread.
    'node/segment-build-worker': 'src/node/segment-build-worker.ts',
  },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2023',
  platform: 'neutral',
  external: [/^node:/],
  // node:sqlite exists only with its prefix; keep every node: import as written.
  removeNodeProtocol: false,
});

// @gazette/core/node/query: the Node helpers that READ a corpus (a store, a snapshot file), without the
// ingest code that @gazette/core/node also exports (its parsers load linkedom and Readability, slow to
// import for a command that only reads).
export { openExistingStore } from './open-existing-store';
export { isStoreUrl, type OpenStoreOptions, openStore, segmentsDirFor } from './open-any-store';
export { withoutPassword } from './postgres/postgres-connection';
export { readStoreCorpus } from './read-store-corpus';
export { type LiveCorpusOptions, openLiveCorpus } from './open-live-corpus';
export { type CorpusSource, corpusRevision } from './corpus-revision';
export { readSnapshotFile, writeSnapshotFile } from './snapshot-file';
export type { SqliteStoreOptions } from './sqlite-store';
export { createCorpusInParallel } from './create-corpus-in-parallel';
export type { ParallelOptions } from './parallel-index';
export type { LiveCorpus, LiveVersion } from './live-corpus-types';

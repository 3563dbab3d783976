// The built-in corpus, loaded from the snapshot made at build time (works in Node, workerd and browsers).
import { type Corpus, type CorpusSnapshot, loadCorpus } from '@gazette/core';
import snapshot from '../dist/snapshot.json' with { type: 'json' };

export const builtinSnapshot = snapshot as unknown as CorpusSnapshot;

let cached: Corpus | undefined;

/** The corpus Gazette ships with: the reference article. Loaded once, on first use. */
export function builtinCorpus(): Corpus {
  cached ??= loadCorpus(builtinSnapshot);
  return cached;
}

// The built-in corpus, loaded from the snapshot made at build time (works in Node, workerd and browsers).
import { type Corpus, type CorpusSnapshot, loadCorpus } from '@gazette/core/query';
import data from '../dist/snapshot-data.js';

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let bytes: CorpusSnapshot | undefined;
let cached: Corpus | undefined;

/** The snapshot bytes of the built-in corpus (`loadCorpus` reads them). */
export function builtinSnapshot(): CorpusSnapshot {
  bytes ??= fromBase64(data);
  return bytes;
}

/** The corpus Gazette ships with: the reference article. Loaded once, on first use. */
export function builtinCorpus(): Corpus {
  cached ??= loadCorpus(builtinSnapshot());
  return cached;
}

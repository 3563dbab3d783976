import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { PARSER_VERSION } from '../article/parser-version';
import type { Corpus } from '../corpus/corpus-types';
import { loadCorpus } from '../corpus/create-corpus';
import { SNAPSHOT_FORMAT } from '../search/snapshot-codec';

// A store's corpus is built by indexing every article (a minute for 100k); the snapshot of it is kept
// beside the store, under the store's revision, so the next reader loads it in milliseconds. It is a
// cache: a missing, stale, damaged or unwritable one only means building again.
//
//   "GZSTORE1" | u32 key length | key | padding to 8 | corpus snapshot

const MAGIC = new TextEncoder().encode('GZSTORE1');

/** Where the snapshot of the store at `path` is kept. */
export const storeSnapshotPath = (path: string) => `${path}.snapshot`;

/** What a kept snapshot must match: the store's revision and the code that indexed it. */
export const storeSnapshotKey = (revision: string) => `${revision}|${SNAPSHOT_FORMAT}|${PARSER_VERSION}`;

/** The corpus kept for this key, or undefined (none, another key, or not readable). */
export function readStoreSnapshot(file: string, key: string): Corpus | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < 12 || !MAGIC.every((b, i) => bytes[i] === b)) return undefined;
  const len = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  if (12 + len > bytes.length) return undefined;
  if (new TextDecoder().decode(bytes.subarray(12, 12 + len)) !== key) return undefined;
  try {
    return loadCorpus(bytes.subarray((12 + len + 7) & ~7));
  } catch {
    return undefined;
  }
}

/** Keeps a corpus's snapshot for this key; best effort (a read-only folder just means no cache). */
export function writeStoreSnapshot(file: string, key: string, corpus: Corpus): void {
  const k = new TextEncoder().encode(key);
  const base = (12 + k.length + 7) & ~7;
  const snapshot = corpus.toSnapshot();
  const out = new Uint8Array(base + snapshot.length);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(8, k.length, true);
  out.set(k, 12);
  out.set(snapshot, base);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, out);
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}

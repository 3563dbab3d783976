import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { PARSER_VERSION } from '../article/parser-version';
import type { Corpus } from '../corpus/components/corpus-types';
import { loadCorpus } from '../corpus/create-corpus';
import { GazetteError } from '../errors/gazette-error';
import { checksum32 } from '../binary/checksum';
import { SNAPSHOT_FORMAT } from '../corpus/snapshot/snapshot-codec';

// A store's corpus is built by indexing every article (a minute for 100k); the snapshot of it is kept
// beside the store, under the store's identity and exact revision, so the next reader loads it in
// milliseconds. It is a cache: a missing, stale, damaged or unwritable one only means building again.
//
//   "GZSTORE2" | u32 key length | u32 key checksum | key JSON | zeros to 8 | corpus snapshot (checksummed)

const MAGIC = new TextEncoder().encode('GZSTORE2');
const PREFIX = 16;

/** What a kept snapshot must match: which store, at which revision, indexed by which code. */
export interface StoreSnapshotKey {
  store: string;
  revision: string;
  code: string;
}

/** Where the snapshot of the store at `path` is kept. */
export const storeSnapshotPath = (path: string) => `${path}.snapshot`;

export const storeSnapshotKey = (store: string, revision: string): StoreSnapshotKey => ({
  store,
  revision,
  code: `${SNAPSHOT_FORMAT}|${PARSER_VERSION}`,
});

/**
 * The kept corpus, or why there is none: missing; stale (the store moved on, or another Gazette wrote
 * it); foreign (another store's); damaged (its bytes do not match their checksums).
 */
export type KeptSnapshot =
  | { corpus: Corpus }
  | { refused: 'missing' | 'stale' | 'foreign' | 'damaged'; why: string };

const damaged = (why: string): KeptSnapshot => ({ refused: 'damaged', why });

/** The key a kept file was written under, checked against its checksum, and where the corpus starts. */
function readKey(bytes: Uint8Array): { key: StoreSnapshotKey; base: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = PREFIX + view.getUint32(8, true);
  const base = (end + 7) & ~7;
  if (base > bytes.length || bytes.subarray(end, base).some((b) => b !== 0)) return undefined;
  const json = bytes.subarray(PREFIX, end);
  if (checksum32(json) !== view.getUint32(12, true)) return undefined;
  try {
    const key = JSON.parse(new TextDecoder().decode(json)) as StoreSnapshotKey;
    return typeof key?.store === 'string' ? { key, base } : undefined;
  } catch {
    return undefined;
  }
}

/** The corpus kept in `file` for this key, or why not (it is never loaded unless all of it checks). */
export function readStoreSnapshot(file: string, key: StoreSnapshotKey): KeptSnapshot {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return { refused: 'missing', why: 'no snapshot' };
  }
  if (bytes.length >= 8 && new TextDecoder().decode(bytes.subarray(0, 8)) === 'GZSTORE1')
    return { refused: 'stale', why: 'written by an older Gazette' };
  if (bytes.length < PREFIX || !MAGIC.every((b, i) => bytes[i] === b)) return damaged('not a kept snapshot');
  const read = readKey(bytes);
  if (!read) return damaged('its key does not match its checksum');
  const { key: kept, base } = read;
  if (kept.store !== key.store) return { refused: 'foreign', why: `of another store (id ${kept.store})` };
  if (kept.code !== key.code) return { refused: 'stale', why: 'written by another Gazette' };
  if (kept.revision !== key.revision) return { refused: 'stale', why: 'of an earlier revision' };
  try {
    // Checked whole now: a damaged kept snapshot is rebuilt, which it can no longer be once served from.
    return { corpus: loadCorpus(bytes.subarray(base), { checkAll: true }) };
  } catch (error) {
    if (error instanceof GazetteError) return damaged(error.details.where ?? error.message);
    throw error;
  }
}

/** Keeps a corpus's snapshot for this key; best effort (a read-only folder just means no cache). */
export function writeStoreSnapshot(file: string, key: StoreSnapshotKey, corpus: Corpus): void {
  const k = new TextEncoder().encode(JSON.stringify(key));
  const base = (PREFIX + k.length + 7) & ~7;
  const snapshot = corpus.toSnapshot();
  const out = new Uint8Array(base + snapshot.length);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, k.length, true);
  view.setUint32(12, checksum32(k), true);
  out.set(k, PREFIX);
  out.set(snapshot, base);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, out);
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}

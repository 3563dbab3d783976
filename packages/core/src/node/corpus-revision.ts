import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, realpathSync } from 'node:fs';
import { isStoreUrl, openStore } from './open-any-store';

/** Where a face's corpus comes from: a store (GAZETTE_DB), which wins, else a snapshot file (GAZETTE_SNAPSHOT). */
export interface CorpusSource {
  db?: string | undefined;
  snapshot?: string | undefined;
}

/**
 * A key for what a corpus built from `source` holds, read without writing: the store's identity and
 * revision (which change with every article added or updated, and only then), or the snapshot file's
 * SHA-256; undefined for the built-in corpus (its package is the key). A build cache (turbo's, for the
 * site) keys on this instead of the path, which stays the same while what it names changes.
 */
export async function corpusRevision(source: CorpusSource): Promise<string | undefined> {
  if (source.db) return storeRevision(source.db);
  if (source.snapshot) return `snapshot sha256:${fileSha256(source.snapshot)}`;
  return undefined;
}

async function storeRevision(db: string): Promise<string> {
  const store = await openStore(db, { readOnly: true, label: 'GAZETTE_DB' });
  try {
    // A store made by an older Gazette has no id until its next write: its real path stands in for it.
    const identity =
      (await store.identity()) ?? (isStoreUrl(db) ? `url:${store.location}` : `path:${realpathSync(db)}`);
    return `store ${identity} ${await store.revision()}`;
  } finally {
    await store.close();
  }
}

/** Hashes a file in 1 MiB reads, so a snapshot of any size costs no more memory than that. */
function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

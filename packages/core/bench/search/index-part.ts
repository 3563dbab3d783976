// The index part of a snapshot: what an engine keeps to answer queries, without the records it hands
// back. Issue 15 compares it with FlexSearch's export, which holds the index alone (no documents).
import { readFileSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { gzipSync } from 'node:zlib';

export interface IndexPart {
  bytes: number;
  gzipBytes: number;
  /** What the figure holds, in words (the engines do not keep the same things). */
  holds: string;
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** The section table of a Gazette snapshot's header: name, type, byte offset, element count. */
export function gazetteSections(bytes: Uint8Array): {
  base: number;
  sections: Array<[string, string, number, number]>;
} {
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + length))) as {
    sections?: Array<[string, string, number, number]>;
  };
  return { base: (16 + length + 7) & ~7, sections: header.sections ?? [] };
}

/** The bytes of the sections `keep` accepts, laid end to end (the header is left out). */
function sectionBytes(bytes: Uint8Array, keep: (name: string) => boolean): Uint8Array {
  const { base, sections } = gazetteSections(bytes);
  const parts = sections
    .filter(([name]) => keep(name))
    .map(([, type, offset, count]) =>
      bytes.subarray(base + offset, base + offset + count * (type === 'u32' ? 4 : 1)),
    );
  return Buffer.concat(parts);
}

/** Gazette snapshots (one, or a live index's segments) without their article records; their texts named apart. */
export function gazetteIndexPart(...snapshots: Uint8Array[]): IndexPart {
  let bytes = 0;
  let gzipBytes = 0;
  const texts = { bytes: 0, gzipBytes: 0 };
  const wordDocs = { bytes: 0, gzipBytes: 0 };
  const add = (sum: { bytes: number; gzipBytes: number }, part: Uint8Array) => {
    sum.bytes += part.length;
    sum.gzipBytes += gzipSync(part).length;
  };
  for (const snapshot of snapshots) {
    const index = sectionBytes(snapshot, (name) => !name.startsWith('articles.'));
    bytes += index.length;
    gzipBytes += gzipSync(index).length;
    add(
      texts,
      sectionBytes(snapshot, (name) => /^(texts\.|textOff$|textIds$|textField$)/.test(name)),
    );
    // Like for like with FlexSearch's export: each word's documents, nothing else.
    add(
      wordDocs,
      sectionBytes(snapshot, (name) => /^(terms\.|postings\.)/.test(name)),
    );
  }
  const segments = snapshots.length > 1 ? `; summed over its ${snapshots.length} segments` : '';
  return {
    bytes,
    gzipBytes,
    holds: `every section but the article records: dictionary, postings, positions, columns, facets, entity tables, and the unique texts (titles, standfirsts, paragraphs) that snippets and get() read, ${mb(texts.bytes)} / ${mb(texts.gzipBytes)} MB of the figure; the dictionary and postings alone (each word's documents, what FlexSearch's export holds) ${mb(wordDocs.bytes)} / ${mb(wordDocs.gzipBytes)} MB${segments}`,
  };
}

/**
 * SQLite FTS5: the database's pages but those of the content table (the stored title, text, id,
 * section and month), found with dbstat; gzip is of those pages laid end to end.
 */
export function sqliteIndexPart(db: DatabaseSync, file: string): IndexPart {
  const pages = db
    .prepare("SELECT pgoffset AS offset, pgsize AS size FROM dbstat WHERE name <> 'docs_content'")
    .all() as Array<{ offset: number; size: number }>;
  const bytes = readFileSync(file);
  const index = Buffer.concat(pages.map((p) => bytes.subarray(p.offset, p.offset + p.size)));
  return {
    bytes: index.length,
    gzipBytes: gzipSync(index).length,
    holds:
      'every page but the content table: the FTS5 index (terms, doclists, positions), its document sizes and the schema',
  };
}

// The words the shard index is keyed on. Shared by the build (which writes the shards) and the browser
// (which decides which shards a query needs), so both cut words the same way. This index only narrows the
// candidates; the core's own engine ranks them and makes the snippets in the browser.

export const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

const WORD = /[\p{L}\p{N}]+/gu;

export function indexTerms(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** Terms shorter than this are not indexed (they would match nearly everything). */
export const MIN_TERM = 2;

/** The shard a term lives in: its first two characters, as hex code points so any script is URL-safe. */
export function shardKey(term: string): string {
  return [...term.slice(0, 2)].map((c) => c.codePointAt(0)!.toString(16)).join('-');
}

/** Postings as a compact string: deltas between ascending document numbers, base 36, comma-separated. */
export function encodePostings(docs: readonly number[]): string {
  let prev = 0;
  return docs
    .map((d, i) => {
      const delta = i === 0 ? d : d - prev;
      prev = d;
      return delta.toString(36);
    })
    .join(',');
}

export function decodePostings(s: string): number[] {
  const out: number[] = [];
  let prev = 0;
  for (const part of s.split(',')) {
    if (!part) continue;
    prev = out.length === 0 ? Number.parseInt(part, 36) : prev + Number.parseInt(part, 36);
    out.push(prev);
  }
  return out;
}

export interface SearchManifest {
  format: 'gazette-site-search';
  version: 1;
  /** Documents, numbered 0..count-1 newest first; each is /search/d/<n>.json (an Article). */
  count: number;
  /** Shard keys that exist: /search/t/<key>.json. */
  shards: string[];
}

/** A shard: term -> encoded postings. */
export type SearchShard = Record<string, string>;

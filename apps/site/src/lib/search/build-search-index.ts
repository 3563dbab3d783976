import type { Article } from '@gazette/core';
import {
  encodePostings,
  indexTerms,
  MIN_TERM,
  type SearchManifest,
  type SearchShard,
  shardKey,
} from './index-terms';

export interface SearchIndexFiles {
  manifest: SearchManifest;
  shards: Map<string, SearchShard>;
  /** Document n, as the JSON of its Article. */
  docs: string[];
}

/** Every searchable text of an article, including metadata a query can qualify on (section:, tag:, …). */
function searchableText(a: Article): string {
  return [
    a.title,
    a.standfirst ?? '',
    a.summary ?? '',
    ...a.byline,
    a.source?.name ?? '',
    a.section ?? '',
    ...a.tags,
    a.language,
    ...a.body.map((b) => b.text),
    ...a.quotes.map((q) => `${q.text} ${q.speaker ?? ''}`),
    // Defensive: snapshots written by other tools may omit empty arrays.
    ...a.entities.flatMap((e) => [e.name, ...(e.aliases ?? [])]),
  ].join('\n');
}

/** Builds the split search index over articles given newest first. */
export function buildSearchIndex(articles: readonly Article[]): SearchIndexFiles {
  const postings = new Map<string, number[]>();
  articles.forEach((a, n) => {
    for (const term of new Set(indexTerms(searchableText(a)))) {
      if (term.length < MIN_TERM) continue;
      const list = postings.get(term);
      if (list) list.push(n);
      else postings.set(term, [n]);
    }
  });
  const shards = new Map<string, SearchShard>();
  for (const [term, docs] of postings) {
    const key = shardKey(term);
    let shard = shards.get(key);
    if (!shard) {
      shard = {};
      shards.set(key, shard);
    }
    shard[term] = encodePostings(docs);
  }
  return {
    manifest: {
      format: 'gazette-site-search',
      version: 1,
      count: articles.length,
      shards: [...shards.keys()].sort(),
    },
    shards,
    docs: articles.map((a) => JSON.stringify(a)),
  };
}

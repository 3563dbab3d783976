// Articles for the benchmarks, parsed once and cached under .bench/ (gitignored) by @gazette/bench-corpora:
// parsing 100k texts with parseText takes minutes, and the benchmarks measure the index, not the parser.
import { readFileSync } from 'node:fs';
import {
  type BbcRecord,
  parsedBbc,
  parsedGenerated,
  parsedNews,
  parsedNewsShards,
  readBbc,
} from '@gazette/bench-corpora';
import type { Article } from '@gazette/core';

export interface BbcItem {
  record: BbcRecord;
  article: Article;
}

/** BBC records with their parsed articles (section = the record's category) (records whose text repeats another's are dropped). */
export function bbcArticles(): BbcItem[] {
  const records = readBbc();
  const articles = parsedBbc(records);
  const seen = new Set<string>();
  const out: BbcItem[] = [];
  records.forEach((record, i) => {
    const article = articles[i]!;
    if (seen.has(article.id)) return;
    seen.add(article.id);
    out.push({ record, article });
  });
  return out;
}

/**
 * The generated corpus (seed 42) as articles; the first run parses and caches it. Records whose text
 * repeats another's get the same id; like createCorpus, the last one is kept.
 */
export function generatedArticles(count: number): Article[] {
  return parsedGenerated(count);
}

/**
 * A corpus of the speed benchmark: the BBC articles, the GENERATED news corpus whose vocabulary grows as
 * real news does (the default large corpus), or the replicated one (BBC articles repeated, about 30,000
 * words whatever its size).
 */
export type CorpusSpec = { kind: 'bbc' } | { kind: 'news' | 'replicated'; count: number };

export function corpusArticles(spec: CorpusSpec): Article[] {
  if (spec.kind === 'bbc') return bbcArticles().map((x) => x.article);
  return spec.kind === 'news' ? parsedNews(spec.count) : generatedArticles(spec.count);
}

export function corpusLabel(spec: CorpusSpec, articles: number): string {
  if (spec.kind === 'bbc') return `BBC News (${articles} articles)`;
  return spec.kind === 'news'
    ? `GENERATED news, growing vocabulary (${spec.count.toLocaleString('en')} articles, seed 42)`
    : `GENERATED replicated BBC text (${spec.count.toLocaleString('en')} articles, seed 42)`;
}

/**
 * The corpus `size` articles at a time, in its order, with no more than one batch in memory for the news
 * corpus (read from its cached shards: 300k parsed articles take about 7 GB of heap). An id that repeats
 * within a batch keeps its last article, as corpusArticles does; across batches a later one replaces it,
 * as a later segment of a live index does.
 */
export function* corpusBatches(spec: CorpusSpec, size: number): Generator<Article[]> {
  if (spec.kind !== 'news') {
    const all = corpusArticles(spec);
    for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
    return;
  }
  let batch = new Map<string, Article>();
  let read = 0;
  for (const file of parsedNewsShards(spec.count)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      const article = JSON.parse(line) as Article;
      batch.set(article.id, article);
      if (++read % size) continue;
      yield [...batch.values()];
      batch = new Map();
    }
  }
  if (batch.size) yield [...batch.values()];
}

// Articles for the benchmarks, parsed once and cached under .bench/ (gitignored) by @gazette/bench-corpora:
// parsing 100k texts with parseText takes minutes, and the benchmarks measure the index, not the parser.
import { type BbcRecord, parsedBbc, parsedGenerated, readBbc } from '@gazette/bench-corpora';
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

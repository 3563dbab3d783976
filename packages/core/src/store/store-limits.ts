import { GazetteError } from '../errors/gazette-error';
import type { Article } from '../model/article-schema';

/**
 * What a store takes, counted in characters of the article's stored JSON. Why these bounds: the largest
 * article ingest can make is about 20 M characters (one NDJSON line, or a 5 M-character text with its
 * blocks and entities), so one article over 32 M is not news; a batch goes to PostgreSQL as one JSON
 * parameter, which must stay well under V8's longest string (about 512 M characters) and PostgreSQL's
 * 1 GB message (128 M characters are at most 384 MB of UTF-8); SQLite's longest value is 1 GB.
 */
export const STORE_LIMITS = {
  /** Characters of stored JSON in one article. */
  articleChars: 32 * 1024 * 1024,
  /** Characters of stored JSON in one putMany (one transaction). */
  batchChars: 128 * 1024 * 1024,
} as const;

const n = (x: number) => x.toLocaleString('en');

/**
 * Refuses, before anything is written, an article or a batch over STORE_LIMITS with an INPUT_TOO_LARGE
 * naming the limit (`where`: the article's id, or `batch`), so the engine's own limit (a raw PostgreSQL
 * or V8 error) is never reached. A caller splitting a batch on `where: 'batch'` keeps every article.
 */
export function checkStoreLimits(articles: readonly Article[]): void {
  let total = 0;
  for (const article of articles) {
    const chars = JSON.stringify(article).length;
    if (chars > STORE_LIMITS.articleChars)
      throw new GazetteError(
        'INPUT_TOO_LARGE',
        `Article ${article.id} is ${n(chars)} characters as stored; a store keeps at most ${n(STORE_LIMITS.articleChars)} per article (STORE_LIMITS.articleChars). Nothing was written.`,
        { where: article.id },
      );
    total += chars;
  }
  if (total > STORE_LIMITS.batchChars)
    throw new GazetteError(
      'INPUT_TOO_LARGE',
      `This batch of ${n(articles.length)} articles is ${n(total)} characters as stored; a store takes at most ${n(STORE_LIMITS.batchChars)} in one batch (STORE_LIMITS.batchChars): store them in smaller batches. Nothing was written.`,
      { where: 'batch' },
    );
}

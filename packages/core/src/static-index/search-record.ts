import type { Article } from '../model/article-schema';

/**
 * What a document pack keeps of an article: everything `corpus.search` reads (text, metadata, entities'
 * names, quotes), without what only other views read (where each entity is mentioned, date and amount
 * mentions, provenance, quality flags). Mentions alone outweigh the body of a typical news article.
 */
export function searchRecord(a: Article): Article {
  const { dates: _dates, amounts: _amounts, quality: _quality, publishedEstimate: _estimate, ...rest } = a;
  return {
    ...rest,
    dates: [],
    amounts: [],
    quality: [],
    entities: (a.entities ?? []).map(({ mentions: _m, demonymMentions: _d, ...e }) => ({
      ...e,
      mentions: [],
    })),
    provenance: { ...a.provenance, fields: {} },
  };
}

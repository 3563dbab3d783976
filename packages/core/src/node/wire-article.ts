// The documents the parallel index build sends its workers (parallel-index.ts, index-build-worker.ts): an
// article's indexed fields with its body as strings and each entity as a tuple. Every object sent has
// its field names written and read back (interned) one by one; for 36 entities and 15 blocks an article
// that was most of the cost of sending it (10k news: serialize 340 -> 220 ms, deserialize 470 -> 250).
import type { Article } from '../model/article-schema';
import type { DocumentFields, IndexedArticle, IndexedEntity } from '../search/index/indexed-article';

/** An entity: id, name, type, aliases, country code, mention count, demonym mention count, coordinates. */
type WireEntity = [
  id: string,
  name: string,
  type: IndexedEntity['type'],
  aliases: string[],
  countryCode: string | undefined,
  mentions: number,
  demonymMentions: number | undefined,
  coordinates: IndexedEntity['coordinates'],
];

/** An article's indexed fields as sent (and its id and slug, for the index's worker's own range). */
export interface WireArticle extends Omit<IndexedArticle, 'body' | 'entities'> {
  id?: string;
  slug?: string;
  body: string[];
  entities: WireEntity[];
}

/** The indexed fields of an article (with its id and slug if `withId`), as sent to a worker. */
export function toWire(a: Article, withId = false): WireArticle {
  return {
    ...(withId ? { id: a.id, slug: a.slug } : {}),
    title: a.title,
    standfirst: a.standfirst,
    byline: a.byline,
    section: a.section,
    tags: a.tags,
    language: a.language,
    publishedAt: a.publishedAt,
    body: a.body.map((block) => block.text),
    quotes: a.quotes.map((q) => ({
      text: q.text,
      partial: q.partial,
      speaker: q.speaker,
      speakerEntityId: q.speakerEntityId,
    })),
    entities: a.entities.map((e) => [
      e.id,
      e.name,
      e.type,
      e.aliases,
      e.countryCode,
      e.mentions.length,
      e.demonymMentions?.length,
      e.coordinates,
    ]),
    source: a.source && { name: a.source.name },
  };
}

/** The document a worker analyses, from what it was sent. */
export function fromWire(w: WireArticle): DocumentFields {
  return {
    ...w,
    id: w.id ?? '',
    slug: w.slug ?? '',
    body: w.body.map((text) => ({ text })),
    entities: w.entities.map(
      ([id, name, type, aliases, countryCode, mentions, demonyms, coordinates]): IndexedEntity => ({
        id,
        name,
        type,
        aliases,
        countryCode,
        ...(coordinates ? { coordinates } : {}),
        mentions: { length: mentions },
        ...(demonyms === undefined ? {} : { demonymMentions: { length: demonyms } }),
      }),
    ),
  };
}

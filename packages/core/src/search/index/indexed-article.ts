import type { Article } from '../../model/article-schema';

type Entity = Article['entities'][number];
type Quote = Article['quotes'][number];

/** What the index analyses of an entity: its mentions are only counted. */
export type IndexedEntity = Pick<Entity, 'id' | 'name' | 'type' | 'aliases'> & {
  countryCode?: string | undefined;
  coordinates?: { lat: number; lon: number } | undefined;
  mentions: { length: number };
  demonymMentions?: { length: number } | undefined;
};

/**
 * The fields of an article the index analyses (an Article is one): a worker building part of the index
 * is sent these, not the whole enriched article.
 */
export interface IndexedArticle extends Pick<Article, 'title' | 'byline' | 'tags' | 'language'> {
  standfirst?: string | undefined;
  section?: string | undefined;
  publishedAt?: string | undefined;
  body: ReadonlyArray<{ text: string }>;
  quotes: ReadonlyArray<
    Pick<Quote, 'text' | 'partial'> & { speaker?: string | undefined; speakerEntityId?: string | undefined }
  >;
  entities: readonly IndexedEntity[];
  source?: { name: string } | undefined;
}

/** What the index reads of an article: the indexed fields, and the id and slug its columns hold. */
export type DocumentFields = IndexedArticle & Pick<Article, 'id' | 'slug'>;
/** What finishing the index reads of a document once it is analysed (its columns and date order). */
export type DocumentHead = Pick<DocumentFields, 'id' | 'slug' | 'title' | 'publishedAt'>;
/** The head of an article, as plain data (for the index's worker: a range another analyses). */
export function documentHead(a: Article): DocumentHead {
  const { id, slug, title, publishedAt } = a;
  return { id, slug, title, publishedAt };
}

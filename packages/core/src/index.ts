// @gazette/core: what a user calls. The article model, reading any input into it, enriching it, querying a
// corpus, storing versions, and the errors. Runtime-agnostic: Web-standard APIs only.
// Faces that only read a corpus import @gazette/core/query (no parsers loaded); the house's own helpers
// (the parts the parsers, the search engine and the faces share) are behind @gazette/core/internals.

// The model: one Article, its parts, and its JSON Schema.
export { type Amount, AmountSchema } from './model/amount-schema';
export { type ArticleMeta, ArticleMetaSchema } from './model/article-meta-schema';
export { articleJsonSchema } from './model/article-json-schema';
export { type Article, ArticleSchema } from './model/article-schema';
export { type Block, BlockSchema } from './model/block-schema';
export { type DateMention, DateMentionSchema } from './model/date-mention-schema';
export { type Entity, EntitySchema, type Mention } from './model/entity-schema';
export { type Provenance, ProvenanceSchema } from './model/provenance-schema';
export type { QualityFlag } from './model/quality-flag-schema';
export { type Quote, QuoteSchema } from './model/quote-schema';
export { type Related, RelatedSchema } from './model/related-schema';

// Reading input: any format (detected), or one format's reader.
export { type ParseInputOptions, parseInput } from './input/parse-input';
export { parseFeed } from './formats/feed/parse-feed';
export { type ParseHtmlOptions, parseHtml } from './formats/html/parse-html';
export { parseJsonArticles } from './formats/json/parse-json-articles';
export { parseMarkdown } from './formats/markdown/parse-markdown';
export { type ParseTextOptions, parseText } from './formats/text/parse-text';

// Enrichment: quotes and speakers, entities, dates, amounts. The trained recogniser is @gazette/core/ner.
export { type EnrichOptions, enrichArticle } from './enrich/enrich-article';
export { type ExtractedEntity, extractEntities } from './enrich/extract-entities';
export type { EntityRecognizer } from './enrich/recognizer';
export { ruleRecognizer } from './enrich/rule-recognizer';

// A corpus: the query functions over articles (their parameter and result schemas: @gazette/core/query).
export type { Corpus, CorpusSnapshot } from './corpus/components/corpus-types';
export { createCorpus, type LoadOptions, loadCorpus } from './corpus/create-corpus';

// Stores: versions, duplicates and first-seen times (SQLite: @gazette/core/node).
export { createMemoryStore } from './store/memory-store';
export { asAsyncStore } from './store/as-async-store';
export type {
  AsyncAlertRegistry,
  AsyncArticleStore,
  AsyncSourceRegistry,
  LeaseRequest,
} from './store/async-store-types';
export type {
  AlertRegistry,
  ArticleChange,
  ArticleStore,
  ChangePage,
  PutOptions,
  PutResult,
  SourceRegistry,
} from './store/store-types';

// Errors: one type with a code, a message a user can act on and where it happened.
export { GazetteError, type GazetteErrorCode, isGazetteError } from './errors/gazette-error';

// @gazette/core: the typed article model and the query functions. Runtime-agnostic: Web-standard APIs only.

export { buildArticle, type ArticleParts } from './article/build-article';
export { PARSER_VERSION } from './article/parser-version';
export { countryByCode, countryByDemonym, countryByName, type Country } from './enrich/countries';
export { type Enrichment, type EnrichOptions, enrichArticle } from './enrich/enrich-article';
export { type ExtractedEntity, extractEntities } from './enrich/extract-entities';
export {
  type EntityRecognizer,
  getEntityRecognizer,
  type NerLabel,
  type RecognizedSpan,
  setEntityRecognizer,
} from './enrich/recognizer';
export { ruleRecognizer } from './enrich/rule-recognizer';
export { type Sentence, splitSentences, type Token, tokenize } from './enrich/tokenize';
export { compareNewest, compareOldest } from './corpus/compare-articles';
export type { Corpus, CorpusSnapshot, CorpusSnapshotV1 } from './corpus/corpus-types';
export { createCorpus, loadCorpus } from './corpus/create-corpus';
export { parseQuery } from './search/parse-query';
export { QUERY_FIELDS, type QueryField, type QueryNode } from './search/query-ast';
export { MAX_CURSOR_OFFSET } from './corpus/cursor';
export {
  type ArticleFilters,
  ArticleFiltersSchema,
  type EntitiesParams,
  EntitiesParamsSchema,
  type FacetName,
  FacetNameSchema,
  type FacetsParams,
  FacetsParamsSchema,
  type ListParams,
  ListParamsSchema,
  QUERY_LIMITS,
  type QuotesParams,
  QuotesParamsSchema,
  type RelatedParams,
  RelatedParamsSchema,
  type SearchParams,
  SearchParamsSchema,
  type TimelineParams,
  TimelineParamsSchema,
} from './corpus/query-params-schema';
export {
  type ArticleSummary,
  ArticleSummarySchema,
  type EntityDetail,
  EntityDetailSchema,
  type EntityListResult,
  EntityListResultSchema,
  type EntitySummary,
  EntitySummarySchema,
  type QuoteItem,
  QuoteItemSchema,
  type QuoteListResult,
  QuoteListResultSchema,
  type RelatedResult,
  RelatedResultSchema,
  type TimelineResult,
  TimelineResultSchema,
  type Facets,
  FacetsSchema,
  type ListResult,
  ListResultSchema,
  listResultSchema,
  type SearchHit,
  SearchHitSchema,
  type SearchResult,
  SearchResultSchema,
  type Snippet,
  SnippetSchema,
} from './corpus/query-result-schema';
export { toSummary } from './corpus/to-summary';
export {
  GazetteError,
  type GazetteErrorCode,
  type GazetteErrorDetails,
  isGazetteError,
} from './errors/gazette-error';
export { articleId, canonicalUrl } from './ids/article-id';
export { sha256Hex } from './ids/sha256-hex';
export { articleSlug, slugify } from './ids/slugify';
export { type Amount, AmountSchema } from './model/amount-schema';
export { articleJsonSchema } from './model/article-json-schema';
export { type ArticleMeta, ArticleMetaSchema } from './model/article-meta-schema';
export {
  type Article,
  ArticleSchema,
  type DateEstimate,
  DateEstimateSchema,
  IsoDateSchema,
  type Source,
  SourceSchema,
} from './model/article-schema';
export { type Block, type BlockKind, BlockKindSchema, BlockSchema } from './model/block-schema';
export { type DateMention, DateMentionSchema } from './model/date-mention-schema';
export {
  type Entity,
  EntitySchema,
  type EntityType,
  EntityTypeSchema,
  type Mention,
  MentionSchema,
} from './model/entity-schema';
export {
  type InputFormat,
  InputFormatSchema,
  type Provenance,
  ProvenanceSchema,
} from './model/provenance-schema';
export { type QualityFlag, QualityFlagSchema } from './model/quality-flag-schema';
export { type Quote, QuoteSchema } from './model/quote-schema';
export { type Related, RelatedSchema } from './model/related-schema';
export { classifyLines, type ClassifiedLines } from './text/classify-lines';
export { countWords, readingMinutes } from './text/count-words';
export { deriveTitle } from './text/derive-title';
export { detectLanguage } from './text/detect-language';
export { normalizeLine, normalizeText, TEXT_LIMITS } from './text/normalize-text';
export { trimEndChars } from './text/trim-end-chars';
export { type ParseTextOptions, parseText } from './text/parse-text';
export { detectFormat } from './input/detect-format';
export { type ParseInputOptions, parseInput } from './input/parse-input';
export { type CreateDocument, createDocument } from './html/create-document';
export { htmlToBlocks } from './html/html-to-blocks';
export { dateFromUrl, normalizeDate } from './html/normalize-date';
export { MAX_HTML_CHARS, type ParseHtmlOptions, parseHtml } from './html/parse-html';
export { splitAuthors } from './html/split-authors';
export { feedItemToArticle, parseFeed } from './feed/parse-feed';
export { type Feed, type FeedItem, readFeed } from './feed/read-feed';
export { parseXml, XML_LIMITS, type XmlElement } from './feed/parse-xml';
export { type FieldMapping, jsonRecordToArticle } from './json-input/json-record-to-article';
export { type JsonRecord, readJsonRecords } from './json-input/json-records';
export { parseJsonArticles } from './json-input/parse-json-articles';
export { parseMarkdown } from './json-input/parse-markdown';
export { diffArticles } from './store/diff-versions';
export { contentFingerprint, minhash, NEAR_DUPLICATE_SIMILARITY, similarity } from './store/fingerprint';
export { createMemoryStore } from './store/memory-store';
export type {
  ArticleDiff,
  ArticleStore,
  ArticleVersion,
  DuplicateLink,
  FieldChange,
  PutOptions,
  PutResult,
  PutStatus,
} from './store/store-types';

// @gazette/core: the typed article model and the query functions. Runtime-agnostic: Web-standard APIs only.

export { buildArticle, type ArticleParts } from './article/build-article';
export { PARSER_VERSION } from './article/parser-version';
export { compareNewest, compareOldest } from './corpus/compare-articles';
export type { Corpus, CorpusSnapshot } from './corpus/corpus-types';
export { createCorpus, loadCorpus } from './corpus/create-corpus';
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
export { type ParseTextOptions, parseText } from './text/parse-text';
export { detectFormat } from './input/detect-format';
export { type ParseInputOptions, parseInput } from './input/parse-input';

// @gazette/core/query: what a face needs to READ a corpus (the model, the query functions and their schemas,
// errors), without the ingest code. The main entry also loads the HTML, feed, YAML and enrichment code
// (linkedom and Readability among it), which costs a terminal command ~100-200 ms of start-up for nothing.
// The model, createCorpus/loadCorpus and the errors are in both entries (the same modules); the query
// schemas, the feed writers, segments and the static index are here only.

export { PARSER_VERSION } from './article/parser-version';
export { compareNewest, compareOldest } from './corpus/components/compare-articles';
export type { Corpus, CorpusSnapshot, CorpusSnapshotV1 } from './corpus/components/corpus-types';
export { createCorpus, type LoadOptions, loadCorpus } from './corpus/create-corpus';
export { MAX_CURSOR_OFFSET } from './corpus/components/cursor';
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
} from './query-schema/query-params-schema';
export {
  type ArticleSummary,
  ArticleSummarySchema,
  type EntityDetail,
  EntityDetailSchema,
  type EntityListResult,
  EntityListResultSchema,
  type EntitySummary,
  EntitySummarySchema,
  type Facets,
  FacetsSchema,
  type ListResult,
  ListResultSchema,
  listResultSchema,
  PARTIAL_SEARCH_NOTE,
  type QuoteItem,
  QuoteItemSchema,
  type QuoteListResult,
  QuoteListResultSchema,
  type RelatedResult,
  RelatedResultSchema,
  type SearchHit,
  SearchHitSchema,
  type SearchResult,
  SearchResultSchema,
  type Snippet,
  SnippetSchema,
  type TimelineResult,
  TimelineResultSchema,
} from './query-schema/query-result-schema';
export {
  type ChangesResult,
  ChangeSchema,
  ChangesResultSchema,
  type LiveVersion,
  LiveVersionSchema,
} from './query-schema/live-schema';
export { toSummary } from './corpus/components/to-summary';
export { atomFeed } from './feeds-out/atom-feed';
export { escapeXml } from './feeds-out/escape-xml';
export { feedArticles } from './feeds-out/feed-articles';
export { ATOM_MEDIA_TYPE, type FeedOptions, JSON_FEED_MEDIA_TYPE } from './feeds-out/feed-options';
export { type JsonFeed, type JsonFeedItem, jsonFeed } from './feeds-out/json-feed';
export {
  GazetteError,
  type GazetteErrorCode,
  type GazetteErrorDetails,
  isGazetteError,
} from './errors/gazette-error';
export { type Amount, AmountSchema } from './model/amount-schema';
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
export { parseQuery } from './search/query/parse-query';
export { type ArticleSegmentsOptions, articleSegments } from './segments/article-segments';
export { MIN_STATEMENT_WORDS, readsAsStatement } from './text/statement';
export {
  type ArticleSegments,
  ArticleSegmentsSchema,
  type BlockSegments,
  type InlineSegment,
  type MentionSegment,
  type QuoteDecision,
  type QuoteSegment,
  type Segment,
  type TextSegment,
} from './segments/segments-schema';
export { QUERY_FIELDS, type QueryField, type QueryNode } from './search/query/query-ast';
export { trimEndChars } from './text/trim-end-chars';
export { analyze } from './search/analysis/analyze';
export { prefixLastWord } from './search/analysis/as-you-type';
export { fold } from './search/analysis/fold';
export {
  CANDIDATES_PER_STEP,
  type FetchJson,
  loadShardedCorpus,
  type ShardedCorpus,
  type ShardedSearchResult,
} from './static-index/sharded-corpus';
export type { ShardFile } from './static-index/shard-format';
export { MAX_DOC_PACKS, searchShards } from './static-index/write-shards';
export { queryHighlights } from './search/query/query-highlights';
export {
  type FollowedSource,
  FollowedSourceSchema,
  type PollState,
  PollStateSchema,
} from './follow/followed-source-schema';
export { parseDuration } from './follow/parse-duration';
export { itemsPerDay } from './follow/poll-schedule';
export { type AlertStatus, alertStatuses, type SourceHealth, sourceHealth } from './follow/source-health';
export { type Alert, type AlertDelivery, AlertDeliverySchema, AlertSchema } from './follow/alert-schema';
export { createAlert } from './alerts/create-alert';
export { ALERT_FEED_ENTRIES, alertFeedArticles } from './alerts/alert-feed';
export { ALERT_BATCH, checkMatchQuery, type MatchQuery, newMatches } from './alerts/new-matches';
export { alertMatches } from './alerts/alert-matches';

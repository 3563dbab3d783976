// @gazette/core/internals: the house's shared parts, for Gazette's own faces, benches and tests. Not the
// public API: names here may change in any release. Users call @gazette/core and @gazette/core/query.
export * from './query';

export { buildArticle, type ArticleParts } from './article/build-article';
export { countryByCode, countryByDemonym, countryByName, type Country } from './enrich/countries';
export type { Enrichment } from './enrich/enrich-article';
export type { NerLabel, RecognizedSpan } from './enrich/recognizer';
export { type Sentence, splitSentences, type Token, tokenize } from './enrich/tokenize';
export { feedItemToArticle } from './formats/feed/parse-feed';
export { parseXml, XML_LIMITS, type XmlElement } from './formats/feed/parse-xml';
export { type Feed, type FeedItem, readFeed } from './formats/feed/read-feed';
export { type CreateDocument, createDocument } from './formats/html/create-document';
export { htmlToBlocks } from './formats/html/html-to-blocks';
export { MAX_HTML_CHARS } from './formats/html/parse-html';
export { type FieldMapping, jsonRecordToArticle } from './formats/json/json-record-to-article';
export { type JsonRecord, readJsonRecords } from './formats/json/json-records';
export { type ClassifiedLines, classifyLines } from './formats/text/classify-lines';
export { articleId, canonicalUrl } from './ids/article-id';
export { sha256Hex } from './ids/sha256-hex';
export { articleSlug, slugify } from './ids/slugify';
export { type DecodedText, type DecodeHints, decodeBytes, type EncodingSource } from './input/decode-bytes';
export { describeDecoding } from './input/describe-decoding';
export { detectFormat } from './input/detect-format';
export { dateFromUrl, normalizeDate } from './metadata/normalize-date';
export { DATE_LIMITS, isPlausibleDate } from './metadata/plausible-date';
export { splitAuthors } from './metadata/split-authors';
export { diffArticles } from './store/diff-versions';
export { contentFingerprint, minhash, NEAR_DUPLICATE_SIMILARITY, similarity } from './store/fingerprint';
export type {
  ArticleDiff,
  ArticleVersion,
  DuplicateLink,
  FieldChange,
  PutStatus,
} from './store/store-types';
export { STORE_LIMITS } from './store/store-limits';
export { putInParts } from './store/put-in-parts';
export { countWords, readingMinutes } from './text/count-words';
export { deriveTitle } from './text/derive-title';
export { detectLanguage } from './text/detect-language';
export { normalizeLine, normalizeText, TEXT_LIMITS } from './text/normalize-text';
export { segmentedCorpus } from './live/segmented-corpus';
export { segmentsState, type Segment, type SegmentsState } from './live/components/segments-state';
export {
  type ReachBackoff,
  type ReachClock,
  type ReachListener,
  retryDelay,
  STORE_RETRY,
  type StoreReach,
  storeReach,
} from './live/components/store-reach';

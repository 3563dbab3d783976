// @gazette/core: the typed article model and the query functions. Runtime-agnostic: Web-standard APIs only.

// Reading a corpus (model, query functions, their schemas, errors): the names of @gazette/core/query.
export * from './query';

export { buildArticle, type ArticleParts } from './article/build-article';

export { countryByCode, countryByDemonym, countryByName, type Country } from './enrich/countries';
export { type Enrichment, type EnrichOptions, enrichArticle } from './enrich/enrich-article';
export { type ExtractedEntity, extractEntities } from './enrich/extract-entities';
export type { EntityRecognizer, NerLabel, RecognizedSpan } from './enrich/recognizer';
export { ruleRecognizer } from './enrich/rule-recognizer';
export { type Sentence, splitSentences, type Token, tokenize } from './enrich/tokenize';

export { articleId, canonicalUrl } from './ids/article-id';
export { sha256Hex } from './ids/sha256-hex';
export { articleSlug, slugify } from './ids/slugify';

export { articleJsonSchema } from './model/article-json-schema';

export { classifyLines, type ClassifiedLines } from './formats/text/classify-lines';
export { countWords, readingMinutes } from './text/count-words';
export { deriveTitle } from './text/derive-title';
export { detectLanguage } from './text/detect-language';
export { normalizeLine, normalizeText, TEXT_LIMITS } from './text/normalize-text';

export { type ParseTextOptions, parseText } from './formats/text/parse-text';
export { type DecodedText, type DecodeHints, decodeBytes, type EncodingSource } from './input/decode-bytes';
export { describeDecoding } from './input/describe-decoding';
export { detectFormat } from './input/detect-format';
export { type ParseInputOptions, parseInput } from './input/parse-input';
export { type CreateDocument, createDocument } from './formats/html/create-document';
export { htmlToBlocks } from './formats/html/html-to-blocks';
export { dateFromUrl, normalizeDate } from './metadata/normalize-date';
export { DATE_LIMITS, isPlausibleDate } from './metadata/plausible-date';
export { MAX_HTML_CHARS, type ParseHtmlOptions, parseHtml } from './formats/html/parse-html';
export { splitAuthors } from './metadata/split-authors';
export { feedItemToArticle, parseFeed } from './formats/feed/parse-feed';
export { type Feed, type FeedItem, readFeed } from './formats/feed/read-feed';
export { parseXml, XML_LIMITS, type XmlElement } from './formats/feed/parse-xml';
export { atomFeed } from './feeds-out/atom-feed';
export { escapeXml } from './feeds-out/escape-xml';
export { feedArticles } from './feeds-out/feed-articles';
export { ATOM_MEDIA_TYPE, type FeedOptions, JSON_FEED_MEDIA_TYPE } from './feeds-out/feed-options';
export { type JsonFeed, type JsonFeedItem, jsonFeed } from './feeds-out/json-feed';
export { type FieldMapping, jsonRecordToArticle } from './formats/json/json-record-to-article';
export { type JsonRecord, readJsonRecords } from './formats/json/json-records';
export { parseJsonArticles } from './formats/json/parse-json-articles';
export { parseMarkdown } from './formats/markdown/parse-markdown';
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

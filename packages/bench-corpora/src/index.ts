// Corpora for tests and benchmarks only: real text from ../shared/corpora, and seeded generated corpora.
export { type BbcRecord, bbcAsText, readBbc } from './bbc';
export { type GeneratedRecord, generateCorpus, generatedRecords, seededRandom } from './generate-corpus';
export {
  generateNewsCorpus,
  newsRecords,
  NEWS_CORPUS_VERSION,
  type NewsCorpus,
  type Vocabulary,
  vocabularyOf,
} from './news-corpus';
export { parseCsv } from './parse-csv';
export { quantile } from './quantile';
export { PARSED_CACHE_DIR, parsedBbc, parsedGenerated, parsedNews, parsedNewsShards } from './parsed-cache';
export { HAS_SHARED, SHARED_CORPORA, SHARED_MISSING } from './shared-path';
export {
  BENCHMARKS_FILE,
  type BenchLog,
  type BenchSectionOptions,
  benchCommand,
  benchLog,
  markdownTable,
  sectionId,
  writeBenchSection,
} from './bench-report';

import { GazetteError } from '../errors/gazette-error';
import type { Article } from '../model/article-schema';
import { buildIndex } from '../search/index/build-index';
import type { SearchIndex } from '../search/index/search-index';
import { ArticleRecords } from './records/article-records';
import { compareNewest } from './components/compare-articles';
import { corpusOver } from './corpus-over';
import type { Corpus } from './components/corpus-types';
import {
  binarySnapshotFormat,
  decodeSnapshot,
  isBinarySnapshot,
  SNAPSHOT_FORMAT,
} from './snapshot/snapshot-codec';

/** Builds an in-memory corpus over articles, with its search index. A repeated id keeps the last version. */
export function createCorpus(input: readonly Article[]): Corpus {
  return createCorpusWith(input, (newest) => {
    const ix = buildIndex(newest);
    return () => ix;
  });
}

/**
 * createCorpus with another way to build the same index (the Node entry builds it on every core):
 * `startIndex` starts it over the articles in document order; the function it returns finishes it,
 * once the article records are built, so the two can overlap.
 */
export function createCorpusWith(
  input: readonly Article[],
  startIndex: (newest: readonly Article[]) => () => SearchIndex,
): Corpus {
  const byId = new Map<string, Article>();
  for (const a of input) byId.set(a.id, a);
  const articles = [...byId.values()];
  const slugs = new Map<string, Article>();
  for (const a of articles) {
    const other = slugs.get(a.slug);
    if (other) {
      throw new GazetteError(
        'INVALID_ARTICLE',
        `Two articles share the slug "${a.slug}" (${other.id} and ${a.id}).`,
        { where: a.id },
      );
    }
    slugs.set(a.slug, a);
  }
  const newest = articles.sort(compareNewest);
  const finishIndex = startIndex(newest);
  const records = ArticleRecords.build(newest);
  return corpusOver({ ix: finishIndex(), articles: records });
}

export interface LoadOptions {
  /** Check every byte at load (for a cache that is rebuilt when damaged), not blocks as reads reach them. */
  checkAll?: boolean;
  /**
   * The bytes become the corpus's own: the sections stored as steps (offsets, about an eighth of the
   * file) are added up where they lie instead of into new arrays, which a cold start pays for (news 100k:
   * about 54 MB of arrays). The bytes are no longer a snapshot afterwards: for a caller that read them
   * for this load only (the Node file readers do).
   */
  adopt?: boolean;
}

/**
 * Loads a corpus from `toSnapshot()` bytes (a Uint8Array or ArrayBuffer): views on the bytes, nothing
 * re-analysed. Also reads the first snapshot format, `{ format: 'gazette-snapshot', version: 1, articles }`,
 * indexing its articles. The stored content (texts, records) is checked a block at a time as reads reach
 * it (LoadOptions).
 */
export function loadCorpus(snapshot: unknown, options: LoadOptions = {}): Corpus {
  const bytes = snapshot instanceof ArrayBuffer ? new Uint8Array(snapshot) : snapshot;
  if (bytes instanceof Uint8Array) {
    if (isBinarySnapshot(bytes))
      return corpusOver(decodeSnapshot(bytes, options.checkAll === true, options.adopt === true));
    const format = binarySnapshotFormat(bytes);
    if (format !== undefined)
      throw new GazetteError(
        'INVALID_SNAPSHOT',
        `This snapshot is format ${format}; this Gazette reads format ${SNAPSHOT_FORMAT}. Rebuild it with corpus.toSnapshot().`,
      );
  }
  const s = snapshot as { format?: unknown; version?: unknown; articles?: unknown } | null;
  if (s?.format === 'gazette-snapshot' && s.version === 1 && Array.isArray(s.articles))
    return createCorpus(s.articles as Article[]);
  throw new GazetteError(
    'INVALID_SNAPSHOT',
    s?.format === 'gazette-snapshot'
      ? `This snapshot is format ${String(s.version)}, which this Gazette no longer reads; rebuild it with corpus.toSnapshot().`
      : 'This is not a Gazette corpus snapshot: pass the bytes of corpus.toSnapshot() (a Uint8Array).',
  );
}

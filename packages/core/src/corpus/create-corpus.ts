import { GazetteError } from '../errors/gazette-error';
import { sha256Hex } from '../ids/sha256-hex';
import type { Article } from '../model/article-schema';
import { compareNewest, compareOldest } from './compare-articles';
import type { Corpus, CorpusSnapshot } from './corpus-types';
import { decodeCursor, encodeCursor } from './cursor';
import { matchesFilters } from './match-filters';
import { naiveSearch } from './naive-search';
import { parseParams } from './parse-params';
import { ListParamsSchema, SearchParamsSchema } from './query-params-schema';
import { toSummary } from './to-summary';

function fingerprint(params: object): string {
  const { cursor: _cursor, ...rest } = params as { cursor?: string };
  return sha256Hex(JSON.stringify(rest)).slice(0, 12);
}

/** Builds an in-memory corpus over articles. A repeated id keeps the last version given. */
export function createCorpus(input: readonly Article[]): Corpus {
  const byId = new Map<string, Article>();
  for (const a of input) byId.set(a.id, a);
  const articles = [...byId.values()];
  const bySlug = new Map<string, Article>();
  for (const a of articles) {
    if (bySlug.has(a.slug))
      throw new GazetteError(
        'INVALID_ARTICLE',
        `Two articles share the slug "${a.slug}" (${bySlug.get(a.slug)!.id} and ${a.id}).`,
        { where: a.id },
      );
    bySlug.set(a.slug, a);
  }
  const newest = [...articles].sort(compareNewest);
  const oldest = [...articles].sort(compareOldest);

  return {
    size: articles.length,
    list(raw = {}) {
      const params = parseParams(ListParamsSchema, raw, 'list parameters');
      const fp = fingerprint(params);
      const offset = decodeCursor(params.cursor, fp);
      const ordered = (params.sort === 'oldest' ? oldest : newest).filter((a) =>
        matchesFilters(a, params.filters),
      );
      const page = ordered.slice(offset, offset + params.limit);
      const next = offset + page.length;
      return {
        total: ordered.length,
        items: page.map(toSummary),
        nextCursor: next < ordered.length ? encodeCursor(next, fp) : null,
      };
    },
    get(idOrSlug) {
      return byId.get(idOrSlug) ?? bySlug.get(idOrSlug);
    },
    search(raw) {
      const params = parseParams(SearchParamsSchema, raw, 'search parameters');
      const fp = fingerprint(params);
      const offset = decodeCursor(params.cursor, fp);
      const candidates = (params.sort === 'oldest' ? oldest : newest).filter((a) =>
        matchesFilters(a, params.filters),
      );
      return naiveSearch(candidates, params, offset, (next) => encodeCursor(next, fp));
    },
    toSnapshot(): CorpusSnapshot {
      return { format: 'gazette-snapshot', version: 1, articles };
    },
  };
}

/** Loads a corpus from `toSnapshot()` output (e.g. parsed from JSON). */
export function loadCorpus(snapshot: unknown): Corpus {
  const s = snapshot as Partial<CorpusSnapshot> | null;
  if (s?.format !== 'gazette-snapshot' || s.version !== 1 || !Array.isArray(s.articles)) {
    throw new GazetteError(
      'INVALID_SNAPSHOT',
      'This is not a Gazette corpus snapshot (version 1); rebuild it with corpus.toSnapshot().',
    );
  }
  return createCorpus(s.articles);
}

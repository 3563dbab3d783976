import type { Corpus } from '../corpus/components/corpus-types';
import { createCorpus } from '../corpus/create-corpus';
import type { Article } from '../model/article-schema';
import { decidePut, duplicateOf } from './decide-put';
import { diffArticles } from './diff-versions';
import { contentFingerprint } from './fingerprint';
import { FingerprintIndex } from './fingerprint-index';
import { createMemoryAlerts } from './memory-alerts';
import { createMemorySources } from './memory-sources';
import { withFirstSeen } from './first-seen';
import type {
  ArticleChange,
  ArticleDiff,
  ArticleStore,
  ArticleVersion,
  DuplicateLink,
  PutOptions,
  PutResult,
} from './store-types';
import { validateBatchForStore } from './validate-for-store';

/** Changes a page of the log holds when the caller does not say, and at most. */
export const CHANGE_PAGE = 1_000;
export const MAX_CHANGE_PAGE = 10_000;

/** The size of a page of the change log a caller asked for, within bounds. */
export const changePageSize = (limit: number | undefined) =>
  Math.min(MAX_CHANGE_PAGE, Math.max(1, Math.floor(limit ?? CHANGE_PAGE)));

interface Entry {
  json: string;
  article: Article;
  versions: ArticleVersion[];
}

/** The store over memory: the same behaviour as the durable one, kept for tests, the browser and edge. */
export function createMemoryStore(initial: readonly Article[] = []): ArticleStore {
  const entries = new Map<string, Entry>();
  const slugs = new Map<string, string>();
  const links = new Map<string, DuplicateLink>();
  const index = new FingerprintIndex();
  let cached: Corpus | undefined;
  let revision = 0;
  const identity = globalThis.crypto.randomUUID();
  const sources = createMemorySources();
  const log: ArticleChange[] = [];
  const alerts = createMemoryAlerts(() => log.at(-1)?.seq ?? 0);

  function putOne(valid: Article, options: PutOptions): PutResult {
    const existing = entries.get(valid.id);
    const article = withFirstSeen(valid, existing?.article, options.now);
    const fp = contentFingerprint(article);
    const decision = decidePut(
      article,
      existing?.json,
      existing ? [] : index.candidates(fp, article.id),
      (id) => entries.get(id)?.article,
    );
    const savedAt = options.now ? { savedAt: options.now } : {};
    const json = JSON.stringify(article);
    switch (decision.status) {
      case 'unchanged':
        return { status: 'unchanged', id: article.id, version: existing!.versions.length };
      case 'duplicate': {
        const { link, result } = duplicateOf(article, decision, options.now);
        links.set(article.id, link);
        return result;
      }
      default: {
        const versions = existing?.versions ?? [];
        const version = versions.length + 1;
        // Stored once and shared by the entry and its version: nothing inside mutates it, reads clone it.
        const kept = JSON.parse(json) as Article;
        versions.push({ version, contentHash: article.provenance.contentHash, article: kept, ...savedAt });
        if (existing) slugs.delete(existing.article.slug);
        entries.set(article.id, { json, article: kept, versions });
        slugs.set(article.slug, article.id);
        links.delete(article.id);
        index.add(article.id, fp);
        cached = undefined;
        revision++;
        log.push({ seq: log.length + 1, id: article.id, version, kind: decision.status, ...savedAt });
        return { status: decision.status, id: article.id, version };
      }
    }
  }

  const store: ArticleStore = {
    backend: 'memory',
    put: (article, options = {}) => putOne(validateBatchForStore([article])[0]!, options),
    putMany(articles, options = {}) {
      // All or nothing: validate every article before storing any.
      const valid = validateBatchForStore(articles);
      return valid.map((a) => putOne(a, options));
    },
    get(idOrSlug) {
      const entry = entries.get(idOrSlug) ?? entries.get(slugs.get(idOrSlug) ?? '');
      return entry ? structuredClone(entry.article) : undefined;
    },
    count: () => entries.size,
    list: () => [...entries.values()].map((e) => structuredClone(e.article)),
    *iterate() {
      for (const e of [...entries.values()]) yield structuredClone(e.article);
    },
    versions: (id) => structuredClone(entries.get(id)?.versions ?? []),
    diff(id, from, to) {
      const versions = entries.get(id)?.versions;
      if (!versions || versions.length === 0) return undefined;
      return diffBetween(id, versions, from, to);
    },
    duplicates: (ofId) => [...links.values()].filter((l) => !ofId || l.duplicateOf === ofId),
    sources,
    alerts,
    changes(since, limit) {
      const from = Math.max(0, since);
      const changes = log.slice(from, from + changePageSize(limit));
      return { changes: structuredClone(changes), last: changes.at(-1)?.seq ?? since };
    },
    corpus() {
      cached ??= createCorpus([...entries.values()].map((e) => e.article));
      return cached;
    },
    revision: () => String(revision),
    identity: () => identity,
    close() {
      cached = undefined;
    },
  };
  if (initial.length) store.putMany(initial);
  return store;
}

/** The diff between two versions of a list (default: the one before the last, and the last). */
export function diffBetween(
  id: string,
  versions: readonly ArticleVersion[],
  from?: number,
  to?: number,
): ArticleDiff | undefined {
  const last = versions[versions.length - 1]!.version;
  const b = to ?? last;
  const a = from ?? Math.max(1, b - 1);
  const x = versions.find((v) => v.version === a);
  const y = versions.find((v) => v.version === b);
  if (!x || !y) return undefined;
  return diffArticles(id, a, x.article, b, y.article);
}

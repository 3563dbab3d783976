import {
  type Article,
  type ArticleStore,
  asAsyncStore,
  type Corpus,
  createCorpus,
  createMemoryStore,
  parseText,
} from '@gazette/core';
import { segmentedCorpus } from '@gazette/core/internals';
import type { LiveCorpus, LiveVersion } from '@gazette/core/node';

type Listener = Parameters<LiveCorpus['subscribe']>[0];

/**
 * A real LiveCorpus for tests, over a memory store: `add` commits articles to the store, then applies the
 * store's change log as the store's followers do, as one new segment over the earlier ones (a newer
 * version of an article hides its older one), and tells the subscribers. No merges: that is the core's.
 */
export function liveMemoryStore(initial: readonly Article[] = []) {
  const store: ArticleStore = createMemoryStore();
  // The store as the server reads it (AsyncArticleStore), as a database store would be.
  const view = asAsyncStore(store, 'memory store');
  const segments: Corpus[] = [];
  const listeners = new Set<Listener>();
  let seq = 0;
  let corpus = segmentedCorpus([]);
  const version = (): LiveVersion => ({
    revision: store.revision(),
    seq,
    articles: corpus.size,
    segments: segments.length,
  });
  /** Applies what the change log holds after the corpus's seq; the ids changed, in log order. */
  function apply(): string[] {
    const ids: string[] = [];
    for (let page = store.changes(seq, 1000); page.changes.length; page = store.changes(seq, 1000)) {
      ids.push(...page.changes.map((c) => c.id));
      seq = page.last;
    }
    if (ids.length === 0) return ids;
    segments.push(createCorpus([...new Set(ids)].map((id) => store.get(id)!)));
    corpus = segmentedCorpus(segments);
    for (const listener of [...listeners]) listener(version(), ids);
    return ids;
  }
  const live: LiveCorpus = {
    corpus: () => corpus,
    version,
    storeProblem: () => undefined,
    // A memory store is always reachable.
    storeRetrying: () => true,
    onReach: () => () => {},
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => listeners.clear(),
  };
  const add = (articles: readonly Article[]) => {
    store.putMany(articles, { now: new Date().toISOString() });
    return apply();
  };
  add(initial);
  return {
    store,
    live,
    add,
    listeners: () => listeners.size,
    /** What createApp takes to serve this store live. */
    deps: { live, changes: view.changes, alerts: view.alerts },
  };
}

/** A small dated news article about `topic` (its words in title and body), distinct per `n`. */
export function newsArticle(n: number, topic: string, section = 'news'): Article {
  const day = String(1 + (n % 28)).padStart(2, '0');
  return parseText(
    `Report ${n} on the ${topic} for readers of edition ${n * 7919}.\nMore about ${topic} followed in item ${n}.\n`,
    { title: `${topic} update number ${n}`, publishedAt: `2025-02-${day}T0${n % 10}:00:00Z`, section },
  );
}

import type { Alert, Corpus } from '@gazette/core/query';
import type { LiveCorpus, LiveVersion } from '@gazette/core/node';
import type { ArticleStore } from '@gazette/core';
import { listeners } from './listeners';

/** The last change-log sequence number of a store (0 when it has none). */
function lastSeq(store: ArticleStore): number {
  let seq = 0;
  for (let page = store.changes(0, 10_000); page.changes.length; page = store.changes(seq, 10_000))
    seq = page.last;
  return seq;
}

/**
 * A store's corpus followed by polling its change log every `intervalMs`: what another process commits
 * lands as a new segment over the corpus read at start (the store's snapshot). A stand-in until the
 * core's openLiveCorpus (merges off the request path) is here; it reads the store read-only.
 */
export async function pollStoreCorpus(
  path: string,
  options: { onWait?: (message: string) => void; intervalMs?: number } = {},
): Promise<{ live: LiveCorpus; alerts: () => Alert[] }> {
  const [{ openExistingStore, readStoreCorpus }, { createCorpus, segmentedCorpus }] = await Promise.all([
    import('@gazette/core/node/query'),
    import('@gazette/core/internals'),
  ]);
  const store = openExistingStore(path, {
    readOnly: true,
    ...(options.onWait ? { onWait: options.onWait } : {}),
  });
  // The sequence first: a change committed while the corpus is read is then seen twice, never missed.
  let seq = lastSeq(store);
  const base = readStoreCorpus(path, options.onWait ? { onWait: options.onWait } : {});
  const segments: Corpus[] = [];
  let corpus: Corpus = base;
  const versionNow = (): LiveVersion => ({
    revision: store.revision(),
    seq,
    articles: corpus.size,
    segments: 1 + segments.length,
  });
  let version = versionNow();
  const changes = listeners<[LiveVersion, readonly string[]]>();
  const poll = () => {
    const page = store.changes(seq, 1000);
    if (!page.changes.length) return;
    const changed = [...new Set(page.changes.map((c) => c.id))];
    const articles = changed.flatMap((id) => store.get(id) ?? []);
    seq = page.last;
    segments.push(createCorpus(articles));
    corpus = segmentedCorpus([base, ...segments]);
    version = versionNow();
    changes.emit(version, changed);
  };
  const timer = setInterval(() => {
    try {
      poll();
    } catch {
      // A store busy or briefly unreadable: the next poll tries again.
    }
  }, options.intervalMs ?? 1000);
  timer.unref();
  const live: LiveCorpus = {
    corpus: () => corpus,
    version: () => version,
    subscribe: changes.add,
    async close() {
      clearInterval(timer);
      changes.clear();
      store.close();
    },
  };
  return { live, alerts: () => store.alerts.list() };
}

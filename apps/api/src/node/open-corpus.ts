import { openLiveCorpus, openStore } from '@gazette/core/node';
import { builtinCorpus } from '@gazette/corpus';
import type { AppDeps } from '../deps';
import type { Env } from '../env';

/** What the Node server serves, what to call it, and how to let go of it. */
export interface OpenedCorpus {
  /** What createApp takes: a fixed corpus, or a store's live corpus with its change log and alerts. */
  source: Pick<AppDeps, 'corpus' | 'live' | 'changes' | 'alerts'>;
  name: string;
  /** Articles served now. */
  articles(): number;
  close(): Promise<void>;
}

/**
 * The corpus the Node server serves: the store named by `GAZETTE_DB`, read-only and kept current as any
 * writer commits (its live corpus: new articles searchable within a second, no restart, no rebuild),
 * else the built-in corpus.
 */
export async function openCorpus(env: Pick<Env, 'GAZETTE_DB' | 'GAZETTE_SEGMENTS'>): Promise<OpenedCorpus> {
  const db = env.GAZETTE_DB;
  if (db === undefined) {
    const corpus = builtinCorpus();
    return {
      source: { corpus },
      name: 'built-in corpus',
      articles: () => corpus.size,
      close: async () => {},
    };
  }
  const onWait = (message: string) => console.error(`gazette-api: ${message}…`);
  const live = await openLiveCorpus(db, {
    label: 'GAZETTE_DB',
    onWait,
    notice: (line) => console.error(`gazette-api: ${line}`),
    ...(env.GAZETTE_SEGMENTS ? { segments: env.GAZETTE_SEGMENTS } : {}),
  });
  // A connection of its own for /v1/changes and the alert feeds (read-only, like the live corpus's).
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(db, { label: 'GAZETTE_DB', readOnly: true, onWait });
  } catch (error) {
    await live.close();
    throw error;
  }
  return {
    source: { live, changes: (since, limit) => store.changes(since, limit), alerts: store.alerts },
    name: `store ${store.location}`,
    articles: () => live.corpus().size,
    async close() {
      await live.close();
      await store.close();
    },
  };
}

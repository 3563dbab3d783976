import type { Alert } from '@gazette/core/query';
import type { LiveCorpus } from '@gazette/core/node';

/**
 * A store followed as any writer commits (the core's openLiveCorpus: new segments within a second, merges
 * in a worker), and its alerts read from a read-only connection of their own, closed with the live corpus.
 * The alerts are read at open and again each time the corpus moves on (an alert added meanwhile counts
 * from the next change), so the UI reads them without waiting on the store.
 */
export async function openStoreLive(
  db: string,
  options: { onWait?: (message: string) => void } = {},
): Promise<{ live: LiveCorpus; alerts: () => Alert[] }> {
  const { openStore, openLiveCorpus } = await import('@gazette/core/node/query');
  const wait = options.onWait ? { onWait: options.onWait } : {};
  const followed = await openLiveCorpus(db, wait);
  let store: Awaited<ReturnType<typeof openStore>>;
  let alerts: Alert[];
  try {
    store = await openStore(db, { readOnly: true, ...wait });
    alerts = await store.alerts.list();
  } catch (error) {
    await followed.close();
    throw error;
  }
  const unsubscribe = followed.subscribe(() => {
    store.alerts.list().then(
      (list) => {
        alerts = list;
      },
      () => {}, // Kept as they were: the next change reads them again.
    );
  });
  const live: LiveCorpus = {
    corpus: () => followed.corpus(),
    version: () => followed.version(),
    storeProblem: () => followed.storeProblem(),
    subscribe: (listener) => followed.subscribe(listener),
    async close() {
      unsubscribe();
      await followed.close();
      await store.close();
    },
  };
  return { live, alerts: () => alerts };
}

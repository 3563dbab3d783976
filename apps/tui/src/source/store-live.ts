import type { Alert } from '@gazette/core/query';
import type { LiveCorpus } from '@gazette/core/node';

/**
 * A store followed as any writer commits (the core's openLiveCorpus: new segments within a second, merges
 * in a worker), and its alerts read from a read-only connection of their own, closed with the live corpus.
 */
export async function openStoreLive(
  path: string,
  options: { onWait?: (message: string) => void } = {},
): Promise<{ live: LiveCorpus; alerts: () => Alert[] }> {
  const { openExistingStore, openLiveCorpus } = await import('@gazette/core/node/query');
  const wait = options.onWait ? { onWait: options.onWait } : {};
  const followed = openLiveCorpus(path, wait);
  let store: ReturnType<typeof openExistingStore>;
  try {
    store = openExistingStore(path, { readOnly: true, ...wait });
  } catch (error) {
    await followed.close();
    throw error;
  }
  const live: LiveCorpus = {
    corpus: () => followed.corpus(),
    version: () => followed.version(),
    subscribe: (listener) => followed.subscribe(listener),
    async close() {
      await followed.close();
      store.close();
    },
  };
  return { live, alerts: () => store.alerts.list() };
}

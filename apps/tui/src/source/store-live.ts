import type { Alert } from '@gazette/core/query';
import type { LiveCorpus } from '@gazette/core/node';

/** The reader's notices, held for whoever listens (the UI's feed): none goes to the terminal itself. */
function noticeRelay() {
  const listeners = new Set<(line: string) => void>();
  return {
    say: (line: string) => {
      for (const listener of [...listeners]) listener(line);
    },
    listen(listener: (line: string) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * A store followed as any writer commits (the core's openLiveCorpus: new segments within a second, merges
 * in a worker), and its alerts read from a read-only connection of their own, closed with the live corpus.
 * The alerts are read at open and again each time the corpus moves on (an alert added meanwhile counts
 * from the next change), so the UI reads them without waiting on the store.
 * The reader's notices (the store gone away and back, a damaged segment rebuilt) are told to `onNotice`
 * listeners rather than written to standard error, which the terminal UI's screen is drawn over.
 */
export async function openStoreLive(
  db: string,
  options: { onWait?: (message: string) => void } = {},
): Promise<{ live: LiveCorpus; alerts: () => Alert[]; onNotice: (l: (line: string) => void) => () => void }> {
  const { openStore, openLiveCorpus } = await import('@gazette/core/node/query');
  const wait = options.onWait ? { onWait: options.onWait } : {};
  const notices = noticeRelay();
  const followed = await openLiveCorpus(db, { ...wait, notice: notices.say });
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
    storeRetrying: () => followed.storeRetrying(),
    onReach: (listener) => followed.onReach(listener),
    subscribe: (listener) => followed.subscribe(listener),
    async close() {
      unsubscribe();
      await followed.close();
      await store.close();
    },
  };
  return { live, alerts: () => alerts, onNotice: notices.listen };
}

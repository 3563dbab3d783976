import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '@gazette/core/node';

/**
 * Reads the store's change log every 25 ms from now on (a connection of its own, read-only), keeping when
 * each change was first seen: its commit's time to within a poll. A change's savedAt is no such time: it
 * is the writer's clock when its poll of the source began, before it waited for the feed host's turn and
 * for the write lock, which under load is seconds earlier.
 */
export async function watchCommits(db: string) {
  const store = await openStore(db, { readOnly: true, label: 'the multi-process run' });
  const seenAt = new Map<number, number>();
  let last = 0;
  let stopped = false;
  const readNew = async () => {
    for (;;) {
      const page = await store.changes(last, 10_000);
      const at = Date.now();
      for (const change of page.changes) seenAt.set(change.seq, at);
      if (page.last === last) return;
      last = page.last;
    }
  };
  const polling = (async () => {
    while (!stopped) {
      // A moment the store cannot be read (busy, or a writer just killed) is asked again next time.
      await readNew().catch(() => {});
      await sleep(25);
    }
  })();
  return {
    /** When the change `seq` was first seen committed (undefined: not seen yet). */
    committedAt: (seq: number) => seenAt.get(seq),
    async stop() {
      stopped = true;
      await polling;
      await store.close();
    },
  };
}

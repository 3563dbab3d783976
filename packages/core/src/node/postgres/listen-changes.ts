import type { AsyncArticleStore } from '../../store/async-store-types';
import { CHANGES_CHANNEL } from './postgres-put';
import { poolOf } from './postgres-store';

/** Stops listening. */
export type StopListening = () => Promise<void>;

/**
 * Wakes `onChange` whenever a writer commits articles to a PostgreSQL store (LISTEN/NOTIFY): with the last
 * seq committed, or with no seq when the listening connection (re)connects, since notifications sent while
 * it was away are lost and the caller must then read the log to catch up. Undefined for a store that
 * cannot notify (memory, SQLite): the caller polls `changes()` instead (it should poll anyway, slowly, as
 * the fallback when a notification is lost).
 */
export async function listenChanges(
  store: AsyncArticleStore,
  onChange: (last?: number) => void,
): Promise<StopListening | undefined> {
  const sql = poolOf.get(store);
  if (!sql) return undefined;
  let first = true;
  const { unlisten } = await sql.listen(
    CHANGES_CHANNEL,
    (payload) => {
      const last = Number(payload);
      onChange(Number.isFinite(last) ? last : undefined);
    },
    () => {
      if (!first) onChange();
      first = false;
    },
  );
  return unlisten;
}

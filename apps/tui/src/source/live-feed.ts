import { ALERT_BATCH, type Alert, alertMatches, type Article } from '@gazette/core/query';

/** What a followed source tells the UI: articles added or updated (and which match an alert), or trouble. */
export type LiveEvent =
  | { kind: 'changed'; changed: readonly string[]; alerted: readonly string[] }
  /** A failed poll (message; retried or not), or polls working again (undefined). */
  | { kind: 'trouble'; message: string | undefined; retrying: boolean };

export interface LiveFeed {
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /** Stops following (nothing stored is touched). */
  close(): Promise<void>;
}

/** What a feed is made from: a store's LiveCorpus or an API's RemoteLive both have this shape. */
export interface Followed {
  subscribe(listener: (version: unknown, changed: readonly string[]) => void): () => void;
  onTrouble?(listener: (error: Error | undefined, retrying: boolean) => void): () => void;
  close(): Promise<void>;
}

/**
 * Which of the changed articles match a saved alert: the alert's own matching (the search's language,
 * typos off), run over the first ALERT_BATCH changed articles only, so a large burst costs one batch.
 */
export function alertedAmong(
  alerts: readonly Alert[],
  changed: readonly string[],
  get: (id: string) => Article | undefined,
): string[] {
  if (!alerts.length || !changed.length) return [];
  const articles = changed
    .slice(0, ALERT_BATCH)
    .map(get)
    .filter((a): a is Article => a !== undefined);
  const ids = new Set<string>();
  for (const matched of alertMatches(alerts, articles).values()) for (const a of matched) ids.add(a.id);
  return changed.filter((id) => ids.has(id));
}

/**
 * A live corpus (local or remote) as the UI's feed. `alerted` says which changed ids match an alert
 * (none when there is no cheap way to tell).
 */
export function liveFeed(
  followed: Followed,
  alerted: (changed: readonly string[]) => readonly string[] = () => [],
): LiveFeed {
  return {
    subscribe(listener) {
      const off = followed.subscribe((_, changed) => {
        if (!changed.length) return;
        let marks: readonly string[] = [];
        try {
          marks = alerted(changed);
        } catch {
          // Marks are a nicety: a failure to compute them must not lose the count.
        }
        listener({ kind: 'changed', changed, alerted: marks });
      });
      const offTrouble = followed.onTrouble?.((error, retrying) =>
        listener({ kind: 'trouble', message: error?.message, retrying }),
      );
      return () => {
        off();
        offTrouble?.();
      };
    },
    close: () => followed.close(),
  };
}

import { ALERT_BATCH, type Alert, alertMatches, type Article } from '@gazette/core/query';

/** What a followed source tells the UI: articles added or updated (and which match an alert), or trouble. */
export type LiveEvent =
  | { kind: 'changed'; changed: readonly string[]; alerted: readonly string[] }
  /** A failed poll (message; retried or not), or polls working again (undefined). */
  | { kind: 'trouble'; message: string | undefined; retrying: boolean }
  /**
   * The store became unreachable (the corpus stays as loaded; reads are retried, or not when it is lost
   * for good: `problem` then says why and that a restart is needed) or reachable again.
   */
  | { kind: 'reach'; reachable: boolean; retrying: boolean; problem?: string | undefined }
  /** A line the reader has for the user (a damaged kept segment rebuilt, a merge that failed). */
  | { kind: 'notice'; message: string };

export interface LiveFeed {
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /** Stops following (nothing stored is touched). */
  close(): Promise<void>;
}

/** What a feed is made from: a store's LiveCorpus or an API's RemoteLive both have this shape. */
export interface Followed {
  subscribe(listener: (version: unknown, changed: readonly string[]) => void): () => void;
  onTrouble?(listener: (error: Error | undefined, retrying: boolean) => void): () => void;
  /** A store's reachability (a LiveCorpus's): told when it goes away and when it is back. */
  onReach?(
    listener: (reachable: boolean, problem: string | undefined, retrying: boolean) => void,
  ): () => void;
  /** The reader's notices, which must reach the screen as events, never as stray lines on it. */
  onNotice?(listener: (line: string) => void): () => void;
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
      const offs = [
        off,
        followed.onTrouble?.((error, retrying) =>
          listener({ kind: 'trouble', message: error?.message, retrying }),
        ),
        followed.onReach?.((reachable, problem, retrying) =>
          listener({ kind: 'reach', reachable, retrying, problem }),
        ),
        followed.onNotice?.((message) => listener({ kind: 'notice', message })),
      ];
      return () => {
        for (const stop of offs) stop?.();
      };
    },
    close: () => followed.close(),
  };
}

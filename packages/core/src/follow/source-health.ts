import type { Alert, PendingDelivery } from './alert-schema';
import type { FollowedSource } from './followed-source-schema';
import { itemsPerDay } from './poll-schedule';

/** How a followed source is doing, as every face shows it (`gazette sources`, later the API). */
export interface SourceHealth {
  /** New items per day over the last week; null while the source is younger than a day. */
  itemsPerDay: number | null;
  /** The last poll succeeded (or none has failed yet). */
  ok: boolean;
  failures: number;
  lastError?: string;
}

export function sourceHealth(source: FollowedSource, now: string): SourceHealth {
  const { failures, lastError } = source.state;
  return {
    itemsPerDay: itemsPerDay(source, now) ?? null,
    ok: failures === 0,
    failures,
    ...(failures && lastError ? { lastError } : {}),
  };
}

/** An alert as it is shown: without its secret, with its deliveries waiting and given up. */
export type AlertStatus = Omit<Alert, 'secret'> & { waiting: number; gaveUp: number; lastError?: string };

/** Each alert's status from the deliveries not yet sent (oldest first, as `pending()` gives them). */
export function alertStatuses(alerts: readonly Alert[], pending: readonly PendingDelivery[]): AlertStatus[] {
  return alerts.map(({ secret: _secret, ...alert }) => {
    const own = pending.filter((d) => d.alertId === alert.id);
    const lastError = own.findLast((d) => d.lastError)?.lastError;
    return {
      ...alert,
      waiting: own.filter((d) => !d.gaveUp).length,
      gaveUp: own.filter((d) => d.gaveUp).length,
      ...(lastError ? { lastError } : {}),
    };
  });
}

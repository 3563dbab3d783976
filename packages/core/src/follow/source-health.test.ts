import { describe, expect, it } from 'vitest';
import type { Alert, PendingDelivery } from './alert-schema';
import { initialState } from './poll-schedule';
import { alertStatuses, sourceHealth } from './source-health';

const T0 = '2026-03-08T00:00:00.000Z';

describe('what faces show of sources and alerts', () => {
  it("gives a source's rate once it is a day old, and its failures with the last error", () => {
    const young = { id: 's', url: 'http://x/', full: false, addedAt: T0, state: initialState(T0) };
    expect(sourceHealth(young, T0)).toEqual({ itemsPerDay: null, ok: true, failures: 0 });
    const old = {
      ...young,
      addedAt: '2026-03-01T00:00:00.000Z',
      state: {
        ...initialState(T0),
        failures: 2,
        lastError: 'HTTP 500',
        newItemTimes: Array(14).fill('2026-03-05T00:00:00.000Z'),
      },
    };
    expect(sourceHealth(old, T0)).toEqual({ itemsPerDay: 2, ok: false, failures: 2, lastError: 'HTTP 500' });
  });

  it("counts each alert's deliveries waiting and given up, keeps its last error, and never shows its secret", () => {
    const alert = (id: string): Alert => ({ id, query: 'q', secret: 'sekret', createdAt: T0 });
    const d = (id: string, alertId: string, gaveUp: boolean, lastError?: string): PendingDelivery => ({
      id,
      alertId,
      body: '{}',
      attempts: 1,
      nextAt: T0,
      gaveUp,
      ...(lastError ? { lastError } : {}),
    });
    const statuses = alertStatuses(
      [alert('a'), alert('b')],
      [d('1', 'a', true, 'HTTP 500'), d('2', 'a', false, 'HTTP 503'), d('3', 'a', false)],
    );
    expect(statuses).toEqual([
      { id: 'a', query: 'q', createdAt: T0, waiting: 2, gaveUp: 1, lastError: 'HTTP 503' },
      { id: 'b', query: 'q', createdAt: T0, waiting: 0, gaveUp: 0 },
    ]);
    expect(JSON.stringify(statuses)).not.toContain('sekret');
  });
});

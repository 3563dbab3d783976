import { connect } from 'node:net';
import type { Corpus } from '@gazette/core';
import type { SearchParams } from '@gazette/core/query';
import { describe, expect, it } from 'vitest';
import { fixtureCorpus } from '../test-support/fixture-corpus';
import { type RunningServer, serveApi } from './serve';

// The Node server's bounds under load, through real HTTP on 127.0.0.1: the line of queries waiting for a
// turn, clients that leave while waiting, and the number of open connections.

/**
 * The fixture corpus with each search holding the event loop for `ms` (a busy wait, as the worst real
 * searches do for ~30 ms on a BBC-sized store), recording the `q` of every search that ran.
 */
function slowCorpus(ms: number): { corpus: Corpus; ran: string[] } {
  const ran: string[] = [];
  const corpus = new Proxy(fixtureCorpus(), {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'search') return value;
      return (params: SearchParams) => {
        ran.push(String(params.q));
        const until = performance.now() + ms;
        while (performance.now() < until);
        return target.search(params);
      };
    },
  });
  return { corpus, ran };
}

async function withServer(
  opts: { corpus: Corpus; maxQueuedQueries?: number; maxConnections?: number },
  run: (api: RunningServer) => Promise<void>,
): Promise<void> {
  const api = await serveApi({ ...opts, port: 0, host: '127.0.0.1' });
  try {
    await run(api);
  } finally {
    await api.close();
  }
}

/**
 * Opens `n` keep-alive connections (fetch's pool keeps them for the next requests). Node accepts one new
 * connection per turn of its event loop, so a flood on fresh connections arrives one query per turn and
 * never waits in line; on open connections it arrives at once, as from a busy proxy or many clients.
 */
async function openConnections(url: string, n: number): Promise<void> {
  const answers = await Promise.all(Array.from({ length: n }, () => fetch(`${url}/healthz`)));
  for (const res of answers) await res.text();
}

/**
 * Searches nobody asked before (the read cache cannot answer them), `n` of them at once: every third one a
 * POST /v1/search, which takes its turn after reading its body.
 */
const distinctSearches = (url: string, n: number, label: string, init: RequestInit = {}) =>
  Array.from({ length: n }, (_, i) =>
    i % 3 === 2
      ? fetch(`${url}/v1/search`, {
          ...init,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ q: `budget ${label}${i}` }),
        })
      : fetch(`${url}/v1/search?q=budget+${label}${i}`, init),
  );

describe('the Node server under a flood of queries', () => {
  it('answers 503 with Retry-After at once past the line of waiting queries, and every other request as usual', async () => {
    const { corpus, ran } = slowCorpus(20);
    await withServer({ corpus, maxQueuedQueries: 4 }, async ({ url }) => {
      await openConnections(url, 40);
      const flood = distinctSearches(url, 40, 'flood');
      const health = fetch(`${url}/healthz`);
      const answers = await Promise.all(flood);
      expect((await health).status).toBe(200);
      const statuses = answers.map((r) => r.status);
      expect(
        statuses.filter((s) => s !== 200 && s !== 503),
        statuses.join(' '),
      ).toEqual([]);
      const busy = answers.filter((r) => r.status === 503);
      expect(busy.length, statuses.join(' ')).toBeGreaterThan(0);
      for (const res of busy) {
        expect(res.headers.get('retry-after')).toBe('1');
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        const body = (await res.json()) as {
          type: string;
          status: number;
          detail: string;
          requestId: string;
        };
        expect(body).toMatchObject({ type: '/docs#problem-server-busy', status: 503 });
        expect(body.detail).toMatch(/retry in 1 second/);
        expect(body.requestId).toBe(res.headers.get('x-request-id'));
      }
      for (const res of answers.filter((r) => r.status === 200)) await res.json();
      // A refused query never ran: the corpus searched exactly the answered ones.
      expect(ran.length).toBe(answers.length - busy.length);
      // Afterwards the server answers as before.
      const after = await fetch(`${url}/v1/search?q=budget`);
      expect(after.status).toBe(200);
      expect(((await after.json()) as { total: number }).total).toBeGreaterThan(0);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    });
  });

  it('drops queries whose client disconnected while they waited, without running them', async () => {
    const { corpus, ran } = slowCorpus(40);
    await withServer({ corpus }, async ({ url }) => {
      const n = 16;
      await openConnections(url, n);
      const leaving = distinctSearches(url, n, 'left', { signal: AbortSignal.timeout(200) });
      const outcomes = await Promise.allSettled(leaving);
      expect(outcomes.filter((o) => o.status === 'rejected').length).toBeGreaterThan(0);
      // The next query waits behind whatever is still in line; once it is answered, the line has drained.
      const after = await fetch(`${url}/v1/search?q=budget`);
      expect(after.status).toBe(200);
      await after.text();
      const leftRan = ran.filter((q) => q.includes('left'));
      expect(leftRan.length, `${leftRan.length} of ${n} ran`).toBeLessThan(n);
      expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeLessThanOrEqual(leftRan.length);
    });
  });
});

/** A raw keep-alive GET /healthz: resolves once answered (the socket left open), or when closed unanswered. */
function rawHealthz(url: string): Promise<{ answered: boolean; close(): Promise<void> }> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    const close = () => {
      socket.destroy();
      return closed;
    };
    socket.on('error', () => {});
    socket.once('data', () => resolve({ answered: true, close }));
    socket.once('close', () => resolve({ answered: false, close }));
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
  });
}

describe('the Node server’s connections', () => {
  it('closes a connection past maxConnections at once, and takes new ones when others close', async () => {
    await withServer({ corpus: fixtureCorpus(), maxConnections: 3 }, async ({ url }) => {
      const held = await Promise.all([rawHealthz(url), rawHealthz(url), rawHealthz(url)]);
      expect(held.map((h) => h.answered)).toEqual([true, true, true]);
      const extra = await rawHealthz(url);
      expect(extra.answered).toBe(false);
      await Promise.all(held.map((h) => h.close()));
      // The server counts a connection out when it sees it close: give it a few turns of its loop.
      let again = await rawHealthz(url);
      for (let tries = 0; !again.answered && tries < 20; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        again = await rawHealthz(url);
      }
      expect(again.answered).toBe(true);
      await again.close();
    });
  });
});

import { request } from 'node:http';
import { connect } from 'node:net';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_CLI, type RunningApi, startNodeApi, startPrintingApi } from '../api/support/start-api';

let api: RunningApi;
beforeAll(async () => {
  api = await startNodeApi();
});
afterAll(async () => {
  await api?.stop();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP/1.1 request: the path goes out exactly as written (no URL normalisation), the body as given. */
function raw(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {},
): Promise<RawResponse> {
  const url = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = request(
      // A fresh connection each time (no agent): a pooled socket the server closed after refusing a body would
      // otherwise carry the next request and fail it with ECONNRESET.
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: options.headers,
        timeout: 10_000,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} hung for 10 s`)));
    req.on('error', (error) => {
      // A server may close the connection once it has answered a too-large body: that is fine.
      if (
        (error as NodeJS.ErrnoException).code === 'EPIPE' ||
        (error as NodeJS.ErrnoException).code === 'ECONNRESET'
      ) {
        resolve({ status: -1, headers: {}, body: '' });
      } else reject(error);
    });
    if (options.chunked) {
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 2 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return req.once('drain', pump);
        }
        req.end();
      };
      pump();
    } else req.end(options.body);
  });
}

function expectProblem(res: RawResponse, status: number | number[]) {
  const statuses = Array.isArray(status) ? status : [status];
  expect(statuses).toContain(res.status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(res.body) as { status: number; title: string; detail: string };
  expect(problem.status).toBe(res.status);
  expect(problem.title.length).toBeGreaterThan(0);
}

describe('API abuse over real HTTP', () => {
  it('refuses oversized bodies with and without Content-Length (413), without hanging', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 'a');
    const declared = await raw('POST', '/v1/search', {
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    if (declared.status !== -1) expectProblem(declared, 413);
    const chunked = await raw('POST', '/v1/search', {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunked: true,
    });
    if (chunked.status !== -1) expectProblem(chunked, 413);
    // The server is still fine afterwards.
    expect((await raw('GET', '/healthz')).status).toBe(200);
  });

  it('refuses wrong content types (415) and malformed JSON (400)', async () => {
    expectProblem(
      await raw('POST', '/v1/search', { headers: { 'content-type': 'text/plain' }, body: 'q=x' }),
      415,
    );
    expectProblem(
      await raw('POST', '/v1/search', { headers: { 'content-type': 'application/json' }, body: '{"q":' }),
      400,
    );
    expectProblem(
      await raw('POST', '/v1/search', {
        headers: { 'content-type': 'application/json' },
        body: `${'['.repeat(100_000)}`,
      }),
      [400, 413],
    );
  });

  it('answers repeated and malformed parameters with 400, never 500', async () => {
    for (const path of [
      '/v1/articles?limit=5&limit=7',
      '/v1/articles?limit=-1',
      '/v1/articles?limit=1e309',
      '/v1/articles?sort=sideways',
      '/v1/articles?cursor=%FF%FE',
      '/v1/search?q=a&q=b',
      '/v1/search?q=%E0%A4%A',
      '/v1/timeline?interval=fortnight',
      '/v1/entities?type=planet',
    ]) {
      const res = await raw('GET', path);
      expect(res.status, path).toBeGreaterThanOrEqual(200);
      expect(res.status, path).toBeLessThan(500);
      if (res.status >= 400) expectProblem(res, res.status);
    }
  });

  it('survives huge and deeply nested queries with a 4xx or an answer, quickly', async () => {
    const paths = [
      `/v1/search?q=${'('.repeat(5_000)}a${')'.repeat(5_000)}`,
      `/v1/search?q=${encodeURIComponent(Array.from({ length: 400 }, (_, i) => `w${i}`).join(' OR '))}`,
      `/v1/search?q=${encodeURIComponent('"'.repeat(900))}`,
      `/v1/search?q=${'a'.repeat(50_000)}`,
    ];
    for (const path of paths) {
      const started = performance.now();
      const res = await raw('GET', path);
      expect(res.status, path.slice(0, 40)).toBeLessThan(500);
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });

  it('is not fooled by path tricks (//, %2e%2e, encoded slashes)', async () => {
    for (const path of [
      '//v1/articles',
      '/v1/%2e%2e/%2e%2e/etc/passwd',
      '/v1/articles/..%2f..%2fpackage.json',
      '/v1/articles/%00',
      '/%2e%2e/%2e%2e/',
    ]) {
      const res = await raw('GET', path);
      expect(res.status, path).toBeLessThan(500);
      expect(res.body, path).not.toMatch(/root:x:0:0|"devDependencies"/);
      if (res.status >= 400) expectProblem(res, res.status);
    }
  });
});

/** Opens a raw connection, sends `head` (no final blank line) and then one header line per `everyMs`. */
function trickle(head: string, everyMs: number): Promise<{ received: string; closedAfterMs: number }> {
  const url = new URL(api.url);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    let n = 0;
    const timer = setInterval(() => socket.write(`x-slow-${n++}: ${'a'.repeat(20)}\r\n`), everyMs);
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept a trickling client for 40 s (${n} header lines sent)`));
    }, 40_000);
    socket.setEncoding('utf8').on('data', (d: string) => {
      received += d;
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ received, closedAfterMs: performance.now() - started });
    });
    socket.write(head);
  });
}

describe('HTTP limits and representations', () => {
  it('answers a URL over the limit with 414 problem+json, below and above the header size limit', async () => {
    for (const length of [5_000, 20_000, 100_000]) {
      const res = await raw('GET', `/v1/search?q=${'a'.repeat(length)}`);
      expect(res.status, `${length} characters`).toBe(414);
      expectProblem(res, 414);
    }
    expect((await raw('GET', '/healthz')).status).toBe(200);
  });

  it('answers oversized headers with 431 problem+json, not a bare status line', async () => {
    const res = await raw('GET', '/healthz', { headers: { 'x-big': 'a'.repeat(64 * 1024) } });
    expectProblem(res, 431);
    expect(res.headers['x-request-id']).toBeTruthy();
    expect((await raw('GET', '/healthz')).status).toBe(200);
  });

  it('cuts off a client trickling header lines (408 problem+json) instead of waiting on it', {
    timeout: 60_000,
  }, async () => {
    const { received, closedAfterMs } = await trickle('GET /healthz HTTP/1.1\r\nHost: x\r\n', 2_000);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(received).toContain('application/problem+json');
    // The headers timeout (10 s, checked every second), far from the minutes it took before.
    expect(closedAfterMs).toBeLessThan(30_000);
  });

  it('gives HEAD the Content-Length of the GET body, compressed or not', async () => {
    const list = JSON.parse((await raw('GET', '/v1/articles?limit=1')).body) as { items: { id: string }[] };
    for (const path of [
      '/healthz',
      '/v1/articles',
      `/v1/articles/${list.items[0]!.id}`,
      '/v1/feed.atom',
      '/nope',
    ]) {
      // The same request id: a problem body carries it, and gzip sizes vary with content.
      for (const headers of [
        { 'x-request-id': 'head-1' },
        { 'x-request-id': 'head-1', 'accept-encoding': 'gzip' },
      ]) {
        const head = await raw('HEAD', path, { headers });
        const get = await new Promise<number>((resolve, reject) => {
          const url = new URL(api.url);
          request({ host: url.hostname, port: url.port, path, headers }, (res) => {
            let bytes = 0;
            res.on('data', (d: Buffer) => {
              bytes += d.length;
            });
            res.on('end', () => resolve(bytes));
          })
            .on('error', reject)
            .end();
        });
        expect(head.body, path).toBe('');
        expect(head.headers['content-length'], `${path} ${JSON.stringify(headers)}`).toBe(String(get));
      }
    }
  });

  it('refuses a compressed POST body (any Content-Encoding) with 415 instead of reading it as JSON', async () => {
    for (const encoding of ['gzip', 'br', 'deflate, gzip']) {
      const res = await raw('POST', '/v1/search', {
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: '{"q":"bank"}',
      });
      expectProblem(res, 415);
    }
    const plain = await raw('POST', '/v1/search', {
      headers: { 'content-type': 'application/json', 'content-encoding': 'identity' },
      body: '{"q":"bank"}',
    });
    expect(plain.status).toBe(200);
  });

  it('never copies the Host header or an absolute-form URL into feeds (relative, or GAZETTE_PUBLIC_URL)', async () => {
    const evil = { host: 'evil.example:666', 'x-forwarded-host': 'evil.example' };
    for (const path of ['/v1/feed.atom?limit=3', 'http://evil.example/v1/feed.json?limit=3']) {
      const res = await raw('GET', path, { headers: evil });
      expect(res.status, path).toBe(200);
      expect(res.body, path).not.toContain('evil.example');
      // The next client, whatever Host it sends, gets the cached copy: it must not carry the first one's.
      const again = await raw('GET', path.replace('http://evil.example', ''));
      expect(again.body).toBe(res.body);
    }
    const atom = (await raw('GET', '/v1/feed.atom?limit=3')).body;
    expect(atom).toMatch(
      /<link rel="self" href="\/v1\/feed\.atom\?limit=3" type="application\/atom\+xml"\/>/,
    );
    expect(atom).toMatch(/<link rel="alternate" href="(https?:\/\/(?!evil)|\/v1\/articles\/)/);
    // With GAZETTE_PUBLIC_URL, links are absolute on that base, whatever the request says.
    const pub = await startPrintingApi([NODE_CLI], { GAZETTE_PUBLIC_URL: 'https://news.example/api' });
    try {
      const res = await fetch(`${pub.url}/v1/feed.json?limit=3`, {
        headers: { 'x-forwarded-host': 'evil.example' },
      });
      const feed = (await res.json()) as { feed_url: string };
      expect(feed.feed_url).toBe('https://news.example/api/v1/feed.json?limit=3');
    } finally {
      await pub.stop();
    }
  });
});

// Load: 100 connections on the search and article routes; the issue asks for 30 s each.
const LOAD_SECONDS = Number(process.env.GAZETTE_LOAD_SECONDS ?? 30);

describe('API under load', () => {
  it.each([
    ['search', '/v1/search?q=Macron+ambassador'],
    ['article', '/v1/articles?limit=1'],
  ])('%s: 100 connections, zero errors', { timeout: (LOAD_SECONDS + 60) * 1000 }, async (_name, path) => {
    let target = path;
    if (path.startsWith('/v1/articles')) {
      const list = (await (await fetch(`${api.url}${path}`)).json()) as { items: Array<{ id: string }> };
      target = `/v1/articles/${list.items[0]!.id}`;
    }
    const result = await autocannon({ url: `${api.url}${target}`, connections: 100, duration: LOAD_SECONDS });
    console.log(
      `load ${target}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
    );
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.requests.total).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { fixtureCorpus } from '../test-support/fixture-corpus';
import { liveMemoryStore, newsArticle } from '../test-support/live-store';
import { sseReader } from '../test-support/read-events';

const quick = { heartbeatMs: 100, maxDurationMs: 20_000, retryMs: 1234 };

async function open(app: ReturnType<typeof createApp>, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return sseReader(res.body!);
}

/** Polls until `ok()` holds (a slot or a listener is given back on the server's next turns), for at most 10 s. */
async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; !ok() && i < 200; i++) await new Promise((r) => setTimeout(r, 50));
  expect(ok()).toBe(true);
}

/** Opens a stream once the app has counted the last one out (429 until then). */
async function openWhenFree(app: ReturnType<typeof createApp>, path: string) {
  let res = await app.request(path);
  for (let i = 0; res.status === 429 && i < 200; i++) {
    await new Promise((r) => setTimeout(r, 50));
    res = await app.request(path);
  }
  expect(res.status, path).toBe(200);
  return sseReader(res.body!);
}

describe('GET /v1/stream', () => {
  it('sends each new matching article as it is committed, with the change seq as id, and nothing else', async () => {
    const s = liveMemoryStore([newsArticle(1, 'glacier')]);
    const app = createApp({ ...s.deps, streams: quick });
    const events = await open(app, '/v1/stream?q=glacier');
    const opening = await events.next();
    expect(opening).toMatchObject({ id: '1', retry: '1234' }); // starts after the newest change
    s.add([newsArticle(2, 'harbour'), newsArticle(3, 'glacier')]);
    const e = await events.nextData();
    expect(e).toMatchObject({ event: 'article', id: '3' });
    const data = JSON.parse(e!.data!);
    expect(data.change).toMatchObject({ seq: 3, kind: 'added', id: newsArticle(3, 'glacier').id });
    expect(data.article).toMatchObject({
      id: newsArticle(3, 'glacier').id,
      title: 'glacier update number 3',
    });
    s.add([newsArticle(4, 'harbour')]);
    s.add([newsArticle(5, 'glacier', 'science')]);
    expect((await events.nextData())!.id).toBe('5');
    await events.cancel();
  });

  it('applies the search filters and decides matches as alerts do (typos off)', async () => {
    const s = liveMemoryStore();
    const app = createApp({ ...s.deps, streams: quick });
    const events = await open(app, '/v1/stream?q=glacier&section=science');
    await events.next();
    s.add([
      newsArticle(1, 'glacier', 'news'),
      newsArticle(2, 'glaciar', 'science'),
      newsArticle(3, 'glacier', 'science'),
    ]);
    expect((await events.nextData())!.id).toBe('3');
    const filtersOnly = await open(app, '/v1/stream?section=sport');
    await filtersOnly.next();
    s.add([newsArticle(4, 'cup final', 'sport')]);
    expect((await filtersOnly.nextData())!.id).toBe('4');
    await Promise.all([events.cancel(), filtersOnly.cancel()]);
  });

  it('resumes from Last-Event-ID (over since) through the change log, without repeating what was sent', async () => {
    const s = liveMemoryStore([
      newsArticle(1, 'glacier'),
      newsArticle(2, 'harbour'),
      newsArticle(3, 'glacier'),
    ]);
    const app = createApp({ ...s.deps, streams: quick });
    const replay = await open(app, '/v1/stream?q=glacier&since=0', { 'last-event-id': '1' });
    await replay.next();
    expect((await replay.nextData())!.id).toBe('3');
    await replay.cancel();
    const fromSince = await open(app, '/v1/stream?q=glacier&since=0');
    await fromSince.next();
    expect((await fromSince.nextData())!.id).toBe('1');
    expect((await fromSince.nextData())!.id).toBe('3');
    await fromSince.cancel();
  });

  it('sends heartbeats carrying the cursor, so a reconnect skips changes already looked at', async () => {
    const s = liveMemoryStore([newsArticle(1, 'glacier')]);
    const app = createApp({ ...s.deps, streams: quick });
    const events = await open(app, '/v1/stream?q=glacier');
    await events.next();
    s.add([newsArticle(2, 'harbour')]);
    let beat = await events.next();
    while (beat?.id !== '2') beat = await events.next();
    expect(beat.comments).toContain('heartbeat');
    expect(beat.data).toBeUndefined();
    await events.cancel();
  });

  it('tells a client too far behind what it skipped', async () => {
    const s = liveMemoryStore([1, 2, 3, 4, 5].map((n) => newsArticle(n, 'glacier')));
    const app = createApp({ ...s.deps, streams: { ...quick, maxResumeChanges: 2 } });
    const events = await open(app, '/v1/stream?q=glacier&since=0');
    await events.next();
    const skipped = await events.nextData();
    expect(skipped!.event).toBe('skipped');
    expect(JSON.parse(skipped!.data!)).toMatchObject({ since: 0, resumedAfter: 3 });
    expect((await events.nextData())!.id).toBe('4');
    await events.cancel();
  });

  it('holds at most maxStreams (429 beyond), and frees a slot when a client leaves', async () => {
    const s = liveMemoryStore();
    const app = createApp({ ...s.deps, streams: { ...quick, maxStreams: 1 } });
    const first = await open(app, '/v1/stream?q=glacier');
    await first.next();
    const refused = await app.request('/v1/stream?q=glacier');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    await first.cancel();
    const again = await openWhenFree(app, '/v1/stream?q=glacier');
    await again.next();
    await again.cancel();
    // The listener of a stream that left is gone (no leak per connection).
    await until(() => s.listeners() === 0);
  });

  it('ends a stream on time, telling the client when to come back, and frees its slot', async () => {
    const s = liveMemoryStore();
    // A short life, so the test sees it end; the 429 above is checked on a stream that cannot end meanwhile.
    const app = createApp({ ...s.deps, streams: { ...quick, maxStreams: 1, maxDurationMs: 300 } });
    const first = await open(app, '/v1/stream?q=glacier');
    await first.next();
    let last = await first.next();
    while (last && last.retry === undefined) last = await first.next();
    expect(last).toMatchObject({ retry: '1234' });
    expect(await first.next()).toBeUndefined();
    const again = await openWhenFree(app, '/v1/stream?q=glacier');
    await again.next();
    await again.cancel();
    await until(() => s.listeners() === 0);
  });

  it('drops a client that does not read, instead of queueing events for it', async () => {
    const s = liveMemoryStore();
    const app = createApp({ ...s.deps, streams: { ...quick, maxStreams: 1, writeTimeoutMs: 100 } });
    const stuck = await app.request('/v1/stream?q=glacier'); // its body is never read
    expect(stuck.status).toBe(200);
    const next = await openWhenFree(app, '/v1/stream?q=glacier'); // the stuck stream gave its slot back
    await next.cancel();
  });

  it('ends every stream when the server ends them (shutdown)', async () => {
    const s = liveMemoryStore();
    const app = createApp({ ...s.deps, streams: quick });
    const events = await open(app, '/v1/stream?q=glacier');
    await events.next();
    app.endStreams();
    let last = await events.next();
    while (last && last.retry === undefined) last = await events.next();
    expect(last?.retry).toBe('1234');
    expect(await events.next()).toBeUndefined();
  });

  it('refuses a bad query, a bad cursor, and answers 501 without a live corpus; HEAD does not hang', async () => {
    const s = liveMemoryStore([newsArticle(1, 'glacier')]);
    const app = createApp({ ...s.deps, streams: { ...quick, maxStreams: 1, maxDurationMs: 600_000 } });
    expect((await app.request('/v1/stream?q=glacier+after%3A2023-13')).status).toBe(400);
    const bad = await app.request('/v1/stream?q=x', { headers: { 'last-event-id': 'abc' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { parameter: string }).parameter).toBe('Last-Event-ID');
    expect((await app.request('/v1/stream?since=7')).status).toBe(400);
    const head = await app.request('/v1/stream?q=x', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const after = await open(app, '/v1/stream?q=x'); // HEAD's stream ended and freed its one slot
    await after.cancel();
    const fixed = await createApp({ corpus: fixtureCorpus() }).request('/v1/stream?q=x');
    expect(fixed.status).toBe(501);
  });
});

import { type ArticleStore, createMemoryStore } from '@gazette/core';
import { ChangesResultSchema, type LiveVersion } from '@gazette/core/query';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { fixtureArticles, fixtureCorpus } from '../test-support/fixture-corpus';
import type { RemoteError } from './remote-error';
import { type RemoteLive, remoteLive } from './remote-live';

/** The live wire format over a memory store's change log: /healthz with a version, /v1/changes?since=. */
function liveApi(store: ArticleStore, faults: { down: boolean }) {
  const app = new Hono();
  let requests = 0;
  const version = (seq: number): LiveVersion => ({
    revision: store.revision(),
    seq,
    articles: store.count(),
    segments: 1,
  });
  const lastSeq = () => {
    let seq = 0;
    for (let page = store.changes(0); page.changes.length; page = store.changes(page.last)) seq = page.last;
    return seq;
  };
  app.use(async (c, next) => {
    requests++;
    if (faults.down) return c.json({ title: 'Service unavailable' }, 503);
    await next();
  });
  app.get('/healthz', (c) => c.json({ status: 'ok', articles: store.count(), version: version(lastSeq()) }));
  app.get('/v1/changes', (c) => {
    const since = Number(c.req.query('since') ?? 0);
    const page = store.changes(since, 2);
    return c.json(
      ChangesResultSchema.parse({
        changes: page.changes,
        nextCursor: String(page.last),
        version: version(lastSeq()),
      }),
    );
  });
  const fetch: typeof globalThis.fetch = (input, init) => Promise.resolve(app.request(input, init));
  return { fetch, requests: () => requests };
}

async function until<T>(what: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = what();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

let open: RemoteLive[] = [];
afterEach(async () => {
  await Promise.all(open.map((live) => live.close()));
  open = [];
});
const follow = (...args: Parameters<typeof remoteLive>) => {
  const live = remoteLive(...args);
  open.push(live);
  return live;
};

describe('remoteLive (following a Gazette API)', () => {
  it('starts from the current version and publishes the ids added or updated after it, across pages', async () => {
    const [first, ...rest] = fixtureArticles();
    const store = createMemoryStore([first!]);
    const api = liveApi(store, { down: false });
    const live = follow('http://api.test/', { fetch: api.fetch, intervalMs: 10 });
    const seen: Array<{ version: LiveVersion; changed: readonly string[] }> = [];
    live.subscribe((version, changed) => seen.push({ version, changed }));
    await until(() => live.version());
    expect(live.version()!.articles).toBe(1);
    // Three changes, more than one page of two: the first article's update and two new ones.
    store.putMany([{ ...first!, title: 'Budget presented, again' }, ...rest]);
    await until(() => seen.at(-1)?.version.articles === 3);
    const changed = seen.flatMap((s) => s.changed);
    expect(new Set(changed)).toEqual(new Set([first!.id, ...rest.map((a) => a.id)]));
    expect(changed).toHaveLength(3);
    expect(live.version()!.articles).toBe(3);
  });

  it('reports a failing API without throwing, backs off, and picks up what changed once it answers again', async () => {
    const store = createMemoryStore(fixtureArticles().slice(0, 1));
    const faults = { down: false };
    const api = liveApi(store, faults);
    const live = follow('http://api.test/', { fetch: api.fetch, intervalMs: 10, maxIntervalMs: 40 });
    const troubles: Array<RemoteError | undefined> = [];
    live.onTrouble((error) => troubles.push(error));
    const changed: string[] = [];
    live.subscribe((_, ids) => changed.push(...ids));
    await until(() => live.version());
    faults.down = true;
    await until(() => troubles.length >= 2);
    expect(troubles[0]!.message).toMatch(/answered 503/);
    const added = fixtureArticles()[1]!;
    store.put(added);
    faults.down = false;
    await until(() => changed.length > 0);
    expect(changed).toEqual([added.id]);
    expect(troubles.at(-1)).toBeUndefined();
  });

  it('says once that an API serving a fixed corpus cannot be followed, and stops asking', async () => {
    const app = createApp({ corpus: fixtureCorpus() });
    let requests = 0;
    const fetch: typeof globalThis.fetch = (input, init) => {
      requests++;
      return Promise.resolve(app.request(input, init));
    };
    const live = follow('http://api.test/', { fetch, intervalMs: 5 });
    const troubles: Array<RemoteError | undefined> = [];
    let retrying: boolean | undefined;
    live.onTrouble((error, again) => {
      troubles.push(error);
      retrying = again;
    });
    await until(() => troubles.length);
    expect(troubles[0]!.message).toMatch(/fixed corpus/);
    expect(retrying).toBe(false);
    const asked = requests;
    await new Promise((r) => setTimeout(r, 100));
    expect(requests).toBe(asked);
    expect(troubles).toHaveLength(1);
  });

  it('stops polling when closed', async () => {
    const store = createMemoryStore(fixtureArticles());
    const api = liveApi(store, { down: false });
    const live = follow('http://api.test/', { fetch: api.fetch, intervalMs: 5 });
    await until(() => live.version());
    await live.close();
    const asked = api.requests();
    await new Promise((r) => setTimeout(r, 100));
    expect(api.requests()).toBe(asked);
  });

  it('reads through the API as a corpus (the server answers from its current corpus)', async () => {
    const app = createApp({ corpus: fixtureCorpus() });
    const fetch: typeof globalThis.fetch = (input, init) => Promise.resolve(app.request(input, init));
    const live = follow('http://api.test/', { fetch, intervalMs: 1000 });
    expect((await live.corpus.list({ limit: 1 })).total).toBe(fixtureCorpus().size);
  });
});

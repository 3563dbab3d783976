import type { LiveVersion } from '@gazette/core/query';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { fixtureArticles, fixtureCorpus } from '../test-support/fixture-corpus';
import { liveMemoryStore } from '../test-support/live-store';
import type { RemoteError } from './remote-error';
import { type RemoteLive, remoteLive } from './remote-live';

/** The real app serving a live memory store, through a transport that can be made to fail (503). */
function liveApi(initial = fixtureArticles().slice(0, 1)) {
  const live = liveMemoryStore(initial);
  const app = createApp(live.deps);
  const faults = { down: false };
  let requests = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    requests++;
    if (faults.down) return Response.json({ title: 'Service unavailable' }, { status: 503 });
    return app.request(input, init);
  };
  return { ...live, fetch, faults, requests: () => requests };
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
  it('starts from the current version and publishes the ids added or updated after it (the real app over a live store)', async () => {
    const [first, ...rest] = fixtureArticles();
    const api = liveApi([first!]);
    const live = follow('http://api.test/', { fetch: api.fetch, intervalMs: 10 });
    const seen: Array<{ version: LiveVersion; changed: readonly string[] }> = [];
    live.subscribe((version, changed) => seen.push({ version, changed }));
    await until(() => live.version());
    expect(live.version()!.articles).toBe(1);
    // Three changes: the first article's update and two new ones.
    api.add([{ ...first!, title: 'Budget presented, again' }, ...rest]);
    await until(() => seen.at(-1)?.version.articles === 3);
    const changed = seen.flatMap((s) => s.changed);
    expect(new Set(changed)).toEqual(new Set([first!.id, ...rest.map((a) => a.id)]));
    expect(changed).toHaveLength(3);
    expect(live.version()!.articles).toBe(3);
  });

  it('reports a failing API without throwing, backs off, and picks up what changed once it answers again', async () => {
    const api = liveApi();
    const faults = api.faults;
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
    api.add([added]);
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
    // A listener added later (a UI that subscribes once it has drawn) is told too.
    const late: Array<boolean> = [];
    live.onTrouble((_, again) => late.push(again));
    expect(late).toEqual([false]);
  });

  it('stops polling when closed', async () => {
    const api = liveApi(fixtureArticles());
    const live = follow('http://api.test/', { fetch: api.fetch, intervalMs: 5 });
    await until(() => live.version());
    await live.close();
    const asked = api.requests();
    await new Promise((r) => setTimeout(r, 100));
    expect(api.requests()).toBe(asked);
  });

  it('does not ask again an API whose changes route answers 501 (a bundled corpus)', async () => {
    const api = liveApi();
    let asked = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (!String(input).includes('/v1/changes')) return api.fetch(input, init);
      asked++;
      return Response.json({ title: 'Not live' }, { status: 501 });
    };
    const live = follow('http://api.test/', { fetch, intervalMs: 5 });
    const retries: boolean[] = [];
    live.onTrouble((_, retrying) => retries.push(retrying));
    await until(() => retries.length);
    await new Promise((r) => setTimeout(r, 100));
    expect(retries).toEqual([false]);
    expect(asked).toBe(1);
  });

  it('reads through the API as a corpus, which answers what is new once the version moved', async () => {
    const api = liveApi();
    const live = follow('http://api.test/', { fetch: api.fetch, intervalMs: 10 });
    expect((await live.corpus.list({ limit: 1 })).total).toBe(1);
    let moved = false;
    live.subscribe(() => {
      moved = true;
    });
    await until(() => live.version());
    api.add(fixtureArticles().slice(1));
    await until(() => moved);
    expect((await live.corpus.list({ limit: 1 })).total).toBe(3);
  });
});

import { createAlert } from '@gazette/core/query';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { fixtureCorpus } from '../test-support/fixture-corpus';
import { liveMemoryStore, newsArticle } from '../test-support/live-store';

const NOW = '2026-12-03T09:00:00.000Z';
const entries = (xml: string) =>
  [...xml.matchAll(/<title type="text">([^<]*)<\/title>/g)].slice(1).map((m) => m[1]);

describe('GET /v1/alerts/{id}/feed.atom', () => {
  it("is the alert's newest matches through the core's Atom writer, current with the live corpus", async () => {
    const s = liveMemoryStore([newsArticle(1, 'glacier'), newsArticle(2, 'harbour')]);
    const alert = createAlert({ query: 'glacier' }, NOW);
    s.store.alerts.add(alert);
    const app = createApp({ ...s.deps, now: () => NOW });
    const first = await app.request(`/v1/alerts/${alert.id}/feed.atom`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await first.text();
    expect(xml).toContain('<title type="text">Gazette alert: glacier</title>');
    expect(xml).toContain(`href="/v1/alerts/${alert.id}/feed.atom"`);
    expect(entries(xml)).toEqual(['glacier update number 1']);
    expect(xml).not.toContain(alert.secret);
    s.add([newsArticle(3, 'glacier'), newsArticle(4, 'glaciar')]); // typos off, as the alert matches
    expect(entries(await (await app.request(`/v1/alerts/${alert.id}/feed.atom`)).text())).toEqual([
      'glacier update number 3',
      'glacier update number 1',
    ]);
  });

  it('bounds its entries', async () => {
    const s = liveMemoryStore(Array.from({ length: 60 }, (_, n) => newsArticle(n + 1, 'glacier')));
    const alert = createAlert({ query: 'glacier' }, NOW);
    s.store.alerts.add(alert);
    const xml = await (await createApp({ ...s.deps }).request(`/v1/alerts/${alert.id}/feed.atom`)).text();
    expect(entries(xml)).toHaveLength(50);
  });

  it('is a 404 problem for an unknown alert, and at once for one removed after its feed was read', async () => {
    const s = liveMemoryStore([newsArticle(1, 'glacier')]);
    const alert = createAlert({ query: 'glacier' }, NOW);
    s.store.alerts.add(alert);
    const app = createApp({ ...s.deps });
    const unknown = await app.request('/v1/alerts/anope/feed.atom');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect((await app.request(`/v1/alerts/${alert.id}/feed.atom`)).status).toBe(200);
    s.store.alerts.remove(alert.id);
    expect((await app.request(`/v1/alerts/${alert.id}/feed.atom`)).status).toBe(404);
  });

  it('answers 501 on a server with no store', async () => {
    const res = await createApp({ corpus: fixtureCorpus() }).request('/v1/alerts/a1/feed.atom');
    expect(res.status).toBe(501);
  });
});

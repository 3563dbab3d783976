import type { Corpus } from '@gazette/core';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { nodeTurns } from './node-turns';
import { fixtureCorpus } from '../test-support/fixture-corpus';

describe('turns', () => {
  it('runs each query in its own turn of the event loop, and answers /healthz without waiting for them', async () => {
    // A count of the event loop's turns, and the turn each query of the corpus ran in.
    let turn = 0;
    let counting = true;
    const count = () => {
      turn++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const ranIn: number[] = [];
    const queries = new Set(['search', 'list', 'timeline', 'facets', 'entities', 'quotes']);
    const corpus = new Proxy(fixtureCorpus(), {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || !queries.has(String(prop))) return value;
        return (...args: unknown[]) => {
          ranIn.push(turn);
          return value.apply(target, args);
        };
      },
    }) as Corpus;
    const app = createApp({ corpus, readCacheBytes: 0, turns: nodeTurns() });
    const answered: string[] = [];
    const send = (path: string, init?: RequestInit) =>
      Promise.resolve(app.request(path, init)).then((res) => {
        answered.push(path);
        expect(res.status, path).toBe(200);
      });
    const post = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'budget' }),
    };
    await Promise.all([
      send('/v1/search?q=budget'),
      send('/v1/search?q=cup'),
      send('/v1/search', post),
      send('/v1/timeline?q=budget'),
      send('/v1/feed.atom?q=budget'),
      send('/v1/articles?section=sport'),
      send('/healthz'),
    ]);
    counting = false;
    expect(ranIn).toHaveLength(6);
    expect(new Set(ranIn).size, `turns: ${ranIn.join(', ')}`).toBe(ranIn.length);
    expect(answered[0]).toBe('/healthz');
  });
});

import { describe, expect, it } from 'vitest';
import { NODE_CLI, type RunningApi, startPrintingApi, startWorkerdApi } from './support/start-api';

// GAZETTE_PUBLIC_URL makes feed links absolute on both runtimes: from the environment on Node, from the
// worker's variables (wrangler [vars], its `env` binding) on Workers. Before, the worker never read it, so its
// feeds had relative links whatever was configured.

const PUBLIC_URL = 'https://news.example/api';

const runtimes: Array<[string, (vars: Record<string, string>) => Promise<RunningApi>]> = [
  ['Node (environment)', (vars) => startPrintingApi([NODE_CLI], vars)],
  ['workerd (env binding)', startWorkerdApi],
];

async function feedLinks(url: string): Promise<{ atomSelf: string | undefined; feedUrl: unknown }> {
  const atom = await (await fetch(`${url}/v1/feed.atom?q=the`)).text();
  const json = (await (await fetch(`${url}/v1/feed.json`)).json()) as { feed_url?: unknown };
  return { atomSelf: atom.match(/<link rel="self" href="([^"]*)"/)?.[1], feedUrl: json.feed_url };
}

describe('GAZETTE_PUBLIC_URL', () => {
  it.each(runtimes)('%s: feeds link to it', async (_, start) => {
    const api = await start({ GAZETTE_PUBLIC_URL: PUBLIC_URL });
    try {
      expect(await feedLinks(api.url)).toEqual({
        atomSelf: `${PUBLIC_URL}/v1/feed.atom?q=the`,
        feedUrl: `${PUBLIC_URL}/v1/feed.json`,
      });
    } finally {
      await api.stop();
    }
  });

  it('workerd without it: relative links, and JSON Feed leaves out feed_url', async () => {
    const api = await startWorkerdApi();
    try {
      expect(await feedLinks(api.url)).toEqual({ atomSelf: '/v1/feed.atom?q=the', feedUrl: undefined });
    } finally {
      await api.stop();
    }
  });

  it('workerd with an invalid one: every request fails (500) rather than serving wrong links', async () => {
    const api = await startWorkerdApi({ GAZETTE_PUBLIC_URL: 'ftp://news.example' });
    try {
      expect((await fetch(`${api.url}/v1/feed.json`)).status).toBe(500);
      expect((await fetch(`${api.url}/healthz`)).status).toBe(500);
    } finally {
      await api.stop();
    }
  });
});

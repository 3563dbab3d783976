import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Article } from '@gazette/core';
import { serveStatic, type StaticSite } from '@gazette/site';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch, watchErrors } from './browser';
import { buildSiteOver } from './build-site';

export interface ServedSite {
  /** The built site's directory (set once the suite's beforeAll has run). */
  out: string;
  site: StaticSite;
  browser: Browser;
}

/**
 * Builds the site over `articles`, serves it and launches Chromium for the calling suite (its own beforeAll
 * and afterAll, which remove the build and stop both). `open` gives a fresh page in its own context.
 */
export function servedSite(articles: Article[], label: string) {
  const served = {} as ServedSite;
  beforeAll(async () => {
    served.out = await buildSiteOver(articles, label);
    served.site = await serveStatic({ dir: served.out });
    served.browser = await launch();
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.site?.close();
    if (served.out) rmSync(dirname(served.out), { recursive: true, force: true });
  });

  async function open(path: string, options: { width?: number; dark?: boolean } = {}) {
    const context = await served.browser.newContext({
      viewport: { width: options.width ?? 1200, height: 900 },
      colorScheme: options.dark ? 'dark' : 'light',
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const res = await page.goto(`${served.site.url}${path}`);
    return { page, errors, status: res?.status(), close: () => context.close() };
  }
  return { served, open };
}

import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCorpus, parseText } from '@gazette/core';
import { serveStatic, type StaticSite } from '@gazette/site';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launch, watchErrors } from './browser';
import { buildSiteOver } from './build-site';
import { fixtureArticles } from './site-fixtures';

// The site's search box runs the core's own index and query language in the browser: what a user finds
// there is what corpus.search finds, in any script, and the word being typed matches as a prefix.

const japanese = parseText(
  [
    '---',
    'title: 東京の経済ニュース',
    'date: 2024-02-01',
    'language: ja',
    'section: business',
    '---',
    '東京都の経済は成長しています。日本銀行は金利を据え置きました。',
  ].join('\n'),
);

describe.skipIf(!HAS_CHROMIUM)(
  `the site's search in Chromium ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`,
  () => {
    const articles = [...fixtureArticles(), japanese];
    const corpus = createCorpus(articles);
    let out: string;
    let site: StaticSite;
    let browser: Browser;

    beforeAll(async () => {
      out = await buildSiteOver(articles, 'search');
      site = await serveStatic({ dir: out });
      browser = await launch();
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await site?.close();
      if (out) rmSync(dirname(out), { recursive: true, force: true });
    });

    async function resultTitles(path: string, typed?: string): Promise<string[]> {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      try {
        await page.goto(`${site.url}${path}`);
        if (typed !== undefined) await page.locator('#q').pressSequentially(typed);
        await page.waitForFunction(
          () =>
            !/Loading|Searching|Type to search/.test(
              document.querySelector('#search-status')?.textContent ?? '',
            ),
          undefined,
          { timeout: 20_000 },
        );
        await page.waitForTimeout(400); // the box waits 120 ms after the last key
        await page.waitForFunction(
          () => !/Searching/.test(document.querySelector('#search-status')?.textContent ?? ''),
        );
        expect(errors).toEqual([]);
        return (await page.locator('#results li h3').allInnerTexts()).sort();
      } finally {
        await page.close();
      }
    }

    const coreTitles = (q: string) =>
      corpus
        .search({ q, limit: 100 })
        .hits.map((h) => h.title)
        .sort();

    it('finds the Japanese article for 経済, as corpus.search does', async () => {
      const want = coreTitles('経済');
      expect(want).toEqual(['東京の経済ニュース']);
      expect(await resultTitles(`/search/?q=${encodeURIComponent('経済')}`)).toEqual(want);
    }, 60_000);

    it('finds what corpus.search finds for words, phrases, OR and typos', async () => {
      for (const q of ['Lovelace', '"Royal Society" London', 'exhibition OR prize', 'Lovelce']) {
        const want = coreTitles(q);
        expect(want.length, q).toBeGreaterThan(0);
        expect(await resultTitles(`/search/?q=${encodeURIComponent(q)}`), q).toEqual(want);
      }
    }, 120_000);

    it('matches the word being typed as a prefix', async () => {
      const want = coreTitles('Lovel*');
      expect(coreTitles('Lovel')).toEqual([]);
      expect(want.length).toBeGreaterThan(0);
      expect(await resultTitles('/search/', 'Lovel')).toEqual(want);
    }, 60_000);

    it('writes the search index as a manifest, term shards and packs of articles, not one file per article', () => {
      const dir = join(out, 'search');
      const packs = readdirSync(join(dir, 'd')).map((f) =>
        JSON.parse(readFileSync(join(dir, 'd', f), 'utf8')),
      );
      expect(readdirSync(join(dir, 't')).length).toBeGreaterThan(0);
      expect(packs.every((p) => Array.isArray(p))).toBe(true);
      expect(packs.flat().length).toBe(articles.length);
    });
  },
);

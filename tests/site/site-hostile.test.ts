import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serveStatic, type StaticSite } from '@gazette/site';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, HAS_CHROMIUM, launch } from './browser';
import { atomProblems, jsonFeedProblems } from '../../packages/core/test-support/feed-validity';
import { buildSiteOver } from './build-site';
import { liveProblem, tags } from './html-scan';
import { hostileArticles } from './site-fixtures';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('a corpus of hostile text builds a site where none of it is live', () => {
  let out: string;
  const articles = hostileArticles();

  beforeAll(async () => {
    out = await buildSiteOver(articles, 'hostile');
  });
  afterAll(() => {
    if (out) rmSync(dirname(out), { recursive: true, force: true });
  });

  it('has a scanner that sees live markup and ignores escaped text and attribute values', () => {
    const problems = (html: string) => tags(html).map(liveProblem).filter(Boolean);
    expect(problems('<p><img src=x onerror="alert(1)"></p>')).toHaveLength(1);
    expect(problems('<a href="javascript:alert(1)">x</a>')).toHaveLength(1);
    expect(problems('<b onmouseover=alert(1)>x</b>')).toHaveLength(1);
    expect(problems('<script>alert(1)</script>')).toHaveLength(1);
    // The map's <use> may refer only to the site's own shapes file.
    expect(problems('<use href="/world-map.svg#c-FR"></use><use href="/world-map.svg#world"></use>')).toEqual(
      [],
    );
    expect(problems('<use href="https://evil.example/x.svg#a"></use>')).toHaveLength(1);
    expect(problems('<use href="data:image/svg+xml,<svg onload=alert(1)>"></use>')).toHaveLength(1);
    expect(
      problems('<meta content="<script>alert(1)</script>"><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'),
    ).toEqual([]);
  });

  it('writes no live script, event handler or javascript: URL into any page', () => {
    const html = files(out).filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThan(5);
    for (const f of html) {
      const text = readFileSync(f, 'utf8');
      const problems = tags(text).map(liveProblem).filter(Boolean);
      expect(problems, f).toEqual([]);
      for (const ld of text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
        expect(ld[1], f).not.toContain('<');
        expect(() => JSON.parse(ld[1]!)).not.toThrow();
      }
    }
    // The hostile text is there, escaped, so readers still see what the article says.
    const article = readFileSync(join(out, 'articles', articles[0]!.slug, 'index.html'), 'utf8');
    expect(article).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
  });

  it('keeps feeds and the sitemap well-formed', () => {
    for (const name of ['feed.xml', 'sitemap.xml']) {
      const xml = readFileSync(join(out, name), 'utf8');
      expect(xml).not.toMatch(/<script/i);
      expect(xml).not.toMatch(/<img/i);
    }
    expect(atomProblems(readFileSync(join(out, 'feed.xml'), 'utf8'))).toEqual([]);
    expect(jsonFeedProblems(JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8')))).toEqual([]);
  });

  describe.skipIf(!HAS_CHROMIUM)(`in Chromium ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
    let site: StaticSite;
    let browser: Browser;
    beforeAll(async () => {
      site = await serveStatic({ dir: out });
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('runs none of it on any page, in search results either', async () => {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const pages = files(out)
        .filter((f) => f.endsWith('index.html'))
        .map((f) => `/${f.slice(out.length + 1).replace(/index\.html$/, '')}`);
      pages.push('/search/?q=pwned', '/search/?q=Mallory', '/search/?q=script');
      for (const path of pages) {
        await page.goto(`${site.url}${path}`);
        if (path.startsWith('/search/'))
          await page.waitForFunction(
            () => !/Searching|Loading/.test(document.querySelector('#search-status')?.textContent ?? ''),
          );
        await page.mouse.move(10, 10);
        await page.hover('body');
        expect(
          await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
          path,
        ).toBeUndefined();
        // The parsed DOM holds no element or attribute that could run code.
        const live = await page.evaluate(() =>
          [...document.querySelectorAll('*')].flatMap((el) => {
            const out: string[] = [];
            if (
              ['IMG', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) ||
              (el.tagName.toLowerCase() === 'svg' && !el.closest('.timeline, .world-map'))
            )
              out.push(el.tagName);
            if (
              el.tagName === 'SCRIPT' &&
              !(
                el.getAttribute('type') === 'application/ld+json' ||
                /^\/_astro\//.test(el.getAttribute('src') ?? '')
              )
            )
              out.push(`script ${el.outerHTML.slice(0, 80)}`);
            for (const a of el.attributes) {
              if (a.name.startsWith('on')) out.push(`${a.name} on ${el.tagName}`);
              if (['href', 'src', 'action'].includes(a.name) && /^\s*(javascript|data):/i.test(a.value))
                out.push(`${a.name}=${a.value}`);
            }
            return out;
          }),
        );
        expect(live, path).toEqual([]);
      }
      // The search did find the hostile article, and showed its text as text.
      await page.goto(`${site.url}/search/?q=Mallory`);
      await page.waitForSelector('#results li');
      expect(await page.locator('#results li h3').first().innerText()).toContain('<script>');
      expect(dialogs).toEqual([]);
      await page.close();
    });
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MIN_STATEMENT_WORDS } from '@gazette/core/query';
import { atomProblems, jsonFeedProblems } from '../../packages/core/test-support/feed-validity';
import { CHROMIUM_MISSING, HAS_CHROMIUM, screenshot, seriousViolations } from './browser';
import { servedSite } from './served-site';
import { ADA, fixtureArticles } from './site-fixtures';

describe.skipIf(!HAS_CHROMIUM)(`the static site in Chromium ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`, () => {
  const builtAfter = Date.now() - 1000;
  const articles = fixtureArticles();
  const reference = articles[0]!;
  const { served, open } = servedSite(articles, 'fixture');

  async function expectAccessible(page: Page) {
    expect(await seriousViolations(page), page.url()).toEqual([]);
  }

  it('home -> reference article -> enriched article -> entity -> search -> result, with no console errors', async () => {
    const { page, errors, close } = await open('/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Latest');
    await expectAccessible(page);
    await screenshot(page, 'home');

    // The reference article: derived title flagged, no date.
    await page.getByRole('link', { name: reference.title }).first().click();
    await page.waitForURL(`**/articles/${reference.slug}/`);
    expect(await page.locator('h1').textContent()).toBe(reference.title);
    expect(await page.locator('.derived').count()).toBe(reference.titleSource === 'derived' ? 1 : 0);
    expect(await page.locator('header .meta').textContent()).toContain(
      reference.publishedAt ? '' : 'Date unknown',
    );
    const bodyText = await page.locator('.body').innerText();
    for (const block of reference.body.slice(0, 3)) expect(bodyText).toContain(block.text.slice(0, 40));
    for (const teaser of reference.related)
      expect(await page.locator('.teasers').innerText()).toContain(teaser.title);
    await expectAccessible(page);
    await screenshot(page, 'article-reference');

    // An enriched article: quote highlighted (with its marks), entity mentions linked; the paragraph names Ada
    // Lovelace after the quotation, so no "— Ada Lovelace" repeats it.
    const story = articles[1]!;
    await page.goto(`${served.site.url}/`);
    await page.getByRole('link', { name: story.title }).first().click();
    await page.waitForURL(`**/articles/${story.slug}/`);
    const quote = page.locator('.body mark.quote').first();
    expect(await quote.innerText()).toBe(`"${story.quotes[0]!.text},"`);
    expect(await page.locator('.body .speaker').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'article-enriched');

    await page.locator('.body a.entity', { hasText: ADA.name }).first().click();
    await page.waitForURL(`**/entities/${ADA.id}/`);
    expect(await page.locator('h1').textContent()).toBe(ADA.name);
    expect(await page.locator('.timeline svg rect.bar').count()).toBeGreaterThan(0);
    expect(await page.locator('#quotes blockquote').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'entity');

    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.waitForURL('**/search/');
    await page.locator('#q').pressSequentially('analytical engine', { delay: 20 });
    await expect.poll(() => page.locator('#results li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('analytical engine');
    expect(await page.locator('#results mark').count()).toBeGreaterThan(0);
    expect(await page.locator('#facets button').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'search');

    const first = page.locator('#results li h3 a').first();
    const title = await first.textContent();
    await first.click();
    await page.waitForURL('**/articles/**');
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(errors).toEqual([]);
    await close();
  });

  it('the article page links the first mention only, names only speakers the text does not, pulls out only statements', async () => {
    const { page, errors, close } = await open(`/articles/${reference.slug}/`);
    const body = page.locator('.body');
    // France is named 7 times in the reference story, which has no headings: one section, one link.
    expect((await body.innerText()).match(/\bFrance\b/g)?.length).toBe(7);
    expect(await body.locator('a.entity', { hasText: /^France$/ }).count()).toBe(1);
    const hrefs = await body.locator('a.entity').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(1);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    // "— Emmanuel Macron" only after paragraphs that say "he added"/"he argued", never where they say "Macron".
    const attributed = await body
      .locator('p', { has: page.locator('.speaker') })
      .evaluateAll((ps) => ps.map((p) => (p.textContent ?? '').split(' — ')[0]));
    expect(attributed.length).toBe(3);
    for (const text of attributed) expect(text).not.toMatch(/Macron/);
    for (const text of attributed) expect(text).toMatch(/\bhe (added|argued)\b/i);
    // Pull-quotes: whole sentences only; "hostage" and "epidemic" stay in the text.
    const pulled = await page.locator('.quotes-list blockquote').allInnerTexts();
    expect(pulled.length).toBe(3);
    for (const q of pulled) expect(q.split(/\s+/).length).toBeGreaterThan(5);
    expect(pulled).not.toContain('hostage');
    expect(await body.locator('mark.quote', { hasText: 'hostage' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it("the quotes page and a speaker's page list only statements, as the article page pulls them out", async () => {
    const article = await open(`/articles/${reference.slug}/`);
    const macron = await article.page
      .locator('.body a.entity', { hasText: /Macron/ })
      .first()
      .getAttribute('href');
    await article.close();
    expect(macron).toBeTruthy();
    for (const path of ['/quotes/', macron!]) {
      const { page, errors, close } = await open(path);
      const listed = await page.locator('.quotes-list blockquote').allInnerTexts();
      // The reference story quotes Macron in whole sentences and in single words ("hostage", "epidemic").
      expect(listed.length).toBeGreaterThan(0);
      for (const q of listed)
        expect(q.trim().split(/\s+/).length, `${path}: ${q}`).toBeGreaterThanOrEqual(MIN_STATEMENT_WORDS);
      expect(listed).not.toContain('hostage');
      expect(errors).toEqual([]);
      await close();
    }
  });

  it('every other page type is accessible and screenshotted: quotes, section, tag, 404, dark, 320 px', async () => {
    const pages: Array<[string, string, number]> = [
      ['/quotes/', 'quotes', 200],

      ['/sections/science/', 'section', 200],
      ['/tags/engines/', 'tag', 200],
      ['/no-such-page/', '404', 404],
    ];
    for (const [path, name, want] of pages) {
      const { page, errors, status, close } = await open(path);
      expect(status, path).toBe(want);
      await expectAccessible(page);
      await screenshot(page, name);
      expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
      await close();
    }
    const dark = await open(`/articles/${articles[1]!.slug}/`, { dark: true });
    const bg = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(253, 252, 249)');
    await expectAccessible(dark.page);
    await screenshot(dark.page, 'article-dark');
    await dark.close();

    for (const path of ['/', `/articles/${reference.slug}/`, `/entities/${ADA.id}/`, '/search/?q=engine']) {
      const narrow = await open(path, { width: 320 });
      await narrow.page.waitForLoadState('networkidle');
      const overflow = await narrow.page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `horizontal scroll at 320 px on ${path}`).toBeLessThanOrEqual(0);
      if (path === '/') await screenshot(narrow.page, 'home-320');
      await narrow.close();
    }
  });

  it('keeps search state in the URL: a shared link shows the same results, facets filter them', async () => {
    const { page, errors, close } = await open('/search/?q=Lovelace');
    expect(await page.locator('#q').inputValue()).toBe('Lovelace');
    await expect.poll(() => page.locator('#results li').count(), { timeout: 10_000 }).toBe(2);
    const science = page.locator('#facets button', { hasText: 'science' }).first();
    expect(await science.innerText()).toContain('(2)');
    await page.goto(`${served.site.url}/search/?q=London`);
    await expect.poll(() => page.locator('#results li').count(), { timeout: 10_000 }).toBe(3);
    await page.locator('#facets button', { hasText: 'business' }).first().click();
    await expect.poll(() => page.locator('#results li').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('section')).toBe('business');
    await page.goBack();
    await expect.poll(() => page.locator('#results li').count()).toBe(3);
    expect(errors).toEqual([]);
    await close();
  });

  it('is keyboard navigable: the first Tab reaches the skip link, which moves focus to the content', async () => {
    const { page, close } = await open('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await close();
  });

  it('publishes feeds, a sitemap, robots.txt, canonical URLs, OpenGraph and JSON-LD NewsArticle', async () => {
    const get = async (path: string) => {
      const r = await fetch(`${served.site.url}${path}`);
      expect(r.status, path).toBe(200);
      return r.text();
    };
    const feed = JSON.parse(await get('/feed.json'));
    expect(feed.version).toMatch(/jsonfeed/);
    expect(feed.items.map((i: { title: string }) => i.title).sort()).toEqual(
      articles.map((a) => a.title).sort(),
    );
    const atom = await get('/feed.xml');
    expect(atom.match(/<entry>/g)).toHaveLength(articles.length);
    const sitemap = await get('/sitemap.xml');
    for (const a of articles) expect(sitemap).toContain(`/articles/${a.slug}/</loc>`);
    expect(await get('/robots.txt')).toMatch(/Sitemap: http.*\/sitemap\.xml/);

    const { page, close } = await open(`/articles/${articles[1]!.slug}/`);
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toMatch(
      new RegExp(`/articles/${articles[1]!.slug}/$`),
    );
    expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(articles[1]!.title);
    expect(ld.datePublished).toBe(articles[1]!.publishedAt);
    await close();
  });

  // Issue 14: the site's Atom dated an undated article 1970-01-01 (or another article's date), had no
  // <summary>, was served as application/xml; its JSON Feed items had no content; both link its pages.
  it('serves valid Atom and JSON Feed with their media types, dating no article by an invented date', async () => {
    const feedAt = async (path: string) => {
      const r = await fetch(`${served.site.url}${path}`);
      expect(r.status, path).toBe(200);
      return { type: r.headers.get('content-type'), text: await r.text() };
    };
    const atom = await feedAt('/feed.xml');
    expect(atom.type).toMatch(/^application\/atom\+xml/);
    expect(atomProblems(atom.text)).toEqual([]);
    expect(atom.text).not.toContain('1970-01-01');
    const entry = atom.text.split('<entry>').find((e) => e.includes(`urn:gazette:${reference.id}<`))!;
    expect(reference.publishedAt, 'the reference article is undated').toBeUndefined();
    // No date of its own and no store: the time this build published it.
    const updated = Date.parse(/<updated>([^<]+)<\/updated>/.exec(entry)![1]!);
    expect(updated).toBeGreaterThanOrEqual(builtAfter);
    expect(updated).toBeLessThanOrEqual(Date.now());
    expect(entry).not.toContain('<published>');
    expect(entry).toContain('<summary type="text">');
    expect(entry).toMatch(new RegExp(`href="http[^"]*/articles/${reference.slug}/"`));
    const json = await feedAt('/feed.json');
    expect(json.type).toMatch(/^application\/feed\+json/);
    expect(jsonFeedProblems(JSON.parse(json.text))).toEqual([]);
  });
});

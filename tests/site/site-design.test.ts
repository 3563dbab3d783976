import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Article, createCorpus, parseFeed, parseHtml, parseText } from '@gazette/core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, HAS_CHROMIUM } from './browser';
import { charactersPerLine, textContrasts, textSizes } from './page-probes';
import { servedSite } from './served-site';
import { fixtureArticles } from './site-fixtures';

// Issue 14, "as a reader meets them": the site's typographic system (measure, type scale, masthead,
// section colour, dark mode), card ledes, related stories, table headers and one date style.

const LONG =
  'The harbour authority said the quays would reopen to cargo traffic on Wednesday morning, after divers had checked ' +
  'the moorings and engineers had cleared the silt that the storm surge left in the channel over the weekend.';

/** An article read from an HTML page: its date carries the page's own offset. */
function htmlArticle(): Article {
  return parseHtml(
    `<html lang="en"><head><title>Harbour reopens after the storm</title>
<meta property="article:published_time" content="2023-05-02T23:30:00-05:00">
<meta property="article:section" content="world"></head>
<body><article><h1>Harbour reopens after the storm</h1><p>${LONG}</p><p>${LONG}</p></article></body></html>`,
    { url: 'https://news.example/harbour' },
  );
}

/** An article read from an RSS item: its date is an instant in UTC. */
function rssArticle(): Article {
  const [item] =
    parseFeed(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link>
<item><title>Council votes on the new bridge</title><link>https://news.example/bridge</link>
<pubDate>Tue, 02 May 2023 10:00:00 GMT</pubDate><description>${LONG}</description></item></channel></rss>`);
  return item!;
}

function designArticles(): Article[] {
  const base = fixtureArticles();
  const rss = rssArticle();
  const teasers: Article = {
    ...parseText(
      [
        '---',
        'title: A story with teasers in its text',
        'date: 2024-02-01',
        'section: science',
        '---',
        LONG,
      ].join('\n'),
    ),
    related: [
      { title: base[2]!.title, reason: 'fixture: the headline of an article in the corpus' },
      {
        title: 'The bridge vote',
        url: 'https://news.example/bridge?utm_source=x',
        reason: 'fixture: its URL',
      },
      {
        title: 'A story on another site',
        url: 'https://elsewhere.example/story',
        reason: 'fixture: external',
      },
      { title: 'A headline with no address', reason: 'fixture: nothing to link to' },
    ],
  };
  return [...base, htmlArticle(), rss, teasers];
}

describe.skipIf(!HAS_CHROMIUM)(
  `the site as a reader meets it ${HAS_CHROMIUM ? '' : CHROMIUM_MISSING}`,
  () => {
    const articles = designArticles();
    const [reference, story1, , story3, html, rss, teasers] = articles;
    const { served, open } = servedSite(articles, 'design');

    const pages = () => [
      '/',
      `/articles/${reference!.slug}/`,
      `/articles/${teasers!.slug}/`,
      '/sections/science/',
      '/quotes/',
    ];

    it('sets body text at a readable measure: 60 to 75 characters per line, at any window width', async () => {
      for (const width of [1200, 1800]) {
        const article = await open(`/articles/${reference!.slug}/`, { width });
        const body = await charactersPerLine(article.page, '.body p', 160);
        expect(body.length).toBeGreaterThan(0);
        for (const n of body)
          expect(n, `characters per line of the article body at ${width} px`).toBeGreaterThanOrEqual(60);
        for (const n of body)
          expect(n, `characters per line of the article body at ${width} px`).toBeLessThanOrEqual(75);
        await article.close();
        const home = await open('/', { width });
        const ledes = await charactersPerLine(home.page, '.cards .lede', 120);
        expect(ledes.length).toBeGreaterThan(0);
        for (const n of ledes)
          expect(n, `characters per line of a home card at ${width} px`).toBeLessThanOrEqual(75);
        await home.close();
      }
    });

    it('sizes every text from one type scale: the body size times a power of --ratio', async () => {
      for (const path of pages()) {
        const { page, close } = await open(path);
        const ratio = Number(
          await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ratio')),
        );
        expect(ratio, 'the scale ratio as a CSS custom property').toBeGreaterThan(1);
        const base = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
        const sizes = await textSizes(page);
        const steps = new Set<number>();
        for (const { tag, size } of sizes) {
          const step = Math.log(size / base) / Math.log(ratio);
          expect(
            Math.abs(step - Math.round(step)),
            `${tag} at ${size}px is off the scale on ${path}`,
          ).toBeLessThan(0.02);
          steps.add(Math.round(step));
        }
        expect(steps.size, `a few sizes, not many, on ${path}`).toBeLessThanOrEqual(6);
        await close();
      }
    });

    it('heads every page with a masthead: the nameplate, a date line and the section navigation', async () => {
      const corpus = createCorpus(articles);
      const newest = corpus.list({ limit: 1 }).items[0]!.publishedAt!;
      const sections = corpus.facets({ facets: ['section'] }).section!.map((s) => s.value);
      for (const path of pages()) {
        const { page, close } = await open(path);
        const banner = page.getByRole('banner');
        expect(await banner.locator('.nameplate').innerText()).toBe('Gazette');
        const [nameplate, h1] = await Promise.all(
          ['.nameplate', 'main h1'].map((s) =>
            page.locator(s).evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize)),
          ),
        );
        expect(nameplate, 'the nameplate is the largest type on the page').toBeGreaterThan(h1!);
        expect(await page.locator('h1').count(), 'the nameplate is not a second h1').toBe(1);
        expect(await banner.locator('.dateline time').getAttribute('datetime')).toBe(newest);
        const nav = banner.getByRole('navigation', { name: 'Sections' });
        expect((await nav.getByRole('link').allInnerTexts()).map((t) => t.toLowerCase()).sort()).toEqual(
          [...sections].map((s) => s.toLowerCase()).sort(),
        );
        expect(await nav.getByRole('link').first().getAttribute('href')).toMatch(/^\/sections\/[^/]+\/$/);
        await close();
      }
    });

    it('gives each section one accent colour, the same on every page, on its kicker and labels', async () => {
      const colourOf = async (path: string, selector: string, name: string) => {
        const { page, close } = await open(path);
        const link = page.locator(selector, { hasText: new RegExp(`^${name}$`, 'i') }).first();
        const [colour, text] = await Promise.all([
          link.evaluate((e) => getComputedStyle(e).color),
          page
            .locator('main p')
            .first()
            .evaluate((e) => getComputedStyle(e).color),
        ]);
        await close();
        return { colour, text };
      };
      for (const [section, article] of [
        ['science', story1!],
        ['business', story3!],
      ] as const) {
        const onArticle = await colourOf(`/articles/${article.slug}/`, 'header .kicker a', section);
        expect(onArticle.colour, `${section} is set off from the text`).not.toBe(onArticle.text);
        for (const [path, selector] of [
          ['/', '.cards .kicker a'],
          ['/', 'nav[aria-label="Sections"] a'],
          [`/articles/${article.slug}/`, 'nav[aria-label="Sections"] a'],
          [`/sections/${section}/`, 'main h1'],
        ] as const)
          expect((await colourOf(path, selector, section)).colour, `${section} on ${path} ${selector}`).toBe(
            onArticle.colour,
          );
      }
      const science = await colourOf(`/articles/${story1!.slug}/`, 'header .kicker a', 'science');
      const business = await colourOf(`/articles/${story3!.slug}/`, 'header .kicker a', 'business');
      expect(science.colour, 'two sections, two colours').not.toBe(business.colour);
    });

    it('keeps every text at 4.5:1 contrast or more in the light and the dark scheme', async () => {
      for (const dark of [false, true]) {
        for (const path of [...pages(), `/articles/${story1!.slug}/`, '/entities/person-ada-lovelace/']) {
          const { page, close } = await open(path, { dark });
          const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          const [r, g, b] = background.match(/\d+/g)!.map(Number);
          if (dark) expect(r! + g! + b!, 'a dark background').toBeLessThan(120);
          else expect(r! + g! + b!, 'a light background').toBeGreaterThan(700);
          const low = (await textContrasts(page)).filter((c) => c.ratio < 4.5);
          expect(low, `${dark ? 'dark' : 'light'} ${path}`).toEqual([]);
          await close();
        }
      }
    });

    it('shows a lede on home and list cards: the summary the core gives', async () => {
      for (const path of ['/', '/sections/science/']) {
        const { page, close } = await open(path);
        for (const a of articles.filter((x) => path === '/' || x.section === 'science')) {
          const card = page
            .locator('.cards > li', { has: page.getByRole('link', { name: a.title, exact: true }) })
            .first();
          const lede = a.standfirst ?? a.summary;
          expect(lede, `${a.title} has a summary`).toBeTruthy();
          expect(await card.locator('.lede').innerText(), `${a.title} on ${path}`).toBe(lede);
        }
        await close();
      }
    });

    it('links a related story where it can be read, and shows one that cannot be as plain text', async () => {
      const { page, close } = await open(`/articles/${teasers!.slug}/`);
      const teaser = (name: string) => page.locator('.teasers li', { hasText: name });
      const hrefOf = (name: string) => teaser(name).getByRole('link').getAttribute('href');
      expect(await hrefOf(articles[2]!.title), 'by its headline').toBe(`/articles/${articles[2]!.slug}/`);
      expect(await hrefOf('The bridge vote'), 'by its URL').toBe(`/articles/${rss!.slug}/`);
      expect(await hrefOf('A story on another site')).toBe('https://elsewhere.example/story');
      const plain = teaser('A headline with no address');
      expect(await plain.getByRole('link').count()).toBe(0);
      const look = await plain.evaluate((li) => {
        const s = getComputedStyle(li);
        const p = getComputedStyle(document.querySelector('.body p')!);
        return {
          colour: s.color === p.color,
          underline: s.textDecorationLine,
          cursor: s.cursor,
          background: s.backgroundColor,
          border: s.borderTopWidth + s.borderBottomWidth + s.borderLeftWidth,
          radius: s.borderRadius,
        };
      });
      expect(look).toEqual({
        colour: true,
        underline: 'none',
        cursor: 'auto',
        background: 'rgba(0, 0, 0, 0)',
        border: '0px0px0px',
        radius: '0px',
      });
      await close();
    });

    it('shows an HTML article and an RSS article in one date style: the day as written, the time where there is one', async () => {
      const STYLE = /^\d{1,2} [A-Z][a-z]+ \d{4}(, \d{2}:\d{2}( UTC([+−]\d{1,2}(:\d{2})?)?)?)?$/;
      const shown: Record<string, string> = {};
      for (const a of [html!, rss!, story1!]) {
        const { page, close } = await open(`/articles/${a.slug}/`);
        const time = page.locator('article header time');
        expect(await time.getAttribute('datetime')).toBe(a.publishedAt);
        shown[a.publishedAt!] = await time.innerText();
        await close();
      }
      expect(shown).toEqual({
        '2023-05-02T23:30:00-05:00': '2 May 2023, 23:30 UTC−5',
        // The feed's RFC 822 time in GMT, kept as written (Z), not re-serialised with milliseconds.
        '2023-05-02T10:00:00Z': '2 May 2023, 10:00 UTC',
        '2023-05-02': '2 May 2023',
      });
      for (const text of Object.values(shown)) expect(text).toMatch(STYLE);
      // The cards use the same formatter: the home page shows each date as its article page does.
      const { page, close } = await open('/');
      for (const [iso, text] of Object.entries(shown))
        expect(await page.locator(`.cards time[datetime="${iso}"]`).first().innerText()).toBe(text);
      await close();
    });

    it('gives every table of every built page a header row with scoped header cells', () => {
      const files = (readdirSync(served.out, { recursive: true }) as string[]).filter((f) =>
        f.endsWith('.html'),
      );
      expect(files.length).toBeGreaterThan(5);
      for (const f of files) {
        const html = readFileSync(join(served.out, f), 'utf8');
        for (const table of html.match(/<table[\s\S]*?<\/table>/g) ?? [])
          expect(table, f).toMatch(/<thead>\s*<tr>\s*<th scope="col"/);
      }
    });
  },
);

import { describe, expect, it } from 'vitest';
import { bucketStart } from '../../corpus/components/timeline-buckets';
import { parseFeed } from '../feed/parse-feed';
import { parseHtml } from './parse-html';

const NOW = '2026-03-10T12:00:00Z';
const STORY = Array.from(
  { length: 5 },
  (_, i) =>
    `<p>Paragraph ${i}: the harbour council met late into the night and voted to close the old bridge to lorries, after engineers warned that its supports had worn thin.</p>`,
).join('');

/** A news page: head, then an article with a headline, what follows it, and the story. */
const page = (o: {
  head?: string;
  top?: string;
  after?: string;
  story?: string;
  outside?: string;
  lang?: string;
}) =>
  `<!doctype html><html lang="${o.lang ?? 'en'}"><head><title>Harbour bridge to close</title>${o.head ?? ''}</head><body>${o.outside ?? ''}<article>${o.top ?? ''}<h1>Harbour bridge to close</h1>${o.after ?? ''}${o.story ?? STORY}</article></body></html>`;

const read = (html: string, url?: string) => parseHtml(html, { now: NOW, ...(url ? { url } : {}) });

describe('HTML publication date: structured sources', () => {
  it('JSON-LD wrapped in CDATA is read, so its datePublished wins over a later og time (was the og time)', () => {
    const ld = `<script type="application/ld+json">//<![CDATA[
      {"@type":"NewsArticle","datePublished":"2025-10-15T02:19:15Z","dateModified":"2026-01-02T10:00:00Z"}
    //]]></script>`;
    const a = read(
      page({ head: `${ld}<meta property="article:published_time" content="2025-12-11T14:28:34Z">` }),
    );
    expect(a.publishedAt).toBe('2025-10-15T02:19:15Z');
    expect(a.updatedAt).toBe('2026-01-02T10:00:00Z');
  });

  it('reads the less common meta names of the publication date', () => {
    for (const meta of [
      '<meta property="og:article:published_time" content="2026-03-06T09:00:00+01:00">',
      '<meta property="og:published_time" content="2026-03-06">',
      '<meta name="sailthru.date" content="2026-03-06 09:00:00">',
      '<meta name="parsely-pub-date" content="2026-03-06T09:00:00Z">',
      '<meta name="DC.date.issued" content="2026-03-06">',
      '<meta name="dcterms.issued" content="2026-03-06">',
      '<meta name="publish-date" content="2026-03-06">',
      '<meta name="publishdate" content="2026-03-06">',
      '<meta name="pubdate" content="2026-03-06">',
      '<meta itemprop="datePublished" content="2026-03-06">',
      '<meta name="date" content="6 mars 2026">',
    ])
      expect(read(page({ head: meta })).publishedAt?.slice(0, 10), meta).toBe('2026-03-06');
  });

  it('itemprop datePublished on any element, <time pubdate> and a microformat <abbr class="published">', () => {
    for (const after of [
      '<span itemprop="datePublished" content="2026-03-06">6 March</span>',
      '<p>Posted <time pubdate datetime="2026-03-06T08:00:00-05:00">yesterday</time></p>',
      '<p class="entry-meta">on <abbr class="published" title="2026-03-06T08:05:41-07:00">March 6</abbr></p>',
    ])
      expect(read(page({ after })).publishedAt?.slice(0, 10), after).toBe('2026-03-06');
  });
});

describe('HTML publication date: WordPress marks', () => {
  it('takes "entry-date published updated" (a post never updated) and "published" over "updated"', () => {
    const never =
      '<p class="posted-on"><time class="entry-date published updated" datetime="2026-03-06T09:00:00+00:00">March 6, 2026</time></p>';
    expect(read(page({ after: never })).publishedAt).toBe('2026-03-06T09:00:00+00:00');
    const both =
      '<p><time class="updated" datetime="2026-03-08T09:00:00+00:00">March 8</time><time class="entry-date published" datetime="2026-03-06T09:00:00+00:00">March 6</time></p>';
    expect(read(page({ after: both })).publishedAt).toBe('2026-03-06T09:00:00+00:00');
  });

  it("an element marked datePublished in an infobox row is a fact, not the page's date", () => {
    const infobox =
      '<table class="infobox"><tr><th>Founded</th><td><span class="bday published updated">1998-02-28</span></td></tr></table>';
    expect(read(page({ after: infobox })).publishedAt).toBeUndefined();
  });
});

describe("HTML publication date: the page's own offset", () => {
  it("a time given with an offset stays on the page's day, in the model and in timeline buckets", () => {
    const a = read(
      page({ head: '<meta property="article:published_time" content="2026-03-06T00:30:00+02:00">' }),
    );
    expect(a.publishedAt).toBe('2026-03-06T00:30:00+02:00');
    expect(bucketStart(a.publishedAt!, 'day')).toBe('2026-03-06');
  });

  it('a UTC value yields to the same instant written with the page\'s offset (was "2017-02-24T01:18:13Z")', () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","dateCreated":"2017-02-24T01:18:13Z"}</script>`;
    const a = read(
      page({ head: `${ld}<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">` }),
    );
    expect(a.publishedAt).toBe('2017-02-23T17:18:13-08:00');
  });

  it("a feed's RFC 822 date keeps its offset and day (was converted to the UTC day before)", () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Bridge</title><link>https://harbour.example/b</link><description>The council voted to close the bridge.</description><pubDate>Fri, 06 Mar 2026 00:30:00 +0200</pubDate></item></channel></rss>`;
    const [a] = parseFeed(rss, { now: NOW });
    expect(a?.publishedAt).toBe('2026-03-06T00:30:00+02:00');
  });
});

describe('HTML publication date: the date written near the headline', () => {
  it('reads the byline and time block in French, German, Spanish and English (was none)', () => {
    for (const [lang, after] of [
      ['fr', '<p class="meta">Par Sébastien Farcis · Publié le 6 mars 2026 à 14h35</p>'],
      ['de', '<div class="article-header"><span>Veröffentlicht am 6. März 2026</span></div>'],
      ['es', '<div><span>6 de marzo de 2026</span></div>'],
      ['en', '<p class="byline">By Priya Sharma and Tom Whitaker</p><time>6 March 2026</time>'],
      ['de', '<div class="datum">06.03.2026, 14:35 Uhr</div>'],
    ] as const) {
      const a = read(page({ after, lang }));
      expect(a.publishedAt?.slice(0, 10), after).toBe('2026-03-06');
    }
  });

  it('reads a dateline above the headline inside the article', () => {
    expect(read(page({ top: '<p class="kicker-date">Friday 6 March 2026</p>' })).publishedAt).toBe(
      '2026-03-06',
    );
  });

  it('takes the published date, not the update beside it ("Updated" / "Mis à jour" / itemprop dateModified)', () => {
    const both = '<p>Updated 8 March 2026 · Published 6 March 2026</p>';
    expect(read(page({ after: both })).publishedAt).toBe('2026-03-06');
    const fr = '<p class="date">Mis à jour le 8 mars 2026</p><p class="date">Publié le 6 mars 2026</p>';
    expect(read(page({ after: fr, lang: 'fr' })).publishedAt).toBe('2026-03-06');
  });

  it('a modified time alone is never taken for the published one (was the "Last updated" time)', () => {
    const after =
      '<div class="article-meta"><time datetime="2026-03-08T07:07:00-04:00" itemprop="dateModified">Last updated March 8, 2026</time></div>';
    expect(read(page({ after })).publishedAt).toBeUndefined();
    const updated = '<p>Updated <time datetime="2026-03-08T07:07:00Z">8 March</time></p>';
    expect(read(page({ after: updated })).publishedAt).toBeUndefined();
    // The update words of every language whose month names are read (was the published date in these).
    const updates: Array<[string, string]> = [
      ['nb', 'Oppdatert 8. mars 2026'],
      ['sv', 'Uppdaterad 8 mars 2026'],
      ['pl', 'Zaktualizowano 8 marca 2026'],
      ['nl', 'Bijgewerkt op 8 maart 2026'],
    ];
    for (const [lang, line] of updates)
      expect(read(page({ after: `<p class="meta">${line}</p>`, lang })).publishedAt, line).toBeUndefined();
  });
});

describe('HTML publication date: URL and slashed dates', () => {
  it("reads a date in a slug (story-2026-03-06.html) and the fetched URL's date when the canonical has none", () => {
    expect(read(page({}), 'https://harbour.example/news/bridge-closes-2026-03-06.html').publishedAt).toBe(
      '2026-03-06',
    );
    const canonical = page({ head: '<link rel="canonical" href="https://harbour.example/bridge">' });
    expect(read(canonical, 'https://harbour.example/2026/03/06/bridge').publishedAt).toBe('2026-03-06');
  });

  it("reads 06/03/2026 near the headline as the page's language writes it (day first in Spanish)", () => {
    expect(read(page({ after: '<p class="fecha">06/03/2026 14:35</p>', lang: 'es' })).publishedAt).toBe(
      '2026-03-06',
    );
    expect(read(page({ after: '<p class="date">06/03/2026</p>', lang: 'en' })).publishedAt).toBeUndefined();
  });
});

describe('HTML publication date: none is invented', () => {
  it('a date in the story, a related-article module, the site header or a data table is not the publication date', () => {
    const story = `<p>On 5 March 2026 the harbour council met late into the night and voted to close the old bridge to lorries.</p>${STORY}`;
    const related =
      '<aside class="related"><h2>More</h2><ul><li><a href="/a">Ferry fares rise</a> <span class="date">2 March 2026</span></li></ul></aside>';
    const siteHeader = '<header class="masthead"><span class="today">Tuesday 10 March 2026</span></header>';
    const infobox = '<table class="infobox"><tr><th>Opened</th><td>February 28, 1998</td></tr></table>';
    const a = read(page({ story: `${story}${related}`, outside: siteHeader, after: infobox }));
    expect(a.publishedAt).toBeUndefined();
  });

  it("the URL's date is the last resort: read when the page gives none, after a date the page writes (was before it)", () => {
    const url = 'https://harbour.example/2026/03/06/bridge';
    const written = read(page({ after: '<p class="date">7 March 2026</p>' }), url);
    expect(written.publishedAt).toBe('2026-03-07');
    expect(written.provenance.fields.publishedAt).toBe('html:text-near-headline');
    const bare = read(page({}), url);
    expect(bare.publishedAt).toBe('2026-03-06');
    expect(bare.provenance.fields.publishedAt).toBe('url-pattern');
  });
});

const ld = (json: object) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;

describe('HTML publication date: JSON-LD shapes the story node hides in (issue 18)', () => {
  it("reads datePublished of an article under a WebPage's mainEntity (was none)", () => {
    const head = ld({
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      mainEntity: {
        '@type': 'NewsArticle',
        datePublished: '2026-03-06T09:00:00+01:00',
        author: { name: 'Ana Ruiz' },
      },
    });
    const a = read(page({ head }));
    expect(a.publishedAt).toBe('2026-03-06T09:00:00+01:00');
    expect(a.byline).toEqual(['Ana Ruiz']);
  });

  it("a @graph whose Article has no date takes its WebPage's dates, the modified one as the update (was none)", () => {
    const head = ld({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'WebPage',
          '@id': '#page',
          datePublished: '2026-03-06T08:00:00+00:00',
          dateModified: '2026-03-09T10:00:00+00:00',
        },
        { '@type': 'Article', isPartOf: { '@id': '#page' }, headline: 'Harbour bridge to close' },
      ],
    });
    const a = read(page({ head }));
    expect(a.publishedAt).toBe('2026-03-06T08:00:00+00:00');
    expect(a.updatedAt).toBe('2026-03-09T10:00:00+00:00');
  });

  it('reads prefixed types ("schema:NewsArticle") and a video page\'s uploadDate; an article wins over the video it embeds', () => {
    expect(
      read(page({ head: ld({ '@type': 'schema:NewsArticle', datePublished: '2026-03-06' }) })).publishedAt,
    ).toBe('2026-03-06');
    const video = { '@type': 'VideoObject', name: 'Bridge footage', uploadDate: '2026-02-01T09:00:00Z' };
    expect(read(page({ head: ld(video) })).publishedAt).toBe('2026-02-01T09:00:00Z');
    const both = ld([video, { '@type': 'NewsArticle', datePublished: '2026-03-06T09:00:00Z' }]);
    expect(read(page({ head: both })).publishedAt).toBe('2026-03-06T09:00:00Z');
  });

  it("another story's node in a list is not the page's: an ItemList's articles give no date", () => {
    const list = ld({
      '@type': 'ItemList',
      itemListElement: [
        { '@type': 'ListItem', item: { '@type': 'NewsArticle', datePublished: '2026-03-01' } },
      ],
    });
    expect(read(page({ head: list })).publishedAt).toBeUndefined();
  });
});

describe('HTML publication date: more meta names and URL shapes (issue 18)', () => {
  it('reads the meta names other extractors read (article:post_date, displaydate, dc.created, rbpubdate...)', () => {
    for (const [name, attr] of [
      ['article:post_date', 'property'],
      ['article:published_date', 'property'],
      ['shareaholic:article_published_time', 'name'],
      ['DC.created', 'name'],
      ['dc.date.publication', 'name'],
      ['displaydate', 'name'],
      ['dateposted', 'name'],
      ['rbpubdate', 'name'],
      ['twt-published-at', 'name'],
      ['dcsext.articlefirstpublished', 'name'],
      ['og:publish_date', 'property'],
      ['og:datePublished', 'property'],
      ['analyticsAttributes.articleDate', 'name'],
    ])
      expect(read(page({ head: `<meta ${attr}="${name}" content="2026-03-06">` })).publishedAt, name).toBe(
        '2026-03-06',
      );
  });

  it('reads /2026/mar/06/ and /2026/3/6/ in the URL; a year and month without a day, or no real day, give none', () => {
    const at = (url: string) => read(page({}), url).publishedAt;
    expect(at('https://paper.example/uk-news/2026/mar/06/harbour-bridge')).toBe('2026-03-06');
    expect(at('https://paper.example/2026/march/6/harbour-bridge')).toBe('2026-03-06');
    expect(at('https://paper.example/2026/3/6/harbour-bridge')).toBe('2026-03-06');
    expect(at('https://paper.example/news/20260306/harbour-bridge.html')).toBe('2026-03-06');
    expect(at('https://paper.example/2026/03/harbour-bridge')).toBeUndefined();
    expect(at('https://paper.example/2026/feb/30/harbour-bridge')).toBeUndefined();
    expect(at('https://paper.example/2026/3/16000/harbour-bridge')).toBeUndefined();
    // After the fetch time (NOW is 2026-03-10): an id, not a date.
    expect(at('https://paper.example/2026/12/01/harbour-bridge')).toBeUndefined();
  });
});

describe('HTML publication date: a section front has none of its own (issue 18)', () => {
  it("the dates of a list of linked stories under the page's heading are the stories' (was the first one's)", () => {
    const items = [1, 2, 3, 4]
      .map(
        (i) =>
          `<li><a href="/s${i}">Story ${i} on the harbour</a> <span class="date">March ${i}, 2026</span></li>`,
      )
      .join('');
    const front = `<html lang="en"><head><title>Harbour news</title></head><body><h1>Harbour news</h1><ul>${items}</ul></body></html>`;
    expect(read(front).publishedAt).toBeUndefined();
    // The same date line in a story's own two-item meta list is read.
    const meta =
      '<ul class="meta"><li>By <a href="/ana">Ana Ruiz</a></li><li><span class="date">March 6, 2026</span></li></ul>';
    expect(read(page({ after: meta })).publishedAt).toBe('2026-03-06');
  });

  it('a page of several <article> teasers with no article metadata takes no date from them nor from its URL', () => {
    const teasers = [1, 2, 3, 4]
      .map(
        (i) =>
          `<article><h2><a href="/s${i}">Story ${i}</a></h2><time datetime="2026-03-0${i}">${i} March</time><p>${'Text. '.repeat(20)}</p></article>`,
      )
      .join('');
    const front = `<html lang="en"><head><title>Harbour</title></head><body><h1>Harbour</h1>${teasers}</body></html>`;
    expect(read(front, 'https://paper.example/2026/03/06/harbour').publishedAt).toBeUndefined();
  });

  it("teaser cards in <div>s under the page's heading: their dates are the stories' (was the first card's)", () => {
    const cards = [1, 2, 3, 4]
      .map(
        (i) =>
          `<div class="card"><h3><a href="/s${i}">Story ${i} on the harbour</a></h3><span class="date">March ${i}, 2026</span></div>`,
      )
      .join('');
    const front = `<html lang="en"><head><title>Harbour news</title></head><body><h1>Harbour news</h1>${cards}</body></html>`;
    expect(read(front).publishedAt).toBeUndefined();
    // A story with a "more" module of cards after it keeps its own date line.
    expect(
      read(page({ after: '<p class="date">March 6, 2026</p>', story: `${STORY}${cards}` })).publishedAt,
    ).toBe('2026-03-06');
  });
});

describe('HTML publication date: recall on pages without an <h1>, and the day the page shows (issue 18)', () => {
  it('reads the date line under a headline written as an <h2> or a block marked "headline" (was none without an <h1>)', () => {
    const P = STORY;
    const div = `<html lang="en"><head><title>Harbour bridge to close - The Paper</title></head><body><div class="story"><div class="headline">Harbour bridge to close</div><div class="story-date">Friday, March 6, 2026</div><div class="story-body">${P}</div></div></body></html>`;
    expect(read(div).publishedAt).toBe('2026-03-06');
    const h2 = div.replace(
      '<div class="headline">Harbour bridge to close</div>',
      '<h2>Harbour bridge to close</h2>',
    );
    expect(read(h2).publishedAt).toBe('2026-03-06');
    // A heading that only shares a word with the title is not the headline: no date from beside it.
    const other = div.replace('<div class="headline">Harbour bridge to close</div>', '<h2>Harbour</h2>');
    expect(read(other).publishedAt).toBeUndefined();
  });

  it("a UTC meta time yields to the same instant the page shows in a <time> with its offset (was the next day's UTC)", () => {
    const head = '<meta property="article:published_time" content="2026-03-07T04:30:00Z">';
    const after = '<time datetime="2026-03-06T23:30:00-05:00">March 6, 2026, 11:30 p.m.</time>';
    expect(read(page({ head, after })).publishedAt).toBe('2026-03-06T23:30:00-05:00');
    // Another instant shown on the page is not an offset for this one.
    const other = '<time datetime="2026-03-06T20:00:00-05:00">March 6, 2026, 8 p.m.</time>';
    expect(read(page({ head, after: other })).publishedAt).toBe('2026-03-07T04:30:00Z');
  });
});

describe('HTML publication date: a UTC meta time keeps the day the page shows (issue 18)', () => {
  it('"On 6/13/2018" under the headline and a meta time of 23:00 UTC the day before: the same instant on the page\'s day (was the day before)', () => {
    const a = read(
      page({
        head: '<meta property="og:locale" content="en_US"><meta property="article:published_time" content="2026-03-05T23:00:00.000Z">',
        after: '<p><small>On 3/6/2026 by Sam</small></p>',
      }),
    );
    expect(a.publishedAt).toBe('2026-03-06T00:00:00+01:00');
    expect(Date.parse(a.publishedAt!)).toBe(Date.parse('2026-03-05T23:00:00Z'));
  });

  it('a day the page shows that no real offset reaches leaves the UTC time as it is', () => {
    const a = read(
      page({
        head: '<meta property="article:published_time" content="2026-03-05T12:00:00Z">',
        after: '<p class="date">1 March 2026</p>',
      }),
    );
    expect(a.publishedAt).toBe('2026-03-05T12:00:00Z');
  });
});

describe('HTML publication date: a WordPress post without meta dates (issue 18)', () => {
  it("reads the entry footer's <time>s (published, and updated as the update) and none of the comments', the sidebar's or the site footer's", () => {
    const html = `<!doctype html><html lang="en-US"><head><title>Harbour bridge to close</title></head><body>
      <div id="primary"><article class="post type-post hentry"><header class="entry-header"><h1 class="entry-title">Harbour bridge to close</h1></header>
      <div class="entry-content">${STORY}</div>
      <footer class="entry-footer"><span class="posted-on">Posted on <a href="/bridge" rel="bookmark"><time class="entry-date published" datetime="2026-03-04T09:00:00+00:00">March 4, 2026</time><time class="updated" datetime="2026-03-05T10:00:00+00:00">March 5, 2026</time></a></span> <span class="byline">by Sam</span></footer>
      </article>
      <nav class="navigation post-navigation"><div class="nav-previous"><a href="/ferry" rel="prev">Ferry fares rise, March 1, 2026</a></div></nav>
      <div id="comments" class="comments-area"><h2>2 thoughts</h2><ol class="comment-list"><li><time datetime="2026-03-06T08:00:00+00:00">March 6, 2026</time> Jo said: about time</li></ol></div></div>
      <aside id="secondary" class="widget-area"><ul><li><a href="/a">Old pier</a> <span class="post-date">February 2, 2026</span></li></ul></aside>
      <footer id="colophon" class="site-footer">© 2026 Harbour News. Updated March 9, 2026</footer></body></html>`;
    const a = read(html);
    expect(a.publishedAt).toBe('2026-03-04T09:00:00+00:00');
    expect(a.provenance.fields.publishedAt).toBe('html:foot-of-post');
    expect(a.updatedAt).toBe('2026-03-05T10:00:00+00:00');
  });
});

describe('HTML publication date: a marked date line anywhere in the article (issue 18)', () => {
  const LEAD = `<figure><img src="lead.jpg" alt=""><figcaption>${'The harbour bridge at dusk, seen from the ferry terminal on the north quay. '.repeat(10)}</figcaption></figure>`;
  it('a line marked "date" or "byline" past a long lead figure is read (was none: too far from the headline)', () => {
    for (const line of [
      '<div class="article-date">6 March 2026</div>',
      '<p class="byline">By Sam Jones · Published 6 March 2026</p>',
      '<span id="story-date">06/03/2026</span>',
    ]) {
      const a = read(page({ after: `${LEAD}${line}`, lang: 'en-GB' }));
      expect(a.publishedAt, line).toBe('2026-03-06');
      expect(a.provenance.fields.publishedAt, line).toBe('html:marked-date-line');
    }
  });

  it("an event's date, an update, a related story's and a line outside the article's container are not read", () => {
    const cases: Array<[string, string]> = [
      ['<p class="event-date">4 March 2026</p>', ''],
      ['<p class="date-updated">Updated 6 March 2026</p>', ''],
      ['<p class="meta">Last modified 6 March 2026</p>', ''],
      ['<div class="related"><p class="date">2 March 2026</p></div>', ''],
      ['', '<div class="header-date">Tuesday 10 March 2026</div>'],
      ['<p class="meta">© 2026 Harbour News, 6 March 2026</p>', ''],
      [
        '<p class="metadata">The council first discussed closing the bridge on 2 March 2026, minutes show.</p>',
        '',
      ],
    ];
    // After the story's first paragraph, so that no line is read as a date line heading the body.
    const first =
      '<p>The harbour council met late into the night and voted to close the old bridge to lorries.</p>';
    for (const [line, outside] of cases) {
      const html = page({ after: LEAD, story: `${first}${line}${STORY}`, outside });
      expect(read(html).publishedAt, line || outside).toBeUndefined();
    }
  });
});

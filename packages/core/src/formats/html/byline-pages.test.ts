// Issue 18: the bylines big-news pages print, read through the whole HTML parser (hand-made pages in the
// shapes such sites use, not copies), and the modules and list pages whose bylines are other stories'.
import { describe, expect, it } from 'vitest';
import { parseHtml } from './parse-html';

const NOW = '2026-03-10T12:00:00Z';
const STORY = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i}: the harbour council met late into the night and voted to close the old bridge to lorries, after engineers warned that its supports had worn thin and could fail within a year.</p>`,
).join('');

/** A story page: its header (headline, then `top`), the story, and `after` beside it in <main>. */
const page = (lang: string, top: string, after = '', head = '') =>
  `<!doctype html><html lang="${lang}"><head><title>Harbour bridge to close</title>${head}</head><body><header class="site-header"><a href="/">The Paper</a></header><main><article><h1>Harbour bridge to close</h1>${top}${STORY}</article>${after}</main><footer>The Paper</footer></body></html>`;

const byline = (html: string) => parseHtml(html, { now: NOW }).byline;

describe('bylines of big-news pages, through the HTML parser (issue 18)', () => {
  it('"Martin Untersinger (avec Damien Leloup et Morgane Tual)" in a byline element or meta author: three authors', () => {
    const three = ['Martin Untersinger', 'Damien Leloup', 'Morgane Tual'];
    const credit = 'Martin Untersinger (avec Damien Leloup et Morgane Tual)';
    expect(byline(page('fr', `<p class="meta__authors">${credit}</p>`))).toEqual(three);
    expect(byline(page('fr', '', '', `<meta name="author" content="${credit}">`))).toEqual(three);
  });

  it('the lead-in of another language is not part of the name: Par, Von, Por, Door, di', () => {
    const cases: Array<[string, string, string[]]> = [
      [
        'fr',
        '<div class="author"><span class="author__name">Par Sébastien Farcis</span></div>',
        ['Sébastien Farcis'],
      ],
      ['de', '<div class="author">Von Anna Müller und Jens Weber</div>', ['Anna Müller', 'Jens Weber']],
      [
        'es',
        '<div class="byline"><a class="author" href="/autor/ml">Por María López y Juan Pérez</a></div>',
        ['María López', 'Juan Pérez'],
      ],
      ['nl', '<p class="byline">Door Jan de Vries en Pieter Bakker</p>', ['Jan de Vries', 'Pieter Bakker']],
      ['it', '<span class="author">di Marco Rossi</span>', ['Marco Rossi']],
    ];
    for (const [lang, top, want] of cases) expect(byline(page(lang, top)), top).toEqual(want);
  });

  it('"Our Foreign Staff" is credited whole, from a byline element or a meta author', () => {
    expect(byline(page('en', '<p class="byline">By Our Foreign Staff</p>'))).toEqual(['Our Foreign Staff']);
    expect(byline(page('en', '', '', '<meta name="author" content="Our Foreign Staff">'))).toEqual([
      'Our Foreign Staff',
    ]);
  });
});

/** A module of two teaser cards, each a linked heading with its byline. */
const module = (attrs: string, who: string) =>
  `<section ${attrs}><h2>More</h2><div class="card"><h3><a href="/ferry">Ferry fares rise again this spring</a></h3><span class="byline">By ${who}</span></div><div class="card"><h3><a href="/tolls">Tolls return to the ring road</a></h3><span class="byline">By ${who}</span></div></section>`;

describe('a byline from a module of other stories is not the author (issue 18)', () => {
  it('"read also" modules named in French, German, Spanish, Italian and Dutch (was their teaser\'s author)', () => {
    const modules: Array<[string, string]> = [
      ['fr', 'lire-aussi'],
      ['de', 'mehr-zum-thema'],
      ['es', 'noticias-relacionadas'],
      ['it', 'articoli-correlati'],
      ['nl', 'lees-ook'],
    ];
    for (const [lang, cls] of modules)
      expect(byline(page(lang, '', module(`class="${cls}"`, 'Jeanne Dupont'))), cls).toEqual([]);
  });

  it('teaser cards in a module with no telling name: a linked heading with its byline is another story', () => {
    expect(byline(page('en', '', module('class="list"', 'Jane Doe')))).toEqual([]);
    // The story's own byline beside the same module is still read.
    expect(
      byline(page('en', '<p class="byline">By Ana Ruiz</p>', module('class="list"', 'Jane Doe'))),
    ).toEqual(['Ana Ruiz']);
  });

  it("a section front of cards in a list or in <div>s (no <article>s) is given no author (was the first teaser's)", () => {
    const teaser = (i: number) =>
      `<h2><a href="/s${i}">Story ${i} about taxes and the budget</a></h2><p class="byline">By Ann Smith</p><p>${'A line of the teaser. '.repeat(6)}</p>`;
    const items = [1, 2, 3, 4];
    const list = `<ul class="stories">${items.map((i) => `<li>${teaser(i)}</li>`).join('')}</ul>`;
    const cards = items.map((i) => `<div class="story-card">${teaser(i)}</div>`).join('');
    for (const body of [list, cards]) {
      const front = `<html lang="en"><head><title>Politics</title></head><body><h1>Politics</h1>${body}</body></html>`;
      expect(byline(front)).toEqual([]);
    }
  });
});

describe("JSON-LD of related stories is not the page's (issue 18)", () => {
  const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
  const related = {
    '@type': 'NewsArticle',
    headline: 'Ferry fares rise again this spring',
    url: 'https://paper.example/ferry-fares',
    author: { '@type': 'Person', name: 'Jane Doe' },
    datePublished: '2026-02-01T08:00:00Z',
  };
  const own = {
    '@type': 'NewsArticle',
    headline: 'Harbour bridge to close',
    author: { '@type': 'Person', name: 'Ana Ruiz' },
    datePublished: '2026-03-06T09:00:00+01:00',
  };

  it("the article node whose headline is the page's wins over a related story's listed first (was the related one's author and date)", () => {
    const a = parseHtml(page('en', '', '', ld(related) + ld(own)), { now: NOW });
    expect(a.byline).toEqual(['Ana Ruiz']);
    expect(a.publishedAt).toBe('2026-03-06T09:00:00+01:00');
  });

  it("the article node whose URL is the page's canonical wins, whatever its headline", () => {
    const canonical = '<link rel="canonical" href="https://paper.example/harbour-bridge">';
    const mine = { ...own, headline: 'Bridge shut', url: 'https://paper.example/harbour-bridge/' };
    const a = parseHtml(page('en', '', '', canonical + ld([related, mine])), { now: NOW });
    expect(a.byline).toEqual(['Ana Ruiz']);
  });
});

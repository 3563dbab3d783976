import { describe, expect, it } from 'vitest';
import { GazetteError } from '../../errors/gazette-error';
import { dateFromUrl, normalizeDate } from '../../metadata/normalize-date';
import { parseHtml } from './parse-html';
import { splitAuthors } from '../../metadata/split-authors';

const PARAS = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the story says that the council met on a <b>cold</b> evening and argued for a long time about the bridge, the ferry and the cost of both, before voting late at night.</p>`,
).join('\n');

function page(head: string, article = PARAS, extra = ''): string {
  return `<!doctype html><html lang="en-GB"><head><title>Site | Bridge vote</title>${head}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council votes to close the bridge</h1>${extra}${article}
<h2>What happens next</h2><blockquote><p>We had no choice, the mayor said.</p></blockquote>
<ul><li>Ferry from May</li><li>New bridge by 2030</li></ul></article>
<footer>Copyright the Harbour Times</footer><script>var x = "<p>not text</p>";</script></body></html>`;
}

describe('parseHtml', () => {
  it('keeps the body structure as blocks of plain text, never HTML', () => {
    const a = parseHtml(page(''));
    expect(a.provenance.format).toBe('html');
    const kinds = a.body.map((b) => b.kind);
    expect(kinds).toContain('heading');
    expect(kinds).toContain('blockquote');
    expect(kinds.filter((k) => k === 'list-item')).toHaveLength(2);
    expect(a.body.find((b) => b.kind === 'blockquote')?.text).toBe('We had no choice, the mayor said.');
    for (const b of a.body) expect(b.text).not.toMatch(/<[a-z/]/i);
    expect(a.body.some((b) => b.text.includes('Copyright') || b.text.includes('not text'))).toBe(false);
    expect(a.language).toBe('en-GB');
    expect(a.provenance.fields.language).toBe('html:lang');
  });

  it('reads dates and authors from JSON-LD, including @graph, and records the source', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': '#site', name: 'Harbour Times' },
        { '@type': 'Person', '@id': '#ana', name: 'Ana Ruiz' },
        {
          '@type': 'NewsArticle',
          headline: 'Council votes to close the bridge',
          datePublished: '2026-03-04T09:30:00+01:00',
          dateModified: '2026-03-05T10:00:00+01:00',
          author: [{ '@id': '#ana' }, { '@type': 'Person', name: 'Tom Lee' }],
          publisher: { '@id': '#site' },
          articleSection: 'Local',
          keywords: 'bridge, ferry',
        },
      ],
    };
    const a = parseHtml(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`));
    expect(a.publishedAt).toBe('2026-03-04T09:30:00+01:00');
    expect(a.updatedAt).toBe('2026-03-05T10:00:00+01:00');
    expect(a.byline).toEqual(['Ana Ruiz', 'Tom Lee']);
    expect(a.section).toBe('Local');
    expect(a.tags).toEqual(['bridge', 'ferry']);
    expect(a.source?.name).toBe('Harbour Times');
    expect(a.provenance.fields).toMatchObject({
      publishedAt: 'json-ld:datePublished',
      updatedAt: 'json-ld:dateModified',
      byline: 'json-ld:author',
      source: 'json-ld:publisher',
    });
  });

  it('falls back to Open Graph, article:*, Parse.ly and Dublin Core meta', () => {
    const a = parseHtml(
      page(`<meta property="og:site_name" content="Harbour Times">
        <meta property="og:url" content="https://harbour.example/news/bridge">
        <meta property="og:image" content="/img/bridge.jpg">
        <meta property="article:published_time" content="2026-03-04T08:00:00Z">
        <meta property="article:tag" content="bridge"><meta property="article:tag" content="ferry">
        <meta name="parsely-author" content="Ana Ruiz"><meta name="parsely-section" content="Local">`),
    );
    expect(a.publishedAt).toBe('2026-03-04T08:00:00Z');
    expect(a.provenance.fields.publishedAt).toBe('meta:article:published_time');
    expect(a.url).toBe('https://harbour.example/news/bridge');
    expect(a.image).toBe('https://harbour.example/img/bridge.jpg');
    expect(a.tags).toEqual(['bridge', 'ferry']);
    expect(a.byline).toEqual(['Ana Ruiz']);
    expect(a.section).toBe('Local');
    expect(a.source).toEqual({ name: 'Harbour Times', url: 'https://harbour.example' });
    const dc = parseHtml(
      page('<meta name="DC.date" content="2026-03-02"><meta name="DC.creator" content="Lee, Tom">'),
    );
    expect(dc.publishedAt).toBe('2026-03-02');
    expect(dc.provenance.fields.publishedAt).toBe('meta:dublin-core');
    expect(dc.byline).toEqual(['Lee, Tom']);
  });

  it('finds a date in <time datetime>, else in the URL, and never invents one', () => {
    const timed = parseHtml(page('', PARAS, '<time datetime="2026-02-01T12:00:00Z">1 Feb</time>'));
    expect(timed.publishedAt).toBe('2026-02-01T12:00:00Z');
    expect(timed.provenance.fields.publishedAt).toBe('html:time');
    const fromUrl = parseHtml(page(''), { url: 'https://harbour.example/2026/01/31/bridge-vote' });
    expect(fromUrl.publishedAt).toBe('2026-01-31');
    expect(fromUrl.provenance.fields.publishedAt).toBe('url-pattern');
    const none = parseHtml(page(''), { url: 'https://harbour.example/news/bridge-vote' });
    expect(none.publishedAt).toBeUndefined();
    expect(none.quality).toContain('no-date');
  });

  it('splits a "By A and B" byline into two people', () => {
    const a = parseHtml(page('<meta name="author" content="By Ana Ruiz and Tom Lee">'));
    expect(a.byline).toEqual(['Ana Ruiz', 'Tom Lee']);
  });

  it('refuses input that is not a page with a clear error', () => {
    expect(() => parseHtml('   ')).toThrow(GazetteError);
    expect(() => parseHtml('<html>\u0000</html>', { name: 'x.html' })).toThrow(/x\.html holds NUL bytes/);
  });
});

describe('splitAuthors', () => {
  it('reads common byline shapes', () => {
    expect(splitAuthors('By Ana Ruiz and Tom Lee')).toEqual(['Ana Ruiz', 'Tom Lee']);
    expect(splitAuthors('Ana Ruiz, Tom Lee & Mia Chen')).toEqual(['Ana Ruiz', 'Tom Lee', 'Mia Chen']);
    expect(splitAuthors('by Ana Ruiz, Staff Writer')).toEqual(['Ana Ruiz']);
    expect(splitAuthors('https://facebook.com/someone')).toEqual([]);
    expect(splitAuthors('')).toEqual([]);
  });
});

describe('dates', () => {
  it('normalises what pages write and refuses what it cannot read', () => {
    expect(normalizeDate('2026-03-04')).toBe('2026-03-04');
    expect(normalizeDate('2026-03-04 09:30:00+0100')).toBe('2026-03-04T09:30:00+01:00');
    expect(normalizeDate('Wed, 04 Mar 2026 09:30:00 GMT')).toBe('2026-03-04T09:30:00Z');
    expect(normalizeDate('March 4, 2026')).toBe('2026-03-04');
    expect(normalizeDate('3/4/26')).toBeUndefined();
    expect(normalizeDate('yesterday')).toBeUndefined();
    expect(dateFromUrl('https://x.example/2026/02/30/a')).toBeUndefined();
    expect(dateFromUrl('https://x.example/news/20260131-a')).toBe('2026-01-31');
  });
});

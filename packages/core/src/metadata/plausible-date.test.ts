import { describe, expect, it } from 'vitest';
import { GazetteError } from '../errors/gazette-error';
import { parseFeed } from '../formats/feed/parse-feed';
import { parseInput } from '../input/parse-input';
import { parseJsonArticles } from '../formats/json/parse-json-articles';
import { parseMarkdown } from '../formats/markdown/parse-markdown';
import { parseText } from '../formats/text/parse-text';
import { dateFromUrl, normalizeDate } from './normalize-date';
import { parseHtml } from '../formats/html/parse-html';
import { isPlausibleDate } from './plausible-date';

// The fetch time the tests pass as `now`: the core has no clock.
const NOW = '2026-03-10T12:00:00Z';
const BODY = Array.from(
  { length: 4 },
  (_, i) => `<p>Paragraph ${i} says the council met late and voted to close the harbour bridge.</p>`,
).join('');
const page = (head: string, body = BODY) =>
  `<!doctype html><html lang="en"><head><title>Bridge</title>${head}</head><body><article>${body}</article></body></html>`;
const ld = (o: Record<string, unknown>) =>
  `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', ...o })}</script>`;

describe('isPlausibleDate', () => {
  it('refuses placeholders and dates before 1800 always, and dates over a day after now when now is given', () => {
    for (const d of [
      '0001-01-01T00:00:00Z',
      '0001-01-01',
      '1799-12-31',
      '1970-01-01T00:00:00Z',
      '1970-01-01',
    ])
      expect(isPlausibleDate(d), d).toBe(false);
    expect(isPlausibleDate('1969-12-31T19:00:00-05:00')).toBe(false); // the epoch, written in New York time
    for (const d of ['1800-01-01', '1970-01-02', '2026-03-04T08:00:00Z', '2999-01-01'])
      expect(isPlausibleDate(d), d).toBe(true);
    // Without now only the absolute rules apply: a far-future date passes; with now it does not.
    expect(isPlausibleDate('2999-01-01', NOW)).toBe(false);
    expect(isPlausibleDate('2026-03-11T11:00:00Z', NOW)).toBe(true); // within a day: time zones, clock skew
    expect(isPlausibleDate('2026-03-11T13:00:00Z', NOW)).toBe(false);
    expect(() => isPlausibleDate('2026-03-01', 'yesterday')).toThrow(GazetteError);
  });

  it('normalizeDate and dateFromUrl return nothing for a date that cannot be the article', () => {
    expect(normalizeDate('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(normalizeDate('Mon, 01 Jan 0001 00:00:00 GMT')).toBeUndefined();
    expect(normalizeDate('2026-03-20', NOW)).toBeUndefined();
    expect(normalizeDate('2026-03-04', NOW)).toBe('2026-03-04');
    expect(dateFromUrl('https://x.example/2029/01/02/story', NOW)).toBeUndefined();
    expect(dateFromUrl('https://x.example/2026/01/02/story', NOW)).toBe('2026-01-02');
  });
});

describe('HTML: a refused date falls back to the next source', () => {
  it('JSON-LD datePublished "0001-01-01T00:00:00Z" gives way to dateCreated, then to meta tags', () => {
    const a = parseHtml(
      page(
        ld({
          datePublished: '0001-01-01T00:00:00Z',
          dateCreated: '2026-03-03T07:00:00Z',
          dateModified: '0001-01-01T00:00:00Z',
        }) + '<meta property="article:modified_time" content="2026-03-05T10:00:00Z">',
      ),
    );
    expect(a.publishedAt).toBe('2026-03-03T07:00:00Z');
    expect(a.provenance.fields.publishedAt).toBe('json-ld:dateCreated');
    expect(a.updatedAt).toBe('2026-03-05T10:00:00Z');
    expect(a.provenance.fields.updatedAt).toBe('meta:article:modified_time');
    const b = parseHtml(
      page(
        ld({ datePublished: '0001-01-01T00:00:00Z' }) +
          '<meta property="article:published_time" content="2026-03-04T08:00:00Z">',
      ),
    );
    expect(b.publishedAt).toBe('2026-03-04T08:00:00Z');
    expect(b.provenance.fields.publishedAt).toBe('meta:article:published_time');
  });

  it('a meta tag, a <time> and a URL date after the fetch time are passed over; without now they are kept', () => {
    const html = page(
      '<meta property="article:published_time" content="2031-01-01T00:00:00Z">',
      `<time datetime="1970-01-01T00:00:00Z">never</time><time datetime="2035-05-05">later</time>${BODY}`,
    );
    const url = 'https://harbour.example/2026/03/02/bridge';
    const fetched = parseHtml(html, { url, now: NOW });
    expect(fetched.publishedAt).toBe('2026-03-02');
    expect(fetched.provenance.fields.publishedAt).toBe('url-pattern');
    // No fetch time: only the absolute rules apply, so the future meta date stands.
    expect(parseHtml(html, { url }).publishedAt).toBe('2031-01-01T00:00:00Z');
    const timeOnly = parseHtml(
      page('', `<time datetime="0001-01-01">x</time><time datetime="2026-03-01">y</time>${BODY}`),
    );
    expect(timeOnly.publishedAt).toBe('2026-03-01');
    expect(timeOnly.provenance.fields.publishedAt).toBe('html:time');
  });

  it('a placeholder given by the caller is dropped too, and the page date is read', () => {
    const a = parseHtml(page('<meta property="article:published_time" content="2026-03-04T08:00:00Z">'), {
      meta: { publishedAt: '0001-01-01T00:00:00Z' },
    });
    expect(a.publishedAt).toBe('2026-03-04T08:00:00Z');
  });
});

describe('feeds: a refused item date falls back to the next element', () => {
  it('RSS pubDate placeholder gives way to dc:date; a future atom:updated is dropped', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
<item><title>One</title><link>https://t.example/1</link><pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate><dc:date>2026-03-01T10:00:00Z</dc:date><atom:updated>2027-01-01T00:00:00Z</atom:updated><description>Text one.</description></item>
<item><title>Two</title><link>https://t.example/2</link><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate><description>Text two.</description></item>
</channel></rss>`;
    const [one, two] = parseFeed(rss, { now: NOW });
    expect(one!.publishedAt).toBe('2026-03-01T10:00:00Z');
    expect(one!.provenance.fields.publishedAt).toBe('rss:dc:date');
    expect(one!.updatedAt).toBeUndefined();
    expect(two!.publishedAt).toBeUndefined();
    expect(two!.quality).toContain('no-date');
  });

  it('Atom published placeholder gives way to updated; JSON Feed future dates are dropped', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>A</title><link href="https://t.example/a"/><published>0001-01-01T00:00:00Z</published><updated>2026-03-02T00:00:00Z</updated><content type="text">Body.</content></entry></feed>`;
    const [a] = parseFeed(atom, { now: NOW });
    expect(a!.publishedAt).toBe('2026-03-02T00:00:00Z');
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      items: [
        {
          id: '1',
          url: 'https://j.example/1',
          content_text: 'Text.',
          date_published: '2030-01-01T00:00:00Z',
          date_modified: '0001-01-01T00:00:00Z',
        },
      ],
    });
    const [j] = parseInput(json, { now: NOW });
    expect(j!.publishedAt).toBeUndefined();
    expect(j!.updatedAt).toBeUndefined();
  });
});

describe('JSON, text and Markdown: a refused date falls back to the next name for it', () => {
  it('JSON records: datePublished placeholder gives way to date; an Article record loses a placeholder', () => {
    const [a] = parseJsonArticles(
      JSON.stringify([
        {
          title: 'T',
          body: 'Text.',
          datePublished: '0001-01-01T00:00:00Z',
          date: '2026-03-01',
          updatedAt: 'Mon, 01 Jan 0001 00:00:00 GMT',
        },
      ]),
      { format: 'json', now: NOW },
    );
    expect(a!.publishedAt).toBe('2026-03-01');
    expect(a!.updatedAt).toBeUndefined();
    // An exported Article read back is kept as is, except for a date that cannot be its own.
    const exported = {
      ...a!,
      publishedAt: '0001-01-01T00:00:00Z',
      quality: a!.quality.filter((q) => q !== 'no-date'),
    };
    const [back] = parseJsonArticles(JSON.stringify(exported), { format: 'json' });
    expect(back!.publishedAt).toBeUndefined();
    expect(back!.provenance.fields.publishedAt).toBeUndefined();
    expect(back!.quality).toContain('no-date');
    const [future] = parseJsonArticles(JSON.stringify({ ...a!, publishedAt: '2027-01-01' }), {
      format: 'ndjson',
      now: NOW,
    });
    expect(future!.publishedAt).toBeUndefined();
  });

  it('YAML front matter of text and Markdown: date placeholder gives way to published; updated after now is dropped', () => {
    const front = '---\ntitle: T\ndate: 0001-01-01\npublished: 2026-02-28\nupdated: 2026-04-01\n---\n';
    const t = parseText(`${front}The council met.\n`, undefined, { now: NOW });
    expect(t.publishedAt).toBe('2026-02-28');
    expect(t.updatedAt).toBeUndefined();
    const m = parseMarkdown(`${front}# T\n\nThe council met.\n`, { now: NOW });
    expect(m.publishedAt).toBe('2026-02-28');
    expect(m.updatedAt).toBeUndefined();
    // Without now, only the absolute rules: the April update stands.
    expect(parseText(`${front}The council met.\n`).updatedAt).toBe('2026-04-01');
  });
});

import { describe, expect, it } from 'vitest';
import { GazetteError } from '../../errors/gazette-error';
import { detectFormat } from '../../input/detect-format';
import { parseInput } from '../../input/parse-input';
import { parseFeed } from './parse-feed';
import { parseXml, XML_LIMITS } from './parse-xml';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Times</title><link>https://harbour.example/</link><language>en-gb</language>
<item><title>Bridge to close &amp; ferry to open</title><link>https://harbour.example/2026/03/04/bridge</link>
<pubDate>Wed, 04 Mar 2026 09:30:00 +0000</pubDate><dc:creator>Ana Ruiz and Tom Lee</dc:creator><category>Transport</category>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The council voted to close the bridge.</p><h2>What next</h2><blockquote><p>It is painful, said the mayor.</p></blockquote><ul><li>Ferry from May</li></ul>]]></content:encoded></item>
<item><title>Second item</title><guid>https://harbour.example/second</guid><description>&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt; description.&lt;/p&gt;</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Le Port</title><link href="https://port.example/"/>
  <entry><title>Le pont ferme</title><link rel="alternate" href="https://port.example/pont"/>
    <published>2026-03-04T09:30:00+01:00</published><updated>2026-03-05T09:30:00+01:00</updated>
    <author><name>Ana Ruiz</name></author><category term="transport"/>
    <summary>Résumé.</summary>
    <content type="html">&lt;p&gt;Le conseil a voté la fermeture du pont.&lt;/p&gt;</content></entry>
  <entry><title>Texte brut</title><link href="/brut"/><updated>2026-03-06T00:00:00Z</updated>
    <content type="text">Une ligne.
Une autre ligne.</content></entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Harbour JSON',
  home_page_url: 'https://harbour.example/',
  language: 'en',
  items: [
    {
      id: '1',
      url: 'https://harbour.example/json/1',
      title: 'Ferry timetable published',
      content_html: '<p>The ferry will run every twenty minutes.</p>',
      date_published: '2026-03-07T08:00:00Z',
      authors: [{ name: 'Mia Chen' }],
      tags: ['ferry'],
    },
    { id: '2', url: 'https://harbour.example/json/2', content_text: 'Just text.\nTwo lines.' },
  ],
});

describe('feeds', () => {
  it('reads RSS 2.0 items into Articles with structure, authors, dates and the channel as source', () => {
    expect(detectFormat(RSS)).toBe('feed');
    const [a, b] = parseInput(RSS);
    expect(a!.title).toBe('Bridge to close & ferry to open');
    expect(a!.byline).toEqual(['Ana Ruiz', 'Tom Lee']);
    expect(a!.publishedAt).toBe('2026-03-04T09:30:00+00:00');
    expect(a!.language).toBe('en-gb');
    expect(a!.source).toEqual({ name: 'Harbour Times', url: 'https://harbour.example/' });
    expect(a!.standfirst).toBe('Short summary.');
    expect(a!.body.map((x) => x.kind)).toEqual(['paragraph', 'heading', 'blockquote', 'list-item']);
    expect(a!.provenance.fields.publishedAt).toBe('rss:pubDate');
    expect(b!.url).toBe('https://harbour.example/second');
    expect(b!.body).toEqual([{ kind: 'paragraph', text: 'Escaped HTML description.' }]);
  });

  it('reads Atom 1.0 entries, with xml:lang, relative links and text content', () => {
    const [a, b] = parseFeed(ATOM);
    expect(a!.language).toBe('fr');
    expect(a!.publishedAt).toBe('2026-03-04T09:30:00+01:00');
    expect(a!.updatedAt).toBe('2026-03-05T09:30:00+01:00');
    expect(a!.body[0]!.text).toBe('Le conseil a voté la fermeture du pont.');
    expect(a!.tags).toEqual(['transport']);
    expect(b!.url).toBe('https://port.example/brut');
    expect(b!.body.map((x) => x.text)).toEqual(['Une ligne.', 'Une autre ligne.']);
    expect(b!.publishedAt).toBe('2026-03-06T00:00:00Z');
  });

  it('reads JSON Feed 1.1', () => {
    expect(detectFormat(JSON_FEED)).toBe('feed');
    const [a, b] = parseInput(JSON_FEED);
    expect(a!.byline).toEqual(['Mia Chen']);
    expect(a!.source?.name).toBe('Harbour JSON');
    expect(a!.language).toBe('en');
    expect(b!.body.map((x) => x.text)).toEqual(['Just text.', 'Two lines.']);
  });

  it('never expands entities from a DTD (billion laughs, external entities)', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY ext SYSTEM "file:///etc/passwd">]>
<rss><channel><title>T</title><item><title>&b; &ext;</title><description>x</description></item></channel></rss>`;
    const [a] = parseFeed(laughs);
    expect(a!.title).toBe('&b; &ext;');
  });

  it('bounds depth and reports malformed XML with where it broke', () => {
    const deep = `<rss>${'<x>'.repeat(XML_LIMITS.maxDepth + 5)}${'</x>'.repeat(XML_LIMITS.maxDepth + 5)}</rss>`;
    expect(() => parseXml(deep)).toThrow(/nest deeper/);
    expect(() => parseFeed('<rss><channel><item></channel></rss>', { name: 'bad.xml' })).toThrow(
      /bad\.xml is not well-formed XML: <\/channel> closes <item>/,
    );
    expect(() => parseFeed('<html><body/></html>')).toThrow(GazetteError);
    expect(() => parseFeed('{"version":"nope"}')).toThrow(/not a JSON Feed/);
  });
});

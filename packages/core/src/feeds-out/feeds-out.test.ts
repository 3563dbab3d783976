import { describe, expect, it } from 'vitest';
import { atomProblems, jsonFeedProblems } from '../../test-support/feed-validity';
import { parseText } from '../formats/text/parse-text';
import { parseXml } from '../formats/feed/parse-xml';
import type { Article } from '../model/article-schema';
import { atomFeed } from './atom-feed';
import type { FeedOptions } from './feed-options';
import { jsonFeed } from './json-feed';

const NOW = '2026-12-03T09:00:00.000Z';
const options: FeedOptions = {
  title: 'Gazette: <test> & "more"',
  selfUrl: 'https://x.test/feed.atom?q=a&b=<c>',
  feedId: 'https://x.test/feed.atom?q=a&b=<c>',
  homeUrl: 'https://x.test/',
  articleLink: (a) => `https://x.test/articles/${a.slug}/`,
  now: NOW,
};

const text = 'The council met on the harbour bridge plan.\nIt will vote next month.\n';
/** A dated article with a byline, one stored but undated, one with no date at all and no author. */
function articles(): Article[] {
  const dated = parseText(text, {
    title: 'Dated <b>story</b>',
    publishedAt: '2024-04-20T18:00:00Z',
    byline: 'A Reporter',
    url: 'https://news.example/dated',
  });
  const seen = {
    ...parseText(`${text}Seen.\n`, {
      title: 'Stored story',
      source: 'Daily Test',
      publishedAt: '2024-04-19',
    }),
    firstSeenAt: '2025-06-01T08:00:00Z',
  };
  const undated = parseText(`${text}Undated.\n`, { title: 'Undated story', url: 'javascript:alert(1)' });
  return [dated, seen, undated];
}

const entries = (xml: string) => parseXml(xml).children.filter((c) => c.name === 'entry');
const text1 = (el: { children: { name: string; text: string }[] }, name: string) =>
  el.children.find((c) => c.name === name)?.text;

describe('atomFeed', () => {
  const xml = atomFeed(articles(), options);

  it('is valid Atom 1.0 for dated, stored-undated and undated articles (RFC 4287 §4.1.1, §4.1.2)', () => {
    expect(atomProblems(xml)).toEqual([]);
  });

  it('dates each entry by a true date: its own, else first seen, else when the feed was written', () => {
    const [dated, seen, undated] = entries(xml);
    expect(text1(dated!, 'updated')).toBe('2024-04-20T18:00:00Z');
    expect(text1(dated!, 'published')).toBe('2024-04-20T18:00:00Z');
    // A day without a time is no instant: not written as one, the first-seen time stands in.
    expect(text1(seen!, 'updated')).toBe('2025-06-01T08:00:00Z');
    expect(text1(seen!, 'published')).toBeUndefined();
    expect(text1(undated!, 'updated')).toBe(NOW);
    expect(text1(undated!, 'published')).toBeUndefined();
    expect(xml).not.toContain('1970-01-01');
    expect(text1(parseXml(xml), 'updated')).toBe(NOW);
  });

  it('gives the newest entry date as the feed date when every entry has one', () => {
    const [dated, seen] = articles();
    expect(text1(parseXml(atomFeed([dated!, seen!], options)), 'updated')).toBe('2025-06-01T08:00:00Z');
    expect(atomProblems(atomFeed([], options))).toEqual([]);
  });

  it('credits the byline, else the source, else the feed author; links the face page when no http URL', () => {
    const [dated, seen, undated] = entries(xml);
    const names = (e: typeof dated) =>
      e!.children.filter((c) => c.name === 'author').map((a) => text1(a, 'name'));
    expect(names(dated)).toEqual(['A Reporter']);
    expect(names(seen)).toEqual(['Daily Test']);
    expect(names(undated)).toEqual([]);
    expect(text1(parseXml(xml).children.find((c) => c.name === 'author')!, 'name')).toBe('Gazette');
    const href = (e: typeof dated) => e!.children.find((c) => c.name === 'link')!.attrs.href;
    expect(href(dated)).toBe('https://news.example/dated');
    expect(href(undated)).toMatch(/^https:\/\/x\.test\/articles\/undated-story/);
    expect(xml).not.toContain('javascript:');
  });

  it('escapes every text and drops characters XML cannot carry', () => {
    const [a] = articles();
    const hostile = atomFeed([{ ...a!, title: 'Bell\u0007 & <script>x</script>' }], options);
    expect(atomProblems(hostile)).toEqual([]);
    expect(hostile).not.toContain('<script>');
    expect(text1(entries(hostile)[0]!, 'title')).toBe('Bell & <script>x</script>');
  });

  it('has a checker that refuses a feed missing entry dates and authors', () => {
    const bare = xml.replace(/<updated>[^<]*<\/updated>\n|<author>.*?<\/author>\n/g, '');
    const problems = atomProblems(bare);
    expect(problems).toContain('entry 3 has 0 <updated> (RFC 4287 requires exactly one)');
    expect(problems).toContain('entry 3 has no <author> and neither has the feed (§4.1.2)');
  });
});

describe('jsonFeed', () => {
  it('is valid JSON Feed 1.1 with only the articles own dates', () => {
    const feed = jsonFeed(articles(), options);
    expect(jsonFeedProblems(JSON.parse(JSON.stringify(feed)))).toEqual([]);
    const [dated, seen, undated] = feed.items;
    expect(dated!.date_published).toBe('2024-04-20T18:00:00Z');
    expect(seen).not.toHaveProperty('date_published');
    expect(undated).not.toHaveProperty('date_published');
    expect(undated!.url).toMatch(/^https:\/\/x\.test\/articles\//);
    expect(seen!.authors).toEqual([{ name: 'Daily Test' }]);
  });

  it('leaves out feed_url when the face has no public origin, and always has content', () => {
    const [a] = articles();
    const { homeUrl: _none, ...relative } = options;
    const feed = jsonFeed([{ ...a!, body: [] }], { ...relative, selfUrl: '/v1/feed.json' });
    expect(feed).not.toHaveProperty('feed_url');
    expect(jsonFeedProblems(feed)).toEqual([]);
    expect(jsonFeedProblems({ ...feed, items: [{ id: 'x' }] })).toContain(
      'item 1 has neither content_html nor content_text',
    );
  });
});

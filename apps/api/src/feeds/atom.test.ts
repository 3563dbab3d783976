import { describe, expect, it } from 'vitest';
import { fixtureArticles } from '../test-support/fixture-corpus';
import { atomFeed } from './atom';
import { jsonFeed } from './json-feed';

const opts = {
  selfUrl: 'http://api.test/v1/feed.atom?q=a&b=<c>',
  feedId: 'http://api.test/v1/feed.atom?q=a&b=<c>',
  title: 'Gazette: <test> & "more"',
  articleUrl: (a: { id: string }) => `http://api.test/v1/articles/${a.id}`,
};

describe('atomFeed', () => {
  const articles = fixtureArticles();
  const xml = atomFeed(articles, opts);

  it('has one entry per article and escapes every text', () => {
    expect(xml.match(/<entry>/g)).toHaveLength(articles.length);
    expect(xml).toContain('Gazette: &lt;test&gt; &amp; &quot;more&quot;');
    expect(xml).toContain('Markets calm before the budget &lt;b&gt;');
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('href="http://api.test/v1/feed.atom?q=a&amp;b=&lt;c&gt;"');
  });

  it('gives dates only where the article has one, and the feed the newest', () => {
    const dated = articles.filter((a) => a.publishedAt);
    expect(xml.match(/<entry>[\s\S]*?<\/entry>/g)!.filter((e) => e.includes('<updated>'))).toHaveLength(
      dated.length,
    );
    expect(xml).toMatch(/<feed[^>]*>[\s\S]*?<updated>2024-04-20T18:00:00Z<\/updated>[\s\S]*?<entry>/);
  });
});

describe('jsonFeed', () => {
  it('is JSON Feed 1.1 with an item per article and no invented dates', () => {
    const articles = fixtureArticles();
    const feed = jsonFeed(articles, opts);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((i) => i.id)).toEqual(articles.map((a) => a.id));
    const undated = feed.items.find((i) => i.title.startsWith('Markets'))!;
    expect(undated).not.toHaveProperty('date_published');
  });
});

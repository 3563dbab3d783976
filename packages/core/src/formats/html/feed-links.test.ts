import { describe, expect, it } from 'vitest';
import { findFeedLinks } from './feed-links';

describe('findFeedLinks', () => {
  it('finds the feeds a page names, resolved against its URL or <base>, in page order, once each', () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/s.css">
      <link rel="alternate" type="application/rss+xml" title="All news" href="/rss.xml">
      <link type="application/atom+xml" rel="alternate home" href="https://other.test/atom">
      <link rel="alternate" type="application/rss+xml" href="/rss.xml">
      <link rel="alternate" type="application/feed+json" href="feed.json">
      <link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/1">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" hreflang="fr" href="/fr/">
    </head></html>`;
    expect(findFeedLinks(html, 'https://news.test/section/page.html')).toEqual([
      { url: 'https://news.test/rss.xml', type: 'rss', title: 'All news' },
      { url: 'https://other.test/atom', type: 'atom' },
      { url: 'https://news.test/section/feed.json', type: 'json-feed' },
    ]);
    const based =
      '<head><base href="https://cdn.test/x/"><link rel=alternate type=application/atom+xml href=a.xml></head>';
    expect(findFeedLinks(based, 'https://news.test/')).toEqual([
      { url: 'https://cdn.test/x/a.xml', type: 'atom' },
    ]);
  });

  it('finds nothing on a page without feed links', () => {
    expect(
      findFeedLinks('<html><body><a href="/rss.xml">RSS</a></body></html>', 'https://news.test/'),
    ).toEqual([]);
  });
});

import type { APIRoute } from 'astro';
import { feedItems } from '../lib/feed-items';
import { articlePath } from '../lib/site-paths';

export const GET: APIRoute = ({ site }) => {
  const abs = (p: string) => new URL(p, site).href;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Gazette',
    home_page_url: abs('/'),
    feed_url: abs('/feed.json'),
    items: feedItems().map((a) => ({
      id: abs(articlePath(a.slug)),
      url: abs(articlePath(a.slug)),
      title: a.title,
      ...(a.standfirst ? { summary: a.standfirst } : {}),
      ...(a.publishedAt ? { date_published: a.publishedAt } : {}),
      ...(a.byline.length ? { authors: a.byline.map((name) => ({ name })) } : {}),
      tags: a.tags,
      language: a.language,
    })),
  };
  return new Response(JSON.stringify(feed), { headers: { 'Content-Type': 'application/feed+json' } });
};

import { JSON_FEED_MEDIA_TYPE, jsonFeed } from '@gazette/core/query';
import type { APIRoute } from 'astro';
import { siteFeedArticles, siteFeedOptions } from '../lib/site-feeds';

// A static build keeps the body only: the static server (and public/_headers) give the media type.
export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(jsonFeed(siteFeedArticles(), siteFeedOptions(site, '/feed.json'))), {
    headers: { 'Content-Type': JSON_FEED_MEDIA_TYPE },
  });

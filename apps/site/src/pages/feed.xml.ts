import { ATOM_MEDIA_TYPE, atomFeed } from '@gazette/core/query';
import type { APIRoute } from 'astro';
import { siteFeedArticles, siteFeedOptions } from '../lib/site-feeds';

// A static build keeps the body only: the static server (and public/_headers) give the media type.
export const GET: APIRoute = ({ site }) =>
  new Response(atomFeed(siteFeedArticles(), siteFeedOptions(site, '/feed.xml')), {
    headers: { 'Content-Type': ATOM_MEDIA_TYPE },
  });

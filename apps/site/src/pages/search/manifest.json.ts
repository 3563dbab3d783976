import type { APIRoute } from 'astro';
import { siteSearchIndex } from '../../lib/search/site-search-index';

export const GET: APIRoute = () => new Response(JSON.stringify(siteSearchIndex().manifest));

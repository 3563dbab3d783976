import type { APIRoute } from 'astro';
import { siteSearchFiles } from '../../lib/search/site-search-index';

export const GET: APIRoute = () => new Response(siteSearchFiles().get('manifest.json'));

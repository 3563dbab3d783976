import type { APIRoute, GetStaticPaths } from 'astro';
import { siteSearchIndex } from '../../../lib/search/site-search-index';

export const getStaticPaths = (() =>
  [...siteSearchIndex().shards.keys()].map((key) => ({ params: { key } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(siteSearchIndex().shards.get(params.key ?? '') ?? {}));

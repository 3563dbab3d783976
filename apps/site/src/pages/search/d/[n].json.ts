import type { APIRoute, GetStaticPaths } from 'astro';
import { siteSearchIndex } from '../../../lib/search/site-search-index';

export const getStaticPaths = (() =>
  siteSearchIndex().docs.map((_, n) => ({ params: { n: String(n) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => new Response(siteSearchIndex().docs[Number(params.n)] ?? 'null');

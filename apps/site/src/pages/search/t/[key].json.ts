import type { APIRoute, GetStaticPaths } from 'astro';
import { searchFileNames, siteSearchFiles } from '../../../lib/search/site-search-index';

// Term shards: the core's terms in sorted runs, with their postings.
export const getStaticPaths = (() =>
  searchFileNames('t').map((key) => ({ params: { key } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(siteSearchFiles().get(`t/${params.key}.json`) ?? '{}');

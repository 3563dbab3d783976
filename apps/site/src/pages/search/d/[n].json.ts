import type { APIRoute, GetStaticPaths } from 'astro';
import { searchFileNames, siteSearchFiles } from '../../../lib/search/site-search-index';

// Document packs: the articles a search ranks, many to a file (a static host caps files per site).
export const getStaticPaths = (() =>
  searchFileNames('d').map((n) => ({ params: { n } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(siteSearchFiles().get(`d/${params.n}.json`) ?? 'null');

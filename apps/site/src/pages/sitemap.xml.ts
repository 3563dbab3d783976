import { escapeXml } from '@gazette/core/query';
import type { APIRoute } from 'astro';
import { allSummaries } from '../lib/corpus-walk';
import { entityPageIds } from '../lib/entity-pages';
import { siteCorpus } from '../lib/site-corpus';
import { articlePath, entityPath, sectionPath, tagPath } from '../lib/site-paths';

export const GET: APIRoute = ({ site }) => {
  const corpus = siteCorpus();
  const summaries = allSummaries(corpus);
  const sections = new Set(summaries.flatMap((a) => (a.section ? [a.section] : [])));
  const tags = new Set(summaries.flatMap((a) => a.tags));
  const urls = [
    { loc: '/', lastmod: summaries[0]?.publishedAt },
    { loc: '/quotes/' },
    { loc: '/search/' },
    ...summaries.map((a) => ({ loc: articlePath(a.slug), lastmod: a.publishedAt })),
    ...entityPageIds(corpus).map((id) => ({ loc: entityPath(id) })),
    ...[...sections].map((s) => ({ loc: sectionPath(s) })),
    ...[...tags].map((t) => ({ loc: tagPath(t) })),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls
  .map(
    (u) =>
      `<url><loc>${escapeXml(new URL(u.loc, site).href)}</loc>${u.lastmod ? `<lastmod>${escapeXml(u.lastmod.slice(0, 10))}</lastmod>` : ''}</url>`,
  )
  .join('\n')}
</urlset>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

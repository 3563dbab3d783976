import type { APIRoute } from 'astro';
import { feedItems } from '../lib/feed-items';
import { articlePath } from '../lib/site-paths';
import { escapeXml } from '../lib/xml';

export const GET: APIRoute = ({ site }) => {
  const abs = (p: string) => new URL(p, site).href;
  const items = feedItems();
  // Atom requires <updated>: undated articles use the newest known date, or the epoch when none is known.
  const fallback = items.find((a) => a.publishedAt)?.publishedAt ?? '1970-01-01T00:00:00Z';
  const iso = (d: string | undefined) => {
    const t = new Date(d ?? fallback);
    return Number.isNaN(t.getTime()) ? '1970-01-01T00:00:00Z' : t.toISOString();
  };
  const entries = items
    .map(
      (a) => `<entry>
<title>${escapeXml(a.title)}</title>
<link href="${escapeXml(abs(articlePath(a.slug)))}"/>
<id>${escapeXml(abs(articlePath(a.slug)))}</id>
<updated>${iso(a.publishedAt)}</updated>
${a.byline.map((n) => `<author><name>${escapeXml(n)}</name></author>`).join('')}${a.standfirst ? `<summary>${escapeXml(a.standfirst)}</summary>` : ''}
</entry>`,
    )
    .join('\n');
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Gazette</title>
<id>${escapeXml(abs('/'))}</id>
<link href="${escapeXml(abs('/'))}"/>
<link rel="self" href="${escapeXml(abs('/feed.xml'))}"/>
<updated>${iso(items[0]?.publishedAt)}</updated>
<author><name>Gazette</name></author>
${entries}
</feed>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};

import { canonicalUrl } from '../../ids/article-id';
import { sha256Hex } from '../../ids/sha256-hex';
import type { ArticleMeta } from '../../model/article-meta-schema';

/** The canonical URLs the records of one file have used so far (one set per file, not kept beyond it). */
export type UrlsSeen = Set<string>;

/**
 * A record's identity when its URL is not its own: an earlier record of the same file already had it
 * (a list of items all linking to one page). Then the record's own id field (`guid`, `id`), else its
 * content (title and body) names it, so it is stored beside the first instead of replacing it. The first
 * record with a URL keeps the URL as its id, as a page fetched from the web would.
 */
export function recordIdentity(
  record: Record<string, unknown>,
  meta: ArticleMeta,
  bodyText: string,
  seen: UrlsSeen,
): string | undefined {
  if (!meta.url) return undefined;
  const url = canonicalUrl(meta.url);
  if (!seen.has(url)) {
    seen.add(url);
    return undefined;
  }
  const own = [record.guid, record.id].find(
    (v) => (typeof v === 'string' && v.trim()) || typeof v === 'number',
  );
  return own !== undefined
    ? `record:${url}\n${String(own).trim()}`
    : `content:${sha256Hex(`${url}\n${meta.title ?? ''}\n${bodyText}`)}`;
}

import { canonicalUrl } from '../../ids/article-id';
import { sha256Hex } from '../../ids/sha256-hex';
import { normalizeLine } from '../../text/normalize-text';
import type { FeedItem } from './feed-item';

/**
 * Gives each item whose URL is not its own an identity for its id. The canonical URL wins when no other
 * item of the feed has it (the same story re-fetched from the web keeps its id); else the feed's own
 * id for the item (RSS <guid>, Atom <id>, JSON Feed id), scoped to the feed because guids are often
 * just numbers; else the item's content (its link, title and text), so items sharing a link without
 * guids still stay apart. A podcast feed that links every episode to its show page keeps every episode.
 */
export function assignItemIdentities(items: FeedItem[], feedKey: string): void {
  const uses = new Map<string, number>();
  const urlOf = (item: FeedItem) => (item.meta.url ? canonicalUrl(item.meta.url) : undefined);
  for (const item of items) {
    const url = urlOf(item);
    if (url) uses.set(url, (uses.get(url) ?? 0) + 1);
  }
  for (const item of items) {
    const url = urlOf(item);
    if (url && uses.get(url) === 1) continue;
    const guid = item.guid ? normalizeLine(item.guid) : '';
    item.identity = guid
      ? `guid:${feedKey}\n${guid}`
      : `content:${sha256Hex([url ?? '', item.meta.title ?? '', item.html ?? item.text ?? ''].join('\n'))}`;
  }
}

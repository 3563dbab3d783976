// A feed item as the feed reader hands it on, in its own file: both the reader and the item-identity
// step use it, and neither imports the other for it.
import type { ArticleMeta } from '../../model/article-meta-schema';

/** One feed item, before it becomes an Article: what the feed says, and its content (HTML or text). */
export interface FeedItem {
  meta: ArticleMeta;
  fieldSources: Record<string, string>;
  /** The item's body as HTML (content:encoded, Atom content, JSON Feed content_html), when given. */
  html?: string;
  /** The item's body as plain text, when given. */
  text?: string;
  /** The page the item points to (fetched with --full). */
  link?: string;
  /** The feed's own id for the item: RSS <guid>, Atom <id>, JSON Feed id. */
  guid?: string;
  /** Set when the item's URL is not its own (see assignItemIdentities): the basis of its id. */
  identity?: string;
}

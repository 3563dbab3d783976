import type { Article } from '../model/article-schema';

/** The media types a face serves its feeds with (RFC 4287 §7; JSON Feed 1.1 "MIME type"). */
export const ATOM_MEDIA_TYPE = 'application/atom+xml; charset=utf-8';
export const JSON_FEED_MEDIA_TYPE = 'application/feed+json; charset=utf-8';

/** Who publishes a feed when the face does not say: the author that stands for entries without one. */
export const DEFAULT_FEED_AUTHOR = 'Gazette';

/** What a face tells the feed writers: its titles and links. The articles come from `feedArticles`. */
export interface FeedOptions {
  title: string;
  /** The feed's own URL (Atom `rel="self"`, JSON Feed `feed_url`). */
  selfUrl: string;
  /** The feed's permanent id, an IRI (Atom `<id>`): its URL when absolute, else a URN. */
  feedId: string;
  /** The face's home page, when it has one (Atom `rel="alternate"`, JSON Feed `home_page_url`). */
  homeUrl?: string;
  /** The face's own page for an article, linked when the article has no http(s) URL of its own. */
  articleLink: (article: Article) => string;
  /** The media type of that page when it is not HTML (the API's is its JSON). */
  articleLinkType?: string;
  /** Who publishes the feed (default "Gazette"): the feed's author, so entries without one are valid. */
  author?: string;
  /**
   * When the feed is written (RFC 3339, e.g. `new Date().toISOString()`): the core has no clock. Atom
   * requires every entry to have an `<updated>`; an article with no date of its own and no first-seen
   * time (no store) gets this one, the time this feed published it, and never a `<published>`.
   */
  now: string;
}

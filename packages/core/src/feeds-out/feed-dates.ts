import type { Article } from '../model/article-schema';

/**
 * An RFC 3339 date-time with its offset, which Atom and JSON Feed require. A date alone ("2024-04-20")
 * or a local time names no instant: writing it as one would invent a time or a zone, so it is left out.
 */
export function isInstant(date: string | undefined): date is string {
  return (
    date !== undefined &&
    /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/.test(date) &&
    !Number.isNaN(Date.parse(date))
  );
}

/**
 * The entry's last change as far as anyone knows: its update, else its publication, else when a store
 * first saw it (all true dates). Undefined when the article has none of them as an instant.
 */
export function knownUpdate(article: Article): string | undefined {
  return [article.updatedAt, article.publishedAt, article.firstSeenAt].find(isInstant);
}

/** The newest of some instants (compared as times: offsets differ), or undefined for none. */
export function newestInstant(dates: readonly string[]): string | undefined {
  let newest: string | undefined;
  for (const d of dates) if (!newest || Date.parse(d) > Date.parse(newest)) newest = d;
  return newest;
}

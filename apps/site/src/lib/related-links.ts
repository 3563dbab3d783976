import type { Article, Corpus } from '@gazette/core';
import type { ArticleSummary } from '@gazette/core/query';
import { canonicalUrl } from '@gazette/core/internals';
import { allSummaries } from './corpus-walk';
import { safeHttpUrl } from './safe-url';
import { articlePath } from './site-paths';

interface Lookup {
  byUrl: Map<string, ArticleSummary>;
  /** Titles held by exactly one article; a title shared by two is no address. */
  byTitle: Map<string, ArticleSummary | null>;
}
const cache = new WeakMap<Corpus, Lookup>();

function lookup(corpus: Corpus): Lookup {
  let l = cache.get(corpus);
  if (!l) {
    l = { byUrl: new Map(), byTitle: new Map() };
    for (const a of allSummaries(corpus)) {
      if (a.url) l.byUrl.set(canonicalUrl(a.url), a);
      l.byTitle.set(a.title, l.byTitle.has(a.title) ? null : a);
    }
    cache.set(corpus, l);
  }
  return l;
}

export interface RelatedLink {
  title: string;
  /** This site's page of the story, else its own http(s) address; absent when it has neither. */
  href?: string | undefined;
  external: boolean;
}

/**
 * Where a related story (a teaser taken out of the text) can be read: the article in this corpus with its URL
 * or its exact headline, else its own URL. One without either is only a headline.
 */
export function relatedLinks(corpus: Corpus, article: Article): RelatedLink[] {
  const { byUrl, byTitle } = lookup(corpus);
  return article.related.map((r) => {
    const local = (r.url ? byUrl.get(canonicalUrl(r.url)) : undefined) ?? byTitle.get(r.title) ?? undefined;
    if (local && local.id !== article.id)
      return { title: r.title, href: articlePath(local.slug), external: false };
    const href = safeHttpUrl(r.url);
    return { title: r.title, href, external: href !== undefined };
  });
}

import type { Corpus } from '@gazette/core';

export const MASTHEAD_SECTIONS = 8;

export interface Masthead {
  articles: number;
  /** The newest article's date, as the core gives it; absent when no article is dated. */
  latest?: string | undefined;
  /** The largest sections, for the section navigation under the nameplate. */
  sections: string[];
}

const cache = new WeakMap<Corpus, Masthead>();

/** What the masthead shows on every page, computed once per corpus. */
export function masthead(corpus: Corpus): Masthead {
  let m = cache.get(corpus);
  if (!m) {
    const sections = corpus.facets({ facets: ['section'], limit: MASTHEAD_SECTIONS }).section ?? [];
    m = {
      articles: corpus.size,
      latest: corpus.list({ limit: 1 }).items[0]?.publishedAt,
      sections: sections.map((s) => s.value),
    };
    cache.set(corpus, m);
  }
  return m;
}

import {
  type Article,
  type ArticleFilters,
  type ArticleSummary,
  type Corpus,
  MAX_CURSOR_OFFSET,
  type QuoteItem,
} from '@gazette/core';

// The core pages every list (at most 100 per call, and no deeper than MAX_CURSOR_OFFSET); these walk them.

function walkList(corpus: Corpus, filters: ArticleFilters | undefined): ArticleSummary[] {
  const out: ArticleSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = corpus.list({ limit: 100, ...(filters ? { filters } : {}), ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < MAX_CURSOR_OFFSET);
  return out;
}

const nextMonth = (month: string) => {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 7);
};

/**
 * Every article matching `filters`, newest first. Past the cursor depth limit the walk goes month by month
 * (the core's timeline and after/before filters), then takes the undated articles from the end of the list.
 */
export function allSummaries(corpus: Corpus, filters?: ArticleFilters): ArticleSummary[] {
  const first = corpus.list({ limit: 1, ...(filters ? { filters } : {}) });
  if (first.total <= MAX_CURSOR_OFFSET) return walkList(corpus, filters);
  const timeline = corpus.timeline({ ...(filters ? { filters } : {}), interval: 'month' });
  const months = [...new Set(timeline.buckets.map((b) => b.start.slice(0, 7)))].sort().reverse();
  const out: ArticleSummary[] = [];
  for (const month of months)
    out.push(...walkList(corpus, { ...filters, after: month, before: nextMonth(month) }));
  if (timeline.undated > 0) {
    // Undated articles come last in the newest-first list: reachable while they sit within the depth limit.
    const all = walkList(corpus, filters);
    const seen = new Set(out.map((a) => a.id));
    out.push(...all.filter((a) => !a.publishedAt && !seen.has(a.id)));
  }
  return out;
}

const articleCache = new WeakMap<Corpus, Article[]>();

/** Every article, newest first (cached per corpus: several routes need it). */
export function allArticles(corpus: Corpus): Article[] {
  let all = articleCache.get(corpus);
  if (!all) {
    all = allSummaries(corpus).map((s) => corpus.get(s.id)!);
    articleCache.set(corpus, all);
  }
  return all;
}

/** Quotations, newest first, optionally by one speaker (an entity id or a name), up to `max`. */
export function allQuotes(corpus: Corpus, speaker?: string, max = MAX_CURSOR_OFFSET): QuoteItem[] {
  const out: QuoteItem[] = [];
  let cursor: string | undefined;
  do {
    const page = corpus.quotes({
      limit: 100,
      ...(speaker ? { speaker } : {}),
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < max);
  return out.slice(0, max);
}

import type { Article, ArticleChange, ChangePage, Corpus } from '@gazette/core';
import { ALERT_BATCH, type MatchQuery, newMatches } from '@gazette/core/query';

/**
 * A page of the change log (at most ALERT_BATCH changes, as far as the corpus has applied them), the
 * articles it names as the corpus holds them, and which of them a query matches (the core decides).
 */
export interface ChangeBatch {
  /** The last change of each article in the page, in log order. */
  readonly changes: readonly ArticleChange[];
  readonly articles: ReadonlyMap<string, Article>;
  /** The seq of the page's last change: where the next page starts. */
  readonly last: number;
  /** The ids of the page's articles `query` matches. */
  match(query: MatchQuery): ReadonlySet<string>;
}

function batchOf(page: readonly ArticleChange[], last: number, corpus: Corpus): ChangeBatch {
  const latest = new Map<string, ArticleChange>();
  for (const change of page) {
    latest.delete(change.id); // an article changed twice in the page is sent once, at its last change
    latest.set(change.id, change);
  }
  const articles = new Map<string, Article>();
  for (const id of latest.keys()) {
    const article = corpus.get(id);
    if (article) articles.set(id, article);
  }
  const matcher = newMatches([...articles.values()]);
  const answers = new Map<string, ReadonlySet<string>>();
  return {
    changes: [...latest.values()].filter((c) => articles.has(c.id)),
    articles,
    last,
    match(query) {
      const key = JSON.stringify(query);
      let ids = answers.get(key);
      if (!ids) {
        ids = new Set(matcher(query).map((a) => a.id));
        answers.set(key, ids);
      }
      return ids;
    },
  };
}

/**
 * The pages of the change log that streams read, made once however many streams read them: streams that
 * are caught up all stand at the same place, so the newest few pages are kept (by where they start and how
 * far the corpus had gone), and the small corpus each page is matched over is built once.
 */
export class ChangeBatches {
  /** Kept as promises: streams asking for a page while it is being read share the one read. */
  readonly #kept = new Map<string, Promise<ChangeBatch>>();

  constructor(
    private readonly changes: (since: number, limit: number) => Promise<ChangePage>,
    private readonly keep = 8,
  ) {}

  /** The page after `since`, up to the change `head` that `corpus` includes. */
  after(since: number, head: number, corpus: Corpus): Promise<ChangeBatch> {
    const key = `${since}:${head}`;
    const kept = this.#kept.get(key);
    if (kept) return kept;
    const batch = this.changes(since, ALERT_BATCH).then((read) => {
      const page = read.changes.filter((c) => c.seq <= head);
      return batchOf(page, page.at(-1)?.seq ?? since, corpus);
    });
    // A failed read is not kept: the next stream asking reads the page again.
    batch.catch(() => this.#kept.delete(key));
    this.#kept.set(key, batch);
    if (this.#kept.size > this.keep) this.#kept.delete(this.#kept.keys().next().value!);
    return batch;
  }
}

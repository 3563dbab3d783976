import type { ArticleFilters } from '../../query-schema/query-params-schema';
import type { FacetName } from '../../model/facet-name-schema';
import type { Facets, SearchHit } from '../../query-schema/query-result-schema';
import { analyze } from '../analysis/analyze';
import {
  buildEntityPostings,
  countryValues,
  type EntityPostings,
  entityDocs,
  entityValues,
} from '../index/entity-postings';
import {
  allDocs,
  type CorpusStats,
  type EvalContext,
  evaluate,
  exactTerm,
  intersect,
  type Matches,
  scoreAt,
  typosAt,
} from './evaluate-query';
import { countValues } from './count-values';
import { FilterPlans, narrow, passes, passingIndexes } from './filter-plan';
import { gallop } from '../index/gallop';
import { parsedQuery } from '../query/parse-query';
import { isEmpty, PendingUnion } from './pending-union';
import { pickMatches, sliceMatches } from './pick-matches';
import type { QueryField, QueryNode } from '../query/query-ast';
import { topByRank, topByRelevance } from './rank-top';
import { distinctiveTerms, RelatedScores } from './related-documents';
import { FIELD_KEY, findTerm, type SearchIndex, SPEAKER_ID_KEY } from '../index/search-index';
import { keywordTerms } from '../analysis/keyword-terms';
import { compareStored } from '../../binary/string-column';
import { pageSnippets, type TextMatches } from './snippets';
import { proximityHolders } from './proximity-holders';
import { topK } from './top-k';
import { expansionsPerWord, WORK_BUDGET, WorkBudget } from '../query/work-budget';
import { expandingWords } from '../query/query-size';

const TEXT_CACHE = 20_000;
/** A plain-words hit holding the words side by side, in order, scores this much more. */
export const PROXIMITY_BOOST = 1.3;

/** A query's matches, the terms they matched (for snippets) and what is left of its work budget. */
export interface Found {
  m: Matches;
  matched: Set<string>;
  budget: WorkBudget;
  proximity?: { terms: string[] };
}

export interface RankedPage {
  total: number;
  hits: SearchHit[];
  /** Documents of the page, in order. */
  docs: number[];
}

/** Plain words (no operators): documents holding them side by side, in order, rank higher. */
export function proximityOf(tree: QueryNode | null): { terms: string[] } | undefined {
  if (tree?.kind !== 'and' || !tree.children.every((c) => c.kind === 'term' && !c.field && !c.prefix))
    return undefined;
  const terms = analyze(tree.children.map((c) => (c.kind === 'term' ? c.word : '')).join(' '));
  return terms.filter(Boolean).length >= 2 ? { terms } : undefined;
}

/** The query engine over a SearchIndex: matching, ranking, snippets, facets, filters. */
export class SearchEngine {
  private readonly textCache = new Map<number, string[]>();
  private maskKey = '';
  private mask: Uint8Array | undefined;
  private readonly plans: FilterPlans;
  private readonly scratch = (size: number) => this.plans.scratch(size);
  private entityPostings: EntityPostings | undefined;
  private readonly everyCount = new Map<FacetName, { counts: Uint32Array; top: number[] }>();
  /** Scratch for related() (built on first use). */
  private relatedScores: RelatedScores | undefined;

  /** `work`: the units each query may spend (a smaller budget lets tests reach it on a few articles). */
  constructor(
    readonly ix: SearchIndex,
    private readonly work: number = WORK_BUDGET.maxQueryWork,
  ) {
    this.plans = new FilterPlans(ix);
  }

  readonly textTerms = (id: number): string[] => {
    let t = this.textCache.get(id);
    if (!t) {
      t = analyze(this.ix.texts.at(id));
      if (this.textCache.size >= TEXT_CACHE) this.textCache.clear();
      this.textCache.set(id, t);
    }
    return t;
  };

  /** Matching documents for q and filters (typo tolerance on when the exact words find nothing, unless 'off'). */
  match(q: string | undefined, filters: ArticleFilters | undefined, typos: 'auto' | 'off' = 'auto'): Found {
    const tree = q?.trim() ? parsedQuery(q) : null;
    const ctx: EvalContext = {
      ix: this.ix,
      matched: new Set(),
      budget: new WorkBudget(this.work),
      perWord: expansionsPerWord(tree ? expandingWords(tree) : 0),
    };
    // No query (or only punctuation): every document. Only stop words: nothing to search for.
    let m = (tree ? evaluate(ctx, tree, typos) : null) ?? (tree ? allDocs(0) : allDocs(this.ix.n));
    if (tree && typos === 'auto' && isEmpty(m)) {
      // Nothing matched as typed: a real word may be a typo of another ("word" for "world").
      ctx.matched.clear();
      m = evaluate(ctx, tree, 'force') ?? m;
    }
    const out = { m: this.filter(m, filters), matched: ctx.matched, budget: ctx.budget };
    const proximity = proximityOf(tree);
    return proximity ? { ...out, proximity } : out;
  }

  /** The matches that pass the filters, kept as they were listed (pickMatches). */
  filter(m: Matches, filters: ArticleFilters | undefined): Matches {
    if (!filters || Object.values(filters).every((v) => v === undefined)) return m;
    if (filters.entity || filters.country) return this.filterByEntity(m, filters);
    const passing = passingIndexes(m.docs, this.plans.plan(filters, m.docs.length), this.scratch);
    return 'at' in passing ? pickMatches(m, passing.at, passing.k) : sliceMatches(m, passing.lo, passing.hi);
  }

  /** An entity or country filter walks its documents (few) against the matches, not every match. */
  private filterByEntity(m: Matches, filters: ArticleFilters): Matches {
    const want = this.entityFilterDocs(filters);
    const at = this.scratch(want.length);
    let k = 0;
    let p = 0;
    for (let i = 0; i < want.length; i++) {
      p = gallop(m.docs, p, want[i]!);
      if (p >= m.docs.length) break;
      if (m.docs[p] === want[i]) at[k++] = p;
    }
    k = narrow(m.docs, at, k, this.plans.plan(filters, k));
    return pickMatches(m, at, k);
  }
  /** Documents (ascending) whose `field` keywords hold every word of text, stop words included. */
  fieldDocs(field: QueryField, text: string): Uint32Array {
    const lists: Matches[] = [];
    for (const key of keywordTerms(FIELD_KEY[field], text)) {
      const t = findTerm(this.ix, key);
      if (t < 0) return new Uint32Array(0);
      lists.push({ docs: this.ix.postings.get(t).docs, scores: null, typos: null });
    }
    return lists.length ? intersect(lists).docs : new Uint32Array(0);
  }

  /** Documents (ascending) with a quotation the entity with this id is credited with. */
  speakerDocs(entityId: string): Uint32Array {
    const t = findTerm(this.ix, SPEAKER_ID_KEY + entityId);
    return t < 0 ? new Uint32Array(0) : this.ix.postings.get(t).docs;
  }

  /** The entity column inverted (built on first use). */
  postings(): EntityPostings {
    this.entityPostings ??= buildEntityPostings(this.ix);
    return this.entityPostings;
  }

  /** Documents (ascending) an entity filter keeps: by entity id, or by a name or alias (folded). */
  private entityDocsOf(entity: string): Uint32Array {
    const p = this.postings();
    return entityDocs(p, entityValues(p, entity), this.ix.n);
  }

  /** Documents (ascending) the entity and country filters keep (both when both are given). */
  private entityFilterDocs(f: ArticleFilters): Uint32Array {
    const p = this.postings();
    const byCountry = f.country ? entityDocs(p, countryValues(p, f.country), this.ix.n) : undefined;
    if (!f.entity) return byCountry!;
    const byEntity = this.entityDocsOf(f.entity);
    if (!byCountry) return byEntity;
    return intersect([
      { docs: byEntity, scores: null, typos: null },
      { docs: byCountry, scores: null, typos: null },
    ]).docs;
  }

  /** Which documents pass the filters (cached for the last filter set). */
  filterMask(f: ArticleFilters): Uint8Array {
    const key = JSON.stringify(f);
    if (this.mask && key === this.maskKey) return this.mask;
    const ix = this.ix;
    const plan = this.plans.plan(f, ix.n);
    const mask = new Uint8Array(ix.n);
    if (f.entity || f.country) for (const d of this.entityFilterDocs(f)) mask[d] = passes(plan, d) ? 1 : 0;
    else {
      const docs = allDocs(ix.n).docs;
      const passing = passingIndexes(docs, plan, this.scratch);
      if ('at' in passing) for (let i = 0; i < passing.k; i++) mask[passing.at[i]!] = 1;
      else mask.fill(1, passing.lo, passing.hi);
    }
    this.mask = mask;
    this.maskKey = key;
    return mask;
  }

  /** One page of ranked hits with snippets. */
  page(found: Found, sort: 'relevance' | 'newest' | 'oldest', offset: number, limit: number): RankedPage {
    const { matched, proximity } = found;
    const k = offset + limit;
    // A plain OR ranks its best and counts its matches without listing them: the page is drawn from those.
    const best =
      sort === 'relevance' && found.m instanceof PendingUnion ? found.m.best(Math.max(k, 10)) : null;
    const m = best ? best.top : found.m;
    const total = best ? best.total : m.docs.length;
    let order: number[];
    let boosted: Set<number> | undefined;
    let known: TextMatches | undefined;
    if (sort === 'relevance') {
      // Plain words: among the best (at least 10), documents holding them side by side in order move up
      // (Meilisearch's proximity rule, cut short). A boost only raises scores, so the best set stays the
      // same and only its order changes.
      order = topByRelevance(m, Math.max(k, 10));
      if (proximity && m.docs.length > 1 && found.budget.afford(this.documentsOf(proximity.terms))) {
        // From the first page, the page is drawn from these documents: their texts' matches are found
        // once, for the check and the snippets.
        const held = proximityHolders(this.ix, m, order, proximity.terms, matched, offset === 0);
        boosted = held.boosted;
        known = held.texts;
        if (boosted.size > 0) {
          const s = (i: number) =>
            boosted!.has(i) ? Math.fround(scoreAt(m, i) * PROXIMITY_BOOST) : scoreAt(m, i);
          order.sort((x, y) => typosAt(m, x) - typosAt(m, y) || s(y) - s(x) || m.docs[x]! - m.docs[y]!);
        }
      }
    } else
      order =
        sort === 'newest'
          ? Array.from({ length: Math.min(k, m.docs.length) }, (_, i) => i)
          : topByRank(m, k, (d) => this.ix.oldestRank[d]!);
    const score = (i: number) =>
      boosted?.has(i) ? Math.fround(scoreAt(m, i) * PROXIMITY_BOOST) : scoreAt(m, i);
    const slice = order.slice(offset, offset + limit);
    const ix = this.ix;
    const docs = slice.map((i) => m.docs[i]!);
    // Each title decoded once: the hit's, and its snippet's when the title matches.
    const titles = docs.map((d) => ix.titles.at(d));
    const snippets = pageSnippets(ix, docs, matched, titles, undefined, known);
    const hits = slice.map((i, k) => {
      const d = docs[k]!;
      return {
        id: ix.ids.at(d),
        slug: ix.slugs.at(d),
        title: titles[k]!,
        score: Math.round(score(i) * 10_000) / 10_000,
        snippets: snippets[k]!,
      };
    });
    return { total, hits, docs };
  }

  /** The documents the terms' postings list, summed: what reading their positions costs, at least. */
  private documentsOf(terms: readonly string[]): number {
    let n = 0;
    for (const term of terms) {
      const t = term ? findTerm(this.ix, term) : -1;
      if (t >= 0) n += this.ix.postings.df(t);
    }
    return n;
  }

  /**
   * Counts per facet value over the matching documents, most frequent first (ties by value). Each
   * document counted is paid for from the budget; when it runs out, the rest are not counted.
   * `filters`: those the matches passed (a facet of a filtered column may need no reading).
   */
  facets(
    m: Matches,
    names: readonly FacetName[],
    limit: number,
    budget = new WorkBudget(this.work),
    filters?: ArticleFilters,
  ): Facets {
    const out: Facets = {};
    // Every document matches (no query, no filter): counted once, then free.
    const every = m.docs.length === this.ix.n;
    for (const name of names) {
      const column = this.ix.facets[name];
      let c = every ? this.everyCount.get(name) : undefined;
      if (!c) {
        c = this.valueCounts(name, m.docs, every ? m.docs.length : budget.upTo(m.docs.length), filters);
        if (every) this.everyCount.set(name, c);
      }
      const { counts, top } = c;
      // Ties by value: compared in code point order on the stored bytes, without decoding.
      const better = (x: number, y: number) =>
        counts[x] !== counts[y] ? counts[x]! > counts[y]! : compareStored(column.values, x, y) < 0;
      out[name] = topK(top, limit, better).map((v) => ({ value: column.values.at(v), count: counts[v]! }));
    }
    return out;
  }

  /**
   * Documents per value of facet `name` over the first n docs, which passed `filters`: when those keep
   * one value of the column (a section filter, the sections counted), all n hold it, without reading.
   */
  valueCounts(
    name: FacetName,
    docs: Uint32Array,
    n: number,
    filters: ArticleFilters | undefined,
  ): { counts: Uint32Array; top: number[] } {
    const column = this.ix.facets[name];
    const sole = this.plans.soleValue(filters, name);
    if (sole === undefined) return countValues(column, docs, n);
    const counts = new Uint32Array(column.values.length);
    counts[sole] = n;
    return { counts, top: n > 0 ? [sole] : [] };
  }

  /**
   * More like this: the document's 20 most distinctive terms (tf-idf, title words count 3) as an OR
   * query, plus 2 per shared entity. Scores gather from the terms' postings and the shared entities'
   * document lists, so a call reads only documents that share something.
   */
  related(
    doc: number,
    limit: number,
    filters: ArticleFilters | undefined,
  ): Array<{ doc: number; score: number }> {
    const ix = this.ix;
    if (limit <= 0) return [];
    const entities = ix.entities;
    const values = new Set(entities.val.subarray(entities.off[doc]!, entities.off[doc + 1]!));
    const mask =
      filters && Object.values(filters).some((v) => v !== undefined) ? this.filterMask(filters) : undefined;
    return this.relatedTo(distinctiveTerms(ix, doc, this.textTerms), values, doc, limit, mask).map(
      ({ doc: d, s }) => ({ doc: d, score: Math.round(s * 10_000) / 10_000 }),
    );
  }

  /**
   * The best `limit` documents (but `exclude`, and those the mask leaves out) by the terms' scores and 2
   * per shared entity value, with their scores as gathered. `stats`: this index is a segment of a live
   * corpus, whose idf the terms score with.
   */
  relatedTo(
    terms: readonly string[],
    entityValues: ReadonlySet<number>,
    exclude: number,
    limit: number,
    mask: Uint8Array | undefined,
    stats?: CorpusStats,
  ): Array<{ doc: number; s: number }> {
    const ix = this.ix;
    this.relatedScores ??= new RelatedScores(ix.n);
    const scores = this.relatedScores;
    scores.start();
    const ctx: EvalContext = { ix, matched: new Set(), budget: new WorkBudget() };
    if (stats) ctx.stats = stats;
    for (const term of terms) {
      const matches = exactTerm(ctx, term);
      if (matches) scores.addMatches(matches);
    }
    if (entityValues.size > 0) {
      const p = this.postings();
      for (const v of entityValues) scores.addSharedEntity(p.docs, p.off[v]!, p.off[v + 1]!);
    }
    return scores.bestUnrounded(exclude, limit, mask);
  }
}

import type { Article } from '../../model/article-schema';
import {
  BODY,
  DocumentTerms,
  ENTITY_NAMES,
  type EntriesPart,
  QUOTES,
  STANDFIRST,
  TITLE,
} from './document-terms';
import { EntityColumns } from './entity-columns';
import { FacetColumns } from './facet-columns';
import { appendWords, IndexTexts, type PartWords } from './index-texts';
import { GrowableArray } from '../../binary/growable-array';
import type { DocumentHead, IndexedArticle } from './indexed-article';
import { KeywordTable } from './keyword-table';
import { countTerms, PositionLists } from './position-lists';
import { WordPairs } from './word-pairs';
import { invertEntries } from './invert-entries';
import { QuoteTerms } from './quote-terms';
import { FIELD_KEY, type SearchIndex, SPEAKER_ID_KEY } from './search-index';
import { compareCodePoints, StringColumn } from '../../binary/string-column';
import { TermDictionary } from './term-dictionary';
import { WordTable } from '../analysis/word-table';

/** Quotations whose term ids are remembered (they recur across articles); past these, scanned each time. */
const MAX_CACHED_QUOTES = 1_000_000;

/** What the index is built in, filled document by document (the "collect and analyse" stage). */
export interface Builders {
  terms: TermDictionary;
  table: WordTable;
  texts: IndexTexts;
  entries: DocumentTerms;
  keywords: KeywordTable;
  facets: FacetColumns;
  entities: EntityColumns;
  quoteTerms: QuoteTerms;
  quoteCounts: Uint32Array;
  statementCounts: Uint32Array;
  /** The current document's keyword terms (field qualifiers, facet values): a scratch emptied per document. */
  keys: GrowableArray<Int32Array>;
  /** Parts appended but for their entries and words, which the lists' builder appends (see ListsInput). */
  deferred: DeferredPart[];
}

/** A part's entries and words, appended where the lists are built: not on the thread holding the articles. */
export interface DeferredPart extends PartWords {
  entries: EntriesPart;
  firstDoc: number;
}

/**
 * Builds the index over articles already in document order (newest first), in stages: collect and
 * analyse each document's texts, keywords, facets and entities; invert the entries into postings with
 * their BM25F impacts; then the dictionary, positions, surface words and date order are written out.
 */
export function buildIndex(articles: readonly Article[]): SearchIndex {
  const b = createBuilders(articles.length);
  analyseAll(b, articles);
  return finishIndex(articles, b);
}

/** The fewest documents a one-thread build analyses between two projections of its arrays' growth. */
const PROJECTION_STEP = 1024;

/** Analyses every article, in steps, each foreseeing the room the rest will need (projectGrowth). */
export function analyseAll(b: Builders, articles: readonly IndexedArticle[]): void {
  const step = Math.max(PROJECTION_STEP, Math.ceil(articles.length / 32));
  for (let from = 0; from < articles.length; from += step) {
    const to = Math.min(articles.length, from + step);
    analyseDocuments(b, articles, from, to);
    projectGrowth(b, to, articles.length);
  }
}

/**
 * Room in the builders' largest arrays (texts, words, entries) for `total` documents, foreseen from the
 * `done` analysed so far. Grown by doubling, each of them copied its items again and again, and each new
 * buffer of a hundred MB or more set off a full collection of the builder's heap (V8's external memory
 * pressure): 2.6-3.6 s of an analysis worker's 22 s at news 100k, and a quarter of a one-thread build's
 * analysis, whose heap holds the articles. Called after each chunk of documents: an array grows again
 * only when the documents so far foresee more than its room.
 */
export function projectGrowth(b: Builders, done: number, total: number): void {
  if (done <= 0 || done >= total) return;
  b.texts.projectGrowth(total / done);
  b.entries.projectGrowth(total / done);
}

/** Analyses articles[from, to) as documents from..to-1 of the builders. */
export function analyseDocuments(
  b: Builders,
  articles: readonly IndexedArticle[],
  from: number,
  to: number,
): void {
  for (let d = from; d < to; d++) analyseDocument(b, d, articles[d]!);
}

/**
 * The typed-array half of the finishing stage (postings with their impacts, positions): no strings and
 * no builders, so another thread can do it while this one writes the dictionary and string columns.
 */
export interface ListsInput {
  entries: EntriesPart;
  /** Each term id's rank in the sorted dictionary (one per term: its length is the term count). */
  rank: Uint32Array;
  documents: number;
  /** Each unique text's words as term ids (IndexTexts.words), text x's at wordOff[x]..wordOff[x+1]. */
  words: Int32Array;
  wordOff: Uint32Array;
  /** Every document's texts (IndexTexts.textIds, textOff): which documents hold a pair of words. */
  textIds: Uint32Array;
  textOff: Uint32Array;
  /** Parts whose entries and words follow those above, in order. */
  parts: DeferredPart[];
}
export type IndexLists = Pick<SearchIndex, 'postings' | 'positions' | 'pairs'>;
/** Starts building the lists; the function it returns gives them (e.g. once a worker answers). */
export type StartLists = (input: ListsInput) => () => IndexLists;

export function buildLists(input: ListsInput): IndexLists {
  return { postings: buildPostings(input), ...buildPositions(input) };
}

/** The postings half of the lists: the entries (and the parts'), inverted with their impacts. */
export function buildPostings(input: ListsInput): IndexLists['postings'] {
  const entries = DocumentTerms.over(input.entries);
  for (const p of input.parts) entries.append(p.entries, p.firstDoc, p.terms);
  return invertEntries(entries, input.rank, input.documents);
}

/** The positions half of the lists, from the texts' words (and the parts'): positions and word pairs. */
export function buildPositions(input: ListsInput): Pick<IndexLists, 'positions' | 'pairs'> {
  const grown = new GrowableArray(Int32Array);
  const grownOff = new GrowableArray(Uint32Array);
  grown.adopt(input.words as Int32Array<ArrayBuffer>);
  grownOff.adopt(input.wordOff as Uint32Array<ArrayBuffer>);
  for (const p of input.parts) appendWords(grown, grownOff, p);
  const words = grown.view();
  const wordOff = grownOff.view();
  const { rank, textIds, textOff, documents } = input;
  const counts = countTerms(words, wordOff, rank);
  return {
    positions: PositionLists.build(words, wordOff, rank, counts),
    pairs: WordPairs.build({ words, wordOff, rank, textsByRank: counts.texts, textIds, textOff, documents }),
  };
}

const listsHere: StartLists = (input) => {
  const lists = buildLists(input);
  return () => lists;
};

/**
 * The index from builders holding every document of `articles` (analysed in order, or appended as parts);
 * `startLists` may build the postings and positions elsewhere meanwhile (the same lists buildLists gives).
 */
export function finishIndex(
  articles: readonly DocumentHead[],
  b: Builders,
  startLists = listsHere,
): SearchIndex {
  const { column: terms, rank } = b.terms.sorted();
  const { words, wordOff } = b.texts;
  const lists = startLists({
    entries: b.entries.part(),
    rank,
    documents: articles.length,
    words: words.view(),
    wordOff: wordOff.view(),
    textIds: b.texts.textIds.view(),
    textOff: b.texts.textOff,
    parts: b.deferred,
  });
  const surface = surfaceWords(b.table);
  const columns = {
    n: articles.length,
    ...documentColumns(articles),
    oldestRank: oldestRank(articles),
    terms,
    surface: StringColumn.from(surface.map((e) => e[0])),
    surfaceTerm: Uint32Array.from(surface, (e) => rank[e[1]]!),
    facets: b.facets.done(),
    ...b.entities.done(),
    quoteCounts: b.quoteCounts,
    statementCounts: b.statementCounts,
    texts: b.texts.column(),
    textOff: b.texts.textOff,
    textIds: b.texts.textIds.done(),
    textField: b.texts.textField.done(),
  };
  return { ...columns, ...lists() };
}

export function createBuilders(documents: number): Builders {
  const terms = new TermDictionary();
  const table = new WordTable((term) => (term ? terms.idOf(term) : -1));
  const keywords = new KeywordTable(terms);
  const facets = new FacetColumns(documents, keywords);
  return {
    terms,
    table,
    texts: new IndexTexts(documents, table),
    entries: new DocumentTerms(documents),
    keywords,
    facets,
    entities: new EntityColumns(documents, keywords, facets.columns, table),
    quoteTerms: new QuoteTerms((text, onId) => table.scan(text, onId), MAX_CACHED_QUOTES),
    quoteCounts: new Uint32Array(documents),
    statementCounts: new Uint32Array(documents),
    keys: new GrowableArray(Int32Array, 256),
    deferred: [],
  };
}

/** One document: its words counted per field, then its keyword terms, facet values and entities. */
function analyseDocument(b: Builders, d: number, a: IndexedArticle): void {
  b.entries.startDocument(d);
  b.keys.length = 0;
  countTexts(b, a);
  countQuotes(b, a);
  for (const e of a.entities) {
    const info = b.entities.add(d, e);
    const ids = b.entities.ids;
    b.entries.count(ids, info.from, info.keysFrom, ENTITY_NAMES);
    for (let i = info.keysFrom; i < info.to; i++) b.keys.push(ids[i]!);
  }
  b.texts.endDocument(d);
  addKeywords(b, d, a);
  b.facets.endDocument(d);
  b.entities.endDocument(d);
  b.entries.endDocument(b.keys.array, b.keys.length);
}

/** The stored texts (title, standfirst, body), each analysed once; title words are also `title:` keywords. */
function countTexts(b: Builders, a: IndexedArticle): void {
  const title = countText(b, a.title, TITLE);
  const { words, wordOff } = b.texts;
  for (let i = wordOff.array[title]!; i < wordOff.array[title + 1]!; i++) {
    const t = words.array[i]!;
    if (t >= 0) b.keys.push(b.keywords.ofWord(FIELD_KEY.title, t));
  }
  if (a.standfirst) countText(b, a.standfirst, STANDFIRST);
  for (let k = 0; k < a.body.length; k++) countText(b, a.body[k]!.text, BODY);
}

function countText(b: Builders, text: string, field: number): number {
  const id = b.texts.add(text, field);
  const { words, wordOff } = b.texts;
  b.entries.count(words.array, wordOff.array[id]!, wordOff.array[id + 1]!, field);
  return id;
}

/** Quotations: counted in their field and `quote:` keywords, their term ids remembered (they recur). */
function countQuotes(b: Builders, a: IndexedArticle): void {
  for (const q of a.quotes) {
    const ids = b.quoteTerms.of(q.text);
    const { from, to } = b.quoteTerms;
    b.entries.count(ids, from, to, QUOTES);
    for (let i = from; i < to; i++) b.keys.push(b.keywords.ofWord(FIELD_KEY.quote, ids[i]!));
  }
}

/** How many of the quotations read as statements (readsAsStatement), each text's word count taken once. */
function countStatements(b: Builders, quotes: IndexedArticle['quotes']): number {
  let n = 0;
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!;
    if (!q.partial && b.quoteTerms.readsAsStatement(q)) n++;
  }
  return n;
}

/**
 * Keyword terms for field qualifiers (speaker:, by:) and the facet values (source, section, tags...).
 * Indexed loops, not for-of, and no closure: per document, their iterators and context were objects.
 */
function addKeywords(b: Builders, d: number, a: IndexedArticle): void {
  const { quotes, byline, tags } = a;
  b.quoteCounts[d] = quotes.length;
  b.statementCounts[d] = countStatements(b, quotes);
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!;
    if (q.speaker) b.keywords.addTo(FIELD_KEY.speaker, q.speaker, b.keys);
    if (q.speakerEntityId) b.keys.push(b.terms.idOf(SPEAKER_ID_KEY + q.speakerEntityId));
  }
  for (let i = 0; i < byline.length; i++)
    if (byline[i]) b.keywords.addTo(FIELD_KEY.byline, byline[i]!, b.keys);
  b.facets.add(d, 'source', FIELD_KEY.source, a.source?.name, b.keys);
  b.facets.add(d, 'section', FIELD_KEY.section, a.section, b.keys);
  for (let i = 0; i < tags.length; i++) b.facets.add(d, 'tag', FIELD_KEY.tag, tags[i], b.keys);
  b.facets.add(d, 'language', FIELD_KEY.lang, a.language, b.keys);
  b.facets.addMonth(d, a.publishedAt);
}

/** Surface words (as written, folded) with a letter, sorted, and their term ids: for as-you-type. */
function surfaceWords(table: WordTable): Array<[string, number]> {
  return table
    .entries()
    .filter(([w]) => /\p{L}/u.test(w))
    .sort((x, y) => compareCodePoints(x[0], y[0]));
}

function documentColumns(
  articles: readonly DocumentHead[],
): Pick<SearchIndex, 'ids' | 'slugs' | 'titles' | 'dates'> {
  return {
    ids: StringColumn.from(articles.map((a) => a.id)),
    slugs: StringColumn.from(articles.map((a) => a.slug)),
    titles: StringColumn.from(articles.map((a) => a.title)),
    dates: StringColumn.from(articles.map((a) => a.publishedAt ?? '')),
  };
}

/** Each document's rank from the oldest (undated last, ties by id). */
function oldestRank(articles: readonly DocumentHead[]): Uint32Array {
  const oldest = Array.from({ length: articles.length }, (_, i) => i).sort((x, y) => {
    const dateX = articles[x]!.publishedAt ?? '\uffff';
    const dateY = articles[y]!.publishedAt ?? '\uffff';
    if (dateX !== dateY) return dateX < dateY ? -1 : 1;
    return articles[x]!.id < articles[y]!.id ? -1 : 1;
  });
  const ranks = new Uint32Array(articles.length);
  oldest.forEach((d, r) => {
    ranks[d] = r;
  });
  return ranks;
}

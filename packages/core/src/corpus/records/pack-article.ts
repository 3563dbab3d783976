import type { Article } from '../../model/article-schema';
import type { BlockKind } from '../../model/block-schema';
import type { Entity } from '../../model/entity-schema';
import type { Quote } from '../../model/quote-schema';
import { ByteReader, type ByteWriter } from '../../binary/varint';
import { joinQuotation } from '../../text/join-quotation';

// In a snapshot an article's body texts and standfirst live once in the index's text table; the
// article keeps the kinds of its blocks (one letter each) and 0 for its standfirst. Quotes drop their text when the body gives it back, and
// an article's entities become one byte array of varints: enrichment is most of an article's weight.
const CODE: Record<BlockKind, string> = { paragraph: 'p', heading: 'h', blockquote: 'q', 'list-item': 'l' };
const KIND: Record<string, BlockKind> = { p: 'paragraph', h: 'heading', q: 'blockquote', l: 'list-item' };

// Fields other than the packed ones ride along as they are, so new model fields survive a snapshot.
type PackedQuote = [text: string | number, rest: Omit<Quote, 'text'>];
/** An entity's name, type and aliases recur across articles: they live once in a table of heads. */
export type EntityHead = Omit<Entity, 'mentions' | 'demonymMentions'>;
/** Date and amount mentions drop their text when it is the slice of the block they point at. */
type Spanned = { text?: string; block: number; start?: number | undefined; end?: number | undefined };

/**
 * The fields of `o` but `a` and `b`, in order. Object rest with excluded keys (`{ a, ...rest } = o`)
 * takes a slow runtime path in V8, and packing runs it for every entity, quote and span of a corpus.
 */
function without<T extends object>(o: T, a: string, b?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const from = o as Record<string, unknown>;
  for (const k in from) if (k !== a && k !== b) out[k] = from[k];
  return out;
}

const zigzag = (v: number) => (v << 1) ^ (v >> 31);
const unzigzag = (v: number) => (v >>> 1) ^ -(v & 1);

/**
 * Mentions as varints: each block and start as a step from the mention before (a start from 0 in a new
 * block), then the length. Mentions come in text order, so most steps take a byte.
 */
function writeMentions(w: ByteWriter, ms: readonly Entity['mentions'][number][]): void {
  let block = 0;
  let start = 0;
  for (const m of ms) {
    if (m.block !== block) start = 0;
    w.varint(zigzag(m.block - block));
    w.varint(zigzag(m.start - start));
    w.varint(zigzag(m.end - m.start));
    block = m.block;
    start = m.start;
  }
}

function readMentions(r: ByteReader, count: number): Entity['mentions'] {
  const out: Entity['mentions'] = [];
  let block = 0;
  let start = 0;
  for (let i = 0; i < count; i++) {
    const b = block + unzigzag(r.varint());
    const s = (b === block ? start : 0) + unzigzag(r.varint());
    out.push({ block: b, start: s, end: s + unzigzag(r.varint()) });
    block = b;
    start = s;
  }
  return out;
}

/**
 * An article's entities in one byte array: their count, then each one's head (`headIndex`), its
 * mention count (times two, plus one when it has demonym mentions), its mentions, and its demonym
 * mentions with their count. Most of a record was entity lists as tagged numbers. Written into `w`
 * (cleared first) and returned as a view on it: a new buffer per article, and its copy, cost more than
 * packing it.
 */
function packEntities(
  entities: readonly Entity[],
  headIndex: (e: Entity) => number,
  w: ByteWriter,
): Uint8Array {
  w.clear();
  w.varint(entities.length);
  for (const e of entities) {
    w.varint(headIndex(e));
    w.varint(2 * e.mentions.length + (e.demonymMentions ? 1 : 0));
    writeMentions(w, e.mentions);
    if (e.demonymMentions) {
      w.varint(e.demonymMentions.length);
      writeMentions(w, e.demonymMentions);
    }
  }
  return w.view();
}

function unpackEntities(packed: Uint8Array, headAt: (i: number) => EntityHead): Entity[] {
  if (!(packed instanceof Uint8Array)) throw new RangeError('entities are not a byte array');
  const r = new ByteReader(packed, 0, packed.length);
  const count = r.varint();
  if (count > packed.length) throw new RangeError('more entities than bytes');
  const out: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const head = headAt(r.varint());
    const n = r.varint();
    if (n / 2 > packed.length) throw new RangeError('more mentions than bytes');
    const e: Entity = { ...head, mentions: readMentions(r, n >>> 1) };
    if (n & 1) {
      const d = r.varint();
      if (d > packed.length) throw new RangeError('more mentions than bytes');
      e.demonymMentions = readMentions(r, d);
    }
    out.push(e);
  }
  if (r.p !== packed.length) throw new RangeError('entity list length mismatch');
  return out;
}

/**
 * The text of a quotation over blocks block..endBlock as the quote reader makes it (joinQuotation), or,
 * not `reopened`, the blocks' slices joined by a space as they stand.
 */
function joinedQuote(q: Omit<Quote, 'text'>, body: readonly string[], reopened: boolean): string {
  const last = q.endBlock ?? q.block;
  if (reopened) return joinQuotation(body, q.block, q.start, last, q.end);
  let text = (body[q.block] ?? '').slice(q.start, q.block === last ? q.end : undefined);
  for (let b = q.block + 1; b <= last; b++)
    text += ` ${(body[b] ?? '').slice(0, b === last ? q.end : undefined)}`;
  return text;
}

// A quotation's text is kept as a number when the body gives it back: IN_BODY a slice of one block, JOINED
// the slices of several blocks joined by spaces, JOINED_REOPENED as the quote reader joins them.
const IN_BODY = 0;
const JOINED = 1;
const JOINED_REOPENED = 2;

function packQuote(q: Quote, a: Article): PackedQuote {
  const rest = without(q, 'text') as Omit<Quote, 'text'>;
  if (q.endBlock !== undefined) {
    const body = a.body.map((b) => b.text);
    if (joinedQuote(rest, body, false) === q.text) return [JOINED, rest];
    if (joinedQuote(rest, body, true) === q.text) return [JOINED_REOPENED, rest];
    return [q.text, rest];
  }
  const inBody = a.body[q.block]?.text.slice(q.start, q.end) === q.text;
  rest.end = q.end - q.start;
  return [inBody ? IN_BODY : q.text, rest];
}

function unpackQuote([text, packed]: PackedQuote, body: readonly string[]): Quote {
  const rest = packed.endBlock === undefined ? { ...packed, end: packed.start + packed.end } : packed;
  if (typeof text === 'string') return { text, ...rest };
  if (text === IN_BODY) return { text: (body[rest.block] ?? '').slice(rest.start, rest.end), ...rest };
  return { text: joinedQuote(rest, body, text === JOINED_REOPENED), ...rest };
}

function packSpanned<T extends Spanned>(x: T, a: Article): T {
  if (x.start === undefined || x.end === undefined) return x;
  const inBody = a.body[x.block]?.text.slice(x.start, x.end) === x.text;
  const out = inBody ? without(x, 'text') : { ...x };
  out.end = x.end - x.start;
  return out as T;
}

function unpackSpanned<T extends Spanned>(packed: T, body: readonly string[]): T {
  if (packed.start === undefined || packed.end === undefined) return packed;
  const x = { ...packed, end: packed.start + packed.end };
  return x.text === undefined ? { text: (body[x.block] ?? '').slice(x.start, x.end), ...x } : x;
}

/** An entity's head: its fields but its mentions. */
export const headOf = (e: Entity): EntityHead => without(e, 'mentions', 'demonymMentions') as EntityHead;

/** The article but its id, slug and title. */
function withoutHead(a: Article): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const from = a as unknown as Record<string, unknown>;
  for (const k in from) if (k !== 'id' && k !== 'slug' && k !== 'title') out[k] = from[k];
  return out;
}

/**
 * What a snapshot stores of an article: no id, slug or title (index columns), no body texts (the
 * text table), entity heads as indexes (`headIndex` of the entity), and the summary as a length when it is the start
 * of the first block. Its entities are a view on `scratch`: write the record before packing the next.
 */
export function packArticle(
  a: Article,
  headIndex: (e: Entity) => number,
  scratch: ByteWriter,
): Record<string, unknown> {
  // Fields set in place of the article's own keep its key order (as a spread and then these would).
  const packed = withoutHead(a);
  packed.body = a.body.map((b) => CODE[b.kind]).join('');
  packed.quotes = a.quotes.map((q) => packQuote(q, a));
  packed.entities = packEntities(a.entities, headIndex, scratch);
  packed.dates = a.dates.map((x) => packSpanned(x, a));
  packed.amounts = a.amounts.map((x) => packSpanned(x, a));
  if (a.summary !== undefined && a.summary !== '' && a.body[0]?.text.startsWith(a.summary))
    packed.summary = a.summary.length;
  // The index stores a non-empty standfirst as a text (an empty one is not a text: kept as it is).
  if (a.standfirst) packed.standfirst = 0;
  return packed;
}

/** What an article's record leaves to the index: its id, slug, title and standfirst (if a text). */
export interface ArticleHead {
  id: string;
  slug: string;
  title: string;
  standfirst?: string | undefined;
}

export function unpackArticle(
  packed: unknown,
  head: ArticleHead,
  bodyTexts: readonly string[],
  headAt: (i: number) => EntityHead,
): Article {
  const a = packed as Record<string, unknown> & {
    body: string;
    quotes: PackedQuote[];
    entities: Uint8Array;
    dates: Spanned[];
    amounts: Spanned[];
  };
  const kinds = a.body;
  const { standfirst, ...ids } = head;
  const out = {
    ...ids,
    ...a,
    body: bodyTexts.map((text, i) => ({ kind: KIND[kinds[i] ?? 'p'] ?? 'paragraph', text })),
    quotes: a.quotes.map((q) => unpackQuote(q, bodyTexts)),
    entities: unpackEntities(a.entities, headAt),
    dates: a.dates.map((x) => unpackSpanned(x, bodyTexts)),
    amounts: a.amounts.map((x) => unpackSpanned(x, bodyTexts)),
  } as Record<string, unknown>;
  if (typeof a.summary === 'number') out.summary = (bodyTexts[0] ?? '').slice(0, a.summary);
  if (a.standfirst === 0) {
    if (standfirst === undefined) throw new RangeError('no standfirst text');
    out.standfirst = standfirst;
  }
  return out as unknown as Article;
}

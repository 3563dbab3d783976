import type { Article } from '../../model/article-schema';
import type { BlockKind } from '../../model/block-schema';
import type { Entity } from '../../model/entity-schema';
import type { Quote } from '../../model/quote-schema';
import { ByteReader, ByteWriter } from '../../binary/varint';
import { joinQuotation } from '../../text/join-quotation';
import { nameLengths, readMentions, WordStarts, writeMentions } from './mentions';

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

/** Where a record finds an entity's head: its place in its document's list of entity ids, its variant there. */
export type EntityRef = [place: number, variant: number];

/**
 * An article's entities in one byte array: their count (times two, plus one when their places are
 * written: not the entities' own order), then each one's place (when written) and variant
 * (entity-heads.ts), its mention count (times two, plus one when it has demonym mentions), its mentions,
 * and its demonym mentions with their count. Most of a record was entity lists as tagged numbers.
 * Written into `w` (cleared first) and returned as a view on it: a new buffer per article, and its copy,
 * cost more than packing it.
 */
function packEntities(
  entities: readonly Entity[],
  entityRef: (e: Entity) => EntityRef,
  words: WordStarts,
  w: ByteWriter,
): Uint8Array {
  w.clear();
  const refs = entities.map(entityRef);
  const placed = refs.some(([place], i) => place !== i);
  w.varint(2 * entities.length + (placed ? 1 : 0));
  entities.forEach((e, i) => {
    const [place, variant] = refs[i]!;
    if (placed) w.varint(place);
    w.varint(variant);
    w.varint(2 * e.mentions.length + (e.demonymMentions ? 1 : 0));
    const lengths = nameLengths(e);
    writeMentions(w, e.mentions, lengths, words);
    if (e.demonymMentions) {
      w.varint(e.demonymMentions.length);
      writeMentions(w, e.demonymMentions, lengths, words);
    }
  });
  return w.view();
}

function unpackEntities(
  packed: Uint8Array,
  headAt: (place: number, variant: number) => EntityHead,
  words: WordStarts,
): Entity[] {
  if (!(packed instanceof Uint8Array)) throw new RangeError('entities are not a byte array');
  const r = new ByteReader(packed, 0, packed.length);
  const first = r.varint();
  const count = first >>> 1;
  if (count > packed.length) throw new RangeError('more entities than bytes');
  const out: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const place = first & 1 ? r.varint() : i;
    const head = headAt(place, r.varint());
    const n = r.varint();
    if (n / 2 > packed.length) throw new RangeError('more mentions than bytes');
    if (typeof head.name !== 'string' || !Array.isArray(head.aliases))
      throw new RangeError('not an entity head');
    const lengths = nameLengths(head);
    const e: Entity = { ...head, mentions: readMentions(r, n >>> 1, lengths, words) };
    if (n & 1) {
      const d = r.varint();
      if (d > packed.length) throw new RangeError('more mentions than bytes');
      e.demonymMentions = readMentions(r, d, lengths, words);
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

/** Each distinct entity id of an article by its place in the article's list of ids (entity-heads.ts). */
function entityPlaces(a: Article): Map<string, number> {
  const places = new Map<string, number>();
  for (const e of a.entities) if (!places.has(e.id)) places.set(e.id, places.size);
  return places;
}

/** A quote's speaker entity id is kept as its place in the article's ids (a number) when the article names it. */
function packQuote(q: Quote, a: Article, places: Map<string, number>): PackedQuote {
  const rest = without(q, 'text') as Omit<Quote, 'text'>;
  const place = q.speakerEntityId === undefined ? undefined : places.get(q.speakerEntityId);
  if (place !== undefined) (rest as Record<string, unknown>).speakerEntityId = place;
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

function unpackQuote(
  [text, packed]: PackedQuote,
  body: readonly string[],
  idAt: (place: number) => string,
): Quote {
  const rest = packed.endBlock === undefined ? { ...packed, end: packed.start + packed.end } : { ...packed };
  const place: unknown = rest.speakerEntityId;
  if (typeof place === 'number') rest.speakerEntityId = idAt(place);
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
 * text table), entity heads as references (`entityRef` of the entity), and the summary as a length when it is the start
 * of the first block. Its entities are a view on `scratch`: write the record before packing the next.
 * `words` is reset to the article's blocks (one reused for every article of a corpus).
 */
export function packArticle(
  a: Article,
  entityRef: (e: Entity) => EntityRef,
  scratch: ByteWriter = new ByteWriter(),
  words: WordStarts = new WordStarts([]),
): Record<string, unknown> {
  const places = a.quotes.length > 0 ? entityPlaces(a) : new Map<string, number>();
  // Fields set in place of the article's own keep its key order (as a spread and then these would).
  const packed = withoutHead(a);
  packed.body = a.body.map((b) => CODE[b.kind]).join('');
  packed.quotes = a.quotes.map((q) => packQuote(q, a, places));
  words.reset(a.body.map((b) => b.text));
  packed.entities = packEntities(a.entities, entityRef, words, scratch);
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
  headAt: (place: number, variant: number) => EntityHead,
  idAt: (place: number) => string,
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
    quotes: a.quotes.map((q) => unpackQuote(q, bodyTexts, idAt)),
    entities: unpackEntities(a.entities, headAt, new WordStarts(bodyTexts)),
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

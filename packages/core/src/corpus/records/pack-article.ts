import type { Article } from '../../model/article-schema';
import type { BlockKind } from '../../model/block-schema';
import type { Entity } from '../../model/entity-schema';
import type { Quote } from '../../model/quote-schema';

// In a snapshot an article's body texts live once in the index's text table; the article keeps the
// kinds of its blocks (one letter each). Quotes drop their text when it is a slice of the body, and
// entity mentions become flat number lists: enrichment is most of an article's weight.
const CODE: Record<BlockKind, string> = { paragraph: 'p', heading: 'h', blockquote: 'q', 'list-item': 'l' };
const KIND: Record<string, BlockKind> = { p: 'paragraph', h: 'heading', q: 'blockquote', l: 'list-item' };

// Fields other than the packed ones ride along as they are, so new model fields survive a snapshot.
type PackedQuote = [text: string | 0, rest: Omit<Quote, 'text'>];
/** An entity's name, type and aliases recur across articles: they live once in a table of heads. */
export type EntityHead = Omit<Entity, 'mentions' | 'demonymMentions'>;
type PackedEntity = [head: number, mentions: number[], demonyms?: number[]];
/** Date and amount mentions drop their text when it is the slice of the block they point at. */
type Spanned = { text?: string; block: number; start?: number | undefined; end?: number | undefined };

// Spans keep their length rather than their end: a length is small, so it takes one byte.
const flat = (ms: readonly Entity['mentions'][number][]) =>
  ms.flatMap((m) => [m.block, m.start, m.end - m.start]);
function unflat(xs: readonly number[]): Entity['mentions'] {
  const out: Entity['mentions'] = [];
  for (let i = 0; i + 2 < xs.length; i += 3)
    out.push({ block: xs[i]!, start: xs[i + 1]!, end: xs[i + 1]! + xs[i + 2]! });
  return out;
}

function packQuote(q: Quote, a: Article): PackedQuote {
  const { text, ...rest } = q;
  if (q.endBlock !== undefined) return [text, rest];
  const inBody = a.body[q.block]?.text.slice(q.start, q.end) === text;
  return [inBody ? 0 : text, { ...rest, end: q.end - q.start }];
}

function unpackQuote([text, packed]: PackedQuote, body: readonly string[]): Quote {
  const rest = packed.endBlock === undefined ? { ...packed, end: packed.start + packed.end } : packed;
  return { text: text === 0 ? (body[rest.block] ?? '').slice(rest.start, rest.end) : text, ...rest };
}

function packSpanned<T extends Spanned>(x: T, a: Article): T {
  if (x.start === undefined || x.end === undefined) return x;
  const len = { ...x, end: x.end - x.start };
  if (a.body[x.block]?.text.slice(x.start, x.end) !== x.text) return len;
  const { text: _text, ...rest } = len;
  return rest as T;
}

function unpackSpanned<T extends Spanned>(packed: T, body: readonly string[]): T {
  if (packed.start === undefined || packed.end === undefined) return packed;
  const x = { ...packed, end: packed.start + packed.end };
  return x.text === undefined ? { text: (body[x.block] ?? '').slice(x.start, x.end), ...x } : x;
}

/**
 * What a snapshot stores of an article: no id, slug or title (index columns), no body texts (the
 * text table), entity heads as indexes (`headIndex`), and the summary as a length when it is the start
 * of the first block.
 */
export function packArticle(a: Article, headIndex: (head: EntityHead) => number): Record<string, unknown> {
  const { id: _id, slug: _slug, title: _title, ...rest } = a;
  const packed: Record<string, unknown> = {
    ...rest,
    body: a.body.map((b) => CODE[b.kind]).join(''),
    quotes: a.quotes.map((q) => packQuote(q, a)),
    entities: a.entities.map((e): PackedEntity => {
      const { mentions, demonymMentions, ...head } = e;
      const i = headIndex(head);
      return demonymMentions ? [i, flat(mentions), flat(demonymMentions)] : [i, flat(mentions)];
    }),
    dates: a.dates.map((x) => packSpanned(x, a)),
    amounts: a.amounts.map((x) => packSpanned(x, a)),
  };
  if (a.summary !== undefined && a.summary !== '' && a.body[0]?.text.startsWith(a.summary))
    packed.summary = a.summary.length;
  return packed;
}

export function unpackArticle(
  packed: unknown,
  head: { id: string; slug: string; title: string },
  bodyTexts: readonly string[],
  headAt: (i: number) => EntityHead,
): Article {
  const a = packed as Record<string, unknown> & {
    body: string;
    quotes: PackedQuote[];
    entities: PackedEntity[];
    dates: Spanned[];
    amounts: Spanned[];
  };
  const kinds = a.body;
  const out = {
    ...head,
    ...a,
    body: bodyTexts.map((text, i) => ({ kind: KIND[kinds[i] ?? 'p'] ?? 'paragraph', text })),
    quotes: a.quotes.map((q) => unpackQuote(q, bodyTexts)),
    entities: a.entities.map(([h, mentions, demonyms]) => {
      const e: Entity = { ...headAt(h), mentions: unflat(mentions) };
      if (demonyms) e.demonymMentions = unflat(demonyms);
      return e;
    }),
    dates: a.dates.map((x) => unpackSpanned(x, bodyTexts)),
    amounts: a.amounts.map((x) => unpackSpanned(x, bodyTexts)),
  } as Record<string, unknown>;
  if (typeof a.summary === 'number') out.summary = (bodyTexts[0] ?? '').slice(0, a.summary);
  return out as unknown as Article;
}

import type { Article } from '../model/article-schema';
import type { BlockKind } from '../model/block-schema';
import type { Entity } from '../model/entity-schema';
import type { Quote } from '../model/quote-schema';

// In a snapshot an article's body texts live once in the index's text table; the article keeps the
// kinds of its blocks (one letter each). Quotes drop their text when it is a slice of the body, and
// entity mentions become flat number lists: enrichment is most of an article's weight.
const CODE: Record<BlockKind, string> = { paragraph: 'p', heading: 'h', blockquote: 'q', 'list-item': 'l' };
const KIND: Record<string, BlockKind> = { p: 'paragraph', h: 'heading', q: 'blockquote', l: 'list-item' };

// Fields other than the packed ones ride along as they are, so new model fields survive a snapshot.
type PackedQuote = [text: string | 0, rest: Omit<Quote, 'text'>];
type PackedEntity = [rest: Omit<Entity, 'mentions'>, mentions: number[]];

function packQuote(q: Quote, a: Article): PackedQuote {
  const { text, ...rest } = q;
  const inBody = q.endBlock === undefined && a.body[q.block]?.text.slice(q.start, q.end) === text;
  return [inBody ? 0 : text, rest];
}

function unpackQuote([text, rest]: PackedQuote, body: readonly string[]): Quote {
  return { text: text === 0 ? (body[rest.block] ?? '').slice(rest.start, rest.end) : text, ...rest };
}

function packEntity(e: Entity): PackedEntity {
  const { mentions, ...rest } = e;
  return [rest, mentions.flatMap((m) => [m.block, m.start, m.end])];
}

function unpackEntity([rest, flat]: PackedEntity): Entity {
  const mentions: Entity['mentions'] = [];
  for (let i = 0; i + 2 < flat.length; i += 3)
    mentions.push({ block: flat[i]!, start: flat[i + 1]!, end: flat[i + 2]! });
  return { ...rest, mentions };
}

/** What a snapshot stores of an article: no id, slug or title (index columns) and no body texts. */
export function packArticle(a: Article): Record<string, unknown> {
  const { id: _id, slug: _slug, title: _title, ...rest } = a;
  return {
    ...rest,
    body: a.body.map((b) => CODE[b.kind]).join(''),
    quotes: a.quotes.map((q) => packQuote(q, a)),
    entities: a.entities.map(packEntity),
  };
}

export function unpackArticle(
  packed: unknown,
  head: { id: string; slug: string; title: string },
  bodyTexts: readonly string[],
): Article {
  const a = packed as Record<string, unknown> & {
    body: string;
    quotes: PackedQuote[];
    entities: PackedEntity[];
  };
  const kinds = a.body;
  return {
    ...head,
    ...a,
    body: bodyTexts.map((text, i) => ({ kind: KIND[kinds[i] ?? 'p'] ?? 'paragraph', text })),
    quotes: a.quotes.map((q) => unpackQuote(q, bodyTexts)),
    entities: a.entities.map(unpackEntity),
  } as unknown as Article;
}

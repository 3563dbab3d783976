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

export function packArticle(a: Article): string {
  return JSON.stringify({
    ...a,
    body: a.body.map((b) => CODE[b.kind]).join(''),
    quotes: a.quotes.map((q) => packQuote(q, a)),
    entities: a.entities.map(packEntity),
  });
}

export function unpackArticle(json: string, bodyTexts: readonly string[]): Article {
  const a = JSON.parse(json) as Record<string, unknown> & {
    body: string;
    quotes: PackedQuote[];
    entities: PackedEntity[];
  };
  const kinds = a.body;
  const article = a as unknown as Article;
  article.body = bodyTexts.map((text, i) => ({ kind: KIND[kinds[i] ?? 'p'] ?? 'paragraph', text }));
  article.quotes = a.quotes.map((q) => unpackQuote(q, bodyTexts));
  article.entities = a.entities.map(unpackEntity);
  return article;
}

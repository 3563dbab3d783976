import type { Article } from '../model/article-schema';
import type { Entity } from '../model/entity-schema';
import { findAmounts } from './amounts';
import { estimatePublication, findDates, publicationDay } from './dates';
import { type LinkedMention, linkEntities } from './link-entities';
import { findQuotes } from './quotes';
import type { EntityRecognizer } from './recognizer';
import { ruleRecognizer } from './rule-recognizer';
import { entityTags, ledeSummary } from './summary';

export interface EnrichOptions {
  /** The entity recogniser: the rule-based one by default; `nerRecognizer` from @gazette/core/ner is the trained tagger. */
  recognizer?: EntityRecognizer | undefined;
}

/** The fields enrichment fills in. */
export type Enrichment = Pick<Article, 'quotes' | 'entities' | 'dates' | 'amounts' | 'tags'> &
  Partial<Pick<Article, 'summary' | 'publishedEstimate'>>;

/** Whether the trained (English) tagger may read text of this language. */
function readsEnglish(language: string): boolean {
  return language === 'und' || language === 'en' || language.startsWith('en-');
}

/**
 * The mentions without the article's own authors: who wrote the story is metadata, not someone it
 * mentions ("Additional reporting by Tom Whitaker"), so an author is neither an entity nor a tag. A
 * place is never an author, and one-word credits ("Reuters", "Staff") are left to the text.
 */
function withoutAuthors(linked: LinkedMention[], byline: readonly string[]): LinkedMention[] {
  const authors = new Set(byline.filter((c) => /\s/.test(c)).map((c) => c.toLowerCase()));
  if (authors.size === 0) return linked;
  return linked.filter((m) => m.entity.type === 'place' || !authors.has(m.entity.name.toLowerCase()));
}

/**
 * Reads an article: entities (linked, with stable ids), quotes and speakers, dates (resolved against
 * publishedAt when given, else a publication window estimate), amounts, an extractive summary and tags.
 * Never throws on text: anything it cannot read is simply not found.
 */
export function enrichArticle(
  article: Pick<Article, 'body' | 'language' | 'tags' | 'publishedAt' | 'summary' | 'standfirst'> &
    Partial<Pick<Article, 'byline'>>,
  options: EnrichOptions = {},
): Enrichment {
  const blocks = article.body.map((b) => b.text);
  // The trained tagger learnt English: other languages are read by the rules.
  const recognizer =
    options.recognizer && readsEnglish(article.language) ? options.recognizer : ruleRecognizer;
  const spans = recognizer.recognize(blocks);
  const linked = withoutAuthors(linkEntities(blocks, spans, options.recognizer?.place), article.byline ?? []);
  const entities: Entity[] = [...new Set(linked.map((m) => m.entity))];
  const quotes = findQuotes(blocks, linked);
  const published = publicationDay(article.publishedAt);
  const dates = blocks.flatMap((text, b) => findDates(text, b, published));
  const amounts = blocks.flatMap((text, b) => findAmounts(text, b));
  const tags = [...article.tags];
  for (const t of entityTags(entities)) if (tags.length < 8 && !tags.includes(t)) tags.push(t);
  const result: Enrichment = { quotes, entities, dates, amounts, tags };
  const summary = article.summary ?? ledeSummary(article.body);
  if (summary) result.summary = summary;
  if (!published) {
    const estimate = estimatePublication(blocks, dates);
    if (estimate) result.publishedEstimate = estimate;
  }
  return result;
}

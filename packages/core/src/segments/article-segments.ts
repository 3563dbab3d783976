import type { Article } from '../model/article-schema';
import { mentionRanges, quoteRanges, type Range } from './block-ranges';
import { MIN_STATEMENT_WORDS } from '../text/statement';
import { quoteDecisions } from './quote-decisions';
import type { ArticleSegments, BlockSegments } from './segments-schema';
import { splitBlock } from './split-block';

export interface ArticleSegmentsOptions {
  /** Fewest words for a whole quotation to count as a statement (a pull-quote). Default MIN_STATEMENT_WORDS. */
  minStatementWords?: number;
}

/** The mention ranges that are the first of their entity in the section, marking the entities seen. */
function firstMentions(mentions: readonly Range[], seen: Set<number>): Set<Range> {
  const first = new Set<Range>();
  for (const m of mentions) {
    if (seen.has(m.index)) continue;
    seen.add(m.index);
    first.add(m);
  }
  return first;
}

/**
 * The article body as every face shows it: per block, the ordered plain, mention and quote segments (a
 * mention knows whether it is the first of its entity in its section, a section running from one heading to
 * the next), and per quotation whether to attribute it and whether it can stand as a pull-quote.
 */
export function articleSegments(article: Article, options: ArticleSegmentsOptions = {}): ArticleSegments {
  const quotesByBlock = new Map<number, Range[]>();
  const blocks: BlockSegments[] = [];
  let seen = new Set<number>();
  article.body.forEach((block, i) => {
    if (block.kind === 'heading') seen = new Set();
    const quotes = quoteRanges(article, i, block.text);
    const mentions = mentionRanges(article, i, block.text.length);
    quotesByBlock.set(i, quotes);
    const first = firstMentions(mentions, seen);
    blocks.push({ kind: block.kind, segments: splitBlock(article, i, { quotes, mentions, first }) });
  });
  const minWords = options.minStatementWords ?? MIN_STATEMENT_WORDS;
  return { blocks, quotes: quoteDecisions(article, quotesByBlock, minWords) };
}

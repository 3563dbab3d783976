import type { Article } from '../model/article-schema';
import type { Quote } from '../model/quote-schema';
import { readsAsStatement } from '../text/statement';
import type { Range } from './block-ranges';
import type { QuoteDecision } from './segments-schema';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether `name` occurs in `text` as whole words (not inside a longer word). */
function namesIn(text: string, name: string): boolean {
  if (!name) return false;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + name.length] ?? ' ';
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return true;
  }
  return false;
}

/** The text of the quotation's blocks with the quotation itself blanked out: what the writer says around it. */
function textAround(
  article: Article,
  quote: Quote,
  ranges: ReadonlyMap<number, readonly Range[]>,
  index: number,
) {
  const parts: string[] = [];
  for (let b = quote.block; b <= (quote.endBlock ?? quote.block); b++) {
    let text = article.body[b]?.text ?? '';
    const r = ranges.get(b)?.find((x) => x.index === index);
    if (r) text = `${text.slice(0, r.start)}${' '.repeat(r.end - r.start)}${text.slice(r.end)}`;
    parts.push(text);
  }
  return parts.join('\n');
}

/** Whether the paragraph(s) of the quotation already name its speaker, outside the quotation. */
function speakerNamed(article: Article, quote: Quote, around: string): boolean {
  const entity = quote.speakerEntityId
    ? (article.entities ?? []).find((e) => e.id === quote.speakerEntityId)
    : undefined;
  const names = [quote.speaker ?? '', ...(entity ? [entity.name, ...entity.aliases] : [])];
  return names.some((n) => namesIn(around, n.trim()));
}

/**
 * For each quotation: whether a face should add its speaker's name after it, and whether it reads as a
 * statement (a whole quotation, not a word woven into the writer's sentence) that can stand as a pull-quote.
 */
export function quoteDecisions(
  article: Article,
  quoteRangesByBlock: ReadonlyMap<number, readonly Range[]>,
  minStatementWords: number,
): QuoteDecision[] {
  return (article.quotes ?? []).map((q, i) => ({
    needsAttribution:
      Boolean(q.speaker) && !speakerNamed(article, q, textAround(article, q, quoteRangesByBlock, i)),
    isStatement: readsAsStatement(q, minStatementWords),
  }));
}

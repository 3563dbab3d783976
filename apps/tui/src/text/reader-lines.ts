import { type Article, articleSegments, type RelatedResult } from '@gazette/core/query';
import { safeLine } from './safe-text';
import { entityStyle, segmentSpans } from './segment-spans';
import { type Line, span } from './spans';
import { wrapSpans } from './wrap-spans';

/** The whole reader as rows of `width` cells: head, body, quotations and entities marked, related stories. */
export function readerLines(article: Article, related: RelatedResult | undefined, width: number): Line[] {
  const w = Math.max(10, width);
  const lines: Line[] = [];
  const blank = () => lines.push([]);
  lines.push(...wrapSpans([span(safeLine(article.title), 'title')], w));
  if (article.standfirst) lines.push(...wrapSpans([span(safeLine(article.standfirst), 'bold')], w));
  const meta = [
    article.byline.length ? `By ${article.byline.map(safeLine).join(', ')}` : undefined,
    article.source ? safeLine(article.source.name) : undefined,
    article.publishedAt ? article.publishedAt.slice(0, 10) : 'undated',
    `${article.wordCount.toLocaleString('en')} words, ${article.readingMinutes} min`,
    article.url ? safeLine(article.url) : undefined,
  ].filter(Boolean);
  lines.push(...wrapSpans([span(meta.join(' · '), 'dim')], w));
  blank();
  const segments = articleSegments(article);
  article.body.forEach((block, i) => {
    const spans = segmentSpans(segments.blocks[i]?.segments ?? [], segments.quotes);
    if (block.kind === 'heading')
      lines.push(
        ...wrapSpans(
          spans.map((s) => span(s.text, 'heading')),
          w,
        ),
      );
    else if (block.kind === 'list-item') {
      for (const [j, l] of wrapSpans(spans, w - 2).entries()) lines.push([span(j === 0 ? '• ' : '  '), ...l]);
    } else if (block.kind === 'blockquote') {
      for (const l of wrapSpans(spans, w - 2)) lines.push([span('│ ', 'quote'), ...l]);
    } else lines.push(...wrapSpans(spans, w));
    blank();
  });
  if (article.related.length) {
    lines.push([span('Related stories', 'heading')]);
    for (const r of article.related)
      for (const [j, l] of wrapSpans([span(safeLine(r.title))], w - 2).entries())
        lines.push([span(j === 0 ? '→ ' : '  ', 'dim'), ...l]);
    blank();
  }
  if (related?.items.length) {
    lines.push([span('More like this', 'heading')]);
    for (const r of related.items)
      for (const [j, l] of wrapSpans([span(safeLine(r.title))], w - 2).entries())
        lines.push([span(j === 0 ? '→ ' : '  ', 'dim'), ...l]);
    blank();
  }
  const people = article.entities.filter((e) => e.type !== 'other');
  if (people.length) {
    lines.push([span('In this story', 'heading')]);
    lines.push(
      ...wrapSpans(
        people.flatMap((e, i) => [...(i ? [span(', ')] : []), span(safeLine(e.name), entityStyle(e.type))]),
        w,
      ),
    );
  }
  while (lines.length && lines[lines.length - 1]!.length === 0) lines.pop();
  return lines;
}

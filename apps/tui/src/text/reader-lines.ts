import type { Article, EntityType, RelatedResult } from '@gazette/core/query';
import { safeLine, safeText } from './safe-text';
import { type Line, markSpans, type Span, type SpanStyle, span } from './spans';
import { wrapSpans } from './wrap-spans';

const ENTITY_STYLE: Record<EntityType, SpanStyle> = {
  person: 'person',
  organization: 'organization',
  place: 'place',
  other: 'other',
};

/** Puts `extra` spans at UTF-16 offset `at` of the text the spans cover. */
function insertAt(spans: Span[], at: number, extra: Span[]): Span[] {
  const out: Span[] = [];
  let pos = 0;
  let done = false;
  for (const s of spans) {
    const end = pos + s.text.length;
    if (!done && at >= pos && at < end) {
      if (at > pos) out.push(span(s.text.slice(0, at - pos), s.style));
      out.push(...extra);
      out.push(span(s.text.slice(at - pos), s.style));
      done = true;
    } else out.push(s);
    pos = end;
  }
  if (!done) out.push(...extra);
  return out;
}

/** The spans of one body block: entities and quotations marked, each quotation followed by its speaker. */
export function blockSpans(article: Article, blockIndex: number): Span[] {
  const block = article.body[blockIndex]!;
  const marks: Array<{ start: number; end: number; style: SpanStyle }> = [];
  // Names first, so a name inside a quotation keeps its colour.
  // Defensive: a snapshot or store written by another version may leave a list out; the reader still reads.
  for (const e of article.entities ?? [])
    for (const m of e.mentions ?? [])
      if (m.block === blockIndex) marks.push({ start: m.start, end: m.end, style: ENTITY_STYLE[e.type] });
  const quotes = (article.quotes ?? []).filter((q) => q.block === blockIndex);
  // A quotation's range may stop inside its closing mark: the speaker goes after `,”`, not before it.
  const quoteEnd = (q: (typeof quotes)[number]) => {
    if (q.endBlock !== undefined) return block.text.length;
    const close = /^[,.;:!?…]*["”’»]/.exec(block.text.slice(q.end))?.[0].length ?? 0;
    return q.end + close;
  };
  for (const q of quotes) marks.push({ start: q.start, end: quoteEnd(q), style: 'quote' });
  let spans = markSpans(block.text, marks);
  // Speakers go in from the last quotation back, so earlier offsets stay right.
  for (const q of [...quotes].sort((a, b) => quoteEnd(b) - quoteEnd(a))) {
    const who = q.speaker ? safeLine(q.speaker) : 'unattributed';
    spans = insertAt(spans, quoteEnd(q), [span(' ‹', 'dim'), span(who, 'speaker'), span('›', 'dim')]);
  }
  // Made safe after marking: offsets refer to the text as stored.
  return spans.map((s) => span(safeText(s.text).replace(/\n/g, ' '), s.style));
}

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
  article.body.forEach((block, i) => {
    const spans = blockSpans(article, i);
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
        people.flatMap((e, i) => [...(i ? [span(', ')] : []), span(safeLine(e.name), ENTITY_STYLE[e.type])]),
        w,
      ),
    );
  }
  while (lines.length && lines[lines.length - 1]!.length === 0) lines.pop();
  return lines;
}

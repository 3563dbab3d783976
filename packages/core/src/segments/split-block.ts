import type { Article } from '../model/article-schema';
import type { Range } from './block-ranges';
import type { InlineSegment, Segment } from './segments-schema';

/** The cut points of a block: its ends and every range's ends, in order. */
function cutPoints(length: number, ranges: readonly Range[]): number[] {
  const cuts = new Set([0, length]);
  for (const r of ranges) cuts.add(r.start).add(r.end);
  return [...cuts].sort((a, b) => a - b);
}

const covering = (ranges: readonly Range[], at: number) => ranges.find((r) => r.start <= at && at < r.end);

/** One piece of text as a plain or mention segment; `first` says which mention ranges come first in the section. */
function inline(
  article: Article,
  text: string,
  mention: Range | undefined,
  first: ReadonlySet<Range>,
): InlineSegment {
  const e = mention ? article.entities[mention.index] : undefined;
  if (!mention || !e) return { type: 'text', text };
  return {
    type: 'mention',
    text,
    entity: mention.index,
    entityId: e.id,
    entityType: e.type,
    first: first.has(mention),
  };
}

/** Appends an inline piece, joining it to the previous one when both are plain text. */
function pushInline(into: InlineSegment[], piece: InlineSegment): void {
  const prev = into[into.length - 1];
  if (prev?.type === 'text' && piece.type === 'text') prev.text += piece.text;
  else into.push(piece);
}

/**
 * Splits block `block` into plain, mention and quote segments (mentions inside a quote are its parts); the
 * texts join back to the block's text exactly.
 */
export function splitBlock(
  article: Article,
  block: number,
  ranges: { quotes: readonly Range[]; mentions: readonly Range[]; first: ReadonlySet<Range> },
): Segment[] {
  const text = article.body[block]?.text ?? '';
  const points = cutPoints(text.length, [...ranges.quotes, ...ranges.mentions]);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const piece = inline(
      article,
      text.slice(start, points[i + 1]),
      covering(ranges.mentions, start),
      ranges.first,
    );
    const q = covering(ranges.quotes, start);
    const quote = q ? article.quotes[q.index] : undefined;
    if (!q || !quote) {
      pushInline(out as InlineSegment[], piece);
      continue;
    }
    const last = out[out.length - 1];
    if (last?.type === 'quote' && last.quote === q.index && start > q.start) {
      pushInline(last.parts, piece);
      continue;
    }
    out.push({
      type: 'quote',
      quote: q.index,
      ...(quote.speaker ? { speaker: quote.speaker } : {}),
      ...(quote.speakerEntityId ? { speakerEntityId: quote.speakerEntityId } : {}),
      continuesFrom: block > quote.block,
      continuesInto: block < (quote.endBlock ?? quote.block),
      parts: [piece],
    });
  }
  return out;
}

import type { Article } from '../model/article-schema';

/** A UTF-16 range of one block's text, covered by a quotation or an entity mention (`index` into the list). */
export interface Range {
  start: number;
  end: number;
  index: number;
}

const OPENING_MARK = /["“‘«„]$/;
// A quotation's range may stop inside its closing mark: the mark (and the comma before it) belong to it.
const CLOSING_MARK = /^[,.;:!?…]*["”’»]/;

/** Quotation ranges in block `block`, widened to their quotation marks; a quotation over blocks covers each. */
export function quoteRanges(article: Article, block: number, text: string): Range[] {
  const ranges: Range[] = [];
  // Defensive: a snapshot or store written by another version may leave a list out; the reader still reads.
  (article.quotes ?? []).forEach((q, index) => {
    const last = q.endBlock ?? q.block;
    if (block < q.block || block > last) return;
    let start = block === q.block ? q.start : 0;
    let end = block === last ? q.end : text.length;
    if (block === q.block && OPENING_MARK.test(text.slice(Math.max(0, start - 1), start))) start--;
    if (block === last) end += CLOSING_MARK.exec(text.slice(end))?.[0].length ?? 0;
    ranges.push({ start, end, index });
  });
  return clean(ranges, text.length);
}

/** Entity mention ranges in block `block`. */
export function mentionRanges(article: Article, block: number, length: number): Range[] {
  const ranges: Range[] = [];
  (article.entities ?? []).forEach((e, index) => {
    for (const m of e.mentions ?? [])
      if (m.block === block) ranges.push({ start: m.start, end: m.end, index });
  });
  return clean(ranges, length);
}

// Offsets come from the enrichment or an untrusted store: clamp them to the text and drop overlaps (the
// first by position wins), so bad offsets can never garble or repeat text.
function clean(ranges: Range[], length: number): Range[] {
  const sorted = ranges
    .map((r) => ({ ...r, start: Math.max(0, r.start), end: Math.min(length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const r of sorted) if (!out.length || r.start >= out[out.length - 1]!.end) out.push(r);
  return out;
}

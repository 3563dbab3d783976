import type { Article } from '@gazette/core';

/** A run of a block's text, with the quote and entity mention (if any) that cover it. */
export interface Segment {
  text: string;
  /** Index into article.quotes. */
  quote?: number;
  /** Index into article.entities. */
  entity?: number;
}

/** Consecutive segments that share a quote: rendered as one highlighted quotation. */
export interface QuoteRun {
  quote?: number;
  /** Whether this run holds the quotation's last characters (where its speaker is shown). */
  closes: boolean;
  parts: Segment[];
}

interface Range {
  start: number;
  end: number;
  index: number;
}

function rangesInBlock(
  article: Article,
  block: number,
  length: number,
): { quotes: Range[]; entities: Range[] } {
  const quotes: Range[] = [];
  article.quotes.forEach((q, index) => {
    const last = q.endBlock ?? q.block;
    if (block < q.block || block > last) return;
    const start = block === q.block ? q.start : 0;
    const end = block === last ? q.end : length;
    quotes.push({ start, end, index });
  });
  const entities: Range[] = [];
  article.entities.forEach((e, index) => {
    for (const m of e.mentions) if (m.block === block) entities.push({ start: m.start, end: m.end, index });
  });
  return { quotes: clean(quotes, length), entities: clean(entities, length) };
}

// Offsets come from the enrichment: clamp them to the text and drop overlaps (first one wins), so bad
// offsets can never garble or duplicate text.
function clean(ranges: Range[], length: number): Range[] {
  const sorted = ranges
    .map((r) => ({ ...r, start: Math.max(0, r.start), end: Math.min(length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const r of sorted) if (!out.length || r.start >= out[out.length - 1]!.end) out.push(r);
  return out;
}

const cover = (ranges: Range[], at: number) => ranges.find((r) => r.start <= at && at < r.end);

/** Splits block `block` of the article into quote runs and entity segments; the texts join to the block. */
export function blockRuns(article: Article, block: number): QuoteRun[] {
  const text = article.body[block]?.text ?? '';
  const { quotes, entities } = rangesInBlock(article, block, text.length);
  const cuts = new Set([0, text.length]);
  for (const r of [...quotes, ...entities]) cuts.add(r.start).add(r.end);
  const points = [...cuts].sort((a, b) => a - b);
  const runs: QuoteRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const q = cover(quotes, start);
    const e = cover(entities, start);
    const seg: Segment = { text: text.slice(start, end) };
    if (q) seg.quote = q.index;
    if (e) seg.entity = e.index;
    const last = runs[runs.length - 1];
    if (last && last.quote === seg.quote) {
      const prev = last.parts[last.parts.length - 1]!;
      if (prev.entity === seg.entity) prev.text += seg.text;
      else last.parts.push(seg);
    } else {
      const run: QuoteRun = { closes: false, parts: [seg] };
      if (q) run.quote = q.index;
      runs.push(run);
    }
    if (q)
      runs[runs.length - 1]!.closes =
        end === q.end && block === (article.quotes[q.index]?.endBlock ?? article.quotes[q.index]?.block);
  }
  return runs;
}

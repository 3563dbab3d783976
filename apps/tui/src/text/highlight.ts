import type { Snippet } from '@gazette/core/query';
import { safeText } from './safe-text';
import { markSpans, type Span, span } from './spans';
import { truncate, wrapSpans } from './wrap-spans';

/** Words of a query worth highlighting in a title: no operators, qualifiers or tiny words. */
export function queryWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []).filter((w) => !['or', 'and', 'not'].includes(w));
}

/** A title with the query's words marked (case-insensitive). */
export function highlightWords(text: string, words: readonly string[]): Span[] {
  const lower = text.toLowerCase();
  const marks: Array<{ start: number; end: number; style: 'match' }> = [];
  if (lower.length === text.length) {
    for (const w of words) {
      for (let i = lower.indexOf(w); i !== -1; i = lower.indexOf(w, i + w.length))
        marks.push({ start: i, end: i + w.length, style: 'match' });
    }
  }
  return markSpans(text, marks).map((s) => span(safeText(s.text).replace(/\n/g, ' '), s.style));
}

/** One row of a snippet, its first match in view, matches marked; safe for the terminal. */
export function snippetRow(snippet: Snippet, width: number): Span[] {
  const first = snippet.highlights[0]?.start ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  if (start > 0) {
    const space = snippet.text.indexOf(' ', start);
    start = space !== -1 && space < first ? space + 1 : start;
  }
  const marks = snippet.highlights
    .filter((h) => h.end > start)
    .map((h) => ({ start: h.start - start, end: h.end - start, style: 'match' as const }));
  const spans = markSpans(snippet.text.slice(start), marks).map((s) =>
    span(safeText(s.text).replace(/\n/g, ' '), s.style),
  );
  const lead = start > 0 ? [span('…', 'dim')] : [];
  const row = wrapSpans([...lead, ...spans], width)[0] ?? [];
  return row.map((s) => span(truncate(s.text, width), s.style));
}

import { queryHighlights, type Snippet } from '@gazette/core/query';
import { safeText } from './safe-text';
import { markSpans, type Span, span } from './spans';
import { truncate, wrapSpans } from './wrap-spans';

/** A title with the query's words marked, found by the core's own word rule (any script, stems, prefixes). */
export function highlightQuery(text: string, q: string): Span[] {
  const marks = queryHighlights(text, q).map((h) => ({ ...h, style: 'match' as const }));
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

/** How a piece of text is shown; the theme maps each to colours (or to nothing under NO_COLOR). */
export type SpanStyle =
  | 'plain'
  | 'dim'
  | 'bold'
  | 'heading'
  | 'title'
  | 'match'
  | 'quote'
  | 'speaker'
  | 'person'
  | 'organization'
  | 'place'
  | 'other'
  | 'selected'
  | 'error';

export interface Span {
  text: string;
  style: SpanStyle;
}

/** One row of the screen: spans whose display width fits the row. */
export type Line = Span[];

export const span = (text: string, style: SpanStyle = 'plain'): Span => ({ text, style });

/**
 * Splits `text` into spans from marks given as UTF-16 ranges; where marks overlap, the first one given
 * wins. Marks outside the text are clipped.
 */
export function markSpans(
  text: string,
  marks: ReadonlyArray<{ start: number; end: number; style: SpanStyle }>,
  base: SpanStyle = 'plain',
): Span[] {
  const styles: SpanStyle[] = new Array(text.length).fill(base);
  const taken = new Uint8Array(text.length);
  for (const m of marks) {
    for (let i = Math.max(0, m.start); i < Math.min(text.length, m.end); i++) {
      if (taken[i]) continue;
      taken[i] = 1;
      styles[i] = m.style;
    }
  }
  const out: Span[] = [];
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || styles[i] !== styles[from]) {
      if (i > from) out.push(span(text.slice(from, i), styles[from]!));
      from = i;
    }
  }
  return out;
}

import { trimEndChars } from '@gazette/core/query';
import stringWidth from 'string-width';
import { type Line, type Span, span } from './spans';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Display width in terminal cells (wide scripts and emoji count two). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Cuts text to at most `width` cells, ending with … when it had to cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** Pads (or cuts) text to exactly `width` cells. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncate(text, width);
  const pad = ' '.repeat(Math.max(0, width - displayWidth(cut)));
  return align === 'left' ? cut + pad : pad + cut;
}

/**
 * Word-wraps styled spans to `width` cells. Breaks at spaces; a word wider than the row is broken between
 * graphemes. Spaces at a break are dropped. Always returns at least one (maybe empty) line.
 */
export function wrapSpans(spans: readonly Span[], width: number): Line[] {
  const w = Math.max(1, width);
  // Tokens: runs of spaces or of non-spaces, each keeping its style.
  const tokens: Span[] = [];
  for (const s of spans) for (const part of s.text.match(/ +|[^ ]+/g) ?? []) tokens.push(span(part, s.style));

  const lines: Line[] = [];
  let line: Span[] = [];
  let used = 0;
  const push = (s: Span) => {
    const last = line[line.length - 1];
    if (last && last.style === s.style) last.text += s.text;
    else line.push({ ...s });
    used += displayWidth(s.text);
  };
  const breakLine = () => {
    const last = line[line.length - 1];
    if (last) last.text = trimEndChars(last.text, ' ');
    lines.push(line.filter((s) => s.text));
    line = [];
    used = 0;
  };

  // A word can span several tokens (a styled name then a comma): measure the whole word before placing it.
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (t.text.startsWith(' ')) {
      if (used > 0) push(t);
      i++;
      continue;
    }
    let j = i;
    let wordWidth = 0;
    while (j < tokens.length && !tokens[j]!.text.startsWith(' '))
      wordWidth += displayWidth(tokens[j++]!.text);
    const lastText = line[line.length - 1]?.text ?? '';
    const trailing = lastText.length - trimEndChars(lastText, ' ').length;
    if (used > 0 && used - trailing + wordWidth > w) breakLine();
    else if (used > 0 && used + wordWidth > w) breakLine();
    for (let k = i; k < j; k++) {
      const piece = tokens[k]!;
      if (used + displayWidth(piece.text) <= w) {
        push(piece);
        continue;
      }
      for (const { segment } of graphemes.segment(piece.text)) {
        const sw = displayWidth(segment);
        if (used + sw > w && used > 0) breakLine();
        push(span(segment, piece.style));
      }
    }
    i = j;
  }
  if (line.length || !lines.length) breakLine();
  return lines;
}

export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}

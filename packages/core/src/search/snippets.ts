import type { Snippet } from '../corpus/query-result-schema';
import { tokensWithOffsets } from './analyze';
import { foldedText } from './evaluate-query';
import { type SearchIndex, TEXT_FIELD } from './search-index';

const WINDOW = 220;

function highlight(text: string, matched: ReadonlySet<string>) {
  return tokensWithOffsets(text)
    .filter((t) => t.term && matched.has(t.term))
    .map((t) => ({ start: t.start, end: t.end }));
}

/** Cuts a long text to a window around its first highlights, at word boundaries; offsets follow. */
function window(
  text: string,
  hl: Snippet['highlights'],
): { text: string; highlights: Snippet['highlights'] } {
  if (text.length <= WINDOW) return { text, highlights: hl };
  const first = hl[0]?.start ?? 0;
  let from = Math.max(0, first - 60);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < first ? space + 1 : from;
  }
  let to = Math.min(text.length, from + WINDOW);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from + 40) to = space;
  }
  const pre = from > 0 ? '…' : '';
  const post = to < text.length ? '…' : '';
  return {
    text: pre + text.slice(from, to) + post,
    highlights: hl
      .filter((h) => h.start >= from && h.end <= to)
      .map((h) => ({ start: h.start - from + pre.length, end: h.end - from + pre.length })),
  };
}

/** Substrings every surface form of a stem contains ("hope" for "hoping", "economi" -> "econom"). */
export function stemProbe(stem: string): string {
  return stem.length > 3 && /[ei]$/.test(stem) ? stem.slice(0, -1) : stem;
}

/**
 * Plain-text snippets of a document for the matched terms: the title when it matches, and the
 * standfirst or body block with most matched terms. Blocks are screened by substring before any
 * analysis, so a snippet costs little more than the block it shows.
 */
export function snippetsFor(ix: SearchIndex, doc: number, matched: ReadonlySet<string>): Snippet[] {
  const out: Snippet[] = [];
  if (matched.size === 0) return out;
  const probes = [...matched].map(stemProbe);
  let best = -1;
  let bestCount = 0;
  for (let j = ix.textOff[doc]!; j < ix.textOff[doc + 1]!; j++) {
    const text = ix.texts[ix.textIds[j]!]!;
    const folded = foldedText(ix, ix.textIds[j]!);
    let count = 0;
    for (const p of probes) if (folded.includes(p)) count++;
    if (count === 0) continue;
    if (ix.textField[j] === 0) {
      const hl = highlight(text, matched);
      if (hl.length) out.push({ field: 'title', text, highlights: hl });
    } else if (count > bestCount) {
      best = j;
      bestCount = count;
    }
  }
  if (best >= 0) {
    const text = ix.texts[ix.textIds[best]!]!;
    const hl = highlight(text, matched);
    if (hl.length) {
      const w = window(text, hl);
      out.push({ field: TEXT_FIELD[ix.textField[best]!]!, text: w.text, highlights: w.highlights });
    }
  }
  return out;
}

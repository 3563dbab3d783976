// Known-item queries over BBC articles: the headline (first words of the text) and a distinctive
// 3-word phrase of the body; optionally with one typo injected per query. Seeded, so always the same.
import { seededRandom } from '@gazette/bench-corpora';

export interface KnownItem {
  target: string;
  kind: 'headline' | 'phrase';
  words: string[];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const trailing = new Set(["'", '’', '-']);
const trimEnd = (w: string) => {
  let end = w.length;
  while (end > 0 && trailing.has(w[end - 1]!)) end--;
  return w.slice(0, end);
};
const words = (text: string) => (text.match(WORD) ?? []).map(trimEnd);

export function knownItems(items: ReadonlyArray<{ id: string; text: string }>): KnownItem[] {
  const df = new Map<string, number>();
  for (const it of items)
    for (const w of new Set(words(it.text.toLowerCase()))) df.set(w, (df.get(w) ?? 0) + 1);
  const out: KnownItem[] = [];
  for (const it of items) {
    const ws = words(it.text);
    if (ws.length < 30) continue;
    out.push({ target: it.id, kind: 'headline', words: ws.slice(0, 6) });
    // The body window of 3 words (after the first 12) with the rarest words, all alphabetic.
    let best = -1;
    let bestScore = -1;
    for (let i = 12; i + 3 <= ws.length; i++) {
      const win = ws.slice(i, i + 3);
      if (!win.every((w) => /^\p{L}{3,}$/u.test(w))) continue;
      const score = win.reduce((s, w) => s + Math.log(items.length / (df.get(w.toLowerCase()) ?? 1)), 0);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best >= 0) out.push({ target: it.id, kind: 'phrase', words: ws.slice(best, best + 3) });
  }
  return out;
}

/** One edit (substitute, delete, insert or swap) inside one word of at least 5 letters, if any. */
export function withTypo(q: KnownItem, seed: number): KnownItem {
  const rand = seededRandom(seed);
  const candidates = q.words.map((w, i) => ({ w, i })).filter(({ w }) => /^\p{L}{5,}$/u.test(w));
  if (candidates.length === 0) return q;
  const { w, i } = candidates[Math.floor(rand() * candidates.length)]!;
  const at = 1 + Math.floor(rand() * (w.length - 2));
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rand() * 26)]!;
  const op = Math.floor(rand() * 4);
  const typo =
    op === 0
      ? w.slice(0, at) + (letter === w[at] ? 'x' : letter) + w.slice(at + 1)
      : op === 1
        ? w.slice(0, at) + w.slice(at + 1)
        : op === 2
          ? w.slice(0, at) + letter + w.slice(at)
          : w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
  const out = [...q.words];
  out[i] = typo;
  return { ...q, words: out };
}

import { trimEndChars } from './trim-end-chars';

const MAX_WORDS = 12;
const MIN_WORDS = 4;
const MAX_CHARS = 90;

// A headline never ends on one of these: it would be a trailing fragment.
const WEAK_END = new Set(
  `a an the of in on at to for from by with and or but nor as that which who whom whose than its his her their our
  your my this these those is are was were be been has have had will would can could should may might must not
  into onto upon about over under after before during against between among through without within de la le les
  du des et`.split(/\s+/),
);
// Words before which a clause begins: a natural place to cut a long first sentence.
const CLAUSE_START = new Set(
  `who which that whose where when while as after before because since although though but and amid despite
  following with without until unless whereas`.split(/\s+/),
);

function firstSentence(text: string): string {
  const match = /^.*?[.?!…](?=["”’»)]*(?:\s+["“‘«(]?[\p{Lu}\d]|$))/su.exec(text);
  return (match ? match[0] : text).trim();
}

function stripEnd(word: string): string {
  return trimEndChars(word, '.,;:!?…"\'”’»)]');
}

function endsWell(ws: readonly string[]): boolean {
  const last = ws.at(-1);
  return Boolean(last) && !WEAK_END.has(stripEnd(last!).toLowerCase());
}

/**
 * Derives a headline from the lede, extractively: the first sentence when it is headline length, else
 * its main clause cut at a clause boundary (before "who", "which", a comma...), never ending on a
 * function word. Returns words of the text only.
 */
export function deriveTitle(lede: string): string {
  const sentence = firstSentence(lede.replace(/\s+/g, ' '));
  const ws = sentence.split(' ').filter(Boolean);
  const clean = (parts: readonly string[]) => stripEnd(parts.join(' ')).replace(/^["“‘«]+/u, '');
  if (ws.length <= MAX_WORDS && sentence.length <= MAX_CHARS) return clean(ws);

  let best: string[] | undefined;
  for (let n = Math.min(ws.length - 1, MAX_WORDS); n >= MIN_WORDS; n--) {
    const head = ws.slice(0, n);
    const lastWord = head.at(-1)!;
    const nextWord = (ws[n] ?? '').toLowerCase().replace(/[^\p{L}]/gu, '');
    const atBoundary = /[,;:–—]$/u.test(lastWord) || CLAUSE_START.has(nextWord);
    if (atBoundary && endsWell(head) && clean(head).length <= MAX_CHARS) {
      best = head;
      break;
    }
  }
  if (!best) {
    const head = ws.slice(0, MAX_WORDS);
    while (head.length > MIN_WORDS && (!endsWell(head) || clean(head).length > MAX_CHARS)) head.pop();
    best = head;
  }
  return clean(best);
}

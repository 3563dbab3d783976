// The hand annotations of quote speakers (speakers-truth.json) and how an answer is judged against them.
import { fileURLToPath } from 'node:url';

export const TRUTH_FILE = fileURLToPath(new URL('./speakers-truth.json', import.meta.url));

export interface AnnotatedQuote {
  /** The BBC record (`train:12`), read from ../shared at run time. */
  key: string;
  split: 'dev' | 'held-out';
  /** Where the quotation opens, in Gazette's paragraphs of the record, when it was drawn. */
  block: number;
  start: number;
  /** The quotation as Gazette extracted it when it was drawn (the match key; a few words of the article). */
  quote: string;
  /** The speaker as the article names them (full name as it gives it), or null: none in the text. */
  truth: string | null | '';
  /** Other names the article gives the same speaker that count as right (an organisation for its spokesman). */
  also?: string[];
  note?: string;
}

/**
 * A drawn quotation as an annotation, keeping what an earlier draw's annotation said of the same quotation
 * (its truth, other names, note), so a draw made again never loses work done by hand.
 */
export function drawnQuote(
  key: string,
  q: { block: number; start: number; text: string },
  split: AnnotatedQuote['split'],
  old: AnnotatedQuote | undefined,
): AnnotatedQuote {
  return {
    key,
    split,
    block: q.block,
    start: q.start,
    quote: q.text,
    truth: old?.truth ?? '',
    ...(old?.also ? { also: old.also } : {}),
    ...(old?.note ? { note: old.note } : {}),
  };
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Whether Gazette's speaker names the annotated one: the same name, or one a word-aligned part of the other
 * ("Blair" for "Tony Blair"), as the entity's name may be shorter or longer than the article's fullest form.
 */
export function sameSpeaker(given: string, truth: AnnotatedQuote): boolean {
  const g = norm(given);
  return [truth.truth ?? '', ...(truth.also ?? [])].some((t) => {
    const n = norm(t);
    if (!n || !g) return false;
    return n === g || ` ${n} `.includes(` ${g} `) || ` ${g} `.includes(` ${n} `);
  });
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Words as Intl.Segmenter sees them, so that scripts without spaces (Chinese, Japanese) count too. */
export function countWords(text: string): number {
  let n = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) n++;
  return n;
}

/** Whether the text has at least `min` words (as countWords counts them), reading no further than that. */
export function hasWords(text: string, min: number): boolean {
  if (min <= 0) return true;
  let n = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike && ++n >= min) return true;
  return false;
}

const WORDS_PER_MINUTE = 230;

export function readingMinutes(wordCount: number): number {
  return wordCount === 0 ? 0 : Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

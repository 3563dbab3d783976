const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Words as Intl.Segmenter sees them, so that scripts without spaces (Chinese, Japanese) count too. */
export function countWords(text: string): number {
  let n = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) n++;
  return n;
}

/** Whether the text has at least `min` words (as countWords counts them), reading no further than that. */
export function hasWords(text: string, min: number): boolean {
  if (min <= 0 || spacedRuns(text, min) >= min) return true;
  let n = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike && ++n >= min) return true;
  return false;
}

/**
 * A lower bound of countWords read without the segmenter (about a microsecond a word), up to `min`:
 * the runs between ASCII white space that hold an ASCII letter or digit. Such a character is always in
 * a word-like segment, and no word boundary rule joins two runs across white space.
 */
function spacedRuns(text: string, min: number): number {
  let n = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) counted = false;
    else if (!counted && ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122))) {
      counted = true;
      if (++n >= min) return n;
    }
  }
  return n;
}

const WORDS_PER_MINUTE = 230;

export function readingMinutes(wordCount: number): number {
  return wordCount === 0 ? 0 : Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

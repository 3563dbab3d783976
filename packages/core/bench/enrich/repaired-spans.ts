// The tagger's spans of one CoNLL sentence after the span repairs every Article gets (enrich/span-repairs):
// the sentence is read as the text its words make with single spaces, and spans map back to whole words.
import type { TokenSpan } from '../../src/enrich/ner/bilou';
import type { RecognizedSpan } from '../../src/enrich/recognizer';
import { repairSpans } from '../../src/enrich/span-repairs';

export function repairedSpans(words: readonly string[], spans: readonly TokenSpan[]): TokenSpan[] {
  const starts: number[] = [];
  let at = 0;
  for (const w of words) {
    starts.push(at);
    at += w.length + 1;
  }
  const text = words.join(' ');
  const chars: RecognizedSpan[] = spans.map((s) => ({
    label: s.label,
    start: starts[s.start]!,
    end: starts[s.end - 1]! + words[s.end - 1]!.length,
  }));
  // The word a character offset falls in (the last word starting at or before it).
  const wordAt = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
    return i;
  };
  return repairSpans([text], [chars])[0]!.map((s) => ({
    label: s.label,
    start: wordAt(s.start),
    end: wordAt(s.end - 1) + 1,
  }));
}

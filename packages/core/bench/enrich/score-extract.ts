// PER/ORG/LOC scores of a tagger through extractEntities, as a user of @gazette/core/ner gets names: each
// CoNLL document is read as one text (a line per sentence, words joined by spaces), with the library's own
// sentence splitting, linking and span repairs; names map back to the words they cover.
import type { TokenSpan } from '../../src/enrich/ner/bilou';
import type { NerModel } from '../../src/enrich/ner/ner-model';
import { modelRecognizer } from '../../src/enrich/ner/model-recognizer';
import { extractEntities } from '../../src/enrich/extract-entities';
import { type ConllDocument, goldSpans, type Score, scoreSpans } from './conll';

const LABELS = { person: 'PER', organization: 'ORG', place: 'LOC' } as const;

export function scoreThroughExtract(model: NerModel, docs: readonly ConllDocument[]): Map<string, Score> {
  const recognizer = modelRecognizer(() => model);
  const counts = new Map<string, Score>();
  for (const doc of docs) {
    const words = doc.flatMap((s) => s.words);
    const starts: number[] = [];
    let text = '';
    for (const s of doc) {
      s.words.forEach((w, i) => {
        if (i > 0) text += ' ';
        starts.push(text.length);
        text += w;
      });
      text += '\n';
    }
    const wordAt = (offset: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const predicted: TokenSpan[] = [];
    for (const e of extractEntities(text, recognizer)) {
      if (e.type === 'other') continue;
      predicted.push({ label: LABELS[e.type], start: wordAt(e.start), end: wordAt(e.end - 1) + 1 });
    }
    let offset = 0;
    const gold = doc.flatMap((s) => {
      const spans = goldSpans(s)
        .filter((g) => g.label !== 'MISC')
        .map((g) => ({ ...g, start: g.start + offset, end: g.end + offset }));
      offset += s.words.length;
      return spans;
    });
    if (words.length > 0) scoreSpans(gold, predicted, counts);
  }
  return counts;
}

// Entity-level scores (exact span and type, as conlleval) of a tagger on CoNLL documents: as tagged, and
// after the span repairs every Article gets. Shared by eval-ner.ts and cv-ner.ts.
import type { TokenSpan } from '../../src/enrich/ner/bilou';
import type { NerModel } from '../../src/enrich/ner/ner-model';
import { tagDocument } from '../../src/enrich/ner/tag-document';
import { type ConllDocument, goldSpans, type Score, scoreSpans } from './conll';
import { repairedSpans } from './repaired-spans';

export interface TaggerScores {
  counts: Map<string, Score>;
  repaired: Map<string, Score>;
  tokens: number;
  /** CPU seconds and wall seconds of the tagging alone (scoring and repairs outside). */
  cpuSeconds: number;
  seconds: number;
}

export function scoreTagger(model: NerModel, docs: readonly ConllDocument[]): TaggerScores {
  const counts = new Map<string, Score>();
  const repaired = new Map<string, Score>();
  const tagged: TokenSpan[][][] = [];
  let tokens = 0;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  for (const doc of docs) {
    tagged.push(
      tagDocument(
        model,
        doc.map((s) => s.words),
      ),
    );
    for (const s of doc) tokens += s.words.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  docs.forEach((doc, d) => {
    doc.forEach((s, i) => {
      const predicted = tagged[d]![i]!;
      scoreSpans(goldSpans(s), predicted, counts);
      scoreSpans(goldSpans(s), repairedSpans(s.words, predicted), repaired);
    });
  });
  return { counts, repaired, tokens, cpuSeconds: (cpu.user + cpu.system) / 1e6, seconds };
}

/** The summed counts of some labels. */
export function sumLabels(labels: readonly string[], from: Map<string, Score>): Score {
  return labels.reduce(
    (a, l) => {
      const c = from.get(l) ?? { tp: 0, fp: 0, fn: 0 };
      return { tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn };
    },
    { tp: 0, fp: 0, fn: 0 },
  );
}

// CoNLL-2003 reading and conlleval-style scoring (entity level, exact span and type).
import { readFileSync } from 'node:fs';
import { type TokenSpan, tagsToSpans } from '../../src/enrich/ner/bilou';

export interface ConllSentence {
  words: string[];
  tags: string[];
}
export type ConllDocument = ConllSentence[];

export const CONLL_DIR = new URL('../../../../../shared/corpora/conll2003/', import.meta.url);

/** Documents (split at -DOCSTART-) of sentences of `token TAG` lines. */
export function readConll(file: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = [];
  let sentence: ConllSentence = { words: [], tags: [] };
  const flush = () => {
    if (sentence.words.length > 0) doc.push(sentence);
    sentence = { words: [], tags: [] };
  };
  for (const raw of readFileSync(new URL(file, CONLL_DIR), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const parts = line.split(/\s+/);
    if (parts[0] === '-DOCSTART-') {
      flush();
      if (doc.length > 0) docs.push(doc);
      doc = [];
      continue;
    }
    sentence.words.push(parts[0]!);
    sentence.tags.push(parts[parts.length - 1]!);
  }
  flush();
  if (doc.length > 0) docs.push(doc);
  return docs;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export function f1(s: Score): { precision: number; recall: number; f1: number } {
  const precision = s.tp / Math.max(1, s.tp + s.fp);
  const recall = s.tp / Math.max(1, s.tp + s.fn);
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Adds one sentence's gold and predicted spans to per-label counts. */
export function scoreSpans(
  gold: readonly TokenSpan[],
  predicted: readonly TokenSpan[],
  counts: Map<string, Score>,
): void {
  const key = (s: TokenSpan) => `${s.label}:${s.start}:${s.end}`;
  const goldKeys = new Set(gold.map(key));
  const predKeys = new Set(predicted.map(key));
  const get = (label: string) => {
    let c = counts.get(label);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0 };
      counts.set(label, c);
    }
    return c;
  };
  for (const p of predicted) {
    if (goldKeys.has(key(p))) get(p.label).tp++;
    else get(p.label).fp++;
  }
  for (const g of gold) if (!predKeys.has(key(g))) get(g.label).fn++;
}

export function goldSpans(sentence: ConllSentence): TokenSpan[] {
  return tagsToSpans(sentence.tags);
}

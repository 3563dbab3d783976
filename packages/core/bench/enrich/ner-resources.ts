// What the tagger learns from beyond CoNLL's labels: word clusters from unlabelled text (the training
// documents' own words, labels dropped, and the BBC articles of ../shared/corpora/bbc) and the names of
// GeoNames places that the places entry already ships (src/enrich/places/generated/places.json).
import { readFileSync } from 'node:fs';
import { readBbc } from '@gazette/bench-corpora';
import { splitSentences } from '../../src/enrich/tokenize';
import { learnWordClusters } from '../../src/enrich/ner/word-clusters';
import type { ConllDocument } from './conll';

/** The sentences of the training documents and of every BBC article, as the tagger's tokens. */
export function unlabelledSentences(docs: readonly ConllDocument[]): string[][] {
  const out: string[][] = docs.flatMap((doc) => doc.map((s) => s.words));
  for (const record of readBbc())
    for (const s of splitSentences(record.text)) out.push(s.tokens.map((t) => t.text));
  return out;
}

export function clustersFor(
  docs: readonly ConllDocument[],
  log: (line: string) => void,
): Map<string, string> {
  const started = Date.now();
  const sentences = unlabelledSentences(docs);
  const clusters = learnWordClusters(sentences);
  log(
    `clusters: ${clusters.size} words from ${sentences.length} unlabelled sentences, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return clusters;
}

/** Lower-cased names of the GeoNames places the places entry ships. */
export function placeNames(): string[] {
  const url = new URL('../../src/enrich/places/generated/places.json', import.meta.url);
  const data = JSON.parse(readFileSync(url, 'utf8')) as { places: string };
  const names = new Set<string>();
  for (const line of data.places.split('\n')) {
    const name = line.slice(0, line.indexOf('\t')).toLowerCase();
    if (/\p{L}{2}/u.test(name)) names.add(name);
  }
  return [...names];
}

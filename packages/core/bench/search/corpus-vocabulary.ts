// The vocabulary of a benchmark corpus (tokens and distinct terms as the core's analyser reads the text
// the engines index; for the news corpus also the synthetic words it was given), cached under .bench/
// beside the parsed articles: reading 100k articles' words takes half a minute.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  generateNewsCorpus,
  NEWS_CORPUS_VERSION,
  PARSED_CACHE_DIR,
  readBbc,
  type Vocabulary,
  vocabularyOf,
} from '@gazette/bench-corpora';
import { PARSER_VERSION } from '@gazette/core/query';
import type { CorpusSpec } from './articles';
import type { Doc } from './engines';

export interface CorpusVocabulary extends Vocabulary {
  syntheticTokens?: number;
  syntheticWords?: number;
}

/** The vocabulary of the corpus's documents (`docs`: the corpus as toDoc gives it), or its cached one. */
export function corpusVocabulary(spec: CorpusSpec, docs: readonly Doc[]): CorpusVocabulary {
  const name = spec.kind === 'bbc' ? 'bbc' : `${spec.kind}-v${NEWS_CORPUS_VERSION}-${spec.count}`;
  const file = `${PARSED_CACHE_DIR}${name}-${PARSER_VERSION.replace(/[^\w.-]/g, '_')}.vocabulary.json`;
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as CorpusVocabulary;
  const out: CorpusVocabulary = vocabularyOf(docs.map((d) => `${d.title}\n${d.text}`));
  if (spec.kind === 'news') {
    const generated = generateNewsCorpus(readBbc(), spec.count, 42);
    out.syntheticTokens = generated.syntheticTokens;
    out.syntheticWords = generated.syntheticWords;
  }
  writeFileSync(file, JSON.stringify(out));
  return out;
}

const n = (x: number) => x.toLocaleString('en');

/** One line saying what the corpus holds. */
export function describeVocabulary(v: CorpusVocabulary): string {
  const synthetic =
    v.syntheticTokens === undefined
      ? ''
      : ` (of which ${n(v.syntheticTokens)} synthetic tokens, ${n(v.syntheticWords!)} distinct synthetic words)`;
  return `${n(v.distinctTerms)} distinct terms (folded, stemmed, stop words out) in ${n(v.tokens)} tokens${synthetic}`;
}

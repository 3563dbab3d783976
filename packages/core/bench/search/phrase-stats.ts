// What the phrase queries of query-cpu ask of the position check: candidates (documents holding every
// word), survivors (holding the phrase), the texts of the rarest word, and which way phraseSurvivors
// reads them (a walk over the rarest word's texts, or each candidate's texts), medians over the class.
//   npx tsx --conditions=@gazette/source bench/search/phrase-stats.ts [news|replicated] [COUNT]
// Reads .bench/query-cpu-<kind>-<COUNT>.snapshot and its queries (run query-cpu.ts first to make them).
import { readFileSync } from 'node:fs';
import { PARSED_CACHE_DIR, quantile } from '@gazette/bench-corpora';
import { loadCorpus } from '@gazette/core';
import { corpusStateOf } from '../../src/corpus/corpus-over';
import { analyze } from '../../src/search/analysis/analyze';
import { fold } from '../../src/search/analysis/fold';
import { phraseLists } from '../../src/search/engine/evaluate-query';
import type { Query } from './engines';

const [kind = 'news', count = '100000'] = process.argv.slice(2);
const name = `${PARSED_CACHE_DIR}query-cpu-${kind}-${count}`;
const state = corpusStateOf(loadCorpus(new Uint8Array(readFileSync(`${name}.snapshot`))))!;
const { engine, index: ix } = state;
const queries: Query[] = JSON.parse(readFileSync(`${name}.queries.json`, 'utf8')).phrase;
const perDoc = ix.textIds.length / ix.n;
const rows = queries.map((q) => {
  const terms = analyze(fold(q.words.join(' ')));
  const candidates = engine.match(q.words.join(' '), undefined, 'off').m.docs.length;
  const survivors = engine.match(`"${q.words.join(' ')}"`, undefined, 'off').m.docs.length;
  const phrase = terms.filter(Boolean).length > 1 ? phraseLists(ix, terms) : null;
  const fewest = phrase ? Math.min(...phrase.lists.map((l) => l.count)) : 0;
  // As phraseSurvivors decides (one word among stop words reads its texts: counted as a walk).
  const walks = !phrase || candidates * perDoc >= fewest;
  return { candidates, survivors, fewest, walks };
});
const median = (xs: number[]) => quantile(xs, 0.5);
const summary = (label: string, rs: typeof rows) =>
  `${label} ${rs.length}: candidates ${median(rs.map((r) => r.candidates))}, survivors ${median(rs.map((r) => r.survivors))}, rarest word's texts ${median(rs.map((r) => r.fewest))}`;
console.log(`${kind} ${count}, ${perDoc.toFixed(1)} texts a document; median over the phrase queries`);
console.log(summary('all', rows));
console.log(
  summary(
    'walked',
    rows.filter((r) => r.walks),
  ),
);
console.log(
  summary(
    'per candidate',
    rows.filter((r) => !r.walks),
  ),
);

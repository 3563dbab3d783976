// `npm run bench:dictionary -w @gazette/core`: what the index's dictionary holds for the GENERATED news
// corpus (GAZETTE_BENCH_SIZES, default 10000; a size over 100k holds /work/wt/bench.lock like any run):
// its terms by kind (plain word terms, and the keyword terms of each field qualifier or facet), how many
// of each occur in one document only, and the postings each kind adds. It answers "what does the
// dictionary hold that a query never needs" with counts, not guesses: only the analysis stage is run.
import { HAS_SHARED, SHARED_MISSING } from '@gazette/bench-corpora';
import { analyseDocuments, createBuilders } from '../../src/search/index/build-index';
import { FIELD_KEY, SPEAKER_ID_KEY } from '../../src/search/index/search-index';
import { corpusArticles } from './articles';
import { printTable } from './relevance';

/** A term's kind: 'plain', or the field qualifier / facet whose key prefixes it. */
const KIND_OF_KEY = new Map<string, string>([
  ...Object.entries(FIELD_KEY).map(([name, key]): [string, string] => [key, `${name}:`]),
  [SPEAKER_ID_KEY, 'speaker id'],
]);
const kindOf = (term: string) =>
  term.charCodeAt(0) === 1 ? (KIND_OF_KEY.get(term.slice(0, 2)) ?? '?') : 'plain';
const pct = (x: number, of: number) => `${((100 * x) / of).toFixed(1)}%`;
const num = (x: number) => x.toLocaleString('en');

interface KindCounts {
  terms: number;
  oneDocument: number;
  postings: number;
  /** What its terms take in a snapshot's dictionary: their UTF-8 bytes and 4 u32 offsets each. */
  bytes: number;
}

/** Offsets a snapshot keeps per term: terms.off, postings.termOff, postings.byteOff, positions.byteOff. */
const OFFSET_BYTES = 4 * 4;
const encoder = new TextEncoder();

function dictionaryKinds(count: number): void {
  const articles = corpusArticles({ kind: 'news', count });
  const b = createBuilders(articles.length);
  analyseDocuments(b, articles, 0, articles.length);
  const names = b.terms.names();
  const entryTerm = b.entries.entryTerm.view();
  const df = new Uint32Array(names.length);
  for (let i = 0; i < entryTerm.length; i++) df[entryTerm[i]!]!++;
  const kinds = new Map<string, KindCounts>();
  names.forEach((term, t) => {
    const k = kinds.get(kindOf(term)) ?? { terms: 0, oneDocument: 0, postings: 0, bytes: 0 };
    k.terms++;
    k.bytes += encoder.encode(term).length + OFFSET_BYTES;
    if (df[t] === 1) k.oneDocument++;
    k.postings += df[t]!;
    kinds.set(kindOf(term), k);
  });
  console.log(
    `\n${num(articles.length)} articles: ${num(names.length)} terms, ${num(b.table.entries().length)} surface words, ${num(entryTerm.length)} postings`,
  );
  const rows = [...kinds]
    .sort((x, y) => y[1].terms - x[1].terms)
    .map(([kind, k]) => [
      kind,
      num(k.terms),
      pct(k.terms, names.length),
      `${num(k.oneDocument)} (${pct(k.oneDocument, k.terms)})`,
      num(k.postings),
      pct(k.postings, entryTerm.length),
      (k.bytes / 2 ** 20).toFixed(2),
    ]);
  printTable(['kind', 'terms', 'share', 'in one document', 'postings', 'share', 'dictionary MB'], rows);
  printOverlaps(names);
}

/** Keyword terms that repeat another term's word under a second key (what a merged key would save). */
function printOverlaps(names: readonly string[]): void {
  const all = new Set(names);
  const typed = [FIELD_KEY.person, FIELD_KEY.org, FIELD_KEY.place];
  let entity = 0;
  let entityTyped = 0;
  for (const term of names) {
    if (!term.startsWith(FIELD_KEY.entity)) continue;
    entity++;
    const word = term.slice(FIELD_KEY.entity.length);
    if (typed.some((key) => all.has(key + word))) entityTyped++;
  }
  console.log(
    `entity: terms whose word is also a person:, org: or place: term: ${num(entityTyped)} of ${num(entity)}`,
  );
}

if (!HAS_SHARED) {
  console.log(`bench: skipped, the shared corpora are missing (${SHARED_MISSING})`);
} else {
  for (const size of (process.env.GAZETTE_BENCH_SIZES ?? '10000').split(',')) dictionaryKinds(Number(size));
}

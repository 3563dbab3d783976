// What the build's analysis keeps: the heap a worker holds once it has analysed its documents and let them
// go (builders only), as objects by constructor (a heap snapshot, summed by node type and name), and the
// heap each builder's structure holds (heap used after a full GC, with and without it). A full GC marks
// all of it again, so it is the GC cost of a worker that stays after its garbage is cut.
// Run in packages/core (news 10k needs no bench lock; 100k does):
//   npx node --expose-gc --import tsx --conditions=@gazette/source bench/search/analysis-retained.ts news 10000
// RETAINED_FROM / RETAINED_TO analyse only documents [from, to) (a worker's range: 0..50000 at 100k);
// RETAINED_TOP sets how many constructors it lists (default 25); RETAINED_SNAPSHOT=0 skips the snapshot.
import { parsedGenerated, parsedNews } from '@gazette/bench-corpora';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { compareNewest } from '../../src/corpus/components/compare-articles';
import { analyseDocuments, type Builders, createBuilders } from '../../src/search/index/build-index';
import type { Article } from '../../src/model/article-schema';

const [kind = 'news', count = '10000'] = process.argv.slice(2);
const TOP = Number(process.env.RETAINED_TOP ?? 25);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (see the header)');
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const used = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const before = used();
let articles: Article[] = (() => {
  const loaded = (kind === 'news' ? parsedNews : parsedGenerated)(Number(count));
  return [...new Map(loaded.map((a) => [a.id, a])).values()].sort(compareNewest);
})();
const from = Number(process.env.RETAINED_FROM ?? 0);
const to = Math.min(Number(process.env.RETAINED_TO ?? articles.length), articles.length);
const range = articles.slice(from, to);
articles = [];
const b: Partial<Builders> = createBuilders(range.length);
analyseDocuments(b as Builders, range, 0, range.length);
range.length = 0;
const held = used() - before;
console.log(`${kind} ${count}, documents ${from}..${to}: the builders hold ${mb(held)} after a full GC`);
countEntries();
if (process.env.RETAINED_SNAPSHOT !== '0') summariseSnapshot();
dropEach();

/** Entries of the builders' per-string structures (private fields read by name). */
function countEntries(): void {
  // biome-ignore lint/suspicious/noExplicitAny: private fields, read for a count only
  const x = b as any;
  const columns = Object.entries(x.facets.columns as Record<string, { values: string[] }>);
  const rows: Array<[string, number]> = [
    ['terms (TermDictionary names + Map)', x.terms.length],
    ['table (WordTable words)', x.table.words.length],
    ['keywords: bases (keyword WordTable words)', x.keywords.bases.length],
    ['entities: variants', x.entities.variants?.length ?? x.entities.variantsById.size],
    ['entities: keyOf strings', x.entities.keyOf.length],
    ['entities: summaries (objects, aliases arrays)', x.entities.summaries.length],
    ...columns.map(([k, c]): [string, number] => [`facets.${k} values (Map + array)`, c.values.length]),
    [
      'facets: keyword arrays',
      [...x.facets.keywordsOf.values()].reduce((n: number, a: unknown[]) => n + a.length, 0),
    ],
  ];
  console.log('\nentries:');
  for (const [k, n] of rows) console.log(`  ${String(n).padStart(10)}  ${k}`);
}

/** Heap freed by dropping each builder in turn (each one's share; shared strings go with the last). */
function dropEach(): void {
  // Users first: entities, facets, texts and quotes reach the word tables and the terms.
  const keys = ['entries', 'quoteTerms', 'texts', 'facets', 'entities', 'keywords', 'table', 'terms'];
  console.log('\nheap freed by dropping, in turn (each drop also frees what only the dropped ones shared):');
  let last = used();
  for (const key of keys) {
    delete b[key as keyof Builders];
    const now = used();
    console.log(`  ${key.padEnd(12)} ${mb(last - now).padStart(10)}`);
    last = now;
  }
  console.log(`  ${'the rest'.padEnd(12)} ${mb(last - before).padStart(10)}`);
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Objects of the heap by type and constructor name: count and self size, largest first. */
function summariseSnapshot(): void {
  const file = writeHeapSnapshot(join(tmpdir(), `analysis-retained-${process.pid}.heapsnapshot`));
  let s: Snapshot;
  try {
    s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  } finally {
    rmSync(file, { force: true });
  }
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const [T, N, S] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const by = new Map<string, { count: number; bytes: number }>();
  let total = 0;
  for (let i = 0; i < s.nodes.length; i += fields.length) {
    const type = types[s.nodes[i + T!]!]!;
    const name = /string/.test(type) ? '' : s.strings[s.nodes[i + N!]!]!.slice(0, 40);
    const key = `${type} ${name}`;
    const e = by.get(key) ?? { count: 0, bytes: 0 };
    e.count++;
    e.bytes += s.nodes[i + S!]!;
    total += s.nodes[i + S!]!;
    by.set(key, e);
  }
  console.log(`\nheap snapshot: ${mb(total)} in all (the runtime's own included), by type and constructor:`);
  const rows = [...by].sort((x, y) => y[1].bytes - x[1].bytes).slice(0, TOP);
  for (const [key, e] of rows)
    console.log(`  ${mb(e.bytes).padStart(10)} ${String(e.count).padStart(10)}  ${key}`);
}

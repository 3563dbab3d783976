// What each part of a Gazette snapshot weighs, raw and gzip (bench:search prints only totals), then each
// section: a snapshot file, or one built from the first COUNT articles of the GENERATED news corpus with
// its growing vocabulary (`replicated:COUNT`: the replicated BBC one).
//   npx tsx --conditions=@gazette/source bench/search/snapshot-weights.ts FILE
//   npx tsx --conditions=@gazette/source bench/search/snapshot-weights.ts 10000
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { markdownTable } from '@gazette/bench-corpora';
import { createCorpus } from '../../src/corpus/create-corpus';
import { corpusArticles } from './articles';
import { gazetteSections } from './index-part';

/** The part of the snapshot a section belongs to. */
const PARTS: Array<[string, RegExp]> = [
  ['article records', /^articles\./],
  ['unique texts (titles, standfirsts, paragraphs)', /^texts\.|^text(Off|Ids|Field)$/],
  ['entity tables, facets, quote counts', /^entit|^facet\.|^quoteCounts|^statementCounts|^flags/],
  ['positions', /^positions\.bytes/],
  ['postings (and the common impacts they name)', /^postings\.(bytes|common)/],
  ['dictionary (terms, surface words, per-term offsets)', /^terms|^surface|^postings\.|^positions\./],
  ['document columns (ids, slugs, titles, dates, ranks)', /./],
];

const arg = process.argv[2] ?? '10000';
const generated = /^(replicated:)?(\d+)$/.exec(arg);
const bytes = generated
  ? createCorpus(
      corpusArticles({ kind: generated[1] ? 'replicated' : 'news', count: Number(generated[2]) }),
    ).toSnapshot()
  : readFileSync(arg);
const { base, sections } = gazetteSections(bytes);
const weights = new Map(PARTS.map(([name]) => [name, { raw: 0, gzip: 0 }]));
const bySection: Array<[string, number, number]> = [];
for (const [name, type, offset, count] of sections) {
  const part = weights.get(PARTS.find(([, re]) => re.test(name))![0])!;
  const section = bytes.subarray(base + offset, base + offset + count * (type === 'u32' ? 4 : 1));
  part.raw += section.length;
  const gzip = gzipSync(section).length;
  part.gzip += gzip;
  bySection.push([name, section.length, gzip]);
}
const total = bytes.length;
const mb = (x: number) => (x / 2 ** 20).toFixed(1);
console.log(`${arg}: ${mb(total)} MB raw, ${mb(gzipSync(bytes).length)} MB gzip (whole file)\n`);
console.log(
  markdownTable(
    ['part', 'raw MB', 'gzip MB (its sections apart)', 'share of raw'],
    [...weights].map(([name, w]) => [name, mb(w.raw), mb(w.gzip), `${((100 * w.raw) / total).toFixed(0)}%`]),
  ),
);
console.log(
  `\n${markdownTable(
    ['section', 'raw MB', 'gzip MB', 'share of raw'],
    bySection
      .sort((x, y) => y[1] - x[1])
      .filter(([, raw]) => raw >= total / 1000)
      .map(([name, raw, gzip]) => [name, mb(raw), mb(gzip), `${((100 * raw) / total).toFixed(1)}%`]),
  )}\n(sections under 0.1% of the file left out)`,
);

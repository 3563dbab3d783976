// Known-item relevance on BBC News: MRR@10 and recall@10 for Gazette, MiniSearch and Orama on the
// same articles and the same queries, with and without one typo per query.
import {
  HAS_SHARED,
  markdownTable,
  SHARED_MISSING,
  sectionId,
  writeBenchSection,
} from '@gazette/bench-corpora';
import { bbcArticles } from './articles';
import { type Engine, gazette, minisearch, orama } from './engines';
import { knownItems, withTypo } from './known-item-queries';

/** Measures, prints and writes the section `search-relevance` of docs/benchmarks.md (run at `now` by `command`). */
export async function relevance(now: Date, command: string): Promise<void> {
  if (!HAS_SHARED) {
    console.log(`relevance: skipped (${SHARED_MISSING})`);
    return;
  }
  const items = bbcArticles();
  const articles = items.map((x) => x.article);
  const queries = knownItems(items.map((x) => ({ id: x.article.id, text: x.record.text })));
  const engines: Engine[] = [await gazette(articles), await minisearch(articles), await orama(articles)];
  console.log(`\nRelevance: known-item test on ${articles.length} BBC articles, ${queries.length} queries\n`);
  const rows: string[][] = [];
  for (const kind of ['headline', 'phrase'] as const) {
    for (const typos of [false, true]) {
      const qs = queries.filter((q) => q.kind === kind).map((q, i) => (typos ? withTypo(q, 1000 + i) : q));
      const row = [`${kind}${typos ? ' + 1 typo' : ''} (${qs.length})`];
      for (const e of engines) {
        let rr = 0;
        let found = 0;
        for (const q of qs) {
          const ids = e.search({ words: q.words, kind: 'and' }, typos);
          const rank = ids.indexOf(q.target);
          if (rank >= 0) {
            rr += 1 / (rank + 1);
            found++;
          }
        }
        row.push(`${(rr / qs.length).toFixed(3)} / ${(found / qs.length).toFixed(3)}`);
      }
      rows.push(row);
    }
  }
  const head = ['queries', ...engines.map((e) => `${e.name} MRR@10 / R@10`)];
  printTable(head, rows);
  const title = 'Search relevance: BBC known items';
  writeBenchSection(
    sectionId(title),
    title,
    `Known-item test on ${articles.length} BBC articles, ${queries.length} queries (each article's headline, or a phrase from it, must find it), with and without one typo per query.\n\n${markdownTable(head, rows)}`,
    { now, command },
  );
}

export function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

import { describe, expect, it } from 'vitest';
import { zipfCorpus } from '../../../test-support/zipf-corpus';
import { buildIndex } from './build-index';
import type { SearchIndex } from './search-index';

/** Each term's impact in the document with this id. */
function impactsOf(ix: SearchIndex, id: string): Map<string, number> {
  let d = 0;
  while (ix.ids.at(d) !== id) d++;
  const out = new Map<string, number>();
  for (let t = 0; t < ix.postings.terms; t++) {
    const { docs, imps } = ix.postings.get(t);
    const i = docs.indexOf(d);
    if (i >= 0) out.set(ix.terms.at(t), imps[i]!);
  }
  return out;
}

describe('BM25F impacts', () => {
  it('depend on the document alone, not on the other documents of its index (a segment scores it as the whole corpus does)', () => {
    const { docs } = zipfCorpus(5, 40);
    // Longer documents besides: averages of field lengths would move every impact.
    const long = zipfCorpus(6, 20).docs.map((a) => ({ ...a, body: [...a.body, ...a.body, ...a.body] }));
    const small = buildIndex(docs.slice(0, 3));
    const large = buildIndex([...docs, ...long]);
    for (const a of docs.slice(0, 3)) expect(impactsOf(large, a.id)).toEqual(impactsOf(small, a.id));
  });
});

// Query latency on the serving thread: a fixed set of queries run back to back, yielding to the event
// loop between each (as a server's requests would), while something else may run (a merge in a worker).
import type { Corpus } from '../../src/corpus/components/corpus-types';

/** A fixed query set: single words, two-word queries and phrases over the generated news. */
export const QUERIES = [
  'government',
  'police said',
  'election',
  'economy growth',
  'football',
  '"prime minister"',
  'health service',
  'market',
  'court',
  'climate change',
  'school',
  'company profits',
  'music',
  'film',
  'war',
  'oil prices',
  'england',
  'children',
  'bank',
  'technology',
];

export interface Latencies {
  /** Each query's time, in ms. */
  ms: number[];
  /** The longest a query waited for the thread (from the previous one's end to its start), in ms. */
  longestWait: number;
  /** When that wait ended, in ms since the loop started. */
  longestWaitAt: number;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the query set over `corpus()` until `passes` passes are done and `until` has settled. */
export async function queryLatencies(
  corpus: () => Corpus,
  passes: number,
  until: Promise<unknown> = Promise.resolve(),
): Promise<Latencies> {
  let settled = false;
  void until.then(
    () => (settled = true),
    () => (settled = true),
  );
  const out: Latencies = { ms: [], longestWait: 0, longestWaitAt: 0 };
  const began = performance.now();
  let end = began;
  for (let i = 0; i < passes * QUERIES.length || !settled; i++) {
    await yieldToLoop();
    const start = performance.now();
    if (start - end > out.longestWait) {
      out.longestWait = start - end;
      out.longestWaitAt = start - began;
    }
    corpus().search({ q: QUERIES[i % QUERIES.length]!, limit: 20 });
    end = performance.now();
    out.ms.push(end - start);
  }
  return out;
}

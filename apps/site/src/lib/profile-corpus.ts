import { writeFileSync } from 'node:fs';
import type { Corpus } from '@gazette/core';

/**
 * Wraps a corpus so the time spent in each query function is counted; the totals are written to `file` as
 * JSON as they grow (at most once a second) and at exit. Used by the bench to tell the cost of the core's
 * queries from the cost of rendering pages.
 */
export function profileCorpus(corpus: Corpus, file: string): Corpus {
  const totals: Record<string, { calls: number; ms: number }> = {};
  let written = 0;
  const write = () => {
    written = performance.now();
    writeFileSync(file, JSON.stringify(totals));
  };
  process.once('exit', write);
  return new Proxy(corpus, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        try {
          return value.apply(target, args);
        } finally {
          const t = totals[String(prop)] ?? { calls: 0, ms: 0 };
          totals[String(prop)] = t;
          t.calls++;
          t.ms += performance.now() - started;
          if (performance.now() - written > 1000) write();
        }
      };
    },
  });
}

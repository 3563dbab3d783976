import { trimEndChars } from '@gazette/core/query';
import { type BbcRecord, bbcAsText } from './bbc';

export interface GeneratedRecord {
  key: string;
  text: string;
  meta: { title: string; section: string; source: { name: string }; publishedAt: string; tags: string[] };
}

/** Deterministic PRNG (mulberry32): the same seed always gives the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.UTC(2020, 0, 1);
const SPAN_DAYS = 5 * 365;

/**
 * A GENERATED corpus of `count` articles built from real BBC text: each takes the paragraphs of one BBC
 * article, a few paragraphs of another from the same section, a title of 4-9 words from its own lede,
 * and a synthetic date in 2020-2024. Labelled generated in its source name and tags. For benchmarks only.
 */
export function generateCorpus(base: readonly BbcRecord[], count: number, seed = 42): GeneratedRecord[] {
  return [...generatedRecords(base, count, seed)];
}

/**
 * The records of `generateCorpus`, one at a time (record i never depends on `count`, so a corpus is a
 * prefix of every larger one): a million records do not fit in memory at once.
 */
export function* generatedRecords(
  base: readonly BbcRecord[],
  count: number,
  seed = 42,
): Generator<GeneratedRecord> {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const bySection = new Map<string, BbcRecord[]>();
  for (const r of base) bySection.set(r.category, [...(bySection.get(r.category) ?? []), r]);
  const paragraphs = new Map(base.map((r) => [r.key, bbcAsText(r).trim().split('\n')]));
  for (let i = 0; i < count; i++) {
    const main = pick(base);
    const other = pick(bySection.get(main.category)!);
    const own = paragraphs.get(main.key)!;
    const borrowed = paragraphs.get(other.key)!;
    const from = Math.floor(rand() * Math.max(1, borrowed.length - 2));
    const body = [...own, ...borrowed.slice(from, from + 1 + Math.floor(rand() * 3))];
    const words = own[0]!.split(/\s+/);
    const titleStart = Math.floor(rand() * Math.min(4, Math.max(1, words.length - 9)));
    const titleWords = words.slice(titleStart, titleStart + 4 + Math.floor(rand() * 6)).join(' ');
    const title = trimEndChars(titleWords, '.,;:!?"“”');
    const day = new Date(
      START + Math.floor(rand() * SPAN_DAYS) * 86_400_000 + Math.floor(rand() * 86_400) * 1000,
    );
    yield {
      key: `generated:${seed}:${i}`,
      text: `${body.join('\n')}\n`,
      meta: {
        title: `${title} (${i})`,
        section: main.category,
        source: { name: 'Generated from BBC News' },
        publishedAt: day.toISOString().replace('.000Z', 'Z'),
        tags: ['generated', main.category],
      },
    };
  }
}

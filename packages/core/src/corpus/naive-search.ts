import type { z } from 'zod';
import type { Article } from '../model/article-schema';
import type { SearchParamsSchema } from './query-params-schema';
import type { SearchHit, SearchResult, Snippet } from './query-result-schema';

// First cut (foundation issue): every word must occur; score counts occurrences, title weighted.
// The search issue replaces this with the real engine.
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

function terms(q: string): string[] {
  return fold(q).match(/[\p{L}\p{N}]+/gu) ?? [];
}

function count(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

function snippet(a: Article, ts: string[]): Snippet[] {
  for (const block of a.body) {
    const folded = fold(block.text);
    if (ts.some((t) => folded.includes(t))) {
      const highlights = ts.flatMap((t) => {
        const out: Array<{ start: number; end: number }> = [];
        for (let i = folded.indexOf(t); i !== -1; i = folded.indexOf(t, i + t.length))
          out.push({ start: i, end: i + t.length });
        return out;
      });
      return [{ field: 'body', text: block.text, highlights: highlights.sort((x, y) => x.start - y.start) }];
    }
  }
  return [];
}

export function naiveSearch(
  candidates: Article[],
  params: Pick<z.output<typeof SearchParamsSchema>, 'q' | 'sort' | 'limit'>,
  offset: number,
  cursorAt: (next: number) => string,
  limit = params.limit,
): { result: SearchResult; hitIds: string[] } {
  const ts = terms(params.q);
  const scored: Array<{ a: Article; score: number }> = [];
  for (const a of candidates) {
    const title = fold(a.title);
    const body = fold(a.body.map((b) => b.text).join('\n'));
    let score = 0;
    let all = true;
    for (const t of ts) {
      const n = count(title, t) * 3 + count(body, t);
      if (n === 0) all = false;
      score += n;
    }
    if (all) scored.push({ a, score: ts.length ? score : 0 });
  }
  if (params.sort === 'relevance') scored.sort((x, y) => y.score - x.score);
  const slice = scored.slice(offset, offset + limit);
  const hits: SearchHit[] = slice.map(({ a, score }) => ({
    id: a.id,
    slug: a.slug,
    title: a.title,
    score,
    snippets: snippet(a, ts),
  }));
  const next = offset + slice.length;
  return {
    result: {
      total: scored.length,
      hits,
      facets: {},
      nextCursor: next < scored.length ? cursorAt(next) : null,
    },
    hitIds: scored.map((s) => s.a.id),
  };
}

// The engine's per-query shortcuts (snippets found by indexOf on term heads, match counts and proximity
// checks that skip through the positional lists) against plain references that analyse every text, over
// a seeded corpus of mixed-case English-like words with suffixes, accents and long paragraphs.
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test-support/test-articles';
import { seededRandom } from '../../../test-support/seeded-random';
import type { Snippet } from '../../query-schema/query-result-schema';
import { analyze, termOf, tokensWithOffsets } from '../analysis/analyze';
import { buildIndex } from '../index/build-index';
import { NO_TEXT } from '../index/position-cursor';
import { findTerm, type SearchIndex, TEXT_FIELD } from '../index/search-index';
import { docHasSequence, phraseLists } from './evaluate-query';
import { SearchEngine } from './search-engine';
import { CHOOSING_TERMS, cutToWindow, fewestHeads } from './snippets';

const ROOTS = ['elect', 'hope', 'relat', 'govern', 'nation', 'happ', 'run', 'war', 'tax', 'sens', 'possib'];
const ROOTS_MORE = ['organ', 'condit', 'report', 'minist', 'vot', 'bank', 'eur', 'cafe', 'uk', 'pony'];
const SUFFIXES = ['', 's', 'ed', 'ing', 'ion', 'ions', 'ational', 'ity', 'y', 'ies', 'er', 'ly', 'ment'];
const ODD = ['Café', 'éclair', 'naïve', 'Zürich', 'São', '東京', 'x2', '42'];

function corpus(seed: number, n: number) {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const word = () => {
    if (r() < 0.04) return pick(ODD);
    const w = pick(r() < 0.6 ? ROOTS : ROOTS_MORE) + pick(SUFFIXES);
    return r() < 0.2 ? w[0]!.toUpperCase() + w.slice(1) : r() < 0.03 ? w.toUpperCase() : w;
  };
  const text = (k: number) =>
    Array.from({ length: k }, () => word() + (r() < 0.1 ? ',' : r() < 0.05 ? '.' : '')).join(' ');
  const docs = Array.from({ length: n }, () =>
    fixture({
      title: text(3 + Math.floor(r() * 5)),
      standfirst: text(12),
      body: Array.from({ length: 1 + Math.floor(r() * 4) }, () => text(10 + Math.floor(r() * 80))),
    }),
  );
  return { docs, word, random: r };
}

/** The reference: every word of the text analysed, the matched ones kept. */
const highlights = (text: string, matched: ReadonlySet<string>): Snippet['highlights'] =>
  tokensWithOffsets(text)
    .filter((t) => t.term && matched.has(t.term))
    .map((t) => ({ start: t.start, end: t.end }));

/** The reference snippets of a document: each text analysed whole for the (first CHOOSING_TERMS) matched terms. */
function referenceSnippets(ix: SearchIndex, d: number, matched: ReadonlySet<string>): Snippet[] {
  if (matched.size === 0) return [];
  const choosing = new Set([...matched].slice(0, CHOOSING_TERMS));
  const out: Snippet[] = [];
  let best = -1;
  let bestCount = 0;
  for (let j = ix.textOff[d]!; j < ix.textOff[d + 1]!; j++) {
    const text = ix.texts.at(ix.textIds[j]!);
    const count = new Set(analyze(text).filter((t) => choosing.has(t))).size;
    if (count === 0) continue;
    if (ix.textField[j] === 0) {
      const h = highlights(text, matched);
      if (h.length) out.push({ field: 'title', text, highlights: h });
    } else if (count > bestCount) {
      best = j;
      bestCount = count;
    }
  }
  if (best >= 0) {
    const text = ix.texts.at(ix.textIds[best]!);
    const h = highlights(text, matched);
    if (h.length) out.push({ field: TEXT_FIELD[ix.textField[best]!]!, ...cutToWindow(text, h) });
  }
  return out;
}

describe('a page of search hits', () => {
  const { docs, word, random: r } = corpus(15, 400);
  const ix = buildIndex(docs);
  const engine = new SearchEngine(ix);

  it('has the snippets and highlights of a reference that analyses every text, for every kind of query', () => {
    const queries: string[] = [];
    for (let i = 0; i < 60; i++) {
      const ws = Array.from({ length: 1 + Math.floor(r() * 3) }, word);
      queries.push(ws.join(' '), ws.join(' OR '), `"${ws.join(' ')}"`, `${ws[0]!.slice(0, 3)}*`);
    }
    queries.push('elec*', 'e*', 'ha*', 'cafe', 'zurich', 'tokyo OR 東京', 'elction', 'goverment OR taxs');
    let compared = 0;
    for (const q of queries) {
      const found = engine.match(q, undefined);
      const page = engine.page(found, 'relevance', 0, 10);
      page.docs.forEach((d, k) => {
        expect(page.hits[k]!.snippets, `${q}: document ${d}`).toEqual(
          referenceSnippets(ix, d, found.matched),
        );
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('finds the proximity of words where a reference reading every text of the document does', () => {
    for (let i = 0; i < 40; i++) {
      const terms = analyze(`${word()} ${word()}`);
      const phrase = phraseLists(ix, terms);
      for (let d = 0; d < ix.n; d++) {
        let held = false;
        for (let j = ix.textOff[d]!; j < ix.textOff[d + 1]! && !held; j++) {
          const words = analyze(ix.texts.at(ix.textIds[j]!));
          held = words.some((_, p) => terms.every((t, k) => !t || words[p + k] === t));
        }
        expect(docHasSequence(ix, d, phrase), `${terms.join(' ')} in ${d}`).toBe(
          held && phrase !== null && phrase.lists.length > 0,
        );
      }
    }
  });

  it('skips a position cursor to the first text at or after any other', () => {
    const t = findTerm(ix, termOf('election'));
    const texts = ix.positions.texts(t);
    expect(texts.length).toBeGreaterThan(300); // several blocks
    for (let i = 0; i < 500; i++) {
      const cursor = ix.positions.cursor(t)!;
      for (let k = 0; k < 5; k++) {
        const x = Math.floor(r() * (ix.texts.length + 10));
        const first = texts.find((y) => y >= x) ?? NO_TEXT;
        expect(cursor.nextAtLeast(x)).toBe(first);
        expect(cursor.seek(x)).toBe(first === x);
      }
    }
  });
});

describe('term heads', () => {
  it('start every word whose term they are head of (the premise of finding words by indexOf)', () => {
    const r = seededRandom(3);
    for (let i = 0; i < 20_000; i++) {
      const w = Array.from({ length: 1 + Math.floor(r() * 3) }, () =>
        r() < 0.5 ? ROOTS[Math.floor(r() * ROOTS.length)]! : SUFFIXES[Math.floor(r() * SUFFIXES.length)]!,
      ).join('');
      const t = termOf(w);
      if (!t) continue;
      expect(
        fewestHeads([t]).every((h) => w.startsWith(h)),
        `${w} -> ${t}`,
      ).toBe(true);
    }
  });

  it('keep no head that a shorter one starts', () => {
    expect(fewestHeads(['election', 'elector', 'elect', 'hope', 'war', 'wartime'])).toEqual([
      'ele',
      'ho',
      'w',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { boundedDistance } from './bounded-levenshtein';
import { rememberedTypoCandidates, typoCandidates } from './typo-candidates';
import { compareCodePoints, StringColumn } from '../../binary/string-column';
import { buildIndex } from '../index/build-index';
import type { SearchIndex } from '../index/search-index';
import { fixture } from '../../../test-support/test-articles';
import { seededRandom as rand } from '../../../test-support/seeded-random';

// Letters of 1, 2, 3 and 4 UTF-8 bytes, few enough that words share long prefixes and near misses abound.
const LETTERS = ['a', 'b', 'e', 'r', 's', 'é', 'ж', 'λ', '語', '😀'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const randomWord = (r: () => number, length: number) =>
  Array.from({ length }, () => pick(r, LETTERS)).join('');

/** A word one random edit (insert, delete, substitute or swap) from `w`. */
function edit(r: () => number, w: string): string {
  const cs = [...w];
  const at = Math.floor(r() * (cs.length + 1));
  const kind = Math.floor(r() * 4);
  if (kind === 0) cs.splice(at, 0, pick(r, LETTERS));
  else if (kind === 1) cs.splice(at, 1);
  else if (kind === 2) cs[Math.min(at, cs.length - 1)] = pick(r, LETTERS);
  else if (at + 1 < cs.length) [cs[at], cs[at + 1]] = [cs[at + 1]!, cs[at]!];
  return cs.join('');
}

/** Words grown from a few stems by random edits and tails: long shared prefixes, as in a real dictionary. */
function randomDictionary(r: () => number, size: number): string[] {
  const stems = Array.from({ length: 1 + Math.floor(size / 20) }, () =>
    randomWord(r, 2 + Math.floor(r() * 6)),
  );
  const words = new Set<string>();
  while (words.size < size) {
    let w = pick(r, stems);
    for (let e = Math.floor(r() * 3); e > 0; e--) w = r() < 0.5 ? edit(r, w) : w + randomWord(r, 1);
    if (w) words.add(w);
  }
  return [...words].sort(compareCodePoints);
}

/** The dictionary column as buildIndex lays it out: sorted folded words and a term each. */
function dictionary(words: string[]): SearchIndex {
  const surfaceTerm = Uint32Array.from(words, (_, i) => 1000 + i);
  return { surface: StringColumn.from(words), surfaceTerm } as SearchIndex;
}

const codes = (w: string) => Uint32Array.from([...w], (c) => c.codePointAt(0)!);

/** Every dictionary word compared with the word (the distance typo lookups use), by UTF-8 length then order. */
function bruteForce(ix: SearchIndex, word: string, max: number): Array<{ t: number; d: number; w: number }> {
  const q = codes(word);
  const out: Array<{ t: number; d: number; size: number; i: number }> = [];
  for (let i = 0; i < ix.surface.length; i++) {
    const c = codes(ix.surface.at(i));
    const d = boundedDistance(q, q.length, c, c.length, max);
    if (d > 0 && d <= max) out.push({ t: ix.surfaceTerm[i]!, d, size: ix.surface.size(i), i });
  }
  out.sort((x, y) => x.size - y.size || x.i - y.i);
  return out.map(({ t, d, i }) => ({ t, d, w: i }));
}

describe('typo candidates: a trie walk over the sorted dictionary', () => {
  it('finds exactly what comparing every dictionary word finds, on seeded dictionaries with shared prefixes', () => {
    let nonEmpty = 0;
    let empty = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = rand(seed);
      const words = randomDictionary(r, 50 + Math.floor(r() * 400));
      const ix = dictionary(words);
      for (let n = 0; n < 25; n++) {
        const max = 1 + Math.floor(r() * 3);
        const word = r() < 0.6 ? edit(r, edit(r, pick(r, words))) : randomWord(r, Math.floor(r() * 9));
        const expected = bruteForce(ix, word, max);
        expect(typoCandidates(ix, word, max)?.found, `seed ${seed}: ${word} within ${max}`).toEqual(expected);
        if (expected.length) nonEmpty++;
        else empty++;
      }
    }
    // The property held on lookups that find words and on lookups that find none.
    expect(nonEmpty).toBeGreaterThan(100);
    expect(empty).toBeGreaterThan(50);
  });

  it('finds the same on a dictionary large enough that skips pass whole blocks of words and gallop past them', () => {
    const r = rand(11);
    const words = randomDictionary(r, 6000);
    const ix = dictionary(words);
    for (let n = 0; n < 40; n++) {
      const max = 1 + (n % 2);
      const word = n % 4 === 3 ? randomWord(r, 3 + Math.floor(r() * 8)) : edit(r, edit(r, pick(r, words)));
      expect(typoCandidates(ix, word, max)?.found, `${word} within ${max}`).toEqual(
        bruteForce(ix, word, max),
      );
    }
  });

  it('finds the same on the dictionary of a built index', () => {
    const r = rand(7);
    const words = randomDictionary(r, 600);
    const ix = buildIndex(
      Array.from({ length: 12 }, (_, n) =>
        fixture({ title: `Report ${n}`, body: [words.filter((_, i) => i % 12 === n).join(' ')] }),
      ),
    );
    for (let n = 0; n < 60; n++) {
      const word = edit(r, ix.surface.at(Math.floor(r() * ix.surface.length)));
      for (const max of [1, 2])
        expect(typoCandidates(ix, word, max)?.found).toEqual(bruteForce(ix, word, max));
    }
  });

  it('stops, finding nothing, once it would take more steps than allowed, and counts the steps it took', () => {
    const r = rand(3);
    const latin = 'abcdefghijklmnopqrstuvwxyz'.split('');
    const words = new Set(
      Array.from({ length: 5000 }, () => Array.from({ length: 8 }, () => pick(r, latin)).join('')),
    );
    const ix = dictionary([...words].sort(compareCodePoints));
    const word = ix.surface.at(100);
    const full = typoCandidates(ix, word, 1)!;
    expect(full.steps).toBeGreaterThan(0);
    expect(typoCandidates(ix, word, 1, full.steps)).toEqual(full);
    expect(typoCandidates(ix, word, 1, full.steps - 1)).toBeNull();
  });

  it('answers a word asked again (search as you type) from memory as a new walk would, within the steps allowed', () => {
    const r = rand(5);
    const ix = dictionary(randomDictionary(r, 800));
    const word = edit(r, ix.surface.at(40));
    const fresh = typoCandidates(ix, word, 2)!;
    expect(rememberedTypoCandidates(ix, word, 2, Number.POSITIVE_INFINITY)).toEqual(fresh);
    // Remembered now: a lookup allowed fewer steps than the walk took still finds nothing, as a walk would.
    expect(rememberedTypoCandidates(ix, word, 2, fresh.steps - 1)).toBeNull();
    expect(rememberedTypoCandidates(ix, word, 2, fresh.steps)).toEqual(fresh);
    expect(rememberedTypoCandidates(ix, word, 1, Number.POSITIVE_INFINITY)).toEqual(
      typoCandidates(ix, word, 1),
    );
  });
});

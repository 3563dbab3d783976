import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../analysis/fold';
import { WordTable } from '../analysis/word-table';
import { EntityColumns, hasKey } from './entity-columns';
import { unpackSummary } from './entity-summaries';
import { FacetColumns } from './facet-columns';
import type { IndexedEntity } from './indexed-article';
import { KeywordTable } from './keyword-table';
import { TermDictionary } from './term-dictionary';

/** Entity columns over a dictionary of their own; what an add gives, as term names (ids differ per dictionary). */
function columns(documents: number) {
  const terms = new TermDictionary();
  const table = new WordTable((term) => (term ? terms.idOf(term) : -1));
  const keywords = new KeywordTable(terms);
  const entities = new EntityColumns(
    documents,
    keywords,
    new FacetColumns(documents, keywords).columns,
    table,
  );
  const add = (d: number, e: IndexedEntity) => {
    const info = entities.add(d, e);
    const names = (from: number, to: number) =>
      [...entities.ids.subarray(from, to)].map((t) => terms.name(t));
    return { value: info.value, terms: names(info.from, info.keysFrom), keys: names(info.keysFrom, info.to) };
  };
  return { entities, add };
}

const entity = (name: string, aliases: string[] = [], id = 'person:x'): IndexedEntity => ({
  id,
  name,
  type: 'person',
  aliases,
  mentions: { length: 1 },
});

describe('EntityColumns', () => {
  it('gives each reference its variant’s terms and keys, remembered or not (past the variants kept per entity)', () => {
    // 40 variants of one entity (more than are remembered), each referred to again later, mixed with
    // another entity: an unremembered variant's ids must not leak into the next reference's.
    const variants = Array.from({ length: 40 }, (_, i) => entity(`Ann Smith${i}`, [`A. Smith${i}`]));
    const other = entity('Bob Jones', ['Robert Jones'], 'person:bob');
    const { add } = columns(200);
    const got: unknown[] = [];
    let d = 0;
    for (const v of [...variants, ...variants]) got.push(add(d, v), add(d++, other));
    // Each variant alone, in a builder that never saw another: what its reference must add (same value
    // ids too: the entity is numbered 0 and Bob 1 in both).
    const expected = [...variants, ...variants].flatMap((v) => {
      const fresh = columns(1);
      return [fresh.add(0, v), fresh.add(0, other)];
    });
    expect(got).toEqual(expected);
    expect(got[0]).toMatchObject({ terms: ['ann', 'smith0', 'smith0'], value: 0 });
  });

  it('keeps every alias once in the summary, in order of first sighting', () => {
    const { entities, add } = columns(2);
    add(0, entity('Ann Smith', ['Ann', 'A. Smith', 'Ann']));
    entities.endDocument(0);
    add(1, entity('Ann Smith', ['Smithy', 'A. Smith']));
    entities.endDocument(1);
    const summary = unpackSummary('person:x', entities.done().entitySummaries.at(0));
    expect(summary.aliases).toEqual(['Ann', 'A. Smith', 'Smithy']);
    expect(summary.articleCount).toBe(2);
  });

  it('gives a variant the terms of its name and aliases read as one text, and keys as split-and-join kept them', () => {
    // Names mixing ASCII, accents, CJK, punctuation and repeats: read one by one, the words must be
    // those of "name alias1 alias2" read at once (as the index once read them).
    const names = [
      'Ann Smith',
      'Café Müller',
      'CAFE muller',
      '東京大学',
      "O'Brien-Smith",
      'the',
      'Ann',
      'Ｃafé',
      '',
    ];
    const pick = fc.constantFrom(...names);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(pick, fc.array(pick, { maxLength: 4 })), { minLength: 1, maxLength: 6 }),
        (vs) => {
          const { entities, add } = columns(vs.length);
          const reference = new TermDictionary();
          const table = new WordTable((term) => (term ? reference.idOf(term) : -1));
          const keys: string[] = [];
          vs.forEach(([name, aliases], d) => {
            const got = add(d, entity(name, aliases));
            const words: string[] = [];
            table.scan(aliases.length ? `${name} ${aliases.join(' ')}` : name, (t) => {
              if (t >= 0) words.push(reference.name(t));
            });
            expect(got.terms).toEqual(words);
            for (const k of [name, ...aliases].map(fold)) if (!keys.includes(k)) keys.push(k);
            entities.endDocument(d);
          });
          expect(entities.part().keyOf).toEqual([keys.join('\u0000')]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds a key among NUL-separated keys exactly as splitting them would', () => {
    const part = fc.constantFrom('', 'a', 'ab', 'b', 'ba', 'aa');
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), part, (keys, key) => {
        const joined = keys.join('\u0000');
        expect(hasKey(joined, key)).toBe(joined.split('\u0000').includes(key));
      }),
      { numRuns: 500 },
    );
  });
});

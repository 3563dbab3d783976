import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GazetteError } from '../../errors/gazette-error';
import { parseQuery } from './parse-query';

describe('parseQuery', () => {
  it('reads words as AND, OR between groups, and NOT', () => {
    expect(parseQuery('oil prices')).toEqual({
      kind: 'and',
      children: [
        { kind: 'term', word: 'oil', prefix: false, offset: 0 },
        { kind: 'term', word: 'prices', prefix: false, offset: 4 },
      ],
    });
    expect(parseQuery('oil OR gas')?.kind).toBe('or');
    expect(parseQuery('oil -gas')).toMatchObject({
      kind: 'and',
      children: [
        { kind: 'term', word: 'oil' },
        { kind: 'not', child: { kind: 'term', word: 'gas' } },
      ],
    });
    expect(parseQuery('oil NOT gas')).toMatchObject({ children: [{}, { kind: 'not' }] });
  });

  it('reads phrases, prefixes, fields, dates and parentheses', () => {
    expect(parseQuery('"chief executive"')).toEqual({ kind: 'phrase', text: 'chief executive', offset: 1 });
    expect(parseQuery('econ*')).toMatchObject({ kind: 'term', word: 'econ', prefix: true });
    expect(parseQuery('title:budget')).toMatchObject({ kind: 'term', field: 'title', word: 'budget' });
    expect(parseQuery('person:"Tony Blair"')).toMatchObject({
      kind: 'phrase',
      field: 'person',
      text: 'Tony Blair',
    });
    expect(parseQuery('after:2023-07-01')).toMatchObject({ kind: 'date', op: 'after', value: '2023-07-01' });
    expect(parseQuery('year:2023')).toMatchObject({ kind: 'date', op: 'year', value: '2023' });
    expect(parseQuery('(oil OR gas) prices')).toMatchObject({
      kind: 'and',
      children: [{ kind: 'or' }, { kind: 'term', word: 'prices' }],
    });
    expect(parseQuery('tag:(sport OR music)')).toMatchObject({
      kind: 'or',
      children: [
        { field: 'tag', word: 'sport' },
        { field: 'tag', word: 'music' },
      ],
    });
  });

  it('reads malformed queries leniently', () => {
    expect(parseQuery('(oil prices')).toMatchObject({ kind: 'and' });
    expect(parseQuery('oil prices)')).toMatchObject({ kind: 'and' });
    expect(parseQuery('"unclosed phrase')).toMatchObject({ kind: 'phrase', text: 'unclosed phrase' });
    expect(parseQuery('OR oil OR')).toMatchObject({ kind: 'term', word: 'oil' });
    expect(parseQuery('oil NOT')).toMatchObject({ kind: 'term', word: 'oil' });
    expect(parseQuery('title:')).toBeNull();
    expect(parseQuery('!!! ---')).toBeNull();
    expect(parseQuery('')).toBeNull();
    expect(parseQuery('10:30 meeting')).toMatchObject({
      kind: 'and',
      children: [{ kind: 'phrase', text: '10:30' }, {}],
    });
  });

  it('gives a typed error with the offset for an impossible date', () => {
    try {
      parseQuery('oil after:2023-13-01');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GazetteError);
      expect((e as GazetteError).code).toBe('INVALID_QUERY');
      expect((e as GazetteError).details.offset).toBe(10);
    }
    expect(() => parseQuery('year:23')).toThrow(/year:2023/);
  });

  it('survives absurd nesting', () => {
    expect(parseQuery(`${'('.repeat(5000)}oil${')'.repeat(5000)}`)).toBeDefined();
  });

  it('never throws anything but an INVALID_QUERY GazetteError, whatever the input (property)', () => {
    const alphabet = fc.constantFrom(
      '(',
      ')',
      '"',
      '-',
      '*',
      ':',
      ' ',
      'OR',
      'NOT',
      'AND',
      'title',
      'after',
      'year',
      'a',
      'é',
      '東',
      '2023',
      '!',
    );
    const arb = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(alphabet, { maxLength: 40 }).map((xs) => xs.join('')),
    );
    fc.assert(
      fc.property(arb, (q) => {
        try {
          parseQuery(q);
        } catch (e) {
          if (!(e instanceof GazetteError) || e.code !== 'INVALID_QUERY') throw e;
          expect(e.details.offset).toBeGreaterThanOrEqual(0);
          expect(e.details.offset).toBeLessThanOrEqual(q.length);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../app';
import { querySchemaOf } from '../query-schemas';
import { fixtureCorpus } from '../test-support/fixture-corpus';
import { decodeQuery, encodeQuery, nestQuery, type QueryField, queryFields } from './query-codec';
import { READ_ROUTES, type ReadName, type ReadRoute, takesId } from './read-routes';
import { remoteCorpus } from './remote-corpus';

/** Values a field may hold; most random strings are refused, so some plausible ones are offered too. */
const PLAUSIBLE = [
  '2024',
  '2024-03',
  '2024-03-05',
  '2024-03-05T10:00:00Z',
  'budget',
  'cup OR final',
  'Daily Test',
];
const SOME = [...PLAUSIBLE, 'person:jane-doe', 'Jane Doe', 'sport', 'politics', 'en', 'We will'];

function optionsOf(schema: z.ZodType): readonly string[] | undefined {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  if (s instanceof z.ZodArray) s = s.element as z.ZodType;
  return s instanceof z.ZodEnum ? (s.options as string[]) : undefined;
}

function fieldValues(field: QueryField): fc.Arbitrary<unknown> {
  const options = optionsOf(field.schema);
  const base: fc.Arbitrary<unknown> =
    field.kind === 'number'
      ? fc.integer({ min: -2, max: 120 })
      : field.kind === 'boolean'
        ? fc.boolean()
        : field.kind === 'list'
          ? fc.array(fc.constantFrom(...options!), { maxLength: 4 })
          : options
            ? fc.constantFrom(...options)
            : fc.oneof(
                { arbitrary: fc.constantFrom(...SOME), weight: 3 },
                { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 1 },
              );
  return base.filter((v) => field.schema.safeParse(v).success);
}

/**
 * Valid params objects of a params schema, built from its query fields (so every field is exercised). Each
 * optional field is left out three times in four: with fewer filters at once, more answers are not empty.
 */
function paramsArbitrary(schema: z.ZodObject): fc.Arbitrary<Record<string, unknown>> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of queryFields(schema))
    record[f.name] = f.schema.isOptional()
      ? fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fieldValues(f), weight: 1 })
      : fieldValues(f);
  return fc
    .record(record)
    .map((flat) => nestQuery(schema, flat))
    .filter((p) => schema.safeParse(p).success);
}

const withParams = (Object.entries(READ_ROUTES) as [ReadName, ReadRoute][]).filter(([, r]) => r.params);

describe('the query-string codec (one for the API and its client)', () => {
  for (const [name, route] of withParams)
    it(`round-trips every valid ${name} params object through a query string, and the API reads it back`, () => {
      const schema = route.params!;
      const apiQuery = querySchemaOf(schema);
      fc.assert(
        fc.property(paramsArbitrary(schema), (params) => {
          const text = encodeQuery(schema, params).toString();
          // The client's encoding, read back by the codec: the same object.
          expect(decodeQuery(schema, new URLSearchParams(text))).toEqual(params);
          // Read back as the API reads it (its query schema, then nested): what the core would take.
          const read = apiQuery.safeParse(Object.fromEntries(new URLSearchParams(text)));
          expect(read.success, text).toBe(true);
          expect(schema.parse(nestQuery(schema, read.data!))).toEqual(schema.parse(params));
        }),
        { numRuns: 200, seed: 20261203 },
      );
    });
});

describe('the client and the API agree on every read', () => {
  const corpus = fixtureCorpus();
  const app = createApp({ corpus });
  const remote = remoteCorpus('http://api.test', { fetch: async (input, init) => app.request(input, init) });
  const ids = ['a_0000000000000000', ...corpus.list({ limit: 3 }).items.map((a) => a.id)];

  /** What a call gives, or the fact that it failed (the API's refusal and the core's throw alike). */
  const outcome = async (call: () => unknown) => {
    try {
      return { ok: await call() };
    } catch {
      return { failed: true };
    }
  };

  for (const [name, route] of withParams)
    it(`${name}: the remote corpus answers as the local one for random valid parameters`, async () => {
      const fn = corpus[name] as (...args: unknown[]) => unknown;
      const remoteFn = remote[name] as (...args: unknown[]) => Promise<unknown>;
      await fc.assert(
        fc.asyncProperty(paramsArbitrary(route.params!), fc.constantFrom(...ids), async (params, id) => {
          const args = takesId(route) ? [id, params] : [params];
          const local = await outcome(() => fn.apply(corpus, args));
          expect(await outcome(() => remoteFn(...args))).toEqual(local);
        }),
        { numRuns: 40, seed: 20261203 },
      );
    });
});

// Searches built to cost as much as the documented limits allow (32 terms, 1000 characters, pages of 100,
// every facet, cursors up to 10,000 deep): what `worst-query.ts` times in the core and what the API bench
// sends to find the worst request and to hold /healthz with. Each is plain `SearchParams` (a POST
// /v1/search body as is); `searchPath` gives the GET form. English words: aimed at the BBC corpus.
import { type FacetName, FacetNameSchema, type SearchParams, SearchParamsSchema } from '../../src/internals';
import { encodeCursor, fingerprint } from '../../src/corpus/components/cursor';

export interface AdversarialSearch {
  name: string;
  params: SearchParams;
}

const ALL_FACETS: FacetName[] = [...FacetNameSchema.options];
const TERMS = 32;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** The commonest two-letter starts of English words. */
const STARTS =
  'co pr re st de in ma ca pa se di tr pe ch sh th wa mi ho fi be fo li ba ra sa la me ex ne po mo'.split(
    ' ',
  );
/** Words in most English news articles (stop words are ignored, so these are not stop words). */
const COMMON =
  'said year people also new time government first last two world told years made million make well back week could would way three many country like public'.split(
    ' ',
  );
/** Long words with two typos each (absent from the corpus as written, within 2 edits of real words). */
const TYPOS =
  'goverrnmnet internatoinal parliamnetary minsitries compaines econommists electrions chancellorr businessse technollogy televisoin inforrmation announcment governmnets spokeswomn departmnt secretery agreemnet investmnet comittee presidnecy milllions televisionn christmass footballl tournamnet championnship performnace digitall musicall companiess'.split(
    ' ',
  );
/** Three-word phrases of common words (each word a term). */
const PHRASES = [
  'said the government',
  'last year the',
  'told the bbc',
  'the world cup',
  'the first time',
  'new york times',
  'the prime minister',
  'in the world',
  'over the last',
  'one of the',
];

const many = <T>(xs: readonly T[], n: number): T[] => Array.from({ length: n }, (_, i) => xs[i % xs.length]!);

/** A cursor `offset` results deep into the search `params` (what its nextCursor would be). */
export function cursorAt(params: SearchParams, offset: number): string {
  const { cursor: _cursor, ...rest } = params;
  return encodeCursor([offset], fingerprint(SearchParamsSchema.parse(rest)));
}

/** The searches, worst candidates first; every one is within the documented limits. */
export function adversarialSearches(): AdversarialSearch[] {
  const heavy = { limit: 100, facets: ALL_FACETS } as const;
  const prefixes = many(STARTS, TERMS)
    .map((s) => `(${s}*)`)
    .join('|');
  const letters = [...LETTERS].map((l) => `${l}*`).join(' OR ');
  const common = many(COMMON, TERMS).join(' OR ');
  const out: AdversarialSearch[] = [
    { name: '32 two-letter prefixes OR-ed, no spaces', params: { q: prefixes, ...heavy } },
    { name: '26 one-letter prefixes OR-ed', params: { q: letters, ...heavy } },
    {
      name: '32 two-letter prefixes AND-ed',
      params: {
        q: many(STARTS, TERMS)
          .map((s) => `${s}*`)
          .join(' '),
        ...heavy,
      },
    },
    { name: '32 common words OR-ed', params: { q: common, ...heavy } },
    { name: '32 common words AND-ed', params: { q: many(COMMON, TERMS).join(' '), ...heavy } },
    {
      name: '6 common words AND-ed (side by side boost)',
      params: { q: COMMON.slice(0, 6).join(' '), ...heavy },
    },
    {
      name: '32 misspelt long words (typos for each)',
      params: { q: TYPOS.slice(0, TERMS).join(' '), ...heavy },
    },
    { name: '32 misspelt long words OR-ed', params: { q: TYPOS.slice(0, TERMS).join(' OR '), ...heavy } },
    {
      name: 'phrases of common words OR-ed',
      params: { q: PHRASES.map((p) => `"${p}"`).join(' OR '), ...heavy },
    },
    { name: 'every article but one word (NOT)', params: { q: '-zzzzqx', ...heavy } },
    { name: '32 common words OR-ed, oldest first', params: { q: common, sort: 'oldest', ...heavy } },
  ];
  // Deep pages of the broadest search: ranking must reach the cursor's depth.
  for (const offset of [1_700, 9_900]) {
    const params: SearchParams = { q: letters, ...heavy };
    out.push({
      name: `26 one-letter prefixes, ${offset} deep`,
      params: { ...params, cursor: cursorAt(params, offset) },
    });
  }
  return out;
}

/** The GET form of a search: `/v1/search?q=…` with the same parameters (filters are not used here). */
export function searchPath(p: SearchParams): string {
  const qs = new URLSearchParams({ q: p.q });
  if (p.sort) qs.set('sort', p.sort);
  if (p.limit !== undefined) qs.set('limit', String(p.limit));
  if (p.facets?.length) qs.set('facets', p.facets.join(','));
  if (p.cursor) qs.set('cursor', p.cursor);
  return `/v1/search?${qs}`;
}

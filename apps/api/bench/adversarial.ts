// The searches the API bench sends as the worst requests: the core bench's list of searches built to cost
// as much as the documented limits allow (packages/core/bench/search/adversarial-queries.ts), or, where
// that module is not in this checkout yet, a small local list of the same kind.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FacetNameSchema, type SearchParams } from '@gazette/core/query';

export interface AdversarialSearch {
  name: string;
  params: SearchParams;
}

const CORE_LIST = fileURLToPath(
  new URL('../../../packages/core/bench/search/adversarial-queries.ts', import.meta.url),
);

const ALL_FACETS = FacetNameSchema.options;
const STARTS =
  'co pr re st de in ma ca pa se di tr pe ch sh th wa mi ho fi be fo li ba ra sa la me ex ne po mo';

/** The local stand-in: a few of the same searches (32 prefixes OR-ed, 26 letters, common words). */
function localSearches(): AdversarialSearch[] {
  const heavy = { limit: 100, facets: [...ALL_FACETS] };
  const starts = STARTS.split(' ');
  const common = 'said year people also new time government first last two world told'.split(' ');
  return [
    {
      name: '32 two-letter prefixes OR-ed, no spaces',
      params: { q: starts.map((s) => `(${s}*)`).join('|'), ...heavy },
    },
    {
      name: '26 one-letter prefixes OR-ed',
      params: { q: [...'abcdefghijklmnopqrstuvwxyz'].map((l) => `${l}*`).join(' OR '), ...heavy },
    },
    {
      name: '32 common words OR-ed',
      params: { q: Array.from({ length: 32 }, (_, i) => common[i % common.length]).join(' OR '), ...heavy },
    },
  ];
}

/** The adversarial searches, and where they came from. */
export async function adversarialSearches(): Promise<{ searches: AdversarialSearch[]; source: string }> {
  if (!existsSync(CORE_LIST))
    return {
      searches: localSearches(),
      source: 'a local list (the core bench list is not in this checkout)',
    };
  // A computed specifier: the module is the core bench's, not part of this package's typed sources.
  const mod = (await import(CORE_LIST)) as { adversarialSearches(): AdversarialSearch[] };
  return { searches: mod.adversarialSearches(), source: 'packages/core/bench/search/adversarial-queries.ts' };
}

// Seeded articles split into segments as a live corpus grows them: updated versions in later segments,
// deleted ids, entities named differently from one article to the next, quotes, undated and equal dates.
import type { Article } from '../src/model/article-schema';
import type { Entity } from '../src/model/entity-schema';
import type { Quote } from '../src/model/quote-schema';
import { createCorpus } from '../src/corpus/create-corpus';
import type { Corpus } from '../src/corpus/components/corpus-types';
import { zipfCorpus } from './zipf-corpus';

/** Entities with several variants each (name, type, aliases, country) as enrichment gives them. */
const ENTITIES: ReadonlyArray<{ id: string; variants: Array<Omit<Entity, 'id' | 'mentions'>> }> = [
  {
    id: 'Q1',
    variants: [
      { name: 'Emmanuel Macron', type: 'person', aliases: ['Macron'] },
      { name: 'Macron', type: 'person', aliases: [] },
      { name: 'Emmanuel Macron', type: 'person', aliases: ['President Macron', 'Macron'] },
    ],
  },
  {
    id: 'Q2',
    variants: [
      { name: 'France', type: 'place', aliases: ['French Republic'], countryCode: 'FR' },
      { name: 'France', type: 'place', aliases: [] },
    ],
  },
  {
    id: 'Q3',
    variants: [
      { name: 'Fiat', type: 'organization', aliases: ['Fiat SpA', 'FIAT'] },
      { name: 'FIAT', type: 'organization', aliases: ['Fiat'] },
    ],
  },
  { id: 'Q4', variants: [{ name: 'Olaf Scholz', type: 'person', aliases: ['Scholz'] }] },
  {
    id: 'Q5',
    variants: [
      { name: 'Lyon', type: 'place', aliases: [], countryCode: 'FR', coordinates: { lat: 45.76, lon: 4.84 } },
      { name: 'Lyons', type: 'other', aliases: ['Lyon'] },
    ],
  },
  { id: 'Q6', variants: [{ name: 'Ada Lovelace', type: 'person', aliases: [] }] },
  {
    id: 'Q7',
    variants: [
      { name: 'Berlin', type: 'place', aliases: ['Berlin city'], countryCode: 'DE' },
      {
        name: 'Berlin',
        type: 'place',
        aliases: [],
        countryCode: 'DE',
        coordinates: { lat: 52.52, lon: 13.4 },
      },
    ],
  },
  {
    id: 'Q8',
    variants: [
      { name: 'Renault', type: 'organization', aliases: ['Groupe Renault'] },
      { name: 'Renault', type: 'organization', aliases: ['Renault SA', 'Groupe Renault'] },
    ],
  },
  {
    id: 'Q9',
    variants: [
      { name: 'Deutsche Bahn', type: 'organization', aliases: ['DB'] },
      { name: 'DB', type: 'organization', aliases: [] },
      { name: 'Deutsche Bahn', type: 'organization', aliases: [] },
    ],
  },
];

export const ENTITY_IDS = ENTITIES.map((e) => e.id);
/** Names, aliases and ids a speaker filter may be given. */
export const SPEAKERS = [
  'DB',
  'Macron',
  'emmanuel macron',
  'Q4',
  'Scholz',
  'Ada Lovelace',
  'Nobody',
  'Q6',
  'Fiat',
];

const DATES = ['2024-03-01', '2024-03-01', '2024-03-02T10:00:00Z', '2024-02-27', '2024-01-15', '2023-12-31'];
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function entitiesOf(r: () => number, repeats: boolean): Entity[] {
  const out: Entity[] = [];
  const k = Math.floor(r() * 4);
  for (let i = 0; i < k; i++) {
    const e = pick(r, ENTITIES);
    if (!repeats && out.some((x) => x.id === e.id)) continue;
    const mentions = Array.from({ length: Math.floor(r() * 3) }, () => ({ block: 0, start: 0, end: 1 }));
    const v = pick(r, e.variants);
    const entity: Entity = { id: e.id, ...v, aliases: [...v.aliases], mentions };
    if (r() < 0.2) entity.demonymMentions = [{ block: 0, start: 0, end: 1 }];
    out.push(entity);
  }
  return out;
}

function quotesOf(r: () => number, entities: readonly Entity[], word: () => string): Quote[] {
  return Array.from({ length: Math.floor(r() * 3) }, () => {
    const text = Array.from({ length: 2 + Math.floor(r() * 8) }, word).join(' ');
    const q: Quote = { text, partial: r() < 0.3, block: 0, start: 0, end: text.length };
    const e = entities.length && r() < 0.6 ? pick(r, entities) : undefined;
    if (e) q.speakerEntityId = e.id;
    if (r() < 0.7) q.speaker = e ? pick(r, [e.name, ...e.aliases]) : pick(r, SPEAKERS);
    return q;
  });
}

/** An article's dates, section, tags, source, entities and quotes, drawn anew (a new version redraws them). */
function dress(a: Article, r: () => number, word: () => string, repeats: boolean): Article {
  const entities = entitiesOf(r, repeats);
  const out: Article = {
    ...a,
    section: pick(r, ['World', 'Business', 'Sport']),
    tags: r() < 0.5 ? [pick(r, ['energy', 'Energy', 'rail', 'cars'])] : [],
    source: { name: pick(r, ['Le Monde', 'BBC']) },
    language: pick(r, ['en', 'en', 'fr']),
    entities,
    quotes: quotesOf(r, entities, word),
  };
  if (r() < 0.15) delete out.publishedAt;
  else out.publishedAt = pick(r, DATES);
  return out;
}

export interface SegmentedCase {
  /** Each segment's articles, oldest segment first. */
  segments: Article[][];
  deleted: Set<string>;
  /** The live articles: each id's version in its latest segment, deleted ids left out. */
  live: Article[];
  /** Every version of every article (live, superseded or deleted). */
  versions: Article[];
  /** Words of live articles that every segment holds (a query of them selects per segment as at once). */
  sharedWords: string[];
}

/** Splits the articles at random into 1 to 5 segments (some may be empty). */
function split(r: () => number, docs: readonly Article[]): Article[][] {
  const k = 1 + Math.floor(r() * 5);
  const segments: Article[][] = Array.from({ length: k }, () => []);
  for (const a of docs) segments[Math.floor(r() * k)]!.push(a);
  return segments;
}

/** A seeded case: `n` articles, some updated in a later segment (title, date, entities or slug), some deleted. */
export function segmentedCase(seed: number, n: number, options: { repeats?: boolean } = {}): SegmentedCase {
  const z = zipfCorpus(seed, n, 60);
  const r = z.random;
  const segments = split(
    r,
    z.docs.map((a) => dress(a, r, z.word, options.repeats === true)),
  );
  for (let s = 0; s + 1 < segments.length; s++)
    for (const a of segments[s]!) {
      if (r() > 0.2) continue;
      const later = s + 1 + Math.floor(r() * (segments.length - s - 1));
      const next = { ...dress(a, r, z.word, options.repeats === true), title: `${a.title} ${z.word()}` };
      if (r() < 0.3) next.slug = `${a.slug}-v2`;
      segments[later]!.push(next);
    }
  const versions = segments.flat();
  const deleted = new Set(versions.filter(() => r() < 0.08).map((a) => a.id));
  const latest = new Map<string, Article>();
  for (const a of versions) latest.set(a.id, a);
  const live = [...latest.values()].filter((a) => !deleted.has(a.id));
  const holds = (a: Article, w: string) =>
    [a.title, a.standfirst ?? '', ...a.body.map((b) => b.text)].join(' ').split(' ').includes(w);
  // In a live article (so in the dictionary built at once) and in every segment's dictionary: no typo
  // tolerance is tried for it anywhere.
  const words = [...new Set(live.flatMap((a) => a.title.split(' ')))];
  const sharedWords = words.filter((w) =>
    segments.every((seg) => !seg.length || seg.some((a) => holds(a, w))),
  );
  return { segments, deleted, live, versions, sharedWords };
}

/** The case as a segmented corpus's inputs and the corpus built at once from its live articles. */
export function corporaOf(c: SegmentedCase): { segments: Corpus[]; atOnce: Corpus } {
  return { segments: c.segments.map((s) => createCorpus(s)), atOnce: createCorpus(c.live) };
}

/** What a call gives, or the error it throws (both corpora must refuse the same input alike). */
export function outcome<T>(call: () => T): T | { error: string } {
  try {
    return call();
  } catch (e) {
    return { error: String(e) };
  }
}

/** Every page of a paged call, following nextCursor (at most `max` pages). */
export function allPages<P extends { nextCursor: string | null }>(
  page: (cursor: string | undefined) => P,
  max = 500,
): P[] {
  const pages = [page(undefined)];
  while (pages.at(-1)!.nextCursor !== null && pages.length < max) pages.push(page(pages.at(-1)!.nextCursor!));
  return pages;
}

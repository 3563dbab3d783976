// Seeded live corpora for the segmented methods' tests: articles with sections, tags, dates, entities and
// quotes, split at random into 1 to 5 segments (oldest first), some updated in a later segment, some deleted.
import type { Article } from '../src/model/article-schema';
import type { Corpus } from '../src/corpus/components/corpus-types';
import { createCorpus } from '../src/corpus/create-corpus';
import { segmentedCorpus } from '../src/live/segmented-corpus';
import { builtAtOnce } from '../src/live/methods/built-at-once';
import { segmentsState } from '../src/live/components/segments-state';
import { seededRandom } from './seeded-random';
import { fixture } from './test-articles';

const LETTERS = 'abcdeghiklmnoprstuw';
const SECTIONS = ['politics', 'sport', 'business', 'tech'];
const TAGS = ['energy', 'europe', 'markets', 'climate', 'elections'];
const ENTITIES = [
  { id: 'e_ann', name: 'Ann Blake', type: 'person' as const },
  { id: 'e_bo', name: 'Bo Lund', type: 'person' as const },
  { id: 'e_acme', name: 'Acme Corp', type: 'organization' as const, aliases: ['Acme'] },
  { id: 'e_paris', name: 'Paris', type: 'place' as const },
  { id: 'e_oslo', name: 'Oslo', type: 'place' as const },
];

export interface LiveCase {
  /** The segmented corpus and the corpus built at once from its live articles. */
  live: Corpus;
  once: Corpus;
  /** Words of the corpus (Zipf-like: a few common, most rare), and the ids and slugs of live articles. */
  words: string[];
  ids: string[];
  /** Deleted ids, segments, and dead documents (updated or deleted) in all segments. */
  deleted: string[];
  segments: number;
  dead: number;
  random: () => number;
  /** The segments' corpora, oldest first (a test may add one, as a commit does). */
  corpora: Corpus[];
}

/** A seeded live corpus: `articles` articles, 1 to 5 segments, updates and deletions. */
export function liveCase(seed: number, articles: number): LiveCase {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const words = Array.from({ length: 150 }, () =>
    Array.from({ length: 3 + Math.floor(r() * 6) }, () => pick([...LETTERS])).join(''),
  );
  const word = () => words[Math.floor(words.length * r() ** 2.5)]!;
  const text = (n: number) => Array.from({ length: n }, word).join(' ');
  // Few distinct days, so that many documents tie on their date; some undated.
  const date = () =>
    r() < 0.1 ? undefined : `2024-0${1 + Math.floor(r() * 6)}-1${Math.floor(r() * 3)}T10:00:00Z`;
  const article = (): Article => {
    const publishedAt = date();
    const speaker = r() < 0.5 ? pick(ENTITIES.slice(0, 2)) : undefined;
    return fixture({
      title: text(2 + Math.floor(r() * 5)),
      body: [text(10 + Math.floor(r() * 20)), text(5 + Math.floor(r() * 30))],
      ...(r() < 0.5 ? { standfirst: text(8) } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      section: pick(SECTIONS),
      tags: TAGS.filter(() => r() < 0.3),
      byline: r() < 0.5 ? ['Kim Rowe'] : [],
      entities: ENTITIES.filter(() => r() < 0.35),
      quotes:
        r() < 0.4
          ? [{ text: text(6), ...(speaker ? { speaker: speaker.name, speakerEntityId: speaker.id } : {}) }]
          : [],
    });
  };
  const segments: Article[][] = Array.from({ length: 1 + Math.floor(r() * 5) }, () => []);
  for (let i = 0; i < articles; i++) pick(segments).push(article());
  // Updates: a newer version of an article in a later segment, its title or body changed.
  for (let s = 1; s < segments.length; s++)
    for (const earlier of segments.slice(0, s).flat())
      if (r() < 0.06)
        segments[s]!.push({
          ...earlier,
          title: `${earlier.title} ${word()}`,
          body: [{ kind: 'paragraph', text: text(12) }],
        });
  const deleted = new Set(
    segments
      .flat()
      .filter(() => r() < 0.05)
      .map((a) => a.id),
  );
  const corpora = segments.map((s) => createCorpus(s));
  const state = segmentsState(corpora, deleted);
  const built = builtAtOnce(state);
  const listed = built.list({ limit: 100 }).items;
  return {
    live: segmentedCorpus(corpora, { deleted }),
    once: built,
    words,
    ids: [...listed.map((a) => a.id), ...listed.slice(0, 5).map((a) => a.slug)],
    deleted: [...deleted],
    segments: segments.length,
    dead: segments.flat().length - state.size,
    random: r,
    corpora,
  };
}

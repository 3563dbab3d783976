import { instantMs } from '../metadata/instant-ms';
import type { Article } from '../model/article-schema';

/** What the rule reads of two articles whose bodies are near each other. */
export type StoryFacts = Pick<Article, 'title' | 'titleSource' | 'publishedAt'>;

/** Share of title words two titles have in common, at or above which they may name the same story. */
export const SAME_TITLE_SIMILARITY = 0.5;
/** Publication dates further apart than this make two similar texts two articles (a yearly notice). */
export const SAME_STORY_MAX_DAYS = 7;

const titleWords = (title: string) =>
  new Set(
    (title
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []) as string[],
  );

/**
 * Whether two articles may be the same story by their titles: a rewritten headline keeps most of its
 * words, a different item does not. A derived title (the article had none) says nothing either way.
 */
export function titlesAgree(a: Omit<StoryFacts, 'publishedAt'>, b: Omit<StoryFacts, 'publishedAt'>): boolean {
  if (a.titleSource === 'derived' || b.titleSource === 'derived') return true;
  const x = titleWords(a.title);
  const y = titleWords(b.title);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const union = x.size + y.size - shared;
  return union === 0 || shared / union >= SAME_TITLE_SIMILARITY;
}

function datesAgree(a: StoryFacts, b: StoryFacts): boolean {
  if (!a.publishedAt || !b.publishedAt) return true;
  const days = Math.abs(instantMs(a.publishedAt) - instantMs(b.publishedAt)) / 86_400_000;
  return !(days > SAME_STORY_MAX_DAYS);
}

/**
 * Whether two articles with near bodies are one story seen twice: their titles agree and they were not
 * published more than a week apart. The body alone never makes two items one article.
 */
export const sameStory = (a: StoryFacts, b: StoryFacts): boolean => titlesAgree(a, b) && datesAgree(a, b);

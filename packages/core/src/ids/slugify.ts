import { fold } from '../search/analysis/fold';

const MAX_SLUG_WORDS = 8;
const MAX_SLUG_LENGTH = 72;

/**
 * URL-safe readable slug: ASCII letters and digits joined by hyphens. Letters with diacritics are
 * folded; scripts with no ASCII form yield nothing, and the caller falls back to the id.
 */
export function slugify(text: string): string {
  const words = fold(text)
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, MAX_SLUG_WORDS);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug;
}

/** A slug for an article: readable words, then a short id suffix so it is unique in any corpus. */
export function articleSlug(title: string, id: string): string {
  const suffix = id.replace(/^a_/, '').slice(0, 6);
  const base = slugify(title);
  return base ? `${base}-${suffix}` : `article-${suffix}`;
}

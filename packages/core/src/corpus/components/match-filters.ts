import type { Article } from '../../model/article-schema';
import type { ArticleFilters } from '../../query-schema/query-params-schema';
import { fold } from '../../search/analysis/fold';

/** True when the article passes every filter given; comparisons ignore case and diacritics. */
export function matchesFilters(a: Article, f: ArticleFilters | undefined): boolean {
  if (!f) return true;
  if (f.source && !(a.source && fold(a.source.name) === fold(f.source))) return false;
  if (f.section && !(a.section && fold(a.section) === fold(f.section))) return false;
  if (f.tag && !a.tags.some((t) => fold(t) === fold(f.tag!))) return false;
  if (
    f.language &&
    !(fold(a.language) === fold(f.language) || fold(a.language).startsWith(`${fold(f.language)}-`))
  )
    return false;
  if (f.entity) {
    const want = fold(f.entity);
    const hit = a.entities.some(
      (e) => e.id === f.entity || fold(e.name) === want || e.aliases.some((al) => fold(al) === want),
    );
    if (!hit) return false;
  }
  if (f.country) {
    const code = f.country.toUpperCase();
    if (!a.entities.some((e) => e.countryCode === code)) return false;
  }
  if (f.after && !(a.publishedAt && a.publishedAt.slice(0, f.after.length) >= f.after)) return false;
  if (f.before && !(a.publishedAt && a.publishedAt.slice(0, f.before.length) < f.before)) return false;
  return true;
}

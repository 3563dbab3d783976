import type { Article } from '../model/article-schema';

/**
 * Every text of an article a query may match, qualified fields included (section:, tag:, person:, …): the
 * shard index holds their words unqualified, so it narrows to a superset of what the core's search matches.
 */
export function searchableText(a: Article): string {
  return [
    a.title,
    a.standfirst ?? '',
    a.summary ?? '',
    ...a.byline,
    a.source?.name ?? '',
    a.section ?? '',
    ...a.tags,
    a.language,
    ...a.body.map((b) => b.text),
    ...a.quotes.map((q) => `${q.text} ${q.speaker ?? ''}`),
    // Defensive: snapshots written by other tools may omit empty arrays.
    ...(a.entities ?? []).flatMap((e) => [e.id, e.name, ...(e.aliases ?? [])]),
  ].join('\n');
}

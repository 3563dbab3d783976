import type { Entity } from '../model/entity-schema';
import type { Block } from '../model/block-schema';

const MAX_SUMMARY_CHARS = 320;

/**
 * An extractive summary: the lede, i.e. the first sentences of the first paragraph, up to about 320
 * characters, word for word. News puts the essentials first, which beats any re-ranking on short text.
 */
export function ledeSummary(body: readonly Block[]): string | undefined {
  const first = body.find((b) => b.kind === 'paragraph') ?? body[0];
  if (!first) return undefined;
  const sentences = first.text.match(/[^.!?]+(?:[.!?]+["”’)]*|$)\s*/g) ?? [first.text];
  let summary = '';
  for (const s of sentences) {
    if (summary && summary.length + s.length > MAX_SUMMARY_CHARS) break;
    summary += s;
  }
  summary = summary.trim();
  if (summary.length > MAX_SUMMARY_CHARS * 2)
    summary = `${summary.slice(0, summary.lastIndexOf(' ', MAX_SUMMARY_CHARS)).trimEnd()}…`;
  return summary || undefined;
}

/**
 * Tags from the most salient entities: mentions counted, those in the first two blocks counted twice,
 * people, organisations and places before "other"; at most `limit`.
 */
export function entityTags(entities: readonly Entity[], limit = 6): string[] {
  const score = (e: Entity) =>
    e.mentions.reduce((s, m) => s + (m.block < 2 ? 2 : 1), 0) + 0.5 * (e.demonymMentions?.length ?? 0);
  return entities
    .filter((e) => e.type !== 'other' && e.mentions.length > 0)
    .map((e) => ({ e, s: score(e) }))
    .filter(({ s }) => s >= 2)
    .sort((a, b) => b.s - a.s || a.e.name.localeCompare(b.e.name))
    .slice(0, limit)
    .map(({ e }) => e.name);
}

import type { QuoteItem } from '@gazette/core/query';

export interface Speaker {
  /** What the core's quotes({ speaker }) filter takes: the entity id, else the name. */
  filter: string;
  name: string;
  entityId?: string | undefined;
  count: number;
}

/** The speakers of the given quotes, most quoted first. */
export function speakersOf(quotes: Iterable<Pick<QuoteItem, 'speaker' | 'speakerEntityId'>>): Speaker[] {
  const by = new Map<string, Speaker>();
  for (const q of quotes) {
    if (!q.speaker) continue;
    const filter = q.speakerEntityId ?? q.speaker;
    const s = by.get(filter) ?? { filter, name: q.speaker, entityId: q.speakerEntityId, count: 0 };
    s.count++;
    by.set(filter, s);
  }
  return [...by.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'));
}

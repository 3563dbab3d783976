// Fixture articles for the search tests, in the Article shape (no parser or enrichment involved).
import type { Article } from '../src/model/article-schema';
import type { Entity } from '../src/model/entity-schema';
import type { Quote } from '../src/model/quote-schema';

let next = 0;

export interface FixtureInput {
  title: string;
  body: string[];
  publishedAt?: string;
  section?: string;
  tags?: string[];
  byline?: string[];
  source?: string;
  language?: string;
  standfirst?: string;
  entities?: Array<Pick<Entity, 'id' | 'name' | 'type'> & { aliases?: string[] }>;
  quotes?: Array<Pick<Quote, 'text'> & { speaker?: string; speakerEntityId?: string }>;
}

export function fixture(input: FixtureInput): Article {
  const n = next++;
  const id = `a_${n.toString(16).padStart(16, '0')}`;
  const a: Article = {
    id,
    slug: `${input.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}-${n}`,
    title: input.title,
    titleSource: 'given',
    byline: input.byline ?? [],
    language: input.language ?? 'en',
    tags: input.tags ?? [],
    body: input.body.map((text) => ({ kind: 'paragraph' as const, text })),
    related: [],
    quotes: (input.quotes ?? []).map((q) => ({
      text: q.text,
      ...(q.speaker ? { speaker: q.speaker } : {}),
      ...(q.speakerEntityId ? { speakerEntityId: q.speakerEntityId } : {}),
      partial: false,
      block: 0,
      start: 0,
      end: q.text.length,
    })),
    entities: (input.entities ?? []).map((e) => ({ ...e, aliases: e.aliases ?? [], mentions: [] })),
    dates: [],
    amounts: [],
    wordCount: input.body.join(' ').split(/\s+/).length,
    readingMinutes: 1,
    quality: [],
    provenance: { format: 'text', contentHash: '0'.repeat(64), parser: 'fixture', fields: {} },
  };
  if (input.publishedAt) a.publishedAt = input.publishedAt;
  if (input.section) a.section = input.section;
  if (input.standfirst) a.standfirst = input.standfirst;
  if (input.source) a.source = { name: input.source };
  return a;
}

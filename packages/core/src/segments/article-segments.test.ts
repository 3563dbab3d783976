import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_ARTICLE_PATH } from '../../test-support/shared-corpora';
import type { Article } from '../model/article-schema';
import type { Entity } from '../model/entity-schema';
import { parseText } from '../formats/text/parse-text';
import { articleSegments } from './article-segments';
import { ArticleSegmentsSchema, type Segment } from './segments-schema';

const textOf = (segments: Segment[]): string =>
  segments.map((s) => (s.type === 'quote' ? s.parts.map((p) => p.text).join('') : s.text)).join('');
const mentionsOf = (segments: Segment[]) => segments.flatMap((s) => (s.type === 'quote' ? s.parts : [s]));

/** Where `needle` sits in `text` (throws when it does not, so a fixture cannot silently drift). */
function at(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start === -1) throw new Error(`fixture: "${needle}" is not in "${text}"`);
  return { start, end: start + needle.length };
}

function person(id: string, name: string, aliases: string[], mentions: Entity['mentions']): Entity {
  return { id, name, type: 'person', aliases, mentions };
}

describe('articleSegments on the reference article', () => {
  const article = parseText(readFileSync(REFERENCE_ARTICLE_PATH, 'utf8'));
  const segments = articleSegments(article);
  const quoteIndex = (words: string) => article.quotes.findIndex((q) => q.text.includes(words));

  it('gives every block segments that join back to its text, in the schema', () => {
    expect(ArticleSegmentsSchema.safeParse(segments).success).toBe(true);
    expect(segments.blocks.map((b) => textOf(b.segments))).toEqual(article.body.map((b) => b.text));
  });

  it('marks one first mention per entity in a story without headings (France is named 7 times)', () => {
    const mentions = segments.blocks
      .flatMap((b) => mentionsOf(b.segments))
      .filter((s) => s.type === 'mention');
    const france = mentions.filter((m) => m.entityId === 'country:fr');
    expect(france.length).toBeGreaterThan(1);
    expect(france.filter((m) => m.first)).toHaveLength(1);
    expect(france[0]!.first).toBe(true);
    for (const e of article.entities)
      expect(mentions.filter((m) => m.entityId === e.id && m.first).length, e.id).toBeLessThanOrEqual(1);
  });

  it('attributes only the quotations whose paragraph does not name Macron', () => {
    const needs = (words: string) => segments.quotes[quoteIndex(words)]!.needsAttribution;
    expect(needs('France has decided')).toBe(false); // "… Macron told French television"
    expect(needs('hostage')).toBe(false); // "Macron in the interview reaffirmed …"
    expect(needs('epidemic')).toBe(false); // "what Macron has previously called …"
    expect(needs('we will consult')).toBe(true); // "… he added."
    expect(needs('He was targeted')).toBe(true); // "… he argued."
  });

  it('holds one-word and woven-in quotations back from pull-quotes, whole sentences not', () => {
    const statement = (words: string) => segments.quotes[quoteIndex(words)]!.isStatement;
    for (const w of ['hostage', 'epidemic', 'sole legitimate authority', 'months and weeks'])
      expect(statement(w), w).toBe(false);
    for (const w of ['France has decided', 'we will consult', 'He was targeted'])
      expect(statement(w), w).toBe(true);
  });

  it('widens a quotation to its quotation marks', () => {
    const block = segments.blocks[article.quotes[quoteIndex('France has decided')]!.block]!;
    const quote = block.segments.find((s) => s.type === 'quote')!;
    expect(textOf([quote])).toMatch(/^“France has decided.*to France,”$/);
  });
});

describe('articleSegments on synthetic articles', () => {
  it('marks a quotation over two paragraphs as continuing into and from the other', () => {
    const base = parseText(
      'Intro line about the harbour and its future plans.\n“The harbour will close in May. We have no choice.\nIt will reopen in June,” the mayor said.\n',
    );
    const [b1, b2] = [base.body[1]!.text, base.body[2]!.text];
    const article: Article = {
      ...base,
      entities: [],
      quotes: [
        {
          text: 'The harbour will close … It will reopen in June,',
          speaker: 'Ada Lovelace',
          partial: false,
          block: 1,
          start: at(b1, 'The harbour').start,
          end: at(b2, 'June,').end,
          endBlock: 2,
        },
      ],
    };
    const { blocks, quotes } = articleSegments(article);
    const first = blocks[1]!.segments;
    const second = blocks[2]!.segments;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ type: 'quote', quote: 0, continuesFrom: false, continuesInto: true });
    expect(textOf(first)).toBe(b1);
    expect(second[0]).toMatchObject({ type: 'quote', quote: 0, continuesFrom: true, continuesInto: false });
    expect(textOf([second[0]!])).toBe('It will reopen in June,”');
    expect(quotes[0]).toEqual({ needsAttribution: true, isStatement: true });
  });

  it('keeps a name inside a quotation as a mention within it, and splits one that crosses its edge', () => {
    const base = parseText('Ada Lovelace said “the engine in London weaves” London Bridge is near.\n');
    const text = base.body[0]!.text;
    const article: Article = {
      ...base,
      entities: [
        person('p', 'Ada Lovelace', ['Lovelace'], [{ block: 0, ...at(text, 'Ada Lovelace') }]),
        {
          id: 'l',
          name: 'London',
          type: 'place',
          aliases: [],
          mentions: [{ block: 0, ...at(text, 'London') }],
        },
        {
          id: 'x',
          name: 'weaves London Bridge',
          type: 'other',
          aliases: [],
          mentions: [{ block: 0, ...at(text, 'weaves” London Bridge') }],
        },
      ],
      quotes: [
        {
          text: 'the engine in London weaves',
          speaker: 'Ada Lovelace',
          speakerEntityId: 'p',
          partial: false,
          block: 0,
          ...at(text, 'the engine in London weaves'),
        },
      ],
    };
    const { blocks, quotes } = articleSegments(article);
    const segs = blocks[0]!.segments;
    expect(textOf(segs)).toBe(text);
    const quote = segs.find((s) => s.type === 'quote')!;
    expect(quote.type === 'quote' && quote.parts.map((p) => [p.type, p.text])).toEqual([
      ['text', '“the engine in '],
      ['mention', 'London'],
      ['text', ' '],
      ['mention', 'weaves”'],
    ]);
    const crossing = mentionsOf(segs).filter((m) => m.type === 'mention' && m.entityId === 'x');
    expect(crossing.map((m) => m.text)).toEqual(['weaves”', ' London Bridge']);
    expect(crossing.every((m) => m.type === 'mention' && m.first)).toBe(true);
    expect(quotes[0]!.needsAttribution).toBe(false);
    expect(quotes[0]!.isStatement).toBe(false); // five words
  });

  it('marks the first mention of each entity per section, again after each heading', () => {
    const base = parseText('# Title\n\nAda met Ada.\n\nAda left.\n\n## Later\n\nAda came back.\n', {
      format: 'markdown',
    });
    const blocks = base.body;
    const heading = blocks.findIndex((b, i) => i > 0 && b.kind === 'heading');
    expect(heading).toBeGreaterThan(0);
    const mentions: Entity['mentions'] = [];
    blocks.forEach((b, block) => {
      for (let from = 0, m = b.text.indexOf('Ada'); m !== -1; from = m + 1, m = b.text.indexOf('Ada', from))
        mentions.push({ block, start: m, end: m + 3 });
    });
    const article: Article = { ...base, entities: [person('a', 'Ada', [], mentions)], quotes: [] };
    const firsts = articleSegments(article).blocks.flatMap((b, block) =>
      mentionsOf(b.segments)
        .filter((m) => m.type === 'mention' && m.first)
        .map(() => block),
    );
    const before = blocks.findIndex((b) => b.text.includes('Ada'));
    const after = blocks.findIndex((b, i) => i > heading && b.text.includes('Ada'));
    expect(firsts).toEqual([before, after]);
  });

  it('survives offsets that overlap or fall outside the text without losing or repeating text', () => {
    const base = parseText('A short block of text here.\nAnother one.\n');
    const article: Article = {
      ...base,
      entities: [
        {
          id: 'a',
          name: 'x',
          type: 'other',
          aliases: [],
          mentions: [
            { block: 0, start: 2, end: 10 },
            { block: 0, start: 5, end: 20 },
            { block: 0, start: 50, end: 9999 },
            { block: 7, start: 0, end: 3 },
          ],
        },
      ],
      quotes: [{ text: 'x', partial: false, block: 0, start: 8, end: 9999, endBlock: 3 }],
    };
    const { blocks } = articleSegments(article);
    expect(blocks.map((b) => textOf(b.segments))).toEqual(base.body.map((b) => b.text));
  });
});

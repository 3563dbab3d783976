import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_ARTICLE_PATH } from '../../../test-support/shared-corpora';
import { GazetteError } from '../../errors/gazette-error';
import { ArticleSchema } from '../../model/article-schema';
import { parseText } from './parse-text';

const reference = readFileSync(REFERENCE_ARTICLE_PATH, 'utf8');
const TEASERS = [
  'Niger junta bans French aircraft',
  'UNGA: Nigeria, others approve declaration to end TB by 2030',
  'Macron said French ambassador in Niger was being held hostage in the embassy',
];

function errorOf(fn: () => unknown): GazetteError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GazetteError);
    return error as GazetteError;
  }
  throw new Error('expected a GazetteError, nothing was thrown');
}

describe('parseText on the reference article', () => {
  const article = parseText(reference);

  it('is a valid Article', () => {
    expect(ArticleSchema.safeParse(article).success).toBe(true);
  });

  it('keeps every story line in order and only those, as paragraphs', () => {
    const storyLines = reference.split('\n').filter((l) => l.trim() && !TEASERS.includes(l.trim()));
    expect(article.body.map((b) => b.text)).toEqual(storyLines.map((l) => l.trim().replace(/ {2,}/g, ' ')));
    expect(article.body.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('moves the teaser lines to related, each with a reason and its place in the body', () => {
    expect(article.related.map((r) => r.title)).toEqual(TEASERS);
    for (const r of article.related) expect(r.reason.length).toBeGreaterThan(10);
    expect(article.related.map((r) => r.block)).toEqual([4, 4, 12]);
    expect(article.quality).toContain('teasers-removed');
  });

  it('derives a headline-length title from the lede, marked derived, with no trailing fragment', () => {
    expect(article.title).toBe('France has backed down on its hardline stance against the coupists');
    expect(article.titleSource).toBe('derived');
    expect(article.body[0]!.text.startsWith(article.title)).toBe(true);
    expect(article.quality).toEqual(
      expect.arrayContaining(['no-title', 'title-derived', 'no-date', 'no-byline']),
    );
  });

  it('invents no metadata', () => {
    for (const key of ['publishedAt', 'updatedAt', 'source', 'url', 'section', 'standfirst'] as const) {
      expect(article[key]).toBeUndefined();
    }
    expect(article.byline).toEqual([]);
    expect(article.language).toBe('en');
  });

  it('gives the same id and slug for the same input, and a URL-safe slug', () => {
    const again = parseText(reference);
    expect(again.id).toBe(article.id);
    expect(again).toEqual(article);
    expect(article.slug).toMatch(/^france-has-backed-down-[a-z0-9-]+$/);
  });

  it('keeps curly quotes as written', () => {
    expect(article.body[6]!.text.startsWith('“France has decided')).toBe(true);
  });
});

describe('parseText metadata', () => {
  it('reads YAML front matter and its common aliases; meta given as an argument wins', () => {
    const text =
      '---\ntitle: Junta bans flights\nauthor: [Ada Obi, "Jean Dupont"]\ndate: 2023-09-25\nlayout: post\n---\nThe junta banned French aircraft on Sunday.\n';
    const a = parseText(text, { section: 'World' });
    expect(a.title).toBe('Junta bans flights');
    expect(a.titleSource).toBe('given');
    expect(a.byline).toEqual(['Ada Obi', 'Jean Dupont']);
    expect(a.publishedAt).toBe('2023-09-25');
    expect(a.section).toBe('World');
    expect(a.provenance.fields).toMatchObject({
      title: 'front-matter',
      publishedAt: 'front-matter',
      section: 'given',
    });
    expect(parseText(text, { title: 'Other' }).title).toBe('Other');
  });

  it('takes a headline-shaped first line followed by a sentence as the title given by the text', () => {
    const a = parseText(
      'Niger junta bans French aircraft\nThe junta in Niger has banned French aircraft from its airspace.\n',
    );
    expect(a.title).toBe('Niger junta bans French aircraft');
    expect(a.titleSource).toBe('given');
    expect(a.body).toHaveLength(1);
  });

  it('derives the id from the canonical URL when there is one', () => {
    const a = parseText('One line of story.', { url: 'https://example.com/a?utm_source=x#top' });
    const b = parseText('Another text entirely.', { url: 'https://EXAMPLE.com/a' });
    expect(a.id).toBe(b.id);
  });
});

describe('parseText structure', () => {
  it('tells a subheading of the story from a teaser, and never removes a sentence', () => {
    const text = [
      'The government announced new measures on Monday.',
      'Officials said the plan would take effect next month.',
      'The road ahead',
      'Ministers will meet again in the spring to review progress.',
      'READ ALSO: Ministers clash over budget plans',
      'Police arrest three after stadium clash',
      'Markets fall as oil prices surge',
      'Analysts expect the measures to cost billions.',
      'What comes next?',
      '“We will not stop,” she said.',
    ].join('\n');
    const a = parseText(text);
    expect(a.body.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'The government announced new measures on Monday.'],
      ['paragraph', 'Officials said the plan would take effect next month.'],
      ['heading', 'The road ahead'],
      ['paragraph', 'Ministers will meet again in the spring to review progress.'],
      ['paragraph', 'Analysts expect the measures to cost billions.'],
      ['paragraph', 'What comes next?'],
      ['paragraph', '“We will not stop,” she said.'],
    ]);
    expect(a.related.map((r) => r.title)).toEqual([
      'Ministers clash over budget plans',
      'Police arrest three after stadium clash',
      'Markets fall as oil prices surge',
    ]);
    expect(a.related[0]!.reason).toMatch(/READ ALSO/);
  });

  it('reads paragraphs separated by blank lines, and Markdown-style headings and list items', () => {
    const a = parseText(
      'First paragraph here.\n\n## A heading\n\n- one item\n- two items\n\n> A quoted block.\n',
    );
    expect(a.body.map((b) => b.kind)).toEqual([
      'paragraph',
      'heading',
      'list-item',
      'list-item',
      'blockquote',
    ]);
  });

  it('normalises Unicode and strips controls and bidi overrides', () => {
    const a = parseText('Cafe\u0301 owners\u202E protest\u0007 new tax.\u200B\nSecond\tline  here.');
    expect(a.body[0]!.text).toBe('Café owners protest new tax.');
    expect(a.body[1]!.text).toBe('Second line here.');
    expect(a.quality).toEqual(
      expect.arrayContaining(['bidi-controls-removed', 'control-characters-removed']),
    );
  });
});

describe('parseText on garbage', () => {
  it('refuses empty and blank text', () => {
    expect(errorOf(() => parseText('')).code).toBe('EMPTY_INPUT');
    expect(errorOf(() => parseText(' \n\n\t \n')).code).toBe('EMPTY_INPUT');
  });

  it('refuses binary data', () => {
    const e = errorOf(() => parseText('PK\u0003\u0004\u0000\u0000binary\u0000stuff'));
    expect(e.code).toBe('BINARY_INPUT');
    expect(e.message).toMatch(/binary/);
  });

  it('refuses 50 MB of text quickly, with the size in the message', () => {
    const big = 'word '.repeat(10_000_000);
    const started = Date.now();
    const e = errorOf(() => parseText(big));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toMatch(/50,000,000/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a single 1 MB line and names the line', () => {
    const e = errorOf(() => parseText(`A short first line.\n${'x'.repeat(1_000_000)}`));
    expect(e.code).toBe('LINE_TOO_LONG');
    expect(e.details.line).toBe(2);
  });

  it('refuses invalid front matter and says where', () => {
    expect(errorOf(() => parseText('---\ntitle: x\nNo closing line.')).code).toBe('INVALID_FRONT_MATTER');
    const bad = errorOf(() => parseText('---\ntitle: [unclosed\n---\nBody text.'));
    expect(bad.code).toBe('INVALID_FRONT_MATTER');
    const wrong = errorOf(() => parseText('---\ndate: yesterday\n---\nBody text.'));
    expect(wrong.code).toBe('INVALID_FRONT_MATTER');
    expect(wrong.details.where).toBe('publishedAt');
    expect(errorOf(() => parseText('---\n- a\n- b\n---\nBody.')).code).toBe('INVALID_FRONT_MATTER');
  });

  it('refuses invalid meta passed by a caller', () => {
    const e = errorOf(() => parseText('Body text.', { url: 'not a url' }));
    expect(e.code).toBe('INVALID_META');
    expect(e.details.where).toBe('url');
  });
});

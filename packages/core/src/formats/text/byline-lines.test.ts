import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../markdown/parse-markdown';
import { parseHtml } from '../html/parse-html';
import { parseText } from './parse-text';

const STORY = [
  'The government announced on Tuesday that it would raise the minimum wage by five percent next year, a move welcomed by unions across the country.',
  'Chancellor Rachel Reeves said the change would help millions of workers cope with rising prices, while business groups warned of higher costs.',
  'The Confederation of British Industry said small firms would struggle, and asked for a delay of six months before the rise takes effect.',
];
const HEADLINE = 'Minimum wage to rise by five percent next year';

const names = (a: { entities: Array<{ name: string }> }) => a.entities.map((e) => e.name);

describe('bylines and datelines in plain text are metadata, never body', () => {
  it('a headline, "By Anna de Vries" and a story: title given, byline read, neither line in the body', () => {
    const a = parseText([HEADLINE, 'By Anna de Vries', ...STORY].join('\n'));
    expect(a.title).toBe(HEADLINE);
    expect(a.titleSource).toBe('given');
    expect(a.quality).not.toContain('no-title');
    expect(a.byline).toEqual(['Anna de Vries']);
    expect(a.provenance.fields.byline).toBe('text:byline-line');
    expect(a.body.map((b) => b.text)).toEqual(STORY);
    expect(a.body.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('the author is neither a person the story mentions nor a tag', () => {
    const a = parseText(
      [HEADLINE, 'By Anna de Vries', ...STORY, 'Additional reporting by Anna de Vries.'].join('\n'),
    );
    expect(names(a)).toContain('Rachel Reeves');
    expect(names(a)).not.toContain('Anna de Vries');
    expect(a.tags).not.toContain('Anna de Vries');
  });

  it('from standard input as "# Headline" and a byline: the heading is the title, not the byline', () => {
    const a = parseText(['# Wage rise', 'By Anna de Vries', ...STORY].join('\n'));
    expect(a.title).toBe('Wage rise');
    expect(a.titleSource).toBe('given');
    expect(a.byline).toEqual(['Anna de Vries']);
    expect(a.body.map((b) => b.text)).toEqual(STORY);
  });

  it('"LONDON (Reuters) -": the dateline place and agency are metadata, the rest of the paragraph stays body', () => {
    const a = parseText([HEADLINE, `LONDON (Reuters) - ${STORY[0]}`, ...STORY.slice(1)].join('\n'));
    expect(a.dateline).toEqual({ place: 'LONDON', agency: 'Reuters' });
    expect(a.body[0]!.text).toBe(STORY[0]);
    expect(a.summary?.startsWith('The government')).toBe(true);
    const ap = parseText([`WASHINGTON (AP) — ${STORY[0]}`, ...STORY.slice(1)].join('\n'));
    expect(ap.dateline).toEqual({ place: 'WASHINGTON', agency: 'AP' });
    const bare = parseText([`BEIRUT — ${STORY[0]}`, ...STORY.slice(1)].join('\n'));
    expect(bare.dateline).toEqual({ place: 'BEIRUT' });
  });

  it('a paragraph that opens with a name and a dash has no dateline', () => {
    const text = `Rachel Reeves - the chancellor - said the change would help millions of workers.\n${STORY[0]}`;
    const a = parseText(text);
    expect(a.dateline).toBeUndefined();
    expect(a.body[0]!.text.startsWith('Rachel Reeves - the chancellor')).toBe(true);
  });

  it('"Published 3 hours ago" is resolved against the now the caller passes, and only then', () => {
    const lines = [HEADLINE, 'By Anna de Vries', 'Published 3 hours ago', ...STORY].join('\n');
    const dated = parseText(lines, undefined, { now: '2024-03-06T12:00:00Z' });
    expect(dated.publishedAt).toBe('2024-03-06T09:00:00Z');
    expect(dated.body.map((b) => b.text)).toEqual(STORY);
    // The core has no clock: without now the line is still lifted, and no date is invented.
    const undated = parseText(lines);
    expect(undated.publishedAt).toBeUndefined();
    expect(undated.quality).toContain('no-date');
    expect(undated.body.map((b) => b.text)).toEqual(STORY);
    expect(undated.title).toBe(HEADLINE);
  });

  it('relative dates in days keep the calendar day of now as written; a month without a day gives no date', () => {
    const at = (line: string, now?: string) =>
      parseText([HEADLINE, line, ...STORY].join('\n'), undefined, now ? { now } : {});
    expect(at('Published 2 days ago', '2024-03-06T01:00:00+02:00').publishedAt).toBe('2024-03-04');
    expect(at('Posted 5 mins ago', '2024-03-06T12:00:00Z').publishedAt).toBe('2024-03-06T11:55:00Z');
    const monthOnly = at('Updated March 2024');
    expect(monthOnly.updatedAt).toBeUndefined();
    expect(monthOnly.body.map((b) => b.text)).toEqual(STORY);
  });

  it('"Updated 6 March 2024" is the modified time, not the published one', () => {
    const a = parseText([HEADLINE, 'By Anna de Vries', 'Updated 6 March 2024', ...STORY].join('\n'));
    expect(a.updatedAt).toBe('2024-03-06');
    expect(a.publishedAt).toBeUndefined();
    expect(a.body.map((b) => b.text)).toEqual(STORY);
  });

  it('an update line in another language ("Mis à jour le", "Aktualisiert am", "Oppdatert") is the modified time too (was the published one)', () => {
    for (const line of [
      'Mis à jour le 6 mars 2024',
      'Dernière mise à jour le 6 mars 2024',
      'Aktualisiert am 6. März 2024',
      'Actualizado el 6 de marzo de 2024',
      'Aggiornato il 6 marzo 2024',
      'Bijgewerkt op 6 maart 2024',
      'Oppdatert 6. mars 2024',
      'Zaktualizowano 6 marca 2024',
    ]) {
      const a = parseText([HEADLINE, 'By Anna de Vries', line, ...STORY].join('\n'));
      expect(a.updatedAt, line).toBe('2024-03-06');
      expect(a.publishedAt, line).toBeUndefined();
    }
    expect(parseText([HEADLINE, 'Publié le 6 mars 2024', ...STORY].join('\n')).publishedAt).toBe(
      '2024-03-06',
    );
  });

  it('a story that opens with "By Tuesday, the talks had..." keeps its first paragraph', () => {
    const first = 'By Tuesday, the talks had collapsed and both sides were blaming each other.';
    const a = parseText([first, ...STORY].join('\n'));
    expect(a.body[0]!.text).toBe(first);
    expect(a.byline).toEqual([]);
  });

  it('front matter wins over a byline line, which is still lifted', () => {
    const a = parseText(
      ['---', 'author: Jane Roe', '---', HEADLINE, 'By Anna de Vries', ...STORY].join('\n'),
    );
    expect(a.byline).toEqual(['Jane Roe']);
    expect(a.body.map((b) => b.text)).toEqual(STORY);
  });
});

describe('bylines in Markdown are metadata', () => {
  it('"# Headline", a byline paragraph and a dateline: title, byline and dateline read, the story alone in the body', () => {
    const md = [
      `# ${HEADLINE}`,
      '',
      '*By Anna de Vries*',
      '',
      `LONDON (Reuters) - ${STORY[0]}`,
      '',
      STORY[1],
    ].join('\n');
    const a = parseMarkdown(md);
    expect(a.title).toBe(HEADLINE);
    expect(a.byline).toEqual(['Anna de Vries']);
    expect(a.dateline).toEqual({ place: 'LONDON', agency: 'Reuters' });
    expect(a.body.map((b) => b.text)).toEqual(STORY.slice(0, 2));
  });
});

describe('blocks that repeat the metadata are lifted out of an HTML body', () => {
  const page = (extra = '') =>
    `<html><head><title>${HEADLINE}</title></head><body><article><h1>${HEADLINE}</h1>` +
    '<p class="byline">By Priya Sharma and Tom Whitaker</p><time>6 March 2024</time>' +
    `${STORY.map((p) => `<p>${p}</p>`).join('')}${extra}</article></body></html>`;

  it('the common byline and <time> blocks: authors read, summary and body start with the story', () => {
    const a = parseHtml(page());
    expect(a.byline).toEqual(['Priya Sharma', 'Tom Whitaker']);
    expect(a.summary?.startsWith('The government announced')).toBe(true);
    expect(a.body.map((b) => b.text)).toEqual(STORY);
  });

  it('authors are not people mentioned in the story, nor tags', () => {
    const a = parseHtml(page('<p>Additional reporting by Tom Whitaker and Priya Sharma in London.</p>'));
    expect(names(a)).not.toContain('Tom Whitaker');
    expect(names(a)).not.toContain('Priya Sharma');
    expect(a.tags).not.toContain('Tom Whitaker');
    expect(a.tags).not.toContain('Priya Sharma');
    expect(names(a)).toContain('Rachel Reeves');
  });

  it('a short page where Readability keeps the byline in the content: still lifted', () => {
    const html = `<html><body><h1>${HEADLINE}</h1><div><p>By Priya Sharma</p><p>${STORY[0]}</p></div></body></html>`;
    const a = parseHtml(html);
    expect(a.byline).toEqual(['Priya Sharma']);
    expect(a.body.map((b) => b.text)).toEqual([STORY[0]]);
  });
});

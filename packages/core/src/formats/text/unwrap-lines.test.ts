import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_ARTICLE_PATH } from '../../../test-support/shared-corpora';
import { parseInput } from '../../input/parse-input';
import type { Article } from '../../model/article-schema';
import { normalizeText } from '../../text/normalize-text';
import { parseMarkdown } from '../markdown/parse-markdown';
import { parseText } from './parse-text';
import { unwrapLines } from './unwrap-lines';

const NOW = '2026-12-04T00:00:00Z';

/** Greedy fixed-width wrap, as a mail client or a .txt export does it. */
function wrap(paragraph: string, width: number): string {
  const lines: string[] = [];
  for (const word of paragraph.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** The words of a text, sorted: equal lists mean no word was lost or added. */
const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean).sort();
const readWords = (a: Article) =>
  wordsOf([a.title, ...a.body.map((b) => b.text), ...a.related.map((r) => r.title)].join(' '));

const PRESS_RELEASE = [
  'The Chancellor, Jeremy Hunt, said on Monday that the plan to cut National Insurance would hold until the spring statement, despite warnings from the Treasury.',
  'Keir Starmer, speaking in London, said the figures did not add up and that Labour would publish its own costings before the end of the month.',
  'Officials said the measure would reach 27 million working people from January, at a cost of about £9bn a year to the public purse.',
];

describe('parseText on hard-wrapped text', () => {
  it('joins a wrapped paragraph and keeps the line a teaser rule would have dropped (the repro of #18)', () => {
    const text =
      'Budget row deepens\n\nThe Chancellor, Jeremy\nHunt, said on Monday that the plan would\nhold. Keir Starmer disagreed in London.\n';
    const a = parseText(text, undefined, { now: NOW });
    expect(a.title).toBe('Budget row deepens');
    expect(a.body.map((b) => b.text)).toEqual([
      'The Chancellor, Jeremy Hunt, said on Monday that the plan would hold. Keir Starmer disagreed in London.',
    ]);
    expect(a.related).toEqual([]);
    expect(readWords(a)).toEqual(wordsOf(text));
    expect(a.entities.map((e) => e.name)).toContain('Jeremy Hunt');
  });

  it('reads a press release wrapped at 72 columns as its paragraphs, every word kept, names whole', () => {
    const text = `Budget row deepens over tax cut\n\n${PRESS_RELEASE.map((p) => wrap(p, 72)).join('\n\n')}\n`;
    expect(text.split('\n').length).toBeGreaterThan(PRESS_RELEASE.length * 2);
    const a = parseText(text, undefined, { now: NOW });
    expect(a.title).toBe('Budget row deepens over tax cut');
    expect(a.body.map((b) => b.text)).toEqual(PRESS_RELEASE);
    expect(a.body.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(readWords(a)).toEqual(wordsOf(text));
    const names = a.entities.map((e) => e.name);
    expect(names).toContain('Jeremy Hunt');
    expect(names).toContain('Keir Starmer');
  });

  it('reads the same press release wrapped at 60 and 80 columns alike', () => {
    for (const width of [60, 80]) {
      const text = `Budget row deepens over tax cut\n\n${PRESS_RELEASE.map((p) => wrap(p, width)).join('\n\n')}\n`;
      expect(parseText(text, undefined, { now: NOW }).body.map((b) => b.text)).toEqual(PRESS_RELEASE);
    }
  });

  it('reads an email-like text: greeting, wrapped paragraphs, sign-off, byline under the headline', () => {
    const text = [
      'Council approves new budget',
      'By Anna de Vries',
      '',
      'The council voted on Tuesday to approve the budget for 2027, after a',
      'debate that ran past midnight. The Mayor of London, Sadiq Khan, said',
      'the vote was a relief.',
      '',
      'Spending on schools rises by 4%, and the',
      'transport fund is cut.',
      '',
    ].join('\n');
    const a = parseText(text, undefined, { now: NOW });
    expect(a.title).toBe('Council approves new budget');
    expect(a.byline).toEqual(['Anna de Vries']);
    expect(a.body.map((b) => b.text)).toEqual([
      'The council voted on Tuesday to approve the budget for 2027, after a debate that ran past midnight. The Mayor of London, Sadiq Khan, said the vote was a relief.',
      'Spending on schools rises by 4%, and the transport fund is cut.',
    ]);
    expect(a.entities.map((e) => e.name)).toContain('Sadiq Khan');
  });

  it('keeps the headline and byline apart when the wrapped story follows them with no blank line', () => {
    const story =
      'The Chancellor, Jeremy\nHunt, said on Monday that the plan would\nhold. Keir Starmer disagreed.';
    const second = 'Officials said the measure would\nreach 27 million working people.';
    for (const head of ['Budget row deepens', '# Budget row deepens\nBy Anna de Vries']) {
      const a = parseText(`${head}\n${story}\n\n${second}\n`, undefined, { now: NOW });
      expect(a.title).toBe('Budget row deepens');
      if (head.includes('By ')) expect(a.byline).toEqual(['Anna de Vries']);
      expect(a.body.map((b) => b.text)).toEqual([story.replace(/\n/g, ' '), second.replace(/\n/g, ' ')]);
    }
  });

  it('does not take a first line filled to the wrap width for a headline, and keeps a headline line apart when meta gives the title', () => {
    const text = `${PRESS_RELEASE.map((p) => wrap(p, 72)).join('\n\n')}\n`;
    expect(text.split('\n')[0]).toBe('The Chancellor, Jeremy Hunt, said on Monday that the plan to cut');
    const untitled = parseText(text, undefined, { now: NOW });
    expect(untitled.body.map((b) => b.text)).toEqual(PRESS_RELEASE);
    expect(untitled.quality).toContain('no-title');
    const titled = parseText(`Budget row deepens\n${text}`, { title: 'Budget row' }, { now: NOW });
    expect(titled.body.map((b) => b.text)).toEqual(['Budget row deepens', ...PRESS_RELEASE]);
  });

  it('joins a wrapped paragraph whose last line has no final punctuation', () => {
    const text =
      'Notes from the meeting\n\nThe council met on\nMonday.\n\nWe will meet the Mayor of\nLondon on Friday to discuss\nthe budget and the plan for\nthe new bridge\n\nThe vote follows in March.\n';
    const a = parseText(text, undefined, { now: NOW });
    expect(a.body.map((b) => b.text)).toEqual([
      'The council met on Monday.',
      'We will meet the Mayor of London on Friday to discuss the budget and the plan for the new bridge',
      'The vote follows in March.',
    ]);
    expect(readWords(a)).toEqual(wordsOf(text));
  });

  it('never joins the items of a list, with or without markers', () => {
    const text = [
      'Where the money goes',
      '',
      'The fund, set up in 2020, pays for these things.',
      '',
      'Flour',
      'Sugar',
      'Eggs',
      '',
      '- school meals for every child in',
      '  the borough',
      '- repairs to the library',
      '1. Buses',
      '2. Trains',
      '',
    ].join('\n');
    const a = parseText(text, undefined, { now: NOW });
    expect(a.body.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'The fund, set up in 2020, pays for these things.'],
      ['paragraph', 'Flour'],
      ['paragraph', 'Sugar'],
      ['paragraph', 'Eggs'],
      ['list-item', 'school meals for every child in the borough'],
      ['list-item', 'repairs to the library'],
      ['list-item', 'Buses'],
      ['list-item', 'Trains'],
    ]);
  });

  it('reads wrapped text from standard input (format detection) and Markdown the same way', () => {
    const text = `Budget row deepens over tax cut\n\n${PRESS_RELEASE.map((p) => wrap(p, 72)).join('\n\n')}\n`;
    const [fromInput] = parseInput(text, { now: NOW });
    expect(fromInput!.body.map((b) => b.text)).toEqual(PRESS_RELEASE);
    const md = parseMarkdown(
      `# Budget row deepens\n\n${PRESS_RELEASE.map((p) => wrap(p, 72)).join('\n\n')}\n`,
      {
        now: NOW,
      },
    );
    expect(md.body.map((b) => b.text)).toEqual(PRESS_RELEASE);
  });
});

describe('hard-wrapped body text in JSON records (a sibling reader)', () => {
  it('reads a record whose body is wrapped at 72 columns as its paragraphs, every word kept', () => {
    const body = PRESS_RELEASE.map((p) => wrap(p, 72)).join('\n\n');
    const [a] = parseInput(JSON.stringify({ title: 'Budget row deepens', body }), { now: NOW });
    expect(a!.body.map((b) => b.text)).toEqual(PRESS_RELEASE);
    expect(a!.related).toEqual([]);
    expect(a!.entities.map((e) => e.name)).toContain('Jeremy Hunt');
  });
});

describe('unwrapLines on text with one paragraph per line', () => {
  it('gives the reference article back line for line, teaser lines included', () => {
    const text = normalizeText(readFileSync(REFERENCE_ARTICLE_PATH, 'utf8')).text;
    expect(unwrapLines(text)).toEqual(text.split('\n').filter((l) => l.length > 0));
  });

  it('keeps short one-line paragraphs separated by blank lines apart', () => {
    const text =
      'First paragraph.\n\nSecond paragraph.\nThird paragraph.\n\nNiger junta bans French aircraft\n';
    expect(unwrapLines(text)).toEqual([
      'First paragraph.',
      'Second paragraph.',
      'Third paragraph.',
      'Niger junta bans French aircraft',
    ]);
  });
});

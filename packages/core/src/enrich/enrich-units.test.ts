import { describe, expect, it } from 'vitest';
import { parseText } from '../formats/text/parse-text';
import { findAmounts } from './amounts';
import { findDates, publicationDay } from './dates';
import { extractEntities } from './extract-entities';
import { nerRecognizer } from './ner/index';
import { ruleRecognizer } from './rule-recognizer';

const quotesOf = (text: string, meta?: Record<string, unknown>) =>
  parseText(text, meta).quotes.map((q) => ({
    text: q.text,
    speaker: q.speaker,
    verb: q.verb,
    partial: q.partial,
  }));

describe('quotes', () => {
  it('reads straight quotes, "said X", "according to X", and keeps an unattributed quote without a speaker', () => {
    const text = [
      'Angela Merkel met reporters in Berlin on Monday.',
      '"We will not give up," said Angela Merkel.',
      'The plan was "dead on arrival", according to Boris Johnson.',
      '"Nobody knows what happens next."',
    ].join('\n');
    expect(quotesOf(text)).toEqual([
      { text: 'We will not give up', speaker: 'Angela Merkel', verb: 'said', partial: false },
      { text: 'dead on arrival', speaker: 'Boris Johnson', verb: 'according to', partial: true },
      { text: 'Nobody knows what happens next.', speaker: undefined, verb: undefined, partial: false },
    ]);
  });

  it('follows a quotation across paragraphs and a pronoun to the last named speaker of that gender', () => {
    const text = [
      'Mrs Jane Smith, the finance minister, spoke first. Mr John Brown answered her.',
      '“Our budget is balanced. We have cut waste everywhere.',
      '“And we will keep doing so,” Ms Smith said.',
      '“That is simply not true,” Mr Brown replied.',
      '“We have the figures,” she added.',
    ].join('\n');
    const article = parseText(text);
    expect(article.quotes.map((q) => [q.text, q.speaker, q.block, q.endBlock])).toEqual([
      ['Our budget is balanced. We have cut waste everywhere. And we will keep doing so', 'Jane Smith', 1, 2],
      ['That is simply not true', 'John Brown', 3, undefined],
      ['We have the figures', 'Jane Smith', 4, undefined],
    ]);
  });

  it('gives a second quote of the same paragraph the speaker of the first, and "a spokesman" no name', () => {
    const quotes = quotesOf(
      '“It is over,” said Tony Blair. “We move on.”\n“No comment,” a spokesman said.\nHe had no more to say.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Tony Blair', 'Tony Blair', undefined]);
    expect(quotes[2]!.verb).toBe('said');
  });
});

describe('quotes in text that lost its paragraph breaks, and labels', () => {
  it('closes a straight quote left open where the next one opens, and gives a "so-called" label no speaker', () => {
    const quotes = quotesOf(
      'Coach Andy Robinson was calm. "We lost the game. "But he kicked well and he will start," said Andy Robinson. Critics call it the so-called "Blair Babes" effect.',
    );
    expect(quotes).toEqual([
      { text: 'We lost the game.', speaker: undefined, verb: undefined, partial: false },
      {
        text: 'But he kicked well and he will start',
        speaker: 'Andy Robinson',
        verb: 'said',
        partial: false,
      },
      { text: 'Blair Babes', speaker: undefined, verb: undefined, partial: true },
    ]);
  });

  it('never takes the person a quote is about, or a possessive, for its speaker', () => {
    const quotes = quotesOf(
      'Prosecutors said Jeremy Jaynes was "a snake oil salesman".\nArash Sigarchi was jailed. Mr Sigarchi\'s lawyer labelled the court "illegal and incompetent".',
    );
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['a snake oil salesman', undefined],
      ['illegal and incompetent', undefined],
    ]);
  });

  it('resolves "he" to the person last reported as speaking, even without quotes', () => {
    const quotes = quotesOf(
      '"We will win," said Tony Blair.\nLater, Charles Kennedy, who backs the plan, said he expected a vote. He told BBC Radio: "The sooner the better."',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Tony Blair', 'Charles Kennedy']);
  });
});

describe('dates', () => {
  it('resolves weekdays, months and periods against the publication day', () => {
    const published = publicationDay('2023-09-25T08:00:00Z'); // a Monday
    const dates = findDates(
      'On Sunday the junta, in power since July, set a deadline for the end of the year; talks on 12 October 2023 and in 2030.',
      0,
      published,
    );
    expect(dates.map((d) => [d.text, d.value, d.range?.to])).toEqual([
      ['On Sunday', '2023-09-24', undefined],
      ['since July', '2023-07-01', '2023-07-31'],
      ['the end of the year', '2023-12-31', undefined],
      ['on 12 October 2023', '2023-10-12', undefined],
      ['in 2030', '2030-01-01', '2030-12-31'],
    ]);
  });

  it('finds "by 2030" in a teaser line (teasers are not the article, so the article keeps none)', () => {
    expect(findDates('UNGA: Nigeria, others approve declaration to end TB by 2030', 0, undefined)).toEqual([
      {
        text: 'by 2030',
        block: 0,
        start: 52,
        end: 59,
        value: '2030-01-01',
        range: { from: '2030-01-01', to: '2030-12-31' },
      },
    ]);
  });

  it('estimates a publication window from past years named in the text, with the evidence', () => {
    const article = parseText(
      'The company was founded in 2001 and listed in March 2004.\nIt plans to double sales by 2030, the chief executive said.',
    );
    expect(article.publishedAt).toBeUndefined();
    expect(article.publishedEstimate).toEqual({
      from: '2004-03-01',
      to: '2005-02-28',
      evidence: ['in March 2004'],
    });
  });
});

describe('amounts', () => {
  it('reads money, percentages and counted nouns with numeric values', () => {
    const text =
      'The deal, worth $1.13bn, follows a £600m loss; profits rose 5.5% and 3 million people and two ministers left.';
    expect(findAmounts(text, 0).map((a) => [a.text, a.value, a.unit])).toEqual([
      ['$1.13bn', 1.13e9, 'USD'],
      ['£600m', 6e8, 'GBP'],
      ['5.5%', 5.5, '%'],
      ['3 million people', 3e6, 'people'],
      ['two ministers', 2, 'ministers'],
    ]);
  });
});

describe('extractEntities', () => {
  it.each([
    ['rules', ruleRecognizer],
    ['trained tagger', nerRecognizer],
  ])('returns typed spans with canonical names (%s)', (_, recognizer) => {
    const text =
      'President Emmanuel Macron said France would leave Niger. Macron spoke to French television.';
    expect(extractEntities(text, recognizer)).toEqual([
      { type: 'person', start: 10, end: 25, text: 'Emmanuel Macron', name: 'Emmanuel Macron' },
      { type: 'place', start: 31, end: 37, text: 'France', name: 'France' },
      { type: 'place', start: 50, end: 55, text: 'Niger', name: 'Niger' },
      { type: 'person', start: 57, end: 63, text: 'Macron', name: 'Emmanuel Macron' },
    ]);
  });

  it('returns nothing for empty or non-string input', () => {
    expect(extractEntities('')).toEqual([]);
    expect(extractEntities(42 as unknown as string)).toEqual([]);
  });
});

describe('text that is not English', () => {
  it.each([
    'Le président Emmanuel Macron a déclaré dimanche : « La France a décidé de rappeler son ambassadeur. »',
    '東京で記者会見が開かれた。首相は「経済は回復している」と述べた。',
    'Президент заявил, что «переговоры продолжатся» в понедельник.',
    'قال الرئيس إن "المفاوضات ستستمر" يوم الاثنين.',
  ])('enriches without throwing: %s', (text) => {
    const article = parseText(text);
    expect(article.quotes.length).toBeGreaterThan(0);
    expect(Array.isArray(article.entities)).toBe(true);
  });
});

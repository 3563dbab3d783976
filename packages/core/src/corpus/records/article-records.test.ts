import { describe, expect, it } from 'vitest';
import { parseText } from '../../formats/text/parse-text';
import { createCorpus, loadCorpus } from '../create-corpus';

const TEXT = `France and Germany agree new budget rules

President Emmanuel Macron met Chancellor Olaf Scholz in Paris on Monday, 3 March 2025. "We have found a deal," Mr Macron said after the talks, which lasted three hours.

The French and German finance ministers will present the €20bn plan to the European Commission next week. Officials in Berlin said 40% of the money would go to energy.

"This is a good day for Europe," Olaf Scholz told reporters.`;

describe('article records', () => {
  it('gives back every field of an enriched article, through a snapshot too, storing its standfirst once', () => {
    const a = parseText(TEXT, {
      url: 'https://example.com/news/budget',
      publishedAt: '2025-03-03T10:00:00Z',
    });
    // The fields the store packs specially are all present, so the round trip covers them.
    expect(a.summary && a.body[0]!.text.startsWith(a.summary)).toBe(true);
    expect(a.dates.length).toBeGreaterThan(0);
    expect(a.amounts.length).toBeGreaterThan(0);
    expect(a.quotes.length).toBeGreaterThan(0);
    expect(a.entities.length).toBeGreaterThan(0);
    const b = parseText(TEXT.replace('Monday', 'Tuesday'), { publishedAt: '2025-03-04T10:00:00Z' });
    // A standfirst is stored once, as the index's text; an empty one is not a text and stays in the record.
    const c = { ...parseText(TEXT.replace('Monday', 'Friday'), {}), standfirst: 'Leaders meet in Paris.' };
    const d = { ...parseText(TEXT.replace('Monday', 'Sunday'), {}), standfirst: '' };
    const corpus = createCorpus([a, b, c, d]);
    expect(corpus.get(a.id)).toEqual(a);
    expect(corpus.get(b.slug)).toEqual(b);
    const loaded = loadCorpus(corpus.toSnapshot());
    expect(loaded.get(a.id)).toEqual(a);
    expect(loaded.get(b.id)).toEqual(b);
    for (const x of [c, d]) {
      expect(loaded.get(x.id)).toEqual(x);
      expect(corpus.get(x.id)).toEqual(x);
    }
    // Stored once: as the index's text, whose words are coded (so its bytes appear nowhere as they are),
    // and not in its record too, which would hold them as they are.
    const snapshot = Buffer.from(corpus.toSnapshot());
    expect(snapshot.indexOf('Leaders meet')).toBe(-1);
    expect(loaded.search({ q: 'leaders meet' }).hits.map((h) => h.id)).toEqual([c.id]);
  });

  it('keeps a quotation over several paragraphs as a number when the body gives its text back, else its text', () => {
    const a = parseText(TEXT, { publishedAt: '2025-03-03T10:00:00Z' });
    const body = a.body.map((b) => b.text);
    // The last paragraph opens with a quotation mark, which a quotation continuing into it leaves out.
    expect(body[2]!.startsWith('"')).toBe(true);
    const base = a.quotes[0]!;
    const joined = {
      ...base,
      block: 0,
      start: 10,
      endBlock: 1,
      end: 20,
      text: `${body[0]!.slice(10)} ${body[1]!.slice(0, 20)}`,
    };
    const reopened = {
      ...base,
      block: 1,
      start: 5,
      endBlock: 2,
      end: 15,
      text: `${body[1]!.slice(5)} ${body[2]!.slice(1, 15)}`,
    };
    const other = { ...base, block: 0, start: 0, endBlock: 1, end: 5, text: 'Words the body does not hold' };
    const x = { ...a, quotes: [...a.quotes, joined, reopened, other] };
    const corpus = createCorpus([x]);
    expect(corpus.get(x.id)).toEqual(x);
    const snapshot = corpus.toSnapshot();
    expect(loadCorpus(snapshot).get(x.id)).toEqual(x);
    // Only the quotation the body cannot give back keeps its text in the record.
    const bytes = Buffer.from(snapshot);
    expect(bytes.indexOf('Words the body does not hold')).toBeGreaterThan(0);
    expect(bytes.indexOf(joined.text)).toBe(-1);
    expect(bytes.indexOf(reopened.text)).toBe(-1);
  });

  it('gives back every entity mention as stored, in any order, with or without demonym mentions', () => {
    const a = parseText(TEXT, { publishedAt: '2025-03-03T10:00:00Z' });
    const [first, second] = a.entities;
    // Lengths are stored as the number of the entity's name or alias they equal, or as themselves.
    const mentions = [
      { block: 2, start: 300, end: 310 },
      { block: 0, start: 5, end: 5 },
      { block: 0, start: 70000, end: 70012 },
      { block: 0, start: 3, end: 9 },
      { block: 1, start: 20, end: 20 + first!.name.length },
      { block: 1, start: 40, end: 40 + (first!.aliases.at(-1)?.length ?? 1) },
      { block: 1, start: 9, end: 3 },
    ];
    const x = {
      ...a,
      entities: [
        ...a.entities,
        { ...first!, mentions, demonymMentions: [] },
        { ...second!, mentions: [], demonymMentions: [...mentions].reverse() },
      ],
    };
    const corpus = createCorpus([x]);
    expect(corpus.get(x.id)).toEqual(x);
    expect(loadCorpus(corpus.toSnapshot()).get(x.id)).toEqual(x);
  });
});

// Articles for the UI's own tests, in the Article shape; entities and quotes are set by hand so the tests
// do not depend on the enrichment.
import { type Article, parseText } from '@gazette/core';

function findSpan(text: string, needle: string): { start: number; end: number } {
  const start = text.indexOf(needle);
  if (start === -1) throw new Error(`fixture: "${needle}" is not in "${text}"`);
  return { start, end: start + needle.length };
}

export function macronArticle(): Article {
  const a = parseText(
    [
      'The French president recalled his ambassador from Niamey on Tuesday after weeks of pressure.',
      '“We will not accept this,” Emmanuel Macron said in Paris.',
      'Officials in Niger said the decision was expected.',
    ].join('\n'),
    {
      title: 'Macron recalls ambassador from Niger',
      publishedAt: '2024-03-02T09:00:00Z',
      source: { name: 'Le Monde' },
      url: 'https://example.org/macron-recalls-ambassador',
    },
  );
  const b1 = a.body[1]!.text;
  const b2 = a.body[2]!.text;
  return {
    ...a,
    entities: [
      {
        id: 'person:emmanuel-macron',
        name: 'Emmanuel Macron',
        type: 'person',
        aliases: ['Macron'],
        mentions: [{ block: 1, ...findSpan(b1, 'Emmanuel Macron') }],
      },
      {
        id: 'place:niger',
        name: 'Niger',
        type: 'place',
        aliases: [],
        countryCode: 'NE',
        mentions: [{ block: 2, ...findSpan(b2, 'Niger') }],
      },
    ],
    quotes: [
      {
        text: 'We will not accept this,',
        speaker: 'Emmanuel Macron',
        speakerEntityId: 'person:emmanuel-macron',
        verb: 'said',
        partial: false,
        block: 1,
        ...findSpan(b1, '“We will not accept this,”'),
      },
    ],
  };
}

export function nigerArticle(): Article {
  return parseText(
    'Niger junta bans French aircraft from its airspace.\nThe ban takes effect at once, the junta said.\n',
    {
      title: 'Niger junta bans French aircraft',
      publishedAt: '2024-03-01T08:00:00Z',
      source: { name: 'BBC' },
    },
  );
}

/** Text as a hostile page or a compromised API might send it: escape sequences, controls, bidi overrides. */
export const HOSTILE_TEXT =
  '\u001b[2J\u001b[HCleared screen \u001b]0;pwned\u0007 \u001b]52;c;aGk=\u001b\\ \u001b[31mred\u001b[0m \u009b1m \u0007bell \u202eevil\u202c end';

export function hostileArticle(): Article {
  const a = parseText('A calm first paragraph.\nA second paragraph.\n', {
    title: 'Hostile text test',
    publishedAt: '2024-02-01T00:00:00Z',
    source: { name: 'Nowhere' },
  });
  // Written past the parser (which would clean it), as a remote source could send it.
  return {
    ...a,
    title: `Hostile ${HOSTILE_TEXT}`,
    body: [{ kind: 'paragraph', text: HOSTILE_TEXT }, ...a.body],
    related: [{ title: `Teaser ${HOSTILE_TEXT}`, reason: 'test' }],
  };
}

/** `count` plain articles, one a day back from 2023-12-31, titled "Story N". */
export function manyArticles(count: number): Article[] {
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2023, 11, 31) - i * 86_400_000).toISOString().slice(0, 10);
    out.push(
      parseText(`Story number ${i} tells of event ${i}.\n`, {
        title: `Story ${i}`,
        publishedAt: `${day}T12:00:00Z`,
        source: { name: 'Wire' },
      }),
    );
  }
  return out;
}

/**
 * `count` articles like manyArticles (titled "Story N", one a day back from 2023-12-31) made from one
 * parsed article with its own id, slug, title and date each: long lists without seconds of parsing.
 */
export function manyCopies(count: number): Article[] {
  const [one] = manyArticles(1);
  return Array.from({ length: count }, (_, i) => ({
    ...one!,
    id: `a_${i.toString(16).padStart(16, '0')}`,
    slug: `story-${i}`,
    title: `Story ${i}`,
    publishedAt: `${new Date(Date.UTC(2023, 11, 31) - i * 86_400_000).toISOString().slice(0, 10)}T12:00:00Z`,
  }));
}

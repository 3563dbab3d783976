import { type Article, type Entity, parseText, type Quote } from '@gazette/core';
import type { EntityType } from '@gazette/core/query';
import { builtinCorpus } from '@gazette/corpus';

// Fixture corpora for the site tests, built with the Article shape: enrichment (entities, quotes) is added
// here by locating names and quotations in the text, so the pages have something to link and highlight
// whatever the extractor does today.

interface EntitySpec {
  id: string;
  name: string;
  type: EntityType;
}

interface QuoteSpec {
  text: string;
  speaker: EntitySpec;
}

function locate(article: Article, needle: string) {
  const out: Array<{ block: number; start: number; end: number }> = [];
  article.body.forEach((b, block) => {
    for (let i = b.text.indexOf(needle); i !== -1; i = b.text.indexOf(needle, i + needle.length))
      out.push({ block, start: i, end: i + needle.length });
  });
  return out;
}

export function enrich(article: Article, entities: EntitySpec[], quotes: QuoteSpec[] = []): Article {
  const ents: Entity[] = entities
    .map((e) => ({ ...e, aliases: [], mentions: locate(article, e.name) }))
    .filter((e) => e.mentions.length > 0);
  const qs: Quote[] = quotes.flatMap((q) => {
    const at = locate(article, q.text)[0];
    if (!at) throw new Error(`fixture quote not in text: ${q.text}`);
    return [
      {
        text: q.text,
        speaker: q.speaker.name,
        speakerEntityId: q.speaker.id,
        verb: 'said',
        partial: false,
        ...at,
      },
    ];
  });
  return { ...article, entities: ents, quotes: qs };
}

export const ADA: EntitySpec = { id: 'person-ada-lovelace', name: 'Ada Lovelace', type: 'person' };
export const ROYAL: EntitySpec = { id: 'org-royal-society', name: 'Royal Society', type: 'organization' };
export const LONDON: EntitySpec = { id: 'place-london', name: 'London', type: 'place' };

function story(i: number, date: string, section: string, body: string[]): Article {
  const text = [
    '---',
    `title: Engine story number ${i} from the archive`,
    `date: ${date}`,
    `section: ${section}`,
    'author: Fixture Desk',
    'source: Fixture Times',
    `tags: [engines, ${section}]`,
    '---',
    ...body,
  ].join('\n');
  return parseText(text);
}

/** The reference article plus three enriched stories that mention the same people, places and groups. */
export function fixtureArticles(): Article[] {
  const reference = builtinCorpus().list({ limit: 1 }).items[0]!;
  const ref = builtinCorpus().get(reference.id)!;
  const a = enrich(
    story(1, '2023-05-02', 'science', [
      'Ada Lovelace addressed the Royal Society in London on Tuesday about the analytical engine.',
      '"The engine weaves algebraic patterns just as the loom weaves flowers," Ada Lovelace said to the members.',
      'Fellows of the Royal Society asked how the machine would be funded.',
    ]),
    [ADA, ROYAL, LONDON],
    [{ text: 'The engine weaves algebraic patterns just as the loom weaves flowers', speaker: ADA }],
  );
  const b = enrich(
    story(2, '2023-07-14', 'science', [
      'A new exhibition in London celebrates the notes of Ada Lovelace on the engine.',
      'Curators said visitors could see the original manuscripts for the first time.',
    ]),
    [ADA, LONDON],
  );
  const c = enrich(
    story(3, '2024-01-20', 'business', [
      'The Royal Society announced a prize for computing history, to be presented in London in the spring.',
      '"We want young people to know this history," said a spokesperson for the Royal Society.',
    ]),
    [ROYAL, LONDON],
  );
  return [ref, a, b, c];
}

const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

/** Articles whose every text field carries markup and script-bearing URLs. */
export function hostileArticles(): Article[] {
  const base = parseText(
    [
      '---',
      `title: 'Hostile ${HOSTILE} headline'`,
      'date: 2024-03-01',
      'section: "<script>window.__pwned=3</script>"',
      'tags: ["<img src=x onerror=window.__pwned=4>", "javascript:alert(1)"]',
      'author: "<b onmouseover=window.__pwned=5>Mallory</b>"',
      'source: "</script><script>window.__pwned=6</script>"',
      '---',
      `First paragraph with ${HOSTILE} inside it, and a link <a href="javascript:window.__pwned=7">click</a>.`,
      'Second paragraph: </script><script>window.__pwned=8</script> and <svg onload=window.__pwned=9>.',
      '"<img src=x onerror=window.__pwned=10>," Mallory said.',
    ].join('\n'),
  );
  const mallory: EntitySpec = { id: 'person-mallory', name: 'Mallory', type: 'person' };
  const evil: EntitySpec = {
    id: '"><script>window.__pwned=11</script>',
    name: '<script>window.__pwned=11</script>',
    type: 'organization',
  };
  const enriched = enrich(
    base,
    [mallory],
    [{ text: '<img src=x onerror=window.__pwned=10>', speaker: mallory }],
  );
  return [
    {
      ...enriched,
      standfirst: `Standfirst ${HOSTILE}`,
      url: 'javascript:window.__pwned=12',
      source: { name: 'Evil <script>window.__pwned=13</script>', url: 'javascript:window.__pwned=14' },
      related: [
        { title: `Teaser ${HOSTILE}`, url: 'javascript:window.__pwned=15', reason: 'fixture' },
        { title: 'Data teaser', url: 'data:text/html,<script>window.__pwned=16</script>', reason: 'fixture' },
      ],
      entities: [
        ...enriched.entities,
        { ...evil, aliases: ['<svg onload=window.__pwned=17>'], mentions: [{ block: 1, start: 0, end: 6 }] },
        // A place on the map whose name is hostile: the map's label and marker carry it as text.
        {
          id: 'place-evil-town',
          name: '<svg onload=window.__pwned=18>',
          type: 'place',
          aliases: [],
          countryCode: 'FR',
          coordinates: { lat: 48.857, lon: 2.352 },
          mentions: [{ block: 0, start: 0, end: 5 }],
        },
      ],
    },
  ];
}

import { type Article, ArticleSchema, createCorpus, parseText } from '@gazette/core';

/**
 * A small corpus for unit tests: three parsed articles with metadata, one of them carrying entities
 * and a quote built in the Article shape (the extractor is not needed to test the API).
 */
export function fixtureArticles(): Article[] {
  const budget = parseText(
    'The finance minister presented the budget on Tuesday.\n"We will balance the books," Jane Doe said in parliament.\n',
    {
      title: 'Budget presented to parliament',
      publishedAt: '2024-03-05T10:00:00Z',
      section: 'politics',
      tags: ['budget'],
      source: 'Daily Test',
      byline: 'A Reporter',
    },
  );
  const quote = budget.body[1]!.text;
  const withEnrichment = ArticleSchema.parse({
    ...budget,
    entities: [
      {
        id: 'person:jane-doe',
        name: 'Jane Doe',
        type: 'person',
        aliases: ['Doe'],
        mentions: [{ block: 1, start: quote.indexOf('Jane'), end: quote.indexOf('Jane') + 8 }],
      },
    ],
    quotes: [
      {
        text: 'We will balance the books,',
        speaker: 'Jane Doe',
        speakerEntityId: 'person:jane-doe',
        verb: 'said',
        partial: false,
        block: 1,
        start: 1,
        end: 27,
      },
    ],
  });
  const match = parseText(
    'The home side won the cup final after extra time.\nFans celebrated late into the night.\n',
    {
      title: 'Cup final won after extra time',
      publishedAt: '2024-04-20T18:00:00Z',
      section: 'sport',
      tags: ['football'],
      source: 'Daily Test',
    },
  );
  const undated = parseText('Markets were calm as traders awaited the budget.\nShares edged higher.\n', {
    title: 'Markets calm before the budget <b>',
    section: 'business',
  });
  return [withEnrichment, match, undated];
}

export const fixtureCorpus = () => createCorpus(fixtureArticles());

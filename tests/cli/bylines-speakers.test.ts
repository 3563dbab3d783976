import { ArticleSchema } from '@gazette/core';
import { QuoteListResultSchema } from '@gazette/core/query';
import { describe, expect, it } from 'vitest';
import { gazette } from '../support/run-process';

const STORY = [
  'The government announced on Tuesday that it would raise the minimum wage by five percent next year.',
  'Chancellor Rachel Reeves said the change would help millions of workers cope with rising prices.',
];

describe('gazette parse: a byline under the headline is metadata (issue 18)', () => {
  it('from standard input as "# Headline" and "By Anna de Vries": title given, byline read, neither line in the body', async () => {
    const r = await gazette(['parse', '-', '--json'], {
      input: ['# Minimum wage to rise', 'By Anna de Vries', ...STORY].join('\n'),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const a = ArticleSchema.parse(JSON.parse(r.stdout));
    expect(a.title).toBe('Minimum wage to rise');
    expect(a.titleSource).toBe('given');
    expect(a.byline).toEqual(['Anna de Vries']);
    expect(a.body.map((b) => b.text)).toEqual(STORY);
    expect(a.entities.map((e) => e.name)).not.toContain('Anna de Vries');
  });

  it('"LONDON (Reuters) -" opening the story is its dateline, not body text', async () => {
    const r = await gazette(['parse', '-', '--json'], {
      input: ['Minimum wage to rise', `LONDON (Reuters) - ${STORY[0]}`, STORY[1]].join('\n'),
    });
    const a = ArticleSchema.parse(JSON.parse(r.stdout));
    expect(a.dateline).toEqual({ place: 'LONDON', agency: 'Reuters' });
    expect(a.body.map((b) => b.text)).toEqual(STORY);
  });
});

describe('gazette quotes --speaker (issue 18)', () => {
  it('--speaker Macron finds the quotations of Emmanuel Macron, as his entity id does', async () => {
    const quotes = async (speaker: string) => {
      const r = await gazette(['quotes', '--speaker', speaker, '--json', '--limit', '50']);
      expect(r.code).toBe(0);
      return QuoteListResultSchema.parse(JSON.parse(r.stdout));
    };
    const byId = await quotes('person:emmanuel-macron');
    expect(byId.total).toBeGreaterThan(0);
    const byAlias = await quotes('Macron');
    expect(byAlias.total).toBe(byId.total);
    expect(byAlias.items.map((q) => q.text)).toEqual(byId.items.map((q) => q.text));
  });
});

import { readFileSync } from 'node:fs';
import { ArticleSchema } from '@gazette/core';
import { ListResultSchema, SearchResultSchema } from '@gazette/core/query';
import { describe, expect, it } from 'vitest';
import { REFERENCE_ARTICLE } from '../support/paths';
import { gazette } from '../support/run-process';

const referenceLines = readFileSync(REFERENCE_ARTICLE, 'utf8')
  .split('\n')
  .map((l) => l.trim().replace(/ {2,}/g, ' '))
  .filter(Boolean);

describe('gazette parse', () => {
  it('prints a valid Article for the reference article: story paragraphs in order, teasers in related, derived title', async () => {
    const r = await gazette(['parse', REFERENCE_ARTICLE, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const article = ArticleSchema.parse(JSON.parse(r.stdout));
    const paragraphs = article.body.map((b) => b.text);
    const teasers = article.related.map((t) => t.title);
    expect(teasers).toHaveLength(3);
    expect(paragraphs).toHaveLength(referenceLines.length - 3);
    // Every line is in exactly one place, and the story keeps its order.
    expect(referenceLines.filter((l) => !teasers.includes(l))).toEqual(paragraphs);
    expect(article.titleSource).toBe('derived');
    expect(paragraphs[0]!.startsWith(article.title)).toBe(true);
  });

  it('reads standard input with -', async () => {
    const r = await gazette(['parse', '-', '--json'], { input: readFileSync(REFERENCE_ARTICLE, 'utf8') });
    expect(r.code).toBe(0);
    const fromFile = JSON.parse((await gazette(['parse', REFERENCE_ARTICLE, '--json'])).stdout);
    expect(JSON.parse(r.stdout)).toEqual(fromFile);
  });

  it('reports bad input on stderr with a non-zero exit code and no stack trace', async () => {
    const cases: Array<[string[], string | undefined, RegExp]> = [
      [['parse', '/nonexistent/file.txt', '--json'], undefined, /no such file/],
      [['parse', '-', '--json'], '', /holds no text/],
      [['parse', '-', '--json'], 'PK\u0003\u0004\u0000\u0000', /binary/],
      [['parse', '-', '--json'], '---\ndate: someday\n---\nText.', /publishedAt/],
      [['parse', '-', '--format', 'pdf'], 'Text.', /--format must be/],
      [['frobnicate'], undefined, /Unknown command/],
    ];
    for (const [args, input, message] of cases) {
      const r = await gazette(args, input === undefined ? {} : { input });
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('gazette list, show, search over the built-in corpus', () => {
  it('lists the one built-in article as { total, items, nextCursor }', async () => {
    const r = await gazette(['list', '--json', '--limit', '5']);
    expect(r.code).toBe(0);
    const list = ListResultSchema.parse(JSON.parse(r.stdout));
    expect(list.total).toBe(1);
    expect(list.nextCursor).toBeNull();
    const shown = await gazette(['show', list.items[0]!.slug, '--json']);
    expect(ArticleSchema.parse(JSON.parse(shown.stdout)).id).toBe(list.items[0]!.id);
  });

  it('searches and prints the core search result', async () => {
    const r = await gazette(['search', 'ambassador', '--json']);
    expect(r.code).toBe(0);
    const result = SearchResultSchema.parse(JSON.parse(r.stdout));
    expect(result.total).toBe(1);
    const none = SearchResultSchema.parse(JSON.parse((await gazette(['search', 'zzzyqx', '--json'])).stdout));
    expect(none.total).toBe(0);
  });

  it('rejects a bad limit and an unknown id with clear messages', async () => {
    const bad = await gazette(['list', '--limit', '1000', '--json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/limit/);
    const missing = await gazette(['show', 'no-such-article']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No article/);
  });
});

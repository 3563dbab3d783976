import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseText } from '@gazette/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOver } from './build-site';

const HEADLINE = 'Minimum wage to rise by five percent next year';
const STORY = [
  'The government announced on Tuesday that it would raise the minimum wage by five percent next year, a move welcomed by unions.',
  'Chancellor Rachel Reeves said the change would help millions of workers cope with rising prices, while business groups warned of costs.',
  'Additional reporting by Anna de Vries.',
];

describe("the site shows a scraped text's headline and byline as metadata (issue 18)", () => {
  let out: string;
  const article = parseText([HEADLINE, 'By Anna de Vries', ...STORY].join('\n'));

  beforeAll(async () => {
    out = await buildSiteOver([article], 'byline');
  }, 240_000);
  afterAll(() => {
    if (out) rmSync(dirname(out), { recursive: true, force: true });
  });

  it('the article page gives the headline as the source\'s, the byline as "By", and the story without either line', () => {
    const html = readFileSync(join(out, 'articles', article.slug, 'index.html'), 'utf8');
    expect(html).toContain(`<h1`);
    expect(html).toContain(HEADLINE);
    expect(html).not.toContain('the source gave none');
    expect(html).toMatch(/By Anna de Vries/);
    expect(html).not.toMatch(/<h[2-6][^>]*>\s*By Anna de Vries/);
  });

  it('the author has no entity page and is no tag', () => {
    const pages = (dir: string) =>
      existsSync(join(out, dir)) ? readdirSync(join(out, dir), { recursive: true }) : [];
    const all = [...pages('entities'), ...pages('tags')].map(String);
    expect(all.some((p) => /anna-de-vries/i.test(p))).toBe(false);
    expect(all.some((p) => /rachel-reeves/i.test(p))).toBe(true);
  });
});

// Issue 18: the home page's "most mentioned" chips showed counts of 0 (a country the text only calls
// "French" had no name mention). The count is the core's (EntitySummary.mentionCount); the page renders it.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCorpus, parseText } from '@gazette/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOver } from './build-site';

const articles = [
  parseText('French troops left the base on Monday, Emmanuel Macron said. The American envoy stayed.', {
    title: 'Troops leave the base',
    publishedAt: '2023-11-20',
  }),
  parseText('France said its troops would leave Niger. French officials agreed with Mohamed Bazoum.', {
    title: 'France to leave Niger',
    publishedAt: '2023-11-21',
  }),
];

/** The chips of the home page's "Most mentioned" lists: entity path and the count shown. */
function homeChips(html: string): Array<{ href: string; count: number }> {
  const aside = html.slice(html.indexOf('Most mentioned'));
  return [...aside.matchAll(/href="(\/entities\/[^"]+)"[^>]*>[^<]*<span class="count">(\d+)<\/span>/g)].map(
    (m) => ({ href: m[1]!, count: Number(m[2]) }),
  );
}

describe('the home page renders the core entity counts', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildSiteOver(articles, 'chip-counts');
  }, 240_000);
  afterAll(() => {
    if (out) rmSync(dirname(out), { recursive: true, force: true });
  });

  it('shows every most-mentioned chip with the count the core gives, never 0', () => {
    const chips = homeChips(readFileSync(join(out, 'index.html'), 'utf8'));
    const corpus = createCorpus(articles);
    const counts = (['person', 'organization', 'place'] as const).flatMap((type) =>
      corpus.entities({ type, limit: 10 }).items.map((e) => e.mentionCount),
    );
    expect(chips.length).toBeGreaterThanOrEqual(4);
    expect(chips.map((c) => c.count).sort((a, b) => a - b)).toEqual(counts.sort((a, b) => a - b));
    for (const chip of chips) expect(chip.count, chip.href).toBeGreaterThan(0);
  });
});

// Issue 18: a small inline map shows where a story or an entity's coverage happens. Built over stories read
// with the gazetteer (withPlaces), served, and looked at in Chromium: the marker, the shaded country drawn
// from the shared shapes file, the accessible name, and pages that stay small.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Article, parseText, ruleRecognizer } from '@gazette/core';
import { withPlaces } from '@gazette/core/places';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, HAS_CHROMIUM, screenshot, seriousViolations } from './browser';
import { servedSite } from './served-site';

const recognizer = withPlaces(ruleRecognizer);
const story = (title: string, text: string, publishedAt: string): Article =>
  parseText(text, { title, publishedAt }, { recognizer });
const festival = story(
  'Festival opens',
  'Mayor Ana Ruiz opened it in Valparaíso. Valparaíso danced.',
  '2024-02-04',
);
const strike = story(
  'Port strike',
  'Mayor Ana Ruiz met dockers in Valparaíso and in Santiago on Monday.',
  '2024-02-05',
);
const market = story('Market day', 'Farmers sold apples at the weekly market on Monday.', '2024-02-06');
const mayor = festival.entities.find((e) => e.type === 'person')!;

const SKIP = HAS_CHROMIUM ? '' : CHROMIUM_MISSING;

describe.skipIf(!HAS_CHROMIUM)(`the map of places in Chromium ${SKIP}`, () => {
  const { served, open } = servedSite([festival, strike, market], 'map');

  /** The map's marks as Chromium lays them out; `follow` clicks a name's link first, as a reader would. */
  async function marks(path: string, follow?: string) {
    const { page, errors, close } = await open(path);
    if (follow) {
      await page.locator('aside a', { hasText: follow }).first().click();
      await page.waitForURL('**/entities/**');
    }
    await page.waitForLoadState('load');
    const map = page.locator('.world-map svg[role="img"]');
    const count = await map.count();
    const label = count ? ((await map.first().getAttribute('aria-label')) ?? '') : '';
    const dots = await page.$$eval('.world-map circle.place', (cs) =>
      cs.map((c) => ({
        name: c.getAttribute('data-place'),
        x: Number(c.getAttribute('cx')),
        y: Number(c.getAttribute('cy')),
        r: Number(c.getAttribute('r')),
      })),
    );
    // getBBox of a <use> is the box of what it draws: empty unless /world-map.svg was fetched and parsed.
    const countries = await page.$$eval('.world-map use.shaded', (us) =>
      us.map((u) => {
        const b = (u as SVGGraphicsElement).getBBox();
        return { code: u.getAttribute('data-country'), box: [b.x, b.y, b.x + b.width, b.y + b.height] };
      }),
    );
    return { page, errors, close, count, label, dots, countries };
  }

  it('shows a story with a place: its marker inside its shaded country, named for screen readers', async () => {
    const m = await marks(`/articles/${festival.slug}/`);
    expect(m.count).toBe(1);
    expect(m.label).toContain('Valparaíso');
    expect(m.label).toContain('Chile');
    expect(m.dots.map((d) => d.name)).toEqual(['Valparaíso']);
    const chile = m.countries.find((c) => c.code === 'CL');
    expect(chile, 'Chile shaded').toBeDefined();
    const [minX, minY, maxX, maxY] = chile!.box as [number, number, number, number];
    expect(maxX - minX, 'shape drawn from /world-map.svg').toBeGreaterThan(0);
    const dot = m.dots[0]!;
    expect(dot.x >= minX && dot.x <= maxX && dot.y >= minY && dot.y <= maxY).toBe(true);
    expect(await seriousViolations(m.page)).toEqual([]);
    expect(m.errors).toEqual([]);
    await screenshot(m.page, 'map-article');
    await m.close();
  });

  it("shows where an entity's coverage happens: the places beside it, sized by shared articles", async () => {
    const m = await marks(`/articles/${strike.slug}/`, mayor.name);
    expect(await m.page.locator('h1').textContent()).toBe(mayor.name);
    expect(m.count).toBe(1);
    const byName = new Map(m.dots.map((d) => [d.name, d]));
    expect([...byName.keys()].sort()).toEqual(['Santiago', 'Valparaíso']);
    expect(byName.get('Valparaíso')!.r).toBeGreaterThan(byName.get('Santiago')!.r);
    expect(m.countries.map((c) => c.code)).toEqual(['CL']);
    expect(m.label).toContain('Santiago');
    expect(m.errors).toEqual([]);
    await m.close();
  });

  it('draws no map for a story without places, and keeps the shapes out of the pages', async () => {
    const m = await marks(`/articles/${market.slug}/`);
    expect(m.count).toBe(0);
    await m.close();
    const res = await fetch(`${served.site.url}/world-map.svg`);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(await res.text()).toContain('id="c-CL"');
    // Each page refers to the shared shapes instead of repeating them: its map is a few hundred bytes.
    for (const slug of [festival.slug, strike.slug]) {
      const html = readFileSync(join(served.out, 'articles', slug, 'index.html'), 'utf8');
      const figure = html.slice(html.indexOf('<figure class="world-map">'), html.indexOf('</figure>') + 9);
      expect(figure.length).toBeGreaterThan(100);
      expect(figure.length).toBeLessThan(2_000);
      expect(html).not.toContain(' d="M');
    }
    expect(readdirSync(served.out)).toContain('world-map.svg');
  });
});

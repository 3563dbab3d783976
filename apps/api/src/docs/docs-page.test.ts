import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { fixtureCorpus } from '../test-support/fixture-corpus';
import { prose } from './docs-page';

describe('/docs renders the descriptions', () => {
  it('shows Markdown inline code as <code>, never as literal backticks', async () => {
    const html = await (await createApp({ corpus: fixtureCorpus() }).request('/docs')).text();
    expect(html).toContain('pages with <code>nextCursor</code>.');
    expect(html).toContain('<code>{ total, items, nextCursor }</code>');
    expect(html).toContain('(<code>application/problem+json</code>)');
    expect(html).not.toContain('`');
  });

  it('escapes what is inside the code as it escapes the rest', () => {
    expect(prose('a `<b>` and `x&y` and a lone ` tick')).toBe(
      'a <code>&lt;b&gt;</code> and <code>x&amp;y</code> and a lone ` tick',
    );
  });

  // Issue 14: the parameter tables had header cells without scope, which screen readers cannot tie to a cell.
  it('gives every table a header row of column headers and each parameter row its row header', async () => {
    const html = await (await createApp({ corpus: fixtureCorpus() }).request('/docs')).text();
    const tables = html.match(/<table>[\s\S]*?<\/table>/g) ?? [];
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) {
      expect(table).toMatch(/^<table><thead><tr>(<th scope="col">[^<]+<\/th>)+<\/tr><\/thead>/);
      for (const row of table.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>[\s\S]*?<\/tr>/g)!)
        expect(row).toMatch(/^<tr><th scope="row">/);
    }
  });

  // /docs renders inline code only: a description using other Markdown (a list, a heading, a table, a link,
  // emphasis) would show its marks literally, so the OpenAPI document must not hold any.
  it('finds in the OpenAPI descriptions no Markdown that the page would show literally', async () => {
    const doc = await (await createApp({ corpus: fixtureCorpus() }).request('/openapi.json')).json();
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if ((k === 'description' || k === 'summary') && typeof x === 'string') texts.push(x);
          else walk(x);
        }
    };
    walk(doc);
    expect(texts.length).toBeGreaterThan(50);
    const BLOCK = /^\s*([-*+] |\d+\. |#{1,6} |\||> )/m;
    const INLINE = /\*\*|__|\[[^\]]+\]\([^)]+\)/;
    const literal = texts.filter((t) => BLOCK.test(t) || INLINE.test(t.replace(/`[^`]+`/g, '')));
    expect(literal).toEqual([]);
  });
});

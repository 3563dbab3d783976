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
});

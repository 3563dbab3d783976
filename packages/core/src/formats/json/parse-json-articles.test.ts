import { describe, expect, it } from 'vitest';
import { GazetteError } from '../../errors/gazette-error';
import { detectFormat } from '../../input/detect-format';
import { parseInput } from '../../input/parse-input';
import { parseText } from '../text/parse-text';
import { parseMarkdown } from '../markdown/parse-markdown';

describe('JSON and NDJSON', () => {
  it('keeps a record that already is an Article, as gazette export writes it', () => {
    const a = parseText('One sentence of a story.\nAnother sentence of it.', {
      title: 'T',
      url: 'https://x.example/a',
    });
    const [back] = parseInput(JSON.stringify(a));
    expect(back).toEqual(a);
    const ndjson = `${JSON.stringify(a)}\n${JSON.stringify({ ...a, id: 'a_0000000000000001', slug: 't-000000' })}\n`;
    expect(detectFormat(ndjson)).toBe('ndjson');
    expect(parseInput(ndjson)).toHaveLength(2);
  });

  it('reads CMS-shaped records through common names and a field mapping', () => {
    const records = [
      {
        headline: 'Bridge closes',
        content: 'The bridge closed today.\n\nFerries run instead.',
        author: ['Ana Ruiz'],
        date: 'March 4, 2026',
        link: 'https://x.example/b',
      },
    ];
    const [a] = parseInput(JSON.stringify(records));
    expect(a!.title).toBe('Bridge closes');
    expect(a!.body.map((b) => b.text)).toEqual(['The bridge closed today.', 'Ferries run instead.']);
    expect(a!.byline).toEqual(['Ana Ruiz']);
    expect(a!.publishedAt).toBe('2026-03-04');
    expect(a!.provenance.format).toBe('json');
    const mapped = parseInput(
      JSON.stringify({ hed: 'Mapped', story: { text: '<p>From HTML.</p><p>Two.</p>' } }),
      {
        mapping: { title: 'hed', body: 'story.text' },
      },
    );
    expect(mapped[0]!.title).toBe('Mapped');
    expect(mapped[0]!.body.map((b) => b.text)).toEqual(['From HTML.', 'Two.']);
  });

  it('names the line or record that is wrong', () => {
    expect(() =>
      parseInput('{"title":"a","body":"x"}\n{oops\n', { format: 'ndjson', name: 'in.ndjson' }),
    ).toThrow(/Line 2 of in\.ndjson/);
    expect(() => parseInput('[{"title":"no body"}]', { name: 'in.json' })).toThrow(/has no body text/);
    expect(() => parseInput('[{"body":"x","publishedAt":"soon"}]', { format: 'json' })).toThrow(GazetteError);
  });
});

describe('Markdown', () => {
  it('reads front matter, a # title and block structure without markup', () => {
    const md = `---
author: Ana Ruiz
date: 2026-03-04
---
# Bridge closes

The **council** voted to [close the bridge](https://x.example).

## What next

> We had no choice,
> the mayor said.

- Ferry from May
- New bridge by 2030
`;
    expect(detectFormat(md, 'story.md')).toBe('markdown');
    const a = parseMarkdown(md);
    expect(a.title).toBe('Bridge closes');
    expect(a.byline).toEqual(['Ana Ruiz']);
    expect(a.publishedAt).toBe('2026-03-04');
    expect(a.provenance.format).toBe('markdown');
    expect(a.body).toEqual([
      { kind: 'paragraph', text: 'The council voted to close the bridge.' },
      { kind: 'heading', text: 'What next' },
      { kind: 'blockquote', text: 'We had no choice, the mayor said.' },
      { kind: 'list-item', text: 'Ferry from May' },
      { kind: 'list-item', text: 'New bridge by 2030' },
    ]);
  });
});

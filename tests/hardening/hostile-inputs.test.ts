import { ArticleSchema, GazetteError, parseInput } from '@gazette/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const FORMATS = ['text', 'markdown', 'html', 'feed', 'json', 'ndjson'] as const;

/** Parses, and returns the error when it is a GazetteError; anything else fails the test. */
function attempt(content: string, format: (typeof FORMATS)[number] | 'auto' = 'auto') {
  try {
    const articles = parseInput(content, { format, name: `hostile.${format}` });
    for (const a of articles) expect(ArticleSchema.safeParse(a).success).toBe(true);
    return { articles, error: undefined };
  } catch (error) {
    if (!(error instanceof GazetteError)) throw error;
    return { articles: [], error };
  }
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const feed = (items: string, doctype = '') =>
  `<?xml version="1.0"?>${doctype}<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;

describe('hostile XML in feeds', () => {
  it('does not expand entities: a billion-laughs bomb is refused or left unexpanded, quickly', () => {
    const lol = [
      '<!DOCTYPE lolz [<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
      ']>',
    ].join('');
    const { value, ms } = timed(() =>
      attempt(feed('<item><title>&lol9;</title><description>x</description></item>', lol), 'feed'),
    );
    expect(ms).toBeLessThan(2_000);
    const text = JSON.stringify(value.articles);
    expect(text).not.toContain('lollollol');
  });

  it('never reads external entities (file:// or http://)', () => {
    const xxe =
      '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://127.0.0.1:9/x">]>';
    const { articles } = attempt(
      feed('<item><title>Leak &xxe; &web;</title><description>Body text here.</description></item>', xxe),
      'feed',
    );
    const text = JSON.stringify(articles);
    expect(text).not.toMatch(/root:x:0:0/);
  });

  it('keeps __proto__ elements and keys as data, never as prototypes', () => {
    attempt(
      feed(
        '<item><__proto__><polluted>yes</polluted></__proto__><title>A</title><description>B.</description></item>',
      ),
      'feed',
    );
    attempt(
      '{"title":"A","body":"Story text.","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
      'json',
    );
    attempt(
      '{"title":"A","body":"Story.","__proto__":{"polluted":"yes"}}\n{"title":"B","body":"More.","__proto__":{"polluted":"yes"}}',
      'ndjson',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('bounds nesting depth: XML nested 100,000 deep is read or refused with a typed error, never a stack overflow', () => {
    const deep = `${'<a>'.repeat(100_000)}x${'</a>'.repeat(100_000)}`;
    // attempt() fails the test on any error but a GazetteError (a RangeError from recursion, say).
    const { ms } = timed(() =>
      attempt(feed(`<item><title>T</title><description>${deep}</description></item>`), 'feed'),
    );
    expect(ms).toBeLessThan(5_000);
  });
});

describe('hostile JSON', () => {
  it('JSON nested 100,000 deep gives a typed error, never a crash', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const format of ['json', 'ndjson'] as const) {
      const { error } = attempt(deep, format);
      expect(error, format).toBeInstanceOf(GazetteError);
    }
    const { error } = attempt(
      `{"title":"A","body":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
      'json',
    );
    expect(error).toBeInstanceOf(GazetteError);
  });
});

describe('size and shape limits, in every format', () => {
  it('a 50 MB body is refused with a typed error, quickly', () => {
    const big = 'word '.repeat(10_000_000);
    for (const format of FORMATS) {
      const { value, ms } = timed(() =>
        attempt(format === 'html' ? `<html><body><p>${big}</p></body></html>` : big, format),
      );
      expect(value.error?.code, format).toBe('INPUT_TOO_LARGE');
      expect(ms, format).toBeLessThan(5_000);
    }
  });

  it('a single 1 MB line never hangs a parser', () => {
    const line = 'x'.repeat(1_000_000);
    for (const format of FORMATS) {
      const { ms } = timed(() =>
        attempt(format === 'html' ? `<html><body><p>${line}</p></body></html>` : line, format),
      );
      expect(ms, format).toBeLessThan(10_000);
    }
  });
});

describe('encodings and invisible characters', () => {
  it('invalid UTF-8 (decoded with replacement characters) and mislabelled charsets are read or refused cleanly', () => {
    const bytes = new Uint8Array([0x54, 0x68, 0x65, 0x20, 0xff, 0xfe, 0x63, 0x61, 0x66, 0xe9, 0x2e, 0x0a]);
    const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    attempt(decoded, 'text');
    attempt(
      `<html><head><meta charset="shift_jis"></head><body><p>Caf\u00e9 owners protest a new tax on Monday.</p></body></html>`,
      'html',
    );
    attempt(
      `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>T</title><item><title>Caf\u00e9</title><description>Text.</description></item></channel></rss>`,
      'feed',
    );
  });

  it('bidi overrides and zero-width characters never reach titles or slugs, in any format', () => {
    const evil = 'Bank\u202E gnissim\u202C funds\u200B found\u2066 in\u2069 audit';
    const inputs: Array<[(typeof FORMATS)[number], string]> = [
      ['text', `---\ntitle: "${evil}"\n---\nThe audit found the money had gone.`],
      ['markdown', `---\ntitle: "${evil}"\n---\nThe audit found the money had gone.`],
      [
        'html',
        `<html><head><title>${evil}</title></head><body><article><h1>${evil}</h1><p>The audit found the money had gone, officials said on Monday.</p></article></body></html>`,
      ],
      [
        'feed',
        feed(
          `<item><title>${evil}</title><description>The audit found the money had gone.</description></item>`,
        ),
      ],
      ['json', JSON.stringify({ title: evil, body: 'The audit found the money had gone.' })],
    ];
    for (const [format, content] of inputs) {
      const { articles, error } = attempt(content, format);
      expect(error, format).toBeUndefined();
      for (const a of articles) {
        expect(a.title, format).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/u);
        expect(a.slug, format).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      }
    }
  });
});

describe('every parser under arbitrary Unicode input', () => {
  it.each(FORMATS)('%s: an Article list or a GazetteError, nothing else', (format) => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        attempt(s, format);
      }),
      { numRuns: 300 },
    );
  });
});

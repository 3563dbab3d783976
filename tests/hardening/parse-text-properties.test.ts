import { ArticleSchema, createCorpus, GazetteError, parseText } from '@gazette/core';
import { normalizeText } from '@gazette/core/internals';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Full Unicode, not the ASCII default: lone surrogates, controls, combining marks, bidi controls.
const anyText = fc.string({ unit: 'binary', maxLength: 400 });
const words = fc.array(
  fc.constantFrom(
    'Café',
    'naïve',
    'Zoë',
    'Ångström',
    'résumé',
    'Macron',
    'São',
    'Paulo',
    'piñata',
    'the',
    'coup',
    '東京',
    'Niger',
  ),
  { minLength: 3, maxLength: 30 },
);

function onlyTypedErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof GazetteError)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
  }
}

describe('parseText under arbitrary input', () => {
  it('returns a valid Article or throws a GazetteError, nothing else', () => {
    fc.assert(
      fc.property(anyText, (text) =>
        onlyTypedErrors(() => {
          const article = parseText(text);
          expect(ArticleSchema.safeParse(article).success).toBe(true);
        }),
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary front matter', () => {
    fc.assert(
      fc.property(anyText, anyText, (yaml, body) =>
        onlyTypedErrors(() => parseText(`---\n${yaml}\n---\n${body}`)),
      ),
      { numRuns: 500 },
    );
  });

  it('normalising twice equals normalising once', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeText(text).text;
        expect(normalizeText(once).text).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('NFC and NFD copies of an article are the same article and search the same', () => {
    fc.assert(
      fc.property(words, (ws) => {
        const text = `${ws.join(' ')}.\n${[...ws].reverse().join(' ')}.`;
        const nfc = parseText(text.normalize('NFC'));
        const nfd = parseText(text.normalize('NFD'));
        expect(nfd.id).toBe(nfc.id);
        expect(nfd.body).toEqual(nfc.body);
        const corpus = createCorpus([nfd]);
        const q = ws[0]!;
        expect(corpus.search({ q: q.normalize('NFC') }).total).toBe(
          corpus.search({ q: q.normalize('NFD') }).total,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('keeps bidi overrides and zero-width characters out of titles and slugs', () => {
    const hostile = 'Bank\u202E gnissim \u202Cfunds\u200B found\u2066 in\u2069 audit';
    const a = parseText('The audit found the money had gone.', { title: hostile });
    expect(a.title).toBe('Bank gnissim funds found in audit');
    expect(a.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const derived = parseText(`${hostile}. More text follows here.`);
    expect(derived.title).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/u);
  });
});

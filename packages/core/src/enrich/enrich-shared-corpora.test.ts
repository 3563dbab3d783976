// Enrichment over every file of ../shared/corpora: it must never throw, whatever the text.
import { readdirSync, readFileSync } from 'node:fs';
import { bbcAsText, readBbc } from '@gazette/bench-corpora';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED_CORPORA, SHARED_MISSING } from '../../test-support/shared-corpora';
import { ArticleSchema } from '../model/article-schema';
import { parseText } from '../formats/text/parse-text';
import { enrichArticle } from './enrich-article';
import { nerRecognizer } from './ner/index';

const enrichBlocks = (texts: string[]) =>
  enrichArticle(
    { body: texts.map((text) => ({ kind: 'paragraph' as const, text })), language: 'en', tags: [] },
    { recognizer: nerRecognizer },
  );

describe.skipIf(!HAS_SHARED)(
  `enrichment over every file of ../shared/corpora${HAS_SHARED ? '' : ` (${SHARED_MISSING})`}`,
  () => {
    it('reads the seed articles', () => {
      for (const f of readdirSync(`${SHARED_CORPORA}seed`)) {
        const article = parseText(readFileSync(`${SHARED_CORPORA}seed/${f}`, 'utf8'), undefined, { name: f });
        expect(ArticleSchema.safeParse(article).success).toBe(true);
        expect(article.quotes.length).toBeGreaterThan(0);
      }
    });

    it('reads every BBC row (rules through parseText, the trained tagger through enrichArticle)', () => {
      let quotes = 0;
      let entities = 0;
      for (const record of readBbc()) {
        const article = parseText(bbcAsText(record), undefined, { name: record.key });
        const enriched = enrichBlocks(article.body.map((b) => b.text));
        quotes += enriched.quotes.length;
        entities += enriched.entities.length;
        expect(ArticleSchema.safeParse({ ...article, ...enriched }).success).toBe(true);
      }
      expect(quotes).toBeGreaterThan(1000);
      expect(entities).toBeGreaterThan(10000);
    }, 300_000);

    it('reads the text of every readability expected.html', () => {
      const dir = `${SHARED_CORPORA}readability`;
      let cases = 0;
      for (const name of readdirSync(dir, { withFileTypes: true })) {
        if (!name.isDirectory()) continue;
        let html: string;
        try {
          html = readFileSync(`${dir}/${name.name}/expected.html`, 'utf8');
        } catch {
          continue;
        }
        const blocks = html
          .split(/<\/(?:p|h\d|li|blockquote|div|pre)>/i)
          .map((b) =>
            b
              .replace(/<[^>]*>/g, ' ')
              .replace(/&[a-z#0-9]+;/gi, ' ')
              .replace(/\s+/g, ' ')
              .trim(),
          )
          .filter(Boolean);
        const enriched = enrichBlocks(blocks.length > 0 ? blocks : ['(empty)']);
        expect(Array.isArray(enriched.entities)).toBe(true);
        cases++;
      }
      expect(cases).toBeGreaterThan(100);
    }, 120_000);

    it('reads every CoNLL-2003 document as text', () => {
      for (const file of ['train.txt', 'valid.txt']) {
        const docs = readFileSync(`${SHARED_CORPORA}conll2003/${file}`, 'utf8').split('-DOCSTART-');
        for (const doc of docs) {
          const sentences = doc
            .split(/\n\s*\n/)
            .map((s) =>
              s
                .split('\n')
                .map((l) => l.split(' ')[0] ?? '')
                .filter(Boolean)
                .join(' '),
            )
            .filter(Boolean);
          if (sentences.length === 0) continue;
          expect(() => enrichBlocks(sentences)).not.toThrow();
        }
      }
    }, 300_000);
  },
);

// Offsets stored as steps are checked as they are added up at load: a step that would carry them past
// 2^32 (where they would wrap and fall) is refused, even when the section's checksum is right.
import { describe, expect, it } from 'vitest';
import { GazetteError } from '../../errors/gazette-error';
import { resealed, sectionRange } from '../../../test-support/snapshot-sections';
import { zipfCorpus } from '../../../test-support/zipf-corpus';
import { createCorpus, loadCorpus } from '../create-corpus';

const zipf = zipfCorpus(15, 60);
const corpus = createCorpus(zipf.docs);
const bytes = corpus.toSnapshot();
const u32 = (section: Uint8Array) => new Uint32Array(section.buffer, section.byteOffset, section.length / 4);

describe('a snapshot with offsets stored as steps', () => {
  it('stores them as steps (small numbers) and loads them back as the corpus had them', () => {
    const [start, end] = sectionRange(bytes, 'terms.off');
    const steps = u32(bytes.slice(start, end));
    expect(Math.max(...steps)).toBeLessThan(64);
    const loaded = loadCorpus(bytes);
    for (const q of [zipf.word(), `${zipf.word()} ${zipf.word()}`, `"${zipf.word()} ${zipf.word()}"`])
      expect(loaded.search({ q })).toEqual(corpus.search({ q }));
  });

  it('refuses a resealed offset section whose steps pass 2^32, naming it', () => {
    for (const name of ['terms.off', 'postings.byteOff', 'texts.off', 'articles.off']) {
      const bad = resealed(bytes, name, (s) => {
        u32(s)[1] = 0xfffffff0;
      });
      expect(() => loadCorpus(bad), name).toThrow(GazetteError);
      expect(() => loadCorpus(bad), name).toThrow(name);
    }
  });

  it('refuses a resealed offset section whose steps end past what it indexes', () => {
    const bad = resealed(bytes, 'postings.byteOff', (s) => {
      u32(s)[1]! += 1;
    });
    expect(() => loadCorpus(bad)).toThrow(/postings\.byteOff/);
  });
});

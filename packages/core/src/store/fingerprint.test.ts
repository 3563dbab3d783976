import { describe, expect, it } from 'vitest';
import { otherArticle, storyArticle } from '../../test-support/store-contract';
import {
  contentFingerprint,
  fromHex,
  MIN_FINGERPRINT_WORDS,
  NEAR_DUPLICATE_SIMILARITY,
  similarity,
  toHex,
} from './fingerprint';
import { FingerprintIndex } from './fingerprint-index';
import { sameStory, titlesAgree } from './same-story';

const sim = (a: string, b: string) => similarity(fromHex(a), fromHex(b));

describe('content fingerprint', () => {
  it('finds a lightly edited copy similar and unrelated stories not', () => {
    const a = contentFingerprint(storyArticle('https://a.example/1'));
    const edited = storyArticle('https://b.example/2', [
      'The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers found rust in three of its steel supports.',
      'Mayor Ana Ruiz said the decision was painful but unavoidable, and promised a free ferry service while a replacement is designed and built over the next four years.',
      'Shop owners on the east bank warned that the closure would cut their trade by half, and asked the council for help with rents during the works.',
      'The council said it would publish the engineers report in full next week, together with a timetable for the public consultation on the new bridge.',
    ]);
    expect(sim(a, contentFingerprint(edited))).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SIMILARITY);
    for (let n = 0; n < 20; n++)
      expect(sim(a, contentFingerprint(otherArticle(`https://c.example/${n}`, n)))).toBeLessThan(0.2);
  });

  it('gives no fingerprint to a text too short to judge, so it is never a near-duplicate', () => {
    const short = otherArticle('https://a.example/s');
    const tiny = { ...short, body: [{ kind: 'paragraph' as const, text: 'Too short.' }] };
    expect(MIN_FINGERPRINT_WORDS).toBeGreaterThan(2);
    expect(contentFingerprint(tiny)).toBe('');
    const index = new FingerprintIndex();
    index.add('tiny', contentFingerprint(tiny));
    expect(index.candidates(contentFingerprint(tiny))).toEqual([]);
    // What an older store kept for short texts ("=" + content hash) is no fingerprint either.
    index.add('old', `=${tiny.provenance.contentHash}`);
    expect(index.candidates(`=${tiny.provenance.contentHash}`)).toEqual([]);
  });

  it('lets titles take part: a differently titled story is not the same article, a reworded headline may be', () => {
    const a = { title: 'Harbour bridge to close to cars', titleSource: 'given' as const };
    expect(titlesAgree(a, { title: 'Harbour bridge will close to cars', titleSource: 'given' })).toBe(true);
    expect(titlesAgree(a, { title: 'Council budget approved', titleSource: 'given' })).toBe(false);
    expect(titlesAgree(a, { title: 'Council budget approved', titleSource: 'derived' })).toBe(true);
  });

  it('keeps the same notice published a year apart as two articles', () => {
    const notice = { title: 'GTAC Diversity Scholarship', titleSource: 'given' as const };
    expect(
      sameStory(
        { ...notice, publishedAt: '2017-05-22T14:03:00Z' },
        { ...notice, publishedAt: '2016-05-04T14:32:00Z' },
      ),
    ).toBe(false);
    expect(
      sameStory(
        { ...notice, publishedAt: '2017-05-22T14:03:00Z' },
        { ...notice, publishedAt: '2017-05-23T09:00:00Z' },
      ),
    ).toBe(true);
    expect(sameStory(notice, { ...notice, publishedAt: '2016-05-04T14:32:00Z' })).toBe(true);
  });

  it('finds the most similar stored fingerprint through its bands, and forgets removed ones', () => {
    const index = new FingerprintIndex();
    const base = contentFingerprint(storyArticle('https://a.example/1'));
    index.add('a', base);
    for (let n = 0; n < 50; n++)
      index.add(`o${n}`, contentFingerprint(otherArticle(`https://o.example/${n}`, n)));
    // Change 8 of the 64 values, one in each of 8 bands: 56/64 agree, and 8 bands still match.
    const values = fromHex(base);
    for (let i = 0; i < 8; i++) values[i * 8] = (values[i * 8]! ^ 1) >>> 0;
    expect(index.candidates(toHex(values))).toEqual([{ id: 'a', similarity: 56 / 64 }]);
    expect(index.candidates(base, 'a')).toEqual([]);
    index.remove('a');
    expect(index.candidates(base)).toEqual([]);
  });
});

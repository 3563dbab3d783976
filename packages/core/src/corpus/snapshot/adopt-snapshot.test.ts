// loadCorpus(bytes, { adopt: true }) adds the offsets up in the bytes themselves (a cold start then
// allocates no arrays for them); without it the caller's bytes stay a snapshot, loadable again.
import { describe, expect, it } from 'vitest';
import { zipfCorpus } from '../../../test-support/zipf-corpus';
import { createCorpus, loadCorpus } from '../create-corpus';

const zipf = zipfCorpus(21, 80);
const corpus = createCorpus(zipf.docs);
const snapshot = corpus.toSnapshot();
const queries = () => [zipf.word(), `${zipf.word()} ${zipf.word()}`, `"${zipf.word()} ${zipf.word()}"`];

/** The snapshot's bytes in a new buffer at `shift` bytes from its start (0: aligned). */
function copyAt(bytes: Uint8Array, shift: number): Uint8Array {
  const buffer = new Uint8Array(bytes.length + shift);
  buffer.set(bytes, shift);
  return buffer.subarray(shift);
}

describe('loading a snapshot', () => {
  it('leaves the bytes as they were, so they load again, unless adopted', () => {
    const bytes = copyAt(snapshot, 0);
    const first = loadCorpus(bytes);
    expect(bytes).toEqual(snapshot);
    const second = loadCorpus(bytes);
    for (const q of queries()) expect(second.search({ q })).toEqual(first.search({ q }));
  });

  it('answers alike when it adopts the bytes, aligned or not', () => {
    for (const shift of [0, 3]) {
      const bytes = copyAt(snapshot, shift);
      const adopted = loadCorpus(bytes, { adopt: true, checkAll: shift === 3 });
      if (shift === 0) expect(bytes).not.toEqual(snapshot); // added up in place
      for (const q of queries()) {
        expect(adopted.search({ q })).toEqual(corpus.search({ q }));
        expect(adopted.list({ limit: 5 })).toEqual(corpus.list({ limit: 5 }));
      }
      expect(adopted.toSnapshot()).toEqual(snapshot);
    }
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCorpus } from '../corpus/create-corpus';
import { SNAPSHOT_FORMAT } from '../corpus/snapshot/snapshot-codec';
import { GazetteError } from '../errors/gazette-error';
import { sectionRange } from '../../test-support/snapshot-sections';
import { fixture } from '../../test-support/test-articles';
import { readSnapshotFile, writeSnapshotFile } from './snapshot-file';

const dir = mkdtempSync(join(tmpdir(), 'gazette-snap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const articles = [
  fixture({
    title: 'Oil prices rise',
    body: ['Oil rose on Monday in London.'],
    publishedAt: '2024-01-02T00:00:00Z',
  }),
  fixture({ title: 'Rain in Paris', body: ['It rained all week.'], publishedAt: '2024-01-03T00:00:00Z' }),
];

describe('snapshot files', () => {
  it('writes and reads a corpus back', () => {
    const file = join(dir, 'a.snapshot');
    const corpus = createCorpus(articles);
    writeSnapshotFile(file, corpus);
    const loaded = readSnapshotFile(file);
    expect(loaded.search({ q: 'oil' })).toEqual(corpus.search({ q: 'oil' }));
    expect(loaded.get(articles[1]!.id)).toEqual(corpus.get(articles[1]!.id));
  });

  it('reads the JSON form (version 1) that gazette export writes', () => {
    const file = join(dir, 'b.json');
    writeFileSync(file, JSON.stringify({ format: 'gazette-snapshot', version: 1, articles }));
    expect(readSnapshotFile(file).search({ q: 'rain' }).total).toBe(1);
  });

  it('says which file is missing, unreadable or not a snapshot', () => {
    expect(() => readSnapshotFile(join(dir, 'nope'))).toThrow(/no snapshot file at .*nope/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format": ');
    expect(() => readSnapshotFile(bad)).toThrow(GazetteError);
    expect(() => readSnapshotFile(bad)).toThrow(/bad\.json: not valid JSON/);
    const junk = join(dir, 'junk.bin');
    writeFileSync(junk, new Uint8Array([1, 2, 3, 4]));
    expect(() => readSnapshotFile(junk)).toThrow(
      /junk\.bin: this is not a Gazette snapshot file; make it again .*gazette export/,
    );
  });

  it('refuses a damaged or older snapshot file with what to run to make it again, not corpus.toSnapshot()', () => {
    const file = join(dir, 'c.snapshot');
    writeSnapshotFile(file, createCorpus(articles));
    const bytes = readFileSync(file);
    // The stored texts and article records too, which a plain loadCorpus checks only as they are read.
    for (const name of ['articles.strings.off', 'texts.bytes', 'articles.bytes']) {
      const [start, end] = sectionRange(bytes, name);
      const damaged = Uint8Array.from(bytes); // a copy: a Buffer's slice() is a view
      damaged[(start + end) >> 1] = damaged[(start + end) >> 1]! ^ 0x10;
      writeFileSync(file, damaged);
      const message = (() => {
        try {
          readSnapshotFile(file);
        } catch (e) {
          expect(e).toBeInstanceOf(GazetteError);
          return (e as Error).message;
        }
        return 'loaded';
      })();
      expect(message).toMatch(/c\.snapshot: the snapshot is damaged \(section .* checksum\)/);
      expect(message).toMatch(/gazette export --db STORE --format json > .*c\.snapshot/);
      expect(message).not.toMatch(/toSnapshot/);
    }
    const older = Uint8Array.from(bytes);
    older[7] = 5;
    writeFileSync(file, older);
    expect(() => readSnapshotFile(file)).toThrow(
      new RegExp(`format 5; this Gazette reads format ${SNAPSHOT_FORMAT} .*gazette export`),
    );
    writeFileSync(file, JSON.stringify({ format: 'gazette-snapshot', version: 2, articles }));
    expect(() => readSnapshotFile(file)).toThrow(
      /c\.snapshot: this JSON is not a Gazette snapshot .*gazette export/,
    );
    expect(() => readSnapshotFile(file)).not.toThrow(/toSnapshot/);
  });
});

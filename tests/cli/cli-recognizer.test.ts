import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Article, parseInput, ruleRecognizer } from '@gazette/core';
import { nerRecognizer } from '@gazette/core/ner';
import { withPlaces } from '@gazette/core/places';
import { afterAll, describe, expect, it } from 'vitest';
import { gazette } from '../support/run-process';

// `gazette parse` and `gazette ingest` read names with the trained tagger and places with the gazetteer
// (withPlaces), passed to the core as the `recognizer` option (there is no process-wide switch).
const TEXT =
  'Angela Merkel met Boris Johnson in Berlin on Monday.\nMerkel said the talks with Downing Street went well.\n';
const namesOf = (a: Article) =>
  a.entities.map((e) => ({ id: e.id, mentions: e.mentions, countryCode: e.countryCode }));
const trained = namesOf(parseInput(TEXT, { format: 'text', recognizer: withPlaces(nerRecognizer) })[0]!);
const dir = mkdtempSync(join(tmpdir(), 'gazette-cli-recognizer-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CLI reads names with the trained tagger and places with the gazetteer', () => {
  it('the test text is one the two recognisers read differently, with Berlin placed in Germany', () => {
    expect(trained).toContainEqual(expect.objectContaining({ id: 'place:berlin', countryCode: 'DE' }));
    expect(namesOf(parseInput(TEXT, { format: 'text', recognizer: ruleRecognizer })[0]!)).not.toEqual(
      trained,
    );
  });

  it('gazette parse', async () => {
    const r = await gazette(['parse', '-', '--format', 'text', '--json'], { input: TEXT });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(namesOf(JSON.parse(r.stdout) as Article)).toEqual(trained);
  });

  it('gazette ingest (read back with gazette export)', async () => {
    const file = join(dir, 'talks.txt');
    const db = join(dir, 'store.db');
    writeFileSync(file, TEXT);
    const ingest = await gazette(['ingest', file, '--db', db], { timeoutMs: 60_000 });
    expect(ingest.code).toBe(0);
    const exported = await gazette(['export', '--db', db]);
    expect(exported.code).toBe(0);
    const stored = exported.stdout.trim().split('\n');
    expect(stored).toHaveLength(1);
    expect(namesOf(JSON.parse(stored[0]!) as Article)).toEqual(trained);
  });
});

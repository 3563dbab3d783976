import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_HEX_LENGTH } from '../store/fingerprint';
import { BANDS, integerBandKeys } from '../store/fingerprint-index';
import { sqliteFingerprints } from './sqlite-fingerprints';
import { STORE_SCHEMA } from './store-schema';

const BAND_HEX = FINGERPRINT_HEX_LENGTH / BANDS;
// A seeded generator: the fingerprints are the same on every run.
let seed = 0x2545f491;
const hexDigit = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return ((seed >>> 16) & 15).toString(16);
};
const randomHex = (n: number) => Array.from({ length: n }, hexDigit).join('');

/** A fingerprint whose every band begins with the same `prefix` hex digits as `fp`'s and differs after. */
const beginningAlike = (fp: string, prefix: number) =>
  Array.from(
    { length: BANDS },
    (_, b) => fp.slice(b * BAND_HEX, b * BAND_HEX + prefix) + randomHex(BAND_HEX - prefix),
  ).join('');

const rowsMatched = (db: DatabaseSync, fp: string) => {
  const keys = integerBandKeys(fp);
  const sql = `SELECT count(*) AS n FROM fingerprint_bands WHERE key IN (${keys.map(() => '?').join(', ')})`;
  return Number((db.prepare(sql).get(...keys) as { n: number }).n);
};

describe('the near-duplicate band index', () => {
  it('keys a band on all four of its values: bands that begin alike and differ after share no key', () => {
    const fp = randomHex(FINGERPRINT_HEX_LENGTH);
    for (const prefix of [8, 12, 16, 24]) {
      const other = beginningAlike(fp, prefix);
      const shared = integerBandKeys(other).filter((k, i) => k === integerBandKeys(fp)[i]);
      expect(shared, `bands alike over ${prefix} of ${BAND_HEX} hex digits`).toEqual([]);
    }
    // The same band still gives the same key (what makes two near copies candidates).
    expect(
      integerBandKeys(`${fp.slice(0, BAND_HEX)}${randomHex(FINGERPRINT_HEX_LENGTH - BAND_HEX)}`)[0],
    ).toBe(integerBandKeys(fp)[0]);
  });

  it('a write reads only the band rows of articles sharing a whole band, however many begin alike', () => {
    const db = new DatabaseSync(':memory:');
    db.exec(STORE_SCHEMA);
    const index = sqliteFingerprints(db);
    const fp = randomHex(FINGERPRINT_HEX_LENGTH);
    // 500 stored fingerprints whose every band begins like fp's (as generated or templated text often
    // does: 12 hex digits is what keys were made of before), and one sharing two whole bands.
    for (let i = 0; i < 500; i++) index.set(`a${i}`, beginningAlike(fp, 12));
    const twoBands = fp.slice(0, 2 * BAND_HEX) + beginningAlike(fp, 12).slice(2 * BAND_HEX);
    index.set('near', twoBands);
    expect(rowsMatched(db, fp)).toBe(2);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM fingerprint_bands WHERE key IN (${integerBandKeys(fp).join(', ')})`,
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail).join('\n')).toMatch(
      /SEARCH fingerprint_bands USING (PRIMARY KEY|COVERING INDEX)/,
    );
    db.close();
  });
});

import { parseText } from '@gazette/core';
import { describe, expect, it } from 'vitest';
import { blockRuns } from './body-segments';

const base = parseText(
  'Ada Lovelace said "the engine weaves patterns" in London today.\nSecond paragraph here.\n',
);
const text = base.body[0]!.text;
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

describe('blockRuns', () => {
  it('splits a block into quote runs and entity segments whose texts join back to the block', () => {
    const article = {
      ...base,
      entities: [
        {
          id: 'p',
          name: 'Ada Lovelace',
          type: 'person' as const,
          aliases: [],
          mentions: [{ block: 0, ...at('Ada Lovelace') }],
        },
        {
          id: 'l',
          name: 'London',
          type: 'place' as const,
          aliases: [],
          mentions: [{ block: 0, ...at('London') }],
        },
        {
          id: 'e',
          name: 'engine',
          type: 'other' as const,
          aliases: [],
          mentions: [{ block: 0, ...at('engine') }],
        },
      ],
      quotes: [
        {
          text: 'the engine weaves patterns',
          speaker: 'Ada Lovelace',
          speakerEntityId: 'p',
          partial: false,
          block: 0,
          ...at('the engine weaves patterns'),
        },
      ],
    };
    const runs = blockRuns(article, 0);
    expect(runs.flatMap((r) => r.parts.map((p) => p.text)).join('')).toBe(text);
    const quoted = runs.filter((r) => r.quote === 0);
    expect(quoted).toHaveLength(1);
    expect(quoted[0]!.closes).toBe(true);
    expect(quoted[0]!.parts.map((p) => p.text).join('')).toBe('the engine weaves patterns');
    expect(quoted[0]!.parts.find((p) => p.entity === 2)?.text).toBe('engine');
    const linked = runs
      .flatMap((r) => r.parts)
      .filter((p) => p.entity !== undefined)
      .map((p) => p.text);
    expect(linked).toEqual(['Ada Lovelace', 'engine', 'London']);
    expect(blockRuns(article, 1).flatMap((r) => r.parts)).toEqual([{ text: base.body[1]!.text }]);
  });

  it('survives offsets that overlap or fall outside the text without losing or repeating text', () => {
    const article = {
      ...base,
      entities: [
        {
          id: 'a',
          name: 'x',
          type: 'other' as const,
          aliases: [],
          mentions: [
            { block: 0, start: 2, end: 10 },
            { block: 0, start: 5, end: 20 },
            { block: 0, start: 50, end: 9999 },
          ],
        },
      ],
      quotes: [{ text: 'x', partial: false, block: 0, start: 8, end: 9999, endBlock: 3 }],
    };
    const runs = blockRuns(article, 0);
    expect(runs.flatMap((r) => r.parts.map((p) => p.text)).join('')).toBe(text);
    expect(runs[runs.length - 1]!.closes).toBe(false);
    expect(
      blockRuns(article, 1)
        .flatMap((r) => r.parts.map((p) => p.text))
        .join(''),
    ).toBe(base.body[1]!.text);
  });
});

// The core's plan, checked on its sources: no file reaches itself through its imports (type-only ones
// included), and the rooms (folders) import each other one way only, save the back arrows named below.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, folderGraph, readImportGraph } from '../test-support/import-graph';

const graph = readImportGraph(dirname(fileURLToPath(import.meta.url)));

/**
 * The rooms from the bottom up: a room imports only rooms on lower lines (ARCHITECTURE.md draws the same
 * plan). Rooms on one line are independent of each other.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['errors', 'model', 'enrich/ner/generated', 'enrich/places/generated'],
  ['binary', 'text', 'follow'],
  ['metadata', 'search/analysis', 'corpus/records'],
  ['ids', 'search/index', 'search/query'],
  ['enrich', 'corpus/snapshot'],
  ['article', 'enrich/ner', 'enrich/places', 'query-schema', 'segments'],
  ['formats/text', 'formats/html', 'search/engine'],
  ['formats/markdown', 'formats/json', 'formats/feed', 'corpus/components'],
  ['input', 'corpus/methods', 'feeds-out'],
  ['corpus'],
  ['store', 'static-index', 'alerts', 'live/components'],
  ['live/methods'],
  ['live', 'node/postgres'],
  ['node', 'query.ts', 'index.ts'],
  ['internals.ts'],
];
const layerOf = new Map(LAYERS.flatMap((rooms, i) => rooms.map((r) => [r, i] as const)));

describe('the import graph of packages/core/src', () => {
  it('is read from the sources: every room and its imports', () => {
    // The reader must see the arrows it checks: the entry imports the parsers, a parser the builder.
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('index.ts')).toContain('input/parse-input.ts');
    expect(graph.get('formats/text/parse-text.ts')).toContain('article/build-article.ts');
    expect(graph.get('enrich/ner/index.ts')).toContain('enrich/ner/generated/ner-model.json');
  });

  it('has no circle between files, type-only imports included', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('has no circle between rooms (folders)', () => {
    expect(findCycles(folderGraph(graph))).toEqual([]);
  });

  it('runs every arrow between rooms down the plan, and every room is on the plan', () => {
    const rooms = folderGraph(graph);
    const unplaced = [...rooms.keys()].filter((r) => !layerOf.has(r || 'index.ts'));
    expect(unplaced).toEqual([]);
    const upward: string[] = [];
    for (const [room, targets] of rooms)
      for (const target of targets)
        if (target !== room && layerOf.get(target)! >= layerOf.get(room)!)
          upward.push(`${room} -> ${target}`);
    expect(upward).toEqual([]);
  });
});

describe('ARCHITECTURE.md', () => {
  it('draws the same plan as this test: each line of its table names the rooms of that layer', () => {
    const doc = readFileSync(
      join(dirname(fileURLToPath(import.meta.url)), '../../../ARCHITECTURE.md'),
      'utf8',
    );
    const drawn: string[][] = [];
    for (const line of doc.split('\n')) {
      const cells = line.split('|').map((c) => c.trim());
      // Table rows read `| line | rooms | holds |`: the rooms are the backticked names of the second cell.
      if (cells.length < 4 || !/^\d+$/.test(cells[1]!)) continue;
      drawn[Number(cells[1])] = [...cells[2]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    }
    expect(drawn.map((rooms) => [...rooms].sort())).toEqual(
      LAYERS.map((rooms) => rooms.filter((r) => !r.endsWith('/generated')).sort()),
    );
  });
});

describe('findCycles', () => {
  it('finds a self-import, a two-file circle and a longer one, and nothing in a chain', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', ['d']],
      ['d', ['e']],
      ['e', ['c']],
      ['f', ['f']],
      ['g', ['a']],
    ]);
    expect(findCycles(g).sort()).toEqual([['a', 'b'], ['c', 'd', 'e'], ['f']].sort());
    expect(
      findCycles(
        new Map([
          ['x', ['y']],
          ['y', ['z']],
          ['z', []],
        ]),
      ),
    ).toEqual([]);
  });
});

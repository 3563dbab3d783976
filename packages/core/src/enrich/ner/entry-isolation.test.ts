// The trained tagger's weights must stay out of the main entry: a browser bundle that only searches
// (the site) imports @gazette/core and must never download them.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readImportGraph, reachableFrom } from '../../../test-support/import-graph';

const graphOfCore = readImportGraph(resolve(dirname(fileURLToPath(import.meta.url)), '../..'));
const importGraph = (entry: string) => reachableFrom(graphOfCore, entry);

describe('entry points', () => {
  it('the main entry never reaches the tagger or its weights', () => {
    const graph = [...importGraph('index.ts')];
    expect(graph.length).toBeGreaterThan(20);
    expect(graph.filter((f) => f.startsWith('enrich/ner/'))).toEqual([]);
  });

  it('the main, query and ner entries never reach the gazetteer of places; its own entry carries it', () => {
    for (const entry of ['index.ts', 'query.ts', 'enrich/ner/index.ts'])
      expect([...importGraph(entry)].filter((f) => f.startsWith('enrich/places/'))).toEqual([]);
    expect([...importGraph('enrich/places/index.ts')]).toContain('enrich/places/generated/places.json');
  });

  it('the ner entry carries the weights', () => {
    const graph = [...importGraph('enrich/ner/index.ts')];
    expect(graph.some((f) => f.endsWith('generated/ner-model.json'))).toBe(true);
  });
});

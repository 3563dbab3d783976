// The trained tagger's weights must stay out of the main entry: a browser bundle that only searches
// (the site) imports @gazette/core and must never download them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.ts')) return;
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(
      /(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g,
    )) {
      const spec = m[1] ?? m[2]!;
      const base = resolve(dirname(file), spec);
      const target = [`${base}.ts`, `${base}/index.ts`, base].find(
        (p) => existsSync(p) && /\.(ts|json)$/.test(p),
      );
      if (target && (target.endsWith('.ts') || target.endsWith('.json'))) visit(target);
    }
  };
  visit(entry);
  return seen;
}

describe('entry points', () => {
  it('the main entry never reaches the tagger or its weights', () => {
    const graph = [...importGraph(resolve(SRC, 'index.ts'))];
    expect(graph.length).toBeGreaterThan(20);
    expect(graph.filter((f) => f.includes('/enrich/ner/'))).toEqual([]);
  });

  it('the ner entry carries the weights', () => {
    const graph = [...importGraph(resolve(SRC, 'enrich/ner/index.ts'))];
    expect(graph.some((f) => f.endsWith('generated/ner-model.json'))).toBe(true);
  });
});

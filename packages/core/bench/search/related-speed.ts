// Timing of related(), entity() and entity-filtered timeline/facets/list over a generated corpus.
// Usage: npx tsx --conditions=@gazette/source bench/search/related-speed.ts [count]
import { existsSync, readFileSync } from 'node:fs';
import { generateCorpus, readBbc } from '@gazette/bench-corpora';
import { type Article, createCorpus, parseText } from '@gazette/core';
import { PARSER_VERSION } from '@gazette/core/query';

const count = Number(process.argv[2] ?? 10_000);
const shard = (i: number) =>
  new URL(
    `../../../../.bench/generated-100000-${PARSER_VERSION.replace(/[^\w.-]/g, '_')}.${i}.jsonl`,
    import.meta.url,
  );

function load(): Article[] {
  const out: Article[] = [];
  // Reuse the parsed articles cached by the search benchmark when present; otherwise parse (slow).
  for (let i = 0; out.length < count && existsSync(shard(i)); i++)
    for (const line of readFileSync(shard(i), 'utf8').split('\n'))
      if (line && out.length < count) out.push(JSON.parse(line) as Article);
  if (out.length >= count) return out;
  return generateCorpus(readBbc(), count, 42).map((r) => parseText(r.text, r.meta));
}

const articles = load();
let t = performance.now();
const corpus = createCorpus(articles);
console.log(`corpus: ${corpus.size} articles, built in ${(performance.now() - t).toFixed(0)} ms`);

const ids = corpus.list({ limit: 100 }).items.map((a) => a.id);
const all: string[] = [];
for (let cursor: string | null | undefined, i = 0; i < 20; i++) {
  const p = corpus.list({ limit: 100, ...(cursor ? { cursor } : {}) });
  all.push(...p.items.map((a) => a.id));
  cursor = p.nextCursor;
  if (!cursor) break;
}
t = performance.now();
corpus.related(ids[0]!);
console.log(`related() first call: ${(performance.now() - t).toFixed(1)} ms`);
t = performance.now();
for (const id of all) corpus.related(id);
console.log(`related(): ${((performance.now() - t) / all.length).toFixed(3)} ms/call over ${all.length}`);

const ents = corpus.entities({ limit: 50, sort: 'articles' }).items;
t = performance.now();
corpus.entity(ents[0]!.id);
console.log(`entity() first call: ${(performance.now() - t).toFixed(1)} ms`);
t = performance.now();
for (const e of ents) corpus.entity(e.id);
console.log(`entity(): ${((performance.now() - t) / ents.length).toFixed(3)} ms/call`);
for (const [name, f] of [
  ['timeline', (e: string) => corpus.timeline({ filters: { entity: e } })],
  ['facets', (e: string) => corpus.facets({ filters: { entity: e } })],
  ['list', (e: string) => corpus.list({ filters: { entity: e }, limit: 20 })],
] as const) {
  t = performance.now();
  for (const e of ents) f(e.id);
  console.log(`${name}({ entity }): ${((performance.now() - t) / ents.length).toFixed(3)} ms/call`);
}

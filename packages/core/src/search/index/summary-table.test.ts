import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packSummary, type StoredSummary } from './entity-summaries';
import { SummaryTable } from './summary-table';

// A few names and aliases, so that aliases repeat, equal the name, and hold JSON's special characters.
const text = fc.constantFrom('Ann', 'A. Smith', 'Zoë "Z" \\', '東京', '😀', '', ']', ',0,0');
const summary = fc.record(
  {
    id: fc.constant('x'),
    name: text,
    type: fc.constantFrom('person', 'place', 'event'),
    aliases: fc.uniqueArray(text, { maxLength: 3 }),
    articleCount: fc.nat(5),
    mentionCount: fc.nat(9),
    countryCode: fc.constantFrom('FR', 'GB'),
    coordinates: fc.record({
      lat: fc.double({ noNaN: true, noDefaultInfinity: true }),
      lon: fc.constant(-0.5),
    }),
  },
  { requiredKeys: ['id', 'name', 'type', 'aliases', 'articleCount', 'mentionCount'] },
);
/** What a table is told: a new entity, a reference to one, aliases for one (by an index taken modulo). */
const step = fc.oneof(
  summary.map((s) => ({ push: s })),
  fc.record({ count: fc.nat(), mentions: fc.nat(4) }),
  fc.record({ aliases: fc.nat(), add: fc.array(text, { maxLength: 3 }) }),
);
type Step =
  | { push: StoredSummary }
  | { count: number; mentions: number }
  | { aliases: number; add: string[] };

/** Runs the steps on a table and on summary objects (as EntityColumns kept them). */
function run(steps: readonly Step[]) {
  const table = new SummaryTable();
  const objects: StoredSummary[] = [];
  for (const s of steps) {
    if ('push' in s) {
      table.push(s.push);
      objects.push(structuredClone(s.push));
    } else if (objects.length === 0) continue;
    else if ('count' in s) {
      const v = s.count % objects.length;
      table.count(v, s.mentions);
      objects[v]!.articleCount++;
      objects[v]!.mentionCount += s.mentions;
    } else {
      const v = s.aliases % objects.length;
      table.addAliases(v, s.add);
      for (const alias of s.add) if (!objects[v]!.aliases.includes(alias)) objects[v]!.aliases.push(alias);
    }
  }
  return { table, objects };
}

describe('SummaryTable', () => {
  it('packs each summary as packSummary packs the objects it stands for', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { table, objects } = run(steps);
        expect(table.done()).toEqual(objects.map(packSummary));
      }),
    );
  });

  it('appends a part as the objects would merge: new entities as they are, known ones counted and aliased', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), fc.array(step, { maxLength: 20 }), (a, b) => {
        const mine = run(a);
        const theirs = run(b);
        const part = theirs.table.part();
        // Each part entity is a known one (odd) or the next new one (even), as a column's append numbers them.
        for (let v = 0; v < theirs.objects.length; v++) {
          const t = theirs.objects[v]!;
          const known = v % 2 === 1 && mine.objects.length > 0;
          const value = known ? v % mine.objects.length : mine.objects.length;
          mine.table.append(part, v, value);
          if (!known) {
            mine.objects.push(t);
            continue;
          }
          const s = mine.objects[value]!;
          s.articleCount += t.articleCount;
          s.mentionCount += t.mentionCount;
          for (const alias of t.aliases) if (!s.aliases.includes(alias)) s.aliases.push(alias);
        }
        expect(mine.table.done()).toEqual(mine.objects.map(packSummary));
      }),
    );
  });

  it('appends an entity named alike in both (its aliases kept, its counts added) and one the part knows by more aliases', () => {
    const ann = {
      id: 'x',
      name: 'Ann',
      type: 'person',
      aliases: ['Ann', 'A. Smith'],
      articleCount: 2,
      mentionCount: 3,
    };
    const mine = new SummaryTable();
    mine.push(ann);
    mine.push({ ...ann, name: 'Bo', aliases: ['Bo'] });
    const theirs = new SummaryTable();
    theirs.push({ ...ann, articleCount: 5, mentionCount: 7 });
    theirs.push({ ...ann, name: 'Bo', aliases: ['Bo', 'Bobby'], articleCount: 1, mentionCount: 1 });
    const part = theirs.part();
    mine.append(part, 0, 0);
    mine.append(part, 1, 1);
    expect(mine.done()).toEqual([
      packSummary({ ...ann, articleCount: 7, mentionCount: 10 }),
      packSummary({ ...ann, name: 'Bo', aliases: ['Bo', 'Bobby'], articleCount: 3, mentionCount: 4 }),
    ]);
  });
});

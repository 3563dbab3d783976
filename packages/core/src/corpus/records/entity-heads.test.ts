// A record names an entity by its place in its document's entity ids and its variant among that id's
// heads; a snapshot stores those ids once, as the index's entities column, or as the records' own list
// when the two differ. Either way every article comes back as it went in.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../formats/text/parse-text';
import { GazetteError } from '../../errors/gazette-error';
import type { Article } from '../../model/article-schema';
import { StringColumn } from '../../binary/string-column';
import { resealed, sectionRange } from '../../../test-support/snapshot-sections';
import { createCorpus, loadCorpus } from '../create-corpus';
import { corpusOver } from '../corpus-over';
import { decodeSnapshot, encodeSnapshot } from '../snapshot/snapshot-codec';
import type { Entity } from '../../model/entity-schema';
import { seededRandom } from '../../../test-support/seeded-random';
import { CompactReader, CompactWriter } from './compact-values';
import { EntityHeadsBuilder, fullHead } from './entity-heads';

const TEXTS = [
  'Emmanuel Macron met Olaf Scholz in Paris on Monday. Macron said the talks went well.',
  'Olaf Scholz flew to Berlin. President Macron stayed in Paris, where Emmanuel Macron spoke.',
  'In Berlin, Scholz and Macron agreed. Paris and Berlin will present the plan.',
];

/** Articles naming the same entities, one of them in a variant of its own (another alias). */
function articles(): Article[] {
  const out = TEXTS.map((text, i) =>
    parseText(`Talks ${i}\n\n${text}`, { publishedAt: `2025-03-0${i + 1}T10:00:00Z` }),
  );
  const last = out[2]!;
  const [first] = last.entities;
  const variant = { ...first!, aliases: [...first!.aliases, `Alias of ${first!.name}`] };
  // The same id twice in one article: the second is placed by number, not by its own order.
  out.push({ ...last, id: 'x', slug: 'x', entities: [...last.entities, variant] });
  // Quotes whose speaker is one of the article's entities, and one whose speaker is not.
  const [speaker, other] = out[0]!.entities;
  const quote = { text: 'The talks went well', partial: false, block: 0, start: 0, end: 5, verb: 'said' };
  out[0] = {
    ...out[0]!,
    quotes: [
      ...out[0]!.quotes,
      { ...quote, speaker: speaker!.name, speakerEntityId: speaker!.id },
      { speakerEntityId: other!.id, ...quote },
      { ...quote, speaker: 'Nobody', speakerEntityId: 'person:nobody-in-the-article' },
    ],
  };
  return out;
}

const u32 = (s: Uint8Array) => new Uint32Array(s.buffer, s.byteOffset, s.length / 4);

describe('entity heads in article records', () => {
  const input = articles();
  const corpus = createCorpus(input);
  const bytes = corpus.toSnapshot();

  it('take the ids of the index entities column, so a snapshot does not store them twice', () => {
    expect(input.every((a) => a.entities.length > 1)).toBe(true);
    const { ix, articles: records } = decodeSnapshot(bytes);
    expect([...records.values.val]).toEqual([...ix.entities.val]);
    expect(() => sectionRange(bytes, 'articles.values.val')).toThrow(/no section/);
    const loaded = loadCorpus(bytes);
    for (const a of input) expect(loaded.get(a.id)).toEqual(a);
    // The records store no entity id of their own: not in the heads, nor as a quote's speaker.
    const ids = input.flatMap((a) => a.entities.map((e) => e.id));
    expect(input[0]!.quotes.filter((q) => ids.includes(q.speakerEntityId ?? '')).length).toBeGreaterThan(1);
    const stored = ['articles.bytes', 'articles.headBytes', 'articles.strings.bytes'].map((name) =>
      Buffer.from(bytes.subarray(...sectionRange(bytes, name))).toString('latin1'),
    );
    for (const id of ids)
      expect(
        stored.some((r) => r.includes(id)),
        id,
      ).toBe(false);
    expect(stored.some((r) => r.includes('person:nobody-in-the-article'))).toBe(true);
  });

  it('keep their own list of ids when the index lists them otherwise, and give back the same articles', () => {
    const parts = decodeSnapshot(bytes);
    // The index's entity ids numbered backwards: the same entities, other numbers.
    const { values, off, val } = parts.ix.entities;
    const last = values.length - 1;
    const backwards = {
      values: StringColumn.from(Array.from({ length: values.length }, (_, v) => values.at(last - v))),
      off,
      val: val.map((v) => last - v),
    };
    const other = encodeSnapshot({ ix: { ...parts.ix, entities: backwards }, articles: parts.articles });
    expect(sectionRange(other, 'articles.values.val')[1]).toBeGreaterThan(0);
    const loaded = corpusOver(decodeSnapshot(other));
    for (const a of input) expect(loaded.get(a.id)).toEqual(a);
  });

  it('refuse heads that do not add up to the head table, and a record naming a head its id does not have', () => {
    const longer = resealed(bytes, 'articles.valueHeadOff', (s) => {
      u32(s)[1]! += 1;
    });
    expect(() => loadCorpus(longer)).toThrow(/articles\.valueHeadOff/);
    // The first id's heads given to the second: its records name a variant it no longer has.
    const moved = resealed(bytes, 'articles.valueHeadOff', (s) => {
      const steps = u32(s);
      steps[2]! += steps[1]!;
      steps[1] = 0;
    });
    const loaded = loadCorpus(moved);
    const refused = input.filter((a) => {
      try {
        loaded.get(a.id);
        return false;
      } catch (e) {
        expect(e).toBeInstanceOf(GazetteError);
        return true;
      }
    });
    expect(refused.length).toBeGreaterThan(0);
  });
});

/** Seeded documents of entities drawn from a few ids, each in one of a few heads (aliases, a country, a place). */
function seededEntities(documents: number, seed: number): Entity[][] {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  return Array.from({ length: documents }, () =>
    Array.from({ length: pick(12) }, (): Entity => {
      const id = `person:p${pick(300)}`;
      const variant = pick(4);
      const e: Entity = {
        id,
        name: `Name ${id.slice(8)}`,
        type: 'person',
        aliases: variant === 1 ? [`Alias ${id}`] : [],
        mentions: [{ block: 0, start: pick(50), end: 60 }],
      };
      if (variant === 2) e.countryCode = 'FR';
      if (variant === 3) e.coordinates = { lat: 48.85, lon: 2.35 };
      // An id that is not the first field keeps its id in the head.
      const { name, ...rest } = e;
      return pick(10) === 0 ? { name, ...rest } : e;
    }),
  );
}

describe('EntityHeadsBuilder', () => {
  it('numbers each id by first sighting and its heads by first sighting of each distinct head, as a Map of heads would', () => {
    const docs = seededEntities(400, 16);
    const writer = new CompactWriter();
    const builder = new EntityHeadsBuilder(docs.length, writer);
    const got = docs.map((entities, d) => {
      const refs = entities.map((e) => builder.add(d, e));
      builder.endDocument(d);
      return refs;
    });
    const heads = builder.done();
    // The reference: ids in a Map, each id's heads (its fields but its mentions, in order) in a Map by their JSON.
    const values = new Map<string, Map<string, number>>();
    const headOf = (e: Entity) => JSON.stringify(Object.entries(e).filter(([k]) => k !== 'mentions'));
    docs.forEach((entities, d) => {
      const listed: string[] = [];
      entities.forEach((e, i) => {
        const variants = values.get(e.id) ?? new Map<string, number>();
        values.set(e.id, variants);
        const h = headOf(e);
        if (!variants.has(h)) variants.set(h, variants.size);
        if (!listed.includes(e.id)) listed.push(e.id);
        expect(got[d]![i]).toEqual([listed.indexOf(e.id), variants.get(h)]);
      });
      const { off, val } = heads.values;
      expect([...val.subarray(off[d]!, off[d + 1]!)].map((v) => heads.values.values.at(v))).toEqual(listed);
    });
    expect(heads.values.values.toArray()).toEqual([...values.keys()]);
    // Each stored head reads back as the fields of the entity it was first written for.
    const reader = new CompactReader(heads.headBytes, writer.stringColumn());
    [...values.values()].forEach((variants, v) => {
      expect(heads.valueHeadOff[v + 1]! - heads.valueHeadOff[v]!).toBe(variants.size);
      [...variants.keys()].forEach((h, k) => {
        const at = heads.valueHeadOff[v]! + k;
        const stored = reader.read(heads.headOff[at]!, heads.headOff[at + 1]!) as Record<string, unknown>;
        const head = fullHead(stored, () => heads.values.values.at(v));
        expect(JSON.stringify(Object.entries(head))).toBe(h);
      });
    });
  });
});

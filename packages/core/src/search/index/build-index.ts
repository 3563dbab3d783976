import type { FacetName } from '../../model/facet-name-schema';
import type { Article } from '../../model/article-schema';
import { fold } from '../analysis/fold';
import { PositionLists } from './position-lists';
import { PostingLists } from './posting-lists';
import { FIELD_B, FIELD_WEIGHT, K1, KEYWORD_IMPACT } from './ranking-weights';
import { keywordTerms } from '../analysis/keyword-terms';
import { FIELD_KEY, type SearchIndex, SPEAKER_ID_KEY } from './search-index';
import { ColumnBuilder } from './column-builder';
import { compareCodePoints, StringColumn } from '../../binary/string-column';
import { WordTable } from '../analysis/word-table';

const FIELDS = 5;

class U32List {
  a = new Uint32Array(1024);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done() {
    return this.a.slice(0, this.n);
  }
}

class I32List {
  a = new Int32Array(1024);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

class U8List {
  a = new Uint8Array(1024);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Uint8Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

/** Keyword key of an entity type for field qualifiers (person:, org:, place:). */
const ENTITY_KEY: Record<string, string | undefined> = {
  person: FIELD_KEY.person,
  organization: FIELD_KEY.org,
  place: FIELD_KEY.place,
};

/** Builds the index over articles already in document order (newest first). */
export function buildIndex(articles: readonly Article[]): SearchIndex {
  const n = articles.length;
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const idOf = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termNames.length;
      termNames.push(term);
      termIds.set(term, id);
    }
    return id;
  };
  const table = new WordTable(idOf);

  // Entries (term, doc, tf per field) in document order; sorted by term at the end.
  // A document's entries end at docEnd[d]; a keyword entry has no tf in any field.
  const eTerm = new U32List();
  const docEnd = new Uint32Array(n);
  const eTf: U8List[] = Array.from({ length: FIELDS }, () => new U8List());
  const fieldLen = new Float64Array(n * FIELDS);

  let stamp = new Int32Array(1024).fill(-1);
  let slot = new Int32Array(1024);
  const local: number[] = [];
  const tf: Uint16Array[] = Array.from({ length: FIELDS }, () => new Uint16Array(1 << 16));
  const ensure = (t: number) => {
    if (t < stamp.length) return;
    const st = new Int32Array(Math.max(t + 1, stamp.length * 2)).fill(-1);
    st.set(stamp);
    stamp = st;
    const sl = new Int32Array(st.length);
    sl.set(slot);
    slot = sl;
  };

  // Unique stored texts, each analysed once into its words' term ids (`seq`, -1 for a stop word):
  // documents sharing a text (syndicated or boilerplate paragraphs) reuse it, and the positional
  // postings are built from it.
  const texts: string[] = [];
  const textIdOf = new Map<string, number>();
  const textOff = new Uint32Array(n + 1);
  const textIds = new U32List();
  const textField = new U8List();
  const seq = new I32List();
  const seqOff = new U32List();
  seqOff.push(0);
  const addText = (s: string, f: number): number => {
    let id = textIdOf.get(s);
    if (id === undefined) {
      id = texts.length;
      texts.push(s);
      textIdOf.set(s, id);
      table.scan(s, (t) => seq.push(t));
      seqOff.push(seq.n);
    }
    textIds.push(id);
    textField.push(f);
    return id;
  };

  let d = 0;
  let field = 0;
  let len = 0;
  const onWord = (t: number) => {
    if (t < 0) return;
    len++;
    ensure(t);
    if (stamp[t] !== d) {
      stamp[t] = d;
      if (local.length >= 1 << 16) return; // absurdly long document: later new terms are dropped
      slot[t] = local.length;
      local.push(t);
      for (let f = 0; f < FIELDS; f++) tf[f]![local.length - 1] = 0;
    }
    const cur = tf[field]!;
    const sl = slot[t]!;
    if (cur[sl]! < 255) cur[sl]!++;
  };
  const countIds = (ids: ArrayLike<number>, from: number, to: number, f: number) => {
    len = 0;
    field = f;
    for (let i = from; i < to; i++) onWord(ids[i]!);
    fieldLen[d * FIELDS + f]! += len;
  };
  const countText = (s: string, f: number): number => {
    const id = addText(s, f);
    countIds(seq.a, seqOff.a[id]!, seqOff.a[id + 1]!, f);
    return id;
  };

  // Quotations and entity names recur across articles: their term ids are computed once.
  const scanIds = (text: string): Int32Array => {
    const out: number[] = [];
    table.scan(text, (t) => {
      if (t >= 0) out.push(t);
    });
    return Int32Array.from(out);
  };
  const quoteIds = new Map<string, Int32Array>();

  // Facet columns, filled document by document.
  const col = {
    section: new ColumnBuilder(n),
    tag: new ColumnBuilder(n),
    source: new ColumnBuilder(n),
    language: new ColumnBuilder(n),
    month: new ColumnBuilder(n),
    person: new ColumnBuilder(n),
    organization: new ColumnBuilder(n),
    place: new ColumnBuilder(n),
  } satisfies Record<FacetName, ColumnBuilder>;
  const entityCol = new ColumnBuilder(n);
  const entityKeyOf: string[] = [];
  // Each entity's summary across the corpus (EntitySummary), by entity value.
  const summaries: Array<
    Record<string, unknown> & { aliases: string[]; articleCount: number; mentionCount: number }
  > = [];
  let entityOccurrences = 0;
  const quoteCounts = new Uint32Array(n);

  // Keyword keys (field qualifiers): short repeated strings are cached per key; title and quote words
  // map from their term ids.
  const kwCache = new Map<string, Map<string, number[]>>();
  const kwIds = (key: string, text: string): number[] => {
    let byText = kwCache.get(key);
    if (!byText) {
      byText = new Map();
      kwCache.set(key, byText);
    }
    const known = byText.get(text);
    if (known) return known;
    const ids = keywordTerms(key, text).map(idOf);
    if (byText.size < 200_000) byText.set(text, ids);
    return ids;
  };
  // Everything an entity adds to a document, worked out once per variant (id, name, type, aliases):
  // names recur across thousands of articles.
  interface EntityInfo {
    name: string;
    type: string;
    aliases: string[];
    terms: Int32Array;
    keys: number[];
    value: number;
    typeCol: ColumnBuilder | undefined;
    typeValue: number;
  }
  const entityInfo = new Map<string, EntityInfo[]>();
  const infoOf = (e: Article['entities'][number]): EntityInfo => {
    let variants = entityInfo.get(e.id);
    if (!variants) {
      variants = [];
      entityInfo.set(e.id, variants);
    }
    for (const v of variants)
      if (
        v.name === e.name &&
        v.type === e.type &&
        v.aliases.length === e.aliases.length &&
        v.aliases.every((x, i) => x === e.aliases[i])
      )
        return v;
    const value = entityCol.id(e.id);
    entityKeyOf[value] ??= [e.name, ...e.aliases].map(fold).join('\u0000');
    if (value === summaries.length) {
      const s = { id: e.id, name: e.name, type: e.type, aliases: [], articleCount: 0, mentionCount: 0 };
      summaries.push(e.countryCode ? { ...s, countryCode: e.countryCode } : s);
    }
    const summary = summaries[value]!;
    for (const alias of e.aliases) if (!summary.aliases.includes(alias)) summary.aliases.push(alias);
    const k = ENTITY_KEY[e.type];
    const keys: number[] = [];
    for (const name of [e.name, ...e.aliases]) {
      if (k) keys.push(...kwIds(k, name));
      keys.push(...kwIds(FIELD_KEY.entity, name));
    }
    const typeCol =
      e.type === 'person' || e.type === 'organization' || e.type === 'place' ? col[e.type] : undefined;
    const info: EntityInfo = {
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      terms: scanIds(e.aliases.length ? `${e.name} ${e.aliases.join(' ')}` : e.name),
      keys,
      value,
      typeCol,
      typeValue: typeCol ? typeCol.id(e.name) : -1,
    };
    if (variants.length < 32) variants.push(info);
    return info;
  };
  // Keyword ids of facet values, by column and value id.
  const facetKw = new Map<ColumnBuilder, number[][]>();
  const facet = (d: number, c: ColumnBuilder, key: string, value: string | undefined) => {
    if (!value) return;
    const v = c.id(value);
    c.add(d, v);
    let byValue = facetKw.get(c);
    if (!byValue) {
      byValue = [];
      facetKw.set(c, byValue);
    }
    byValue[v] ??= kwIds(key, value);
    for (const id of byValue[v]!) keys.push(id);
  };
  const titleKey: number[] = [];
  const quoteKey: number[] = [];
  const keyFor = (tbl: number[], key: string, t: number) => (tbl[t] ??= idOf(key + termNames[t]!));
  const keys: number[] = [];

  for (d = 0; d < n; d++) {
    const a = articles[d]!;
    local.length = 0;
    keys.length = 0;
    const title = countText(a.title, 0);
    for (let i = seqOff.a[title]!; i < seqOff.a[title + 1]!; i++) {
      const t = seq.a[i]!;
      if (t >= 0) keys.push(keyFor(titleKey, FIELD_KEY.title, t));
    }
    if (a.standfirst) countText(a.standfirst, 1);
    for (const b of a.body) countText(b.text, 2);
    for (const q of a.quotes) {
      let ids = quoteIds.get(q.text);
      if (!ids) {
        ids = scanIds(q.text);
        if (quoteIds.size < 1_000_000) quoteIds.set(q.text, ids);
      }
      countIds(ids, 0, ids.length, 3);
      for (let i = 0; i < ids.length; i++) keys.push(keyFor(quoteKey, FIELD_KEY.quote, ids[i]!));
    }
    for (const e of a.entities) {
      const info = infoOf(e);
      countIds(info.terms, 0, info.terms.length, 4);
      for (const k of info.keys) keys.push(k);
      entityCol.add(d, info.value);
      info.typeCol?.add(d, info.typeValue);
      const summary = summaries[info.value]!;
      summary.articleCount++;
      summary.mentionCount += e.mentions.length;
      entityOccurrences++;
    }
    textOff[d + 1] = textIds.n;
    for (let i = 0; i < local.length; i++) {
      eTerm.push(local[i]!);
      for (let f = 0; f < FIELDS; f++) eTf[f]!.push(tf[f]![i]!);
    }
    // Keyword postings for field qualifiers, and facet values.
    const kw = (key: string, text: string | undefined) => {
      if (text) for (const k of kwIds(key, text)) keys.push(k);
    };
    quoteCounts[d] = a.quotes.length;
    for (const q of a.quotes) {
      kw(FIELD_KEY.speaker, q.speaker);
      if (q.speakerEntityId) keys.push(idOf(SPEAKER_ID_KEY + q.speakerEntityId));
    }
    for (const b of a.byline) kw(FIELD_KEY.byline, b);
    facet(d, col.source, FIELD_KEY.source, a.source?.name);
    facet(d, col.section, FIELD_KEY.section, a.section);
    for (const t of a.tags) facet(d, col.tag, FIELD_KEY.tag, t);
    facet(d, col.language, FIELD_KEY.lang, a.language);
    if (a.publishedAt) col.month.add(d, col.month.id(a.publishedAt.slice(0, 7)));
    for (const c of Object.values(col)) c.end(d);
    entityCol.end(d);
    for (const k of keys) {
      ensure(k);
      if (stamp[k] === d) continue;
      stamp[k] = d;
      eTerm.push(k);
      for (let f = 0; f < FIELDS; f++) eTf[f]!.push(0);
    }
    docEnd[d] = eTerm.n;
  }

  // Average field lengths, then each entry's BM25F saturation.
  const avg = new Float64Array(FIELDS);
  for (let d = 0; d < n; d++) for (let f = 0; f < FIELDS; f++) avg[f]! += fieldLen[d * FIELDS + f]!;
  for (let f = 0; f < FIELDS; f++) avg[f] = Math.max(1, avg[f]! / Math.max(1, n));

  // Sorted dictionary (code point order) and a counting sort of the entries by term.
  const T = termNames.length;
  const order = Array.from({ length: T }, (_, i) => i).sort((x, y) =>
    compareCodePoints(termNames[x]!, termNames[y]!),
  );
  const rank = new Uint32Array(T);
  order.forEach((t, r) => {
    rank[t] = r;
  });
  const termOff = new Uint32Array(T + 1);
  const E = eTerm.n;
  for (let i = 0; i < E; i++) termOff[rank[eTerm.a[i]!]! + 1]!++;
  for (let r = 0; r < T; r++) termOff[r + 1]! += termOff[r]!;
  const fill = termOff.slice(0, T);
  const postDoc = new Uint32Array(E);
  const postImp = new Uint8Array(E);
  d = 0;
  for (let i = 0; i < E; i++) {
    while (i >= docEnd[d]!) d++;
    const r = rank[eTerm.a[i]!]!;
    const at = fill[r]!++;
    postDoc[at] = d;
    let s = 0;
    for (let f = 0; f < FIELDS; f++) {
      const x = eTf[f]!.a[i]!;
      if (x)
        s += (FIELD_WEIGHT[f]! * x) / (1 - FIELD_B[f]! + (FIELD_B[f]! * fieldLen[d * FIELDS + f]!) / avg[f]!);
    }
    postImp[at] = s === 0 ? KEYWORD_IMPACT : Math.max(1, Math.round((255 * s) / (K1 + s)));
  }

  const surfaceEntries = table
    .entries()
    .filter(([w]) => /\p{L}/u.test(w))
    .sort((x, y) => compareCodePoints(x[0], y[0]));

  const oldest = Array.from({ length: n }, (_, i) => i).sort((x, y) => {
    const dx = articles[x]!.publishedAt ?? '\uffff';
    const dy = articles[y]!.publishedAt ?? '\uffff';
    if (dx !== dy) return dx < dy ? -1 : 1;
    return articles[x]!.id < articles[y]!.id ? -1 : 1;
  });
  const oldestRank = new Uint32Array(n);
  oldest.forEach((d, r) => {
    oldestRank[d] = r;
  });

  const entities = entityCol.done();
  return {
    n,
    ids: StringColumn.from(articles.map((a) => a.id)),
    slugs: StringColumn.from(articles.map((a) => a.slug)),
    titles: StringColumn.from(articles.map((a) => a.title)),
    dates: StringColumn.from(articles.map((a) => a.publishedAt ?? '')),
    oldestRank,
    terms: StringColumn.from(order.map((t) => termNames[t]!)),
    postings: PostingLists.encode(termOff, postDoc, postImp, n),
    positions: PositionLists.build(seq.a.subarray(0, seq.n), seqOff.done(), rank, T),
    surface: StringColumn.from(surfaceEntries.map((e) => e[0])),
    surfaceTerm: Uint32Array.from(surfaceEntries, (e) => rank[e[1]]!),
    facets: {
      section: col.section.done(),
      tag: col.tag.done(),
      source: col.source.done(),
      language: col.language.done(),
      month: col.month.done(),
      person: col.person.done(),
      organization: col.organization.done(),
      place: col.place.done(),
    },
    entities,
    entityKeys: StringColumn.from(entityKeyOf),
    entitySummaries: StringColumn.from(summaries.map((s) => JSON.stringify(s))),
    entityIdsDistinct: entityOccurrences === entities.val.length,
    quoteCounts,
    texts: StringColumn.from(texts),
    textOff,
    textIds: textIds.done(),
    textField: textField.a.slice(0, textField.n),
  };
}

import type { FacetName } from '../corpus/query-params-schema';
import type { Article } from '../model/article-schema';
import { forEachWord, termOf } from './analyze';
import { fold } from './fold';
import { WordTable } from './word-table';
import { FIELD_B, FIELD_WEIGHT, K1, KEYWORD_IMPACT } from './ranking-weights';
import { type FacetColumn, FIELD_KEY, type SearchIndex } from './search-index';

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

function facetColumn(articles: readonly Article[], valuesOf: (a: Article) => string[]): FacetColumn {
  const ids = new Map<string, number>();
  const values: string[] = [];
  const off = new Uint32Array(articles.length + 1);
  const val = new U32List();
  articles.forEach((a, d) => {
    const seen = new Set<number>();
    for (const v of valuesOf(a)) {
      let id = ids.get(v);
      if (id === undefined) {
        id = values.length;
        values.push(v);
        ids.set(v, id);
      }
      if (!seen.has(id)) {
        seen.add(id);
        val.push(id);
      }
    }
    off[d + 1] = val.n;
  });
  return { values, off, val: val.done() };
}

export function facetColumns(articles: readonly Article[]): Record<FacetName, FacetColumn> {
  const ents = (type: string) => (a: Article) => a.entities.filter((e) => e.type === type).map((e) => e.name);
  return {
    section: facetColumn(articles, (a) => (a.section ? [a.section] : [])),
    tag: facetColumn(articles, (a) => a.tags),
    source: facetColumn(articles, (a) => (a.source ? [a.source.name] : [])),
    language: facetColumn(articles, (a) => [a.language]),
    month: facetColumn(articles, (a) => (a.publishedAt ? [a.publishedAt.slice(0, 7)] : [])),
    person: facetColumn(articles, ents('person')),
    organization: facetColumn(articles, ents('organization')),
    place: facetColumn(articles, ents('place')),
  };
}

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
  const eTerm = new U32List();
  const eDoc = new U32List();
  const eTf: U8List[] = Array.from({ length: FIELDS }, () => new U8List());
  const eKeyword = new U8List();
  const fieldLen = new Float64Array(n * FIELDS);

  let stamp = new Int32Array(1024).fill(-1);
  let slot = new Int32Array(1024);
  const local: number[] = [];
  const tf: Uint16Array[] = Array.from({ length: FIELDS }, () => new Uint16Array(1 << 16));

  const texts: string[] = [];
  const textIdOf = new Map<string, number>();
  const textOff = new Uint32Array(n + 1);
  const textIds = new U32List();
  const textField = new U8List();
  const seen: number[] = [];
  const addText = (s: string, field: number): number => {
    let id = textIdOf.get(s);
    if (id === undefined) {
      id = texts.length;
      texts.push(s);
      textIdOf.set(s, id);
      seen.push(0);
    }
    seen[id]!++;
    textIds.push(id);
    textField.push(field);
    return id;
  };
  // Term ids of body blocks met more than once (syndicated or boilerplate paragraphs): analysed once.
  const blockTerms = new Map<number, Int32Array>();

  const ensure = (t: number) => {
    if (t < stamp.length) return;
    const st = new Int32Array(Math.max(t + 1, stamp.length * 2)).fill(-1);
    st.set(stamp);
    stamp = st;
    const sl = new Int32Array(st.length);
    sl.set(slot);
    slot = sl;
  };
  // Keyword keys (field qualifiers): short repeated strings are cached; title and quote words map
  // from their term ids.
  const kwCache = new Map<string, number[]>();
  const kwIds = (key: string, text: string): number[] => {
    const ck = key + text;
    let ids = kwCache.get(ck);
    if (!ids) {
      const out: number[] = [];
      forEachWord(fold(text), (w) => {
        out.push(idOf(key + (termOf(w) || w)));
      });
      ids = out;
      if (kwCache.size < 500_000) kwCache.set(ck, ids);
    }
    return ids;
  };
  const titleKey: number[] = [];
  const quoteKey: number[] = [];
  const keyFor = (table: number[], key: string, t: number) => (table[t] ??= idOf(key + termNames[t]!));
  const keys: number[] = [];
  let collect: number[] | undefined;
  let d = 0;
  let len = 0;
  let field = 0;
  const onWord = (t: number) => {
    if (t < 0) return;
    len++;
    if (collect) collect.push(t);
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
  const count = (text: string, f: number) => {
    len = 0;
    field = f;
    table.scan(text, onWord);
    fieldLen[d * FIELDS + f]! += len;
  };
  // Quotations and entity names recur across articles: their term ids are computed once.
  const shortTerms = new Map<string, Int32Array>();
  const countCached = (text: string, f: number, key: string) => {
    let ids = shortTerms.get(key);
    if (!ids) {
      const out: number[] = [];
      table.scan(text, (t) => {
        if (t >= 0) out.push(t);
      });
      ids = Int32Array.from(out);
      if (shortTerms.size < 1_000_000) shortTerms.set(key, ids);
    }
    len = 0;
    field = f;
    for (let i = 0; i < ids.length; i++) onWord(ids[i]!);
    fieldLen[d * FIELDS + f]! += len;
  };
  const titleTerms: number[] = [];
  const quoteTerms: number[] = [];

  for (d = 0; d < n; d++) {
    const a = articles[d]!;
    local.length = 0;
    titleTerms.length = 0;
    quoteTerms.length = 0;
    collect = titleTerms;
    count(a.title, 0);
    collect = undefined;
    addText(a.title, 0);
    if (a.standfirst) {
      count(a.standfirst, 1);
      addText(a.standfirst, 1);
    }
    for (const b of a.body) {
      const id = addText(b.text, 2);
      const known = blockTerms.get(id);
      if (known) {
        len = 0;
        field = 2;
        for (let i = 0; i < known.length; i++) onWord(known[i]!);
        fieldLen[d * FIELDS + 2]! += len;
      } else if (seen[id]! >= 2) {
        const ids: number[] = [];
        collect = ids;
        count(b.text, 2);
        collect = undefined;
        blockTerms.set(id, Int32Array.from(ids));
      } else count(b.text, 2);
    }
    collect = quoteTerms;
    for (const q of a.quotes) countCached(q.text, 3, q.text);
    collect = undefined;
    for (const e of a.entities) {
      const key = e.aliases.length
        ? `${e.id}\u0000${e.name}\u0000${e.aliases.join('\u0000')}`
        : `${e.id}\u0000${e.name}`;
      countCached(e.aliases.length ? `${e.name} ${e.aliases.join(' ')}` : e.name, 4, key);
    }
    textOff[d + 1] = textIds.n;
    for (let i = 0; i < local.length; i++) {
      eTerm.push(local[i]!);
      eDoc.push(d);
      for (let f = 0; f < FIELDS; f++) eTf[f]!.push(tf[f]![i]!);
      eKeyword.push(0);
    }
    // Keyword postings for field qualifiers.
    keys.length = 0;
    for (const t of titleTerms) keys.push(keyFor(titleKey, FIELD_KEY.title, t));
    for (const t of quoteTerms) keys.push(keyFor(quoteKey, FIELD_KEY.quote, t));
    const kw = (key: string, text: string | undefined) => {
      if (text) for (const k of kwIds(key, text)) keys.push(k);
    };
    for (const q of a.quotes) kw(FIELD_KEY.speaker, q.speaker);
    for (const b of a.byline) kw(FIELD_KEY.byline, b);
    kw(FIELD_KEY.source, a.source?.name);
    kw(FIELD_KEY.section, a.section);
    for (const t of a.tags) kw(FIELD_KEY.tag, t);
    kw(FIELD_KEY.lang, a.language);
    for (const e of a.entities) {
      const k =
        e.type === 'person'
          ? FIELD_KEY.person
          : e.type === 'organization'
            ? FIELD_KEY.org
            : e.type === 'place'
              ? FIELD_KEY.place
              : undefined;
      for (const name of [e.name, ...e.aliases]) {
        if (k) kw(k, name);
        kw(FIELD_KEY.entity, name);
      }
    }
    for (const k of keys) {
      ensure(k);
      if (stamp[k] === d) continue;
      stamp[k] = d;
      eTerm.push(k);
      eDoc.push(d);
      for (let f = 0; f < FIELDS; f++) eTf[f]!.push(0);
      eKeyword.push(1);
    }
  }

  // Average field lengths, then each entry's BM25F saturation.
  const avg = new Float64Array(FIELDS);
  for (let d = 0; d < n; d++) for (let f = 0; f < FIELDS; f++) avg[f]! += fieldLen[d * FIELDS + f]!;
  for (let f = 0; f < FIELDS; f++) avg[f] = Math.max(1, avg[f]! / Math.max(1, n));

  // Sorted dictionary and a counting sort of the entries by term.
  const T = termNames.length;
  const order = Array.from({ length: T }, (_, i) => i).sort((x, y) =>
    termNames[x]! < termNames[y]! ? -1 : termNames[x]! > termNames[y]! ? 1 : 0,
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
  for (let i = 0; i < E; i++) {
    const r = rank[eTerm.a[i]!]!;
    const at = fill[r]!++;
    const d = eDoc.a[i]!;
    postDoc[at] = d;
    if (eKeyword.a[i]) {
      postImp[at] = KEYWORD_IMPACT;
      continue;
    }
    let s = 0;
    for (let f = 0; f < FIELDS; f++) {
      const x = eTf[f]!.a[i]!;
      if (x)
        s += (FIELD_WEIGHT[f]! * x) / (1 - FIELD_B[f]! + (FIELD_B[f]! * fieldLen[d * FIELDS + f]!) / avg[f]!);
    }
    postImp[at] = Math.max(1, Math.round((255 * s) / (K1 + s)));
  }

  const surfaceEntries = table
    .entries()
    .filter(([w]) => /\p{L}/u.test(w))
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));

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

  const keyOf = new Map<string, string>();
  for (const a of articles)
    for (const e of a.entities)
      if (!keyOf.has(e.id)) keyOf.set(e.id, [e.name, ...e.aliases].map(fold).join('\u0000'));
  const index: SearchIndex = {
    n,
    ids: articles.map((a) => a.id),
    slugs: articles.map((a) => a.slug),
    titles: articles.map((a) => a.title),
    dates: articles.map((a) => a.publishedAt ?? ''),
    oldestRank,
    terms: order.map((t) => termNames[t]!),
    surface: surfaceEntries.map((e) => e[0]),
    surfaceTerm: Uint32Array.from(surfaceEntries, (e) => rank[e[1]]!),
    termOff,
    postDoc,
    postImp,
    facets: facetColumns(articles),
    entities: facetColumn(articles, (a) => a.entities.map((e) => e.id)),
    entityKeys: [],
    texts,
    textOff,
    textIds: textIds.done(),
    textField: textField.a.slice(0, textField.n),
  };
  index.entityKeys = index.entities.values.map((id) => keyOf.get(id) ?? '');
  return index;
}

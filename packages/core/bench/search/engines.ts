// One adapter per engine, so every engine gets the same documents and the same queries.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type Article, type Corpus, loadCorpus } from '@gazette/core';
import { createCorpusInParallel } from '@gazette/core/node/query';
import {
  create,
  insertMultiple,
  load as oramaLoad,
  save as oramaSave,
  search as oramaSearch,
} from '@orama/orama';
import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { DEFAULT_MERGE_POLICY } from '../../src/live/components/merge-policy';
import { segmentedCorpus } from '../../src/live/segmented-corpus';
import { gazetteIndexPart, gazetteSections, type IndexPart, sqliteIndexPart } from './index-part';

export interface Doc {
  id: string;
  title: string;
  text: string;
  section: string;
  month: string;
}

export function toDoc(a: Article): Doc {
  return {
    id: a.id,
    title: a.title,
    text: [a.standfirst ?? '', ...a.body.map((b) => b.text)].join('\n'),
    section: a.section ?? '',
    month: (a.publishedAt ?? '').slice(0, 7),
  };
}

/** `typo`: one word with one typo; `prefix`: one word's first letters, matching every word they start. */
export type QueryKind = 'and' | 'or' | 'phrase' | 'filtered' | 'typo' | 'prefix';

export interface Query {
  words: string[];
  kind: QueryKind;
  /** For filtered queries: a section to filter by (and facets on section and month). */
  section?: string;
}

export interface Engine {
  name: string;
  /** Which query kinds it can answer faithfully. */
  supports: ReadonlySet<QueryKind>;
  /** Ids of the top 10. */
  search(q: Query, typos: boolean): string[];
  /** Serialised form (in parts: one string may not exceed V8's 512 MB) and its loader. */
  snapshot?(): Array<string | Uint8Array>;
  load?(data: Array<string | Uint8Array>): Engine;
  dispose?(): void;
  /** The number of terms in its dictionary, read after `snapshot` (given its parts). */
  dictionary?(snapshot?: Array<string | Uint8Array>): string;
  /** The database file, for engines whose snapshot is a file. */
  file?: string;
  /** The index part of its snapshot (without the records it hands back), read after `snapshot`. */
  indexPart?(snapshot?: Array<string | Uint8Array>): IndexPart | undefined;
  /** For an engine whose snapshot is its index alone: what it holds (the index part is the snapshot). */
  indexHolds?: string;
}

export type EngineFactory = (articles: readonly Article[]) => Engine | Promise<Engine>;

const ALL: ReadonlySet<QueryKind> = new Set(['and', 'or', 'phrase', 'filtered', 'typo', 'prefix']);
const NO_PHRASE: ReadonlySet<QueryKind> = new Set(['and', 'or', 'filtered', 'typo', 'prefix']);
const NO_PHRASE_PREFIX: ReadonlySet<QueryKind> = new Set(['and', 'or', 'filtered', 'typo']);
const FTS: ReadonlySet<QueryKind> = new Set(['and', 'or', 'phrase', 'filtered', 'prefix']);
const PLAIN: ReadonlySet<QueryKind> = new Set(['and', 'or']);

/** A bench query as Gazette's search parameters. */
export function gazetteRequest(q: Query) {
  // A word missing from the dictionary is read with typos: a typo query is the word as typed.
  const text =
    q.kind === 'phrase'
      ? `"${q.words.join(' ')}"`
      : q.kind === 'prefix'
        ? `${q.words[0]}*`
        : q.words.join(q.kind === 'or' ? ' OR ' : ' ');
  return q.kind === 'filtered'
    ? { q: text, limit: 10, filters: { section: q.section! }, facets: ['section' as const, 'month' as const] }
    : { q: text, limit: 10 };
}

export function gazetteEngine(corpus: Corpus): Engine {
  return {
    name: 'Gazette',
    supports: ALL,
    search(q) {
      return corpus.search(gazetteRequest(q)).hits.map((h) => h.id);
    },
    // The snapshot is bytes: typed arrays end to end, loaded as views.
    snapshot: () => [corpus.toSnapshot()],
    // Loaded as the Node file readers load a snapshot file: the corpus adopts the bytes (the bench
    // reads them for this load only).
    load: ([bytes]) => gazetteEngine(loadCorpus(bytes, { adopt: true })),
    dictionary: (snapshot) => (snapshot?.[0] instanceof Uint8Array ? snapshotTerms(snapshot[0]) : '–'),
    indexPart: (snapshot) =>
      snapshot?.[0] instanceof Uint8Array ? gazetteIndexPart(snapshot[0]) : undefined,
  };
}

/**
 * Gazette over more articles than one segment holds, as its live index holds them: segments (oldest
 * first) kept as snapshots and loaded as views, queried as one corpus. The snapshot is the segments'.
 */
export function segmentedEngine(parts: readonly Uint8Array[], adopt = false): Engine {
  const segments = parts.map((p) => loadCorpus(p, { adopt }));
  const corpus = segmentedCorpus(segments);
  // Adopted bytes are the corpus's now (their offsets added up in place): a snapshot is written anew.
  const own = () => (adopt ? segments.map((c) => c.toSnapshot()) : [...parts]);
  const each = <T>(snapshot: Array<string | Uint8Array> | undefined, read: (bytes: Uint8Array) => T) =>
    (snapshot ?? own()).filter((p): p is Uint8Array => p instanceof Uint8Array).map(read);
  return {
    ...gazetteEngine(corpus),
    snapshot: own,
    // Loaded as kept segments are: their bytes were read for this load only, so the corpus adopts them.
    load: (data) =>
      segmentedEngine(
        data.filter((p): p is Uint8Array => p instanceof Uint8Array),
        true,
      ),
    dictionary: (snapshot) => `${each(snapshot, snapshotTerms).join(' + ')} in ${parts.length} segments`,
    indexPart: (snapshot) => gazetteIndexPart(...each(snapshot, (bytes) => bytes)),
  };
}

// Every core of the machine: by default a build takes only the cores idle over the last minute, so on
// this shared machine it often ran on one thread, and the build target is for both cores.
const BOTH_CORES = { threads: availableParallelism() };

/** The most articles one segment of Gazette's live index holds (its merge policy's bound; the bench's
 * GAZETTE_BENCH_SEGMENT sets another, to see what segments cost on a small corpus). */
const SEGMENT =
  Number(process.env.GAZETTE_BENCH_SEGMENT) || (DEFAULT_MERGE_POLICY.maxSegment ?? Number.POSITIVE_INFINITY);

/**
 * Index terms and surface words of a Gazette snapshot, read from its header's section table (element
 * counts of the string columns' offsets): the bench reads them without reaching into the engine.
 */
function snapshotTerms(bytes: Uint8Array): string {
  const { sections } = gazetteSections(bytes);
  const count = (name: string) => {
    const entry = sections.find((e) => e[0] === name);
    return entry ? (entry[3] - 1).toLocaleString('en') : '?';
  };
  return `${count('terms.off')} (${count('surface.off')} surface words)`;
}

/**
 * Gazette over batches of articles as its live index builds a store: each batch a segment built on every
 * core and kept as its snapshot (that time is the build's) before the next batch is read, queried as one
 * corpus. `buildMs` leaves out the reading of the batches.
 */
export function gazetteSegments(batches: Iterable<readonly Article[]>): { engine: Engine; buildMs: number } {
  const parts: Uint8Array[] = [];
  let buildMs = 0;
  for (const batch of batches) {
    const t0 = performance.now();
    parts.push(createCorpusInParallel(batch, BOTH_CORES).toSnapshot());
    buildMs += performance.now() - t0;
  }
  return { engine: segmentedEngine(parts), buildMs };
}

/** Whether Gazette holds `count` articles in more than one segment of its live index. */
export const gazetteSegmentsFor = (count: number) => (count > SEGMENT ? SEGMENT : undefined);

// Built as a Node service builds it: on every core; over one segment's worth (one build of 300k articles
// does not fit a 14 GB heap), a segment at a time as the live index builds a store.
export const gazette: EngineFactory = (articles) => {
  if (articles.length <= SEGMENT) return gazetteEngine(createCorpusInParallel(articles, BOTH_CORES));
  const batches = Array.from({ length: Math.ceil(articles.length / SEGMENT) }, (_, i) =>
    articles.slice(i * SEGMENT, (i + 1) * SEGMENT),
  );
  return gazetteSegments(batches).engine;
};

const MS_OPTIONS = { fields: ['title', 'text'], storeFields: ['section', 'month'], idField: 'id' };
function miniEngine(ms: MiniSearch<Doc>): Engine {
  return {
    name: 'MiniSearch',
    supports: NO_PHRASE,
    search(q, typos) {
      const opts = {
        boost: { title: 2 },
        prefix: q.kind === 'prefix',
        fuzzy: typos ? 0.2 : false,
        combineWith: q.kind === 'or' ? 'OR' : 'AND',
      } as const;
      if (q.kind !== 'filtered')
        return ms
          .search(q.words.join(' '), opts)
          .slice(0, 10)
          .map((r) => r.id as string);
      const hits = ms.search(q.words.join(' '), { ...opts, filter: (r) => r.section === q.section });
      const facets = new Map<string, number>();
      for (const h of hits)
        for (const k of [`s:${h.section}`, `m:${h.month}`]) facets.set(k, (facets.get(k) ?? 0) + 1);
      return hits.slice(0, 10).map((r) => r.id as string);
    },
    snapshot: () => [JSON.stringify(ms)],
    load: (data) => miniEngine(MiniSearch.loadJSON<Doc>(String(data[0]), MS_OPTIONS)),
    dictionary: () => ms.termCount.toLocaleString('en'),
    indexHolds: 'the whole snapshot: its index and the section and month of each document (stored fields)',
  };
}

export const minisearch: EngineFactory = (articles) => {
  const ms = new MiniSearch<Doc>(MS_OPTIONS);
  ms.addAll(articles.map(toDoc));
  return miniEngine(ms);
};

type OramaDb = ReturnType<typeof makeOrama>;
const makeOrama = () =>
  create({
    schema: { id: 'string', title: 'string', text: 'string', section: 'enum', month: 'enum' } as const,
  });
function oramaEngine(db: OramaDb): Engine {
  return {
    name: 'Orama',
    supports: NO_PHRASE_PREFIX,
    search(q, typos) {
      const params = {
        term: q.words.join(' '),
        limit: 10,
        boost: { title: 2 },
        ...(typos ? { tolerance: 1 } : {}),
        // Orama matches any word by default; threshold 0 keeps only documents with every word.
        ...(q.kind === 'or' ? {} : { threshold: 0 }),
        ...(q.kind === 'filtered'
          ? { where: { section: { eq: q.section! } }, facets: { section: {}, month: {} } }
          : {}),
      };
      const r = oramaSearch(db, params as never) as { hits: Array<{ document: { id: string } }> };
      return r.hits.map((h) => h.document.id);
    },
    snapshot: () => [JSON.stringify(oramaSave(db))],
    load: (data) => {
      const fresh = makeOrama();
      oramaLoad(fresh, JSON.parse(String(data[0])));
      return oramaEngine(fresh);
    },
  };
}

export const orama: EngineFactory = async (articles) => {
  const db = makeOrama();
  await insertMultiple(db, articles.map(toDoc) as never, 1000);
  return oramaEngine(db);
};

type Flex = InstanceType<typeof FlexSearch.Index>;
const makeFlex = () => new FlexSearch.Index({ tokenize: 'strict', resolution: 9 } as never) as Flex;
function flexEngine(ix: Flex, ids: string[]): Engine {
  return {
    name: 'FlexSearch',
    supports: PLAIN,
    search(q) {
      // FlexSearch has no OR operator: suggest mode returns partial matches too.
      const r = ix.search(q.words.join(' '), {
        limit: 10,
        ...(q.kind === 'or' ? { suggest: true } : {}),
      } as never) as number[];
      return r.map((i) => ids[i]!);
    },
    snapshot() {
      const parts: Record<string, string> = {};
      ix.export((key: string | number, data: string) => {
        parts[String(key)] = data;
      });
      return [JSON.stringify({ ids, parts })];
    },
    dictionary: () => (ix as unknown as { map: Map<unknown, unknown> }).map.size.toLocaleString('en'),
    indexHolds: 'the whole snapshot: its export holds the index alone (no documents), and the ids',
    load(data) {
      const { ids: savedIds, parts } = JSON.parse(String(data[0])) as {
        ids: string[];
        parts: Record<string, string>;
      };
      const fresh = makeFlex();
      for (const [k, v] of Object.entries(parts)) fresh.import(k, v);
      return flexEngine(fresh, savedIds);
    },
  };
}

export const flexsearch: EngineFactory = (articles) => {
  const ix = makeFlex();
  const ids = articles.map((a) => a.id);
  articles.forEach((a, i) => {
    const d = toDoc(a);
    ix.add(i, `${d.title}\n${d.text}`);
  });
  return flexEngine(ix, ids);
};

function lunrEngine(ix: lunr.Index): Engine {
  return {
    name: 'Lunr',
    supports: PLAIN,
    search(q) {
      const text = q.words
        .map((w) => w.replace(/[:~^*+-]/g, ''))
        .filter(Boolean)
        .map((w) => (q.kind === 'or' ? w : `+${w}`))
        .join(' ');
      try {
        return ix
          .search(text)
          .slice(0, 10)
          .map((r) => r.ref);
      } catch {
        return [];
      }
    },
    snapshot: () => [JSON.stringify(ix)],
    indexHolds: 'the whole snapshot: the index alone (no documents)',
    load: (data) => lunrEngine(lunr.Index.load(JSON.parse(String(data[0])))),
  };
}

export const lunrFactory: EngineFactory = (articles) =>
  lunrEngine(
    lunr(function () {
      this.ref('id');
      this.field('title', { boost: 2 });
      this.field('text');
      for (const a of articles) this.add(toDoc(a));
    }),
  );

const fts = (w: string) => `"${w.replace(/"/g, '""')}"`;
function sqliteEngine(db: DatabaseSync, file: string, dir: string): Engine {
  const stmt = db.prepare('SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 2.0, 1.0) LIMIT 10');
  const filtered = db.prepare(
    'SELECT id FROM docs WHERE docs MATCH ? AND section = ? ORDER BY bm25(docs, 2.0, 1.0) LIMIT 10',
  );
  const facetSection = db.prepare(
    'SELECT section, count(*) FROM docs WHERE docs MATCH ? AND section = ? GROUP BY section',
  );
  const facetMonth = db.prepare(
    'SELECT month, count(*) FROM docs WHERE docs MATCH ? AND section = ? GROUP BY month',
  );
  return {
    name: 'SQLite FTS5',
    supports: FTS,
    search(q) {
      const m =
        q.kind === 'phrase'
          ? fts(q.words.join(' '))
          : q.kind === 'prefix'
            ? `${fts(q.words[0]!)}*`
            : q.words.map(fts).join(q.kind === 'or' ? ' OR ' : ' AND ');
      if (q.kind !== 'filtered') return (stmt.all(m) as Array<{ id: string }>).map((r) => r.id);
      facetSection.all(m, q.section!);
      facetMonth.all(m, q.section!);
      return (filtered.all(m, q.section!) as Array<{ id: string }>).map((r) => r.id);
    },
    file,
    indexPart: () => sqliteIndexPart(db, file),
    dictionary() {
      db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, 'docs', 'row')");
      const row = db.prepare('SELECT count(*) AS n FROM temp.vocab').get() as { n: number };
      return row.n.toLocaleString('en');
    },
    load: () => {
      const again = new DatabaseSync(file, { readOnly: true });
      return sqliteEngine(again, file, dir);
    },
    dispose: () => {
      db.close();
    },
  };
}

/** SQLite FTS5 through node:sqlite, on a file in a temporary directory (porter tokenizer). */
export const sqlite: EngineFactory = (articles) => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-bench-'));
  const file = join(dir, 'fts.db');
  const db = new DatabaseSync(file);
  db.exec(
    "CREATE VIRTUAL TABLE docs USING fts5(title, text, id UNINDEXED, section UNINDEXED, month UNINDEXED, tokenize='porter unicode61 remove_diacritics 2')",
  );
  const insert = db.prepare('INSERT INTO docs (title, text, id, section, month) VALUES (?, ?, ?, ?, ?)');
  db.exec('BEGIN');
  for (const a of articles) {
    const d = toDoc(a);
    insert.run(d.title, d.text, d.id, d.section, d.month);
  }
  db.exec('COMMIT');
  const engine = sqliteEngine(db, file, dir);
  const dispose = engine.dispose!;
  engine.dispose = () => {
    dispose();
    rmSync(dir, { recursive: true, force: true });
  };
  return engine;
};

export const FACTORIES: Record<string, EngineFactory> = {
  Gazette: gazette,
  MiniSearch: minisearch,
  Orama: orama,
  FlexSearch: flexsearch,
  Lunr: lunrFactory,
  'SQLite FTS5': sqlite,
};

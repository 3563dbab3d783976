import type { Sql, TransactionSql } from 'postgres';
import type { Article } from '../../model/article-schema';
import { contentFingerprint, isFingerprint } from '../../store/fingerprint';
import {
  integerBandKeys,
  MAX_CANDIDATES,
  type NearCandidate,
  rankCandidates,
} from '../../store/fingerprint-index';
import type { PutResult } from '../../store/store-types';
import { type PutPlan, planPuts, type StoredArticle } from './put-plan';

/**
 * Taken (for the transaction) by every transaction that writes articles, before it reads anything. Why:
 * the change log's seq comes from a sequence, and sequence values commit out of order: a writer that drew
 * seq 7 may commit after one that drew seq 8, and a reader paging `changes(since)` that saw 8 would never
 * go back for 7. Under this lock, writers of articles run one at a time, so seqs commit in order and a
 * reader's `last` is a true high-water mark. It also makes each batch's reads (stored rows, near
 * duplicates) see every batch committed before it, so two workers never store one story twice.
 */
export const ARTICLE_WRITE_LOCK = 0x67617a02;

/** Notified (with the last seq, as text) by every transaction that adds or updates articles. */
export const CHANGES_CHANNEL = 'gazette_changes';

type Tx = TransactionSql;

async function readStored(tx: Tx, ids: string[]): Promise<Map<string, StoredArticle>> {
  const rows = await tx`SELECT id, json, version, fingerprint, saved_at, content_hash
    FROM articles WHERE id = ANY(${ids}::text[])`;
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        id: r.id as string,
        json: r.json as string,
        version: Number(r.version),
        fingerprint: r.fingerprint as string,
        savedAt: (r.saved_at as string | null) ?? null,
        contentHash: r.content_hash as string,
      },
    ]),
  );
}

/**
 * The stored articles near each new one, in one query over the band index (at most MAX_CANDIDATES per
 * article, those sharing the most bands first, as the SQLite store reads them), then the articles at or
 * above the threshold in a second.
 */
async function readNear(tx: Tx, fresh: Array<{ id: string; fp: string }>) {
  const is: number[] = [];
  const keys: number[] = [];
  fresh.forEach(({ fp }, i) => {
    for (const k of integerBandKeys(fp)) {
      is.push(i);
      keys.push(k);
    }
  });
  const near = new Map<string, NearCandidate[]>();
  const facts = new Map<string, Article>();
  if (keys.length === 0) return { near, facts };
  const rows = await tx`WITH q AS (SELECT * FROM unnest(${is}::int[], ${keys}::int8[]) AS q(i, key)),
    shared AS (SELECT q.i, b.id, count(*) AS n FROM q JOIN fingerprint_bands b ON b.key = q.key GROUP BY q.i, b.id),
    ranked AS (SELECT i, id, row_number() OVER (PARTITION BY i ORDER BY n DESC, id) AS r FROM shared)
    SELECT r.i, a.id, a.fingerprint FROM ranked r JOIN articles a ON a.id = r.id WHERE r.r <= ${MAX_CANDIDATES}`;
  const byArticle = new Map<number, Array<{ id: string; fingerprint: string }>>();
  for (const r of rows) {
    const list = byArticle.get(r.i as number) ?? [];
    list.push({ id: r.id as string, fingerprint: r.fingerprint as string });
    byArticle.set(r.i as number, list);
  }
  for (const [i, list] of byArticle) {
    const { id, fp } = fresh[i]!;
    const ranked = rankCandidates(fp, list, id);
    if (ranked.length) near.set(id, ranked);
  }
  const wanted = [...new Set([...near.values()].flat().map((c) => c.id))];
  if (wanted.length) {
    const stored = await tx`SELECT id, json FROM articles WHERE id = ANY(${wanted}::text[])`;
    for (const r of stored) facts.set(r.id as string, JSON.parse(r.json as string) as Article);
  }
  return { near, facts };
}

/** The band rows (key, id) of fingerprints, as two arrays for unnest. */
function bandRows(entries: Iterable<[string, string]>): { keys: number[]; ids: string[] } {
  const keys: number[] = [];
  const ids: string[] = [];
  for (const [id, fp] of entries)
    if (isFingerprint(fp))
      for (const k of integerBandKeys(fp)) {
        keys.push(k);
        ids.push(id);
      }
  return { keys, ids };
}

const column = <T, K extends keyof T>(rows: readonly T[], key: K): Array<T[K]> => rows.map((r) => r[key]);

/** The statements writing a plan: a handful per batch whatever its size (arrays through unnest). */
function writes(tx: Tx, plan: PutPlan) {
  const out = [];
  const rows = [...plan.rows.values()];
  if (plan.keepStored.length)
    out.push(tx`INSERT INTO article_versions(id, version, saved_at, content_hash, json)
      SELECT id, version, saved_at, content_hash, json FROM articles WHERE id = ANY(${plan.keepStored}::text[])`);
  const kept = plan.keptInBatch;
  if (kept.length)
    out.push(tx`INSERT INTO article_versions(id, version, saved_at, content_hash, json)
      SELECT * FROM unnest(${column(kept, 'id')}::text[], ${column(kept, 'version')}::int[],
        ${column(kept, 'savedAt')}::text[], ${column(kept, 'contentHash')}::text[], ${column(kept, 'json')}::text[])`);
  if (rows.length)
    // The rows as one JSON parameter: JSON.stringify is native, where a text[] parameter is escaped element
    // by element in JavaScript (measured: a sixth of a 1,000-article batch's time).
    out.push(tx`INSERT INTO articles(id, slug, content_hash, fingerprint, version, saved_at, json)
      SELECT id, slug, "contentHash", fingerprint, version, "savedAt", json
      FROM ROWS FROM (json_to_recordset(${tx.json(rows as unknown as Parameters<Tx['json']>[0])}::json) AS (id text, slug text, "contentHash" text,
        fingerprint text, version int, "savedAt" text, json text)) WITH ORDINALITY AS u
      ORDER BY u.ordinality
      ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, content_hash = excluded.content_hash,
        fingerprint = excluded.fingerprint, version = excluded.version, saved_at = excluded.saved_at, json = excluded.json`);
  const old = bandRows(plan.replacedFingerprints);
  if (old.keys.length)
    out.push(tx`DELETE FROM fingerprint_bands b USING unnest(${old.keys}::int8[], ${old.ids}::text[]) AS d(key, id)
      WHERE b.key = d.key AND b.id = d.id`);
  const bands = bandRows(rows.map((r) => [r.id, r.fingerprint]));
  if (bands.keys.length)
    out.push(tx`INSERT INTO fingerprint_bands(key, id) SELECT * FROM unnest(${bands.keys}::int8[], ${bands.ids}::text[])
      ON CONFLICT DO NOTHING`);
  return [...out, ...linkWrites(tx, plan), ...logWrites(tx, plan)];
}

function linkWrites(tx: Tx, plan: PutPlan) {
  const out = [];
  if (plan.unlinks.size) out.push(tx`DELETE FROM duplicates WHERE id = ANY(${[...plan.unlinks]}::text[])`);
  const links = [...plan.links.values()];
  if (links.length)
    out.push(tx`INSERT INTO duplicates(id, duplicate_of, link)
      SELECT * FROM unnest(${column(links, 'id')}::text[], ${column(links, 'duplicateOf')}::text[],
        ${links.map((l) => JSON.stringify(l))}::text[])
      ON CONFLICT (id) DO UPDATE SET duplicate_of = excluded.duplicate_of, link = excluded.link`);
  return out;
}

/** The change log's entries, in order, and the notification (sent by PostgreSQL only if this commits). */
function logWrites(tx: Tx, plan: PutPlan) {
  const c = plan.changes;
  if (!c.length) return [];
  return [
    tx`WITH logged AS (INSERT INTO changes(article_id, version, kind, saved_at)
      SELECT id, v, k, s FROM unnest(${column(c, 'id')}::text[], ${column(c, 'version')}::int[],
        ${column(c, 'kind')}::text[], ${column(c, 'savedAt')}::text[]) WITH ORDINALITY AS u(id, v, k, s, n)
      ORDER BY n RETURNING seq)
      SELECT pg_notify(${CHANGES_CHANNEL}, max(seq)::text) FROM logged`,
  ];
}

/**
 * Stores a batch of valid articles in one transaction: the write lock, the stored rows, the near duplicates
 * of new ids, then every write in one batch (four round trips whatever the batch's size). All or nothing.
 */
export async function putArticles(
  sql: Sql,
  valid: readonly Article[],
  savedAt: string | undefined,
): Promise<PutResult[]> {
  const fingerprints = valid.map(contentFingerprint);
  const ids = [...new Set(valid.map((a) => a.id))];
  return sql.begin(async (tx) => {
    // Awaited before anything is read: a read pipelined behind the lock was seen to read what was committed
    // before the lock was granted (two writers then both added the same articles).
    await tx`SELECT pg_advisory_xact_lock(${ARTICLE_WRITE_LOCK})`;
    const stored = await readStored(tx, ids);
    const fresh = new Map<string, string>();
    valid.forEach((a, i) => {
      if (!stored.has(a.id) && !fresh.has(a.id)) fresh.set(a.id, fingerprints[i]!);
    });
    const { near, facts } = await readNear(
      tx,
      [...fresh].filter(([, fp]) => isFingerprint(fp)).map(([id, fp]) => ({ id, fp })),
    );
    const plan = planPuts({ valid, fingerprints, stored, near, facts, savedAt });
    const statements = writes(tx, plan);
    if (statements.length) await tx.batch(statements);
    return plan.results;
  });
}

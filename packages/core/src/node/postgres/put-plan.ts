import type { Article } from '../../model/article-schema';
import { decidePut, duplicateOf } from '../../store/decide-put';
import { FingerprintIndex, type NearCandidate } from '../../store/fingerprint-index';
import { withFirstSeen } from '../../store/first-seen';
import type { DuplicateLink, PutResult } from '../../store/store-types';

/** An article as stored (or as this batch has left it so far). */
export interface StoredArticle {
  id: string;
  json: string;
  version: number;
  fingerprint: string;
  savedAt: string | null;
  contentHash: string;
}

/** A version of an article as a row: of `articles` (the current one) or `article_versions`. */
export type VersionRow = StoredArticle;

/** What a batch writes, decided in memory from what the database held when the batch took the write lock. */
export interface PutPlan {
  results: PutResult[];
  /** Ids whose stored row becomes a previous version (copied to article_versions before it is replaced). */
  keepStored: string[];
  /** Versions made and replaced within this batch (an article put twice in one batch). */
  keptInBatch: VersionRow[];
  /** Each added or updated article's final row, in the order first written. */
  rows: Map<string, VersionRow & { slug: string }>;
  /** Every change, in order: what the change log records. */
  changes: Array<{ id: string; version: number; kind: 'added' | 'updated'; savedAt: string | null }>;
  /** The fingerprints stored rows had, whose bands are replaced. */
  replacedFingerprints: Map<string, string>;
  /** Duplicate links to write (final per id), and ids that are articles now (their links dropped). */
  links: Map<string, DuplicateLink>;
  unlinks: Set<string>;
}

export interface PutInputs {
  valid: readonly Article[];
  /** contentFingerprint of each of `valid`, by position. */
  fingerprints: readonly string[];
  stored: ReadonlyMap<string, StoredArticle>;
  /** Near stored articles of each new id (read from the database, at or above the threshold). */
  near: ReadonlyMap<string, NearCandidate[]>;
  /** Stored articles named by `near`, to compare titles and dates. */
  facts: ReadonlyMap<string, Article>;
  savedAt: string | undefined;
}

function emptyPlan(): PutPlan {
  return {
    results: [],
    keepStored: [],
    keptInBatch: [],
    rows: new Map(),
    changes: [],
    replacedFingerprints: new Map(),
    links: new Map(),
    unlinks: new Set(),
  };
}

/**
 * Decides each put of a batch in order, as the SQLite store does one by one inside its transaction: an
 * article is compared with what is stored and with what this batch stored before it (so two copies of a
 * story in one batch store one), through the core's `decidePut`.
 */
export function planPuts(input: PutInputs): PutPlan {
  const plan = emptyPlan();
  const current = new Map<string, { row: StoredArticle; article: Article }>();
  for (const [id, row] of input.stored) current.set(id, { row, article: JSON.parse(row.json) as Article });
  const local = new FingerprintIndex();
  const savedAt = input.savedAt ?? null;
  input.valid.forEach((valid, i) => {
    const fp = input.fingerprints[i]!;
    const cur = current.get(valid.id);
    const article = withFirstSeen(valid, cur?.article, input.savedAt);
    const candidates = cur ? [] : nearOf(valid.id, fp, input.near, local);
    const facts = (id: string) => current.get(id)?.article ?? input.facts.get(id);
    const decision = decidePut(article, cur?.row.json, candidates, facts);
    if (decision.status === 'unchanged') {
      plan.results.push({ status: 'unchanged', id: article.id, version: cur!.row.version });
      return;
    }
    if (decision.status === 'duplicate') {
      const { link, result } = duplicateOf(article, decision, input.savedAt);
      plan.links.set(article.id, link);
      plan.results.push(result);
      return;
    }
    const version = (cur?.row.version ?? 0) + 1;
    if (cur) keepPrevious(plan, cur.row, input.stored);
    const json = JSON.stringify(article);
    const contentHash = article.provenance.contentHash;
    const row = { id: article.id, slug: article.slug, version, savedAt, json, fingerprint: fp, contentHash };
    plan.rows.set(article.id, row);
    current.set(article.id, { row, article });
    local.add(article.id, fp);
    plan.links.delete(article.id);
    plan.unlinks.add(article.id);
    plan.changes.push({ id: article.id, version, kind: decision.status as 'added' | 'updated', savedAt });
    plan.results.push({ status: decision.status, id: article.id, version });
  });
  return plan;
}

/** The version an update replaces: the stored row (copied by SQL), or one this batch wrote. */
function keepPrevious(
  plan: PutPlan,
  previous: StoredArticle,
  stored: ReadonlyMap<string, StoredArticle>,
): void {
  const fromDatabase = stored.get(previous.id);
  if (fromDatabase && fromDatabase.version === previous.version) {
    plan.keepStored.push(previous.id);
    plan.replacedFingerprints.set(previous.id, fromDatabase.fingerprint);
  } else plan.keptInBatch.push(previous);
}

/** Near articles of a new one: those stored (unless this batch rewrote them) and those this batch added. */
function nearOf(
  id: string,
  fp: string,
  near: ReadonlyMap<string, NearCandidate[]>,
  local: FingerprintIndex,
): NearCandidate[] {
  const inBatch = local.candidates(fp, id);
  const rewritten = new Set(inBatch.map((c) => c.id));
  const stored = (near.get(id) ?? []).filter((c) => !rewritten.has(c.id) && !local.has(c.id));
  return [...stored, ...inBatch].sort((a, b) => b.similarity - a.similarity);
}

import type { Sql } from 'postgres';
import type { Article } from '../../model/article-schema';
import { changePageSize } from '../../store/memory-store';
import type { ArticleVersion, ChangePage, DuplicateLink } from '../../store/store-types';

/** Articles read per page when iterating a whole store: bounded memory whatever its size. */
const ITERATE_PAGE = 500;

const toVersion = (r: Record<string, unknown>): ArticleVersion => ({
  version: Number(r.version),
  contentHash: r.content_hash as string,
  article: JSON.parse(r.json as string) as Article,
  ...(r.saved_at ? { savedAt: r.saved_at as string } : {}),
});

/** The read side of the PostgreSQL store: each operation one query. */
export function postgresReads(sql: Sql) {
  return {
    async get(idOrSlug: string): Promise<Article | undefined> {
      const [row] = await sql`SELECT json FROM articles WHERE id = ${idOrSlug} OR slug = ${idOrSlug}
        ORDER BY (id = ${idOrSlug}) DESC, seq LIMIT 1`;
      return row ? (JSON.parse(row.json as string) as Article) : undefined;
    },
    async getMany(ids: readonly string[]): Promise<Article[]> {
      if (!ids.length) return [];
      const rows = await sql`SELECT a.json FROM unnest(${[...ids]}::text[]) WITH ORDINALITY AS q(id, n)
        JOIN articles a ON a.id = q.id ORDER BY q.n`;
      return rows.map((r) => JSON.parse(r.json as string) as Article);
    },
    async count(): Promise<number> {
      const [row] = await sql`SELECT count(*)::int AS n FROM articles`;
      return Number(row?.n ?? 0);
    },
    async *iterate(): AsyncIterable<Article> {
      let after = 0;
      for (;;) {
        const rows = await sql`SELECT seq::float8 AS seq, json FROM articles WHERE seq > ${after}
          ORDER BY seq LIMIT ${ITERATE_PAGE}`;
        for (const r of rows) yield JSON.parse(r.json as string) as Article;
        if (rows.length < ITERATE_PAGE) return;
        after = Number(rows.at(-1)!.seq);
      }
    },
    async versions(id: string): Promise<ArticleVersion[]> {
      const rows =
        await sql`SELECT version, saved_at, content_hash, json FROM article_versions WHERE id = ${id}
        UNION ALL SELECT version, saved_at, content_hash, json FROM articles WHERE id = ${id} ORDER BY version`;
      return rows.map(toVersion);
    },
    async duplicates(ofId?: string): Promise<DuplicateLink[]> {
      const rows = ofId
        ? await sql`SELECT link FROM duplicates WHERE duplicate_of = ${ofId} ORDER BY seq`
        : await sql`SELECT link FROM duplicates ORDER BY seq`;
      return rows.map((r) => JSON.parse(r.link as string) as DuplicateLink);
    },
    async changes(since: number, limit?: number): Promise<ChangePage> {
      const rows = await sql`SELECT seq::float8 AS seq, article_id, version, kind, saved_at FROM changes
        WHERE seq > ${Math.max(0, Math.floor(since))} ORDER BY seq LIMIT ${changePageSize(limit)}`;
      const changes = rows.map((r) => ({
        seq: Number(r.seq),
        id: r.article_id as string,
        version: Number(r.version),
        kind: r.kind as 'added' | 'updated',
        ...(r.saved_at ? { savedAt: r.saved_at as string } : {}),
      }));
      return { changes, last: changes.at(-1)?.seq ?? since };
    },
    /** The last change's seq: it moves on every add and update (writes commit in seq order). */
    async revision(): Promise<string> {
      const [row] = await sql`SELECT coalesce(max(seq), 0)::text AS s FROM changes`;
      return String(row?.s ?? '0');
    },
    async identity(): Promise<string | undefined> {
      const [row] = await sql`SELECT value FROM gazette_meta WHERE key = 'store_id'`;
      return (row?.value as string | undefined) || undefined;
    },
  };
}

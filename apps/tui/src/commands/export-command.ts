import { openStore } from '@gazette/core/node/query';
import type { CliIo } from '../cli-io';
import { DEFAULT_STORE, storePath } from '../store-path';
import { UsageError } from '../usage-error';

/**
 * gazette export [--format ndjson|json]: writes the store's articles to standard output, one Article
 * per line (ndjson) or as a corpus snapshot (json, readable with GAZETTE_SNAPSHOT and by ingest).
 */
export async function exportCommand(
  io: CliIo,
  args: { db?: string | undefined; format?: string | undefined },
): Promise<void> {
  const format = args.format ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'json')
    throw new UsageError(`--format for export is ndjson or json; got "${format}".`);
  const db = storePath(args.db) ?? DEFAULT_STORE;
  const store = await openStore(db, { readOnly: true });
  try {
    // One article at a time, at the pace of the reader: a large store is never held in memory whole.
    if (format === 'ndjson')
      for await (const a of store.iterate()) {
        io.stdout(`${JSON.stringify(a)}\n`);
        await io.drained?.();
      }
    else {
      io.stdout('{"format":"gazette-snapshot","version":1,"articles":[');
      let first = true;
      for await (const a of store.iterate()) {
        io.stdout(`${first ? '' : ','}\n${JSON.stringify(a)}`);
        await io.drained?.();
        first = false;
      }
      io.stdout('\n]}\n');
    }
  } finally {
    await store.close();
  }
}

import { articleRecognizer } from './article-recognizer';
import { type InputFormat, InputFormatSchema } from '@gazette/core/query';
import {
  type IngestProgress,
  type IngestSummary,
  ingestSources,
  notifyAlerts,
  openStore,
} from '@gazette/core/node';
import type { PutResult } from '@gazette/core';
import { type CliIo, printJson } from '../cli-io';
import { DEFAULT_STORE, storePath } from '../store-path';
import { safeLine } from '../text/safe-text';
import { UsageError } from '../usage-error';

function parseMapping(value: string | undefined): Record<string, string> | undefined {
  if (!value) return undefined;
  const mapping: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const [field, from] = pair.split('=').map((s) => s.trim());
    if (!field || !from)
      throw new UsageError(
        `--map takes FIELD=NAME pairs separated by commas (e.g. title=headline,body=content); got "${pair}".`,
      );
    mapping[field] = from;
  }
  return mapping;
}

function parseSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--full-deadline takes a number of seconds above 0; got "${value}".`);
  return Math.round(seconds * 1000);
}

function bar(p: IngestProgress): string {
  const width = 24;
  const filled = Math.round((width * p.done) / Math.max(1, p.total));
  const s = p.summary;
  return `\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done}/${p.total}  added ${s.added}  updated ${s.updated}  duplicates ${s.duplicates}  failed ${s.failed.length}`;
}

function printSummary(io: CliIo, db: string, s: IngestSummary): void {
  if (s.interrupted)
    io.stdout('Interrupted: stopped before the next transaction; what is counted below was committed.\n');
  io.stdout(
    `${s.sources} source${s.sources === 1 ? '' : 's'} into ${db}: added ${s.added}, updated ${s.updated}, unchanged ${s.unchanged}, duplicates ${s.duplicates}, failed ${s.failed.length}${s.skipped.length ? `, skipped ${s.skipped.length}` : ''}\n`,
  );
  for (const f of s.failed) io.stdout(`  failed  ${safeLine(f.source)}: ${safeLine(f.reason)}\n`);
  for (const w of s.warnings) io.stdout(`  warning ${safeLine(w.source)}: ${safeLine(w.reason)}\n`);
  for (const k of s.skipped) io.stdout(`  skipped ${safeLine(k.source)}: ${safeLine(k.reason)}\n`);
}

/** gazette ingest PATH_OR_URL... : reads files, folders, URLs and feeds into the store. Exit 1 if any source failed. */
export async function ingestCommand(
  io: CliIo,
  args: {
    inputs: string[];
    db?: string | undefined;
    format?: string | undefined;
    full: boolean;
    map?: string | undefined;
    json: boolean;
    fullDeadline?: string | undefined;
  },
): Promise<number> {
  if (args.inputs.length === 0)
    throw new UsageError('gazette ingest needs at least one file, folder or URL.');
  const format = args.format ?? 'auto';
  if (format !== 'auto' && !InputFormatSchema.safeParse(format).success)
    throw new UsageError(
      `--format must be auto or one of ${InputFormatSchema.options.join(', ')}; got "${format}".`,
    );
  const mapping = parseMapping(args.map);
  const fullDeadlineMs = parseSeconds(args.fullDeadline);
  let db = storePath(args.db) ?? DEFAULT_STORE;
  // Stored articles are read many times: they get the trained entity tagger and the gazetteer, as
  // `gazette parse` does.
  const recognizer = await articleRecognizer();
  const stop = new AbortController();
  let signalled: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    signalled ??= signal;
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let summary: IngestSummary;
  const stored: PutResult[] = [];
  let alertsNote = '';
  try {
    const store = await openStore(db, {
      create: true,
      onWait: (message) => io.stderr(`gazette: ${message}…\n`),
    });
    db = store.location; // A database URL is shown without its password.
    try {
      summary = await ingestSources(store, args.inputs, {
        format: format as InputFormat | 'auto',
        recognizer,
        full: args.full,
        ...(fullDeadlineMs ? { fullDeadlineMs } : {}),
        ...(mapping ? { mapping } : {}),
        stdin: io.stdin,
        signal: stop.signal,
        onStored: (r) => {
          if (r.status === 'added' || r.status === 'updated') stored.push(r);
        },
        onProgress: (p) => {
          if (io.isTTY) io.stderr(bar(p) + (p.done === p.total ? '\n' : ''));
          else if (!args.json) {
            const failed = p.summary.failed.find((f) => f.source === p.source);
            io.stderr(`[${p.done}/${p.total}] ${safeLine(p.source)}${failed ? ' failed' : ''}\n`);
          }
        },
      });
      // Alerts (gazette alert add) hear of what this ingest stored, as they do of what watch stores.
      const alerts = await notifyAlerts(store, stored, { now: new Date().toISOString() });
      if (alerts.queued)
        alertsNote = `alerts: ${alerts.queued} new batches of matches; webhooks sent ${alerts.sent}, failed ${alerts.failed} (gazette watch tries again)\n`;
    } finally {
      await store.close();
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (args.json) printJson(io, { db, ...summary });
  else printSummary(io, db, summary);
  if (alertsNote && !args.json) io.stdout(alertsNote);
  // 128 + the signal's number, as a shell reports a process a signal stopped.
  if (signalled) return signalled === 'SIGINT' ? 130 : 143;
  return summary.failed.length > 0 ? 1 : 0;
}

import { type FollowedSource, parseDuration, sourceHealth } from '@gazette/core/query';
import { createPoller, followSources, type PollSummary, watchSources } from '@gazette/core/node';
import { type CliIo, printJson } from '../cli-io';
import { openCommandStore } from '../store-path';
import { safeLine } from '../text/safe-text';
import { UsageError } from '../usage-error';
import { siteBeside, type WatchSiteArgs } from './watch-site';

// follow, sources, unfollow and watch: the store's followed feeds. One file, since they share the store
// handling and the way a source is shown.

function everySeconds(every: string | undefined): number | undefined {
  if (every === undefined) return undefined;
  try {
    return parseDuration(every, '--every');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** gazette follow URL... [--full] [--every DURATION]: exit 1 if any URL could not be followed. */
export async function followCommand(
  io: CliIo,
  args: { urls: string[]; db?: string | undefined; full: boolean; every?: string | undefined; json: boolean },
): Promise<number> {
  if (args.urls.length === 0) throw new UsageError('gazette follow needs at least one feed or page URL.');
  const every = everySeconds(args.every);
  const { path, store } = await openCommandStore(io, args.db);
  try {
    const results = await followSources(store, args.urls, {
      full: args.full,
      ...(every ? { everySeconds: every } : {}),
    });
    if (args.json) printJson(io, { db: path, results });
    else
      for (const r of results) {
        if (r.error) io.stdout(`  failed   ${safeLine(r.input)}: ${safeLine(r.error)}\n`);
        else
          io.stdout(
            `  ${r.added ? 'following' : 'updated  '} ${r.source!.id}  ${safeLine(r.source!.title ?? '')}  ${safeLine(r.source!.url)}\n`,
          );
      }
    if (!args.json && results.some((r) => r.source))
      io.stdout(`Run gazette watch --db ${path} to poll them.\n`);
    return results.some((r) => r.error) ? 1 : 0;
  } finally {
    await store.close();
  }
}

const ago = (iso: string | undefined, now: number) => {
  if (!iso) return 'never';
  const s = Math.round((now - Date.parse(iso)) / 1000);
  const abs = Math.abs(s);
  const text =
    abs < 90
      ? `${abs}s`
      : abs < 5400
        ? `${Math.round(abs / 60)}m`
        : abs < 129_600
          ? `${Math.round(abs / 3600)}h`
          : `${Math.round(abs / 86_400)}d`;
  return s >= 0 ? `${text} ago` : `in ${text}`;
};

function sourceLine(s: FollowedSource, now: string): string {
  const t = Date.parse(now);
  const h = sourceHealth(s, now);
  const rate = h.itemsPerDay === null ? 'rate not known yet' : `${h.itemsPerDay.toFixed(1)} items/day`;
  const health = h.ok ? 'ok' : `FAILING ×${h.failures}: ${h.lastError ?? ''}`;
  return [
    `${s.id}  ${safeLine(s.title ?? '(untitled)')}${s.full ? '  [full]' : ''}`,
    `    ${safeLine(s.url)}`,
    `    last success ${ago(s.state.lastSuccessAt, t)} · next poll ${ago(s.state.nextPollAt, t)} · ${rate} · ${s.state.itemsStored} stored · ${safeLine(health)}`,
  ].join('\n');
}

/** gazette sources [--json]: the followed feeds with their health. */
export async function sourcesCommand(
  io: CliIo,
  args: { db?: string | undefined; json: boolean },
): Promise<number> {
  const { path, store } = await openCommandStore(io, args.db);
  try {
    const now = new Date().toISOString();
    const sources = await store.sources.list();
    if (args.json)
      printJson(io, {
        db: path,
        sources: sources.map((s) => ({ ...s, health: sourceHealth(s, now) })),
      });
    else if (sources.length === 0)
      io.stdout(`No followed sources in ${path}. Add one with gazette follow URL.\n`);
    else io.stdout(`${sources.map((s) => sourceLine(s, now)).join('\n')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** gazette unfollow URL_OR_ID...: its articles stay. */
export async function unfollowCommand(
  io: CliIo,
  args: { targets: string[]; db?: string | undefined },
): Promise<number> {
  if (args.targets.length === 0)
    throw new UsageError('gazette unfollow needs the URL or id of a followed source (see gazette sources).');
  const { store } = await openCommandStore(io, args.db);
  try {
    let missing = 0;
    for (const target of args.targets) {
      const removed = await store.sources.unfollow(target);
      if (removed) io.stdout(`  unfollowed ${removed.id}  ${safeLine(removed.url)} (its articles stay)\n`);
      else {
        missing++;
        io.stderr(`gazette: no followed source is ${safeLine(target)} (see gazette sources).\n`);
      }
    }
    return missing ? 1 : 0;
  } finally {
    await store.close();
  }
}

function printRound(io: CliIo, s: PollSummary): void {
  io.stdout(
    `polled ${s.polled}: ${s.notModified} unchanged (304), ${s.failedSources} failed; added ${s.added}, updated ${s.updated}, duplicates ${s.duplicates}\n`,
  );
  for (const f of s.failed) io.stdout(`  failed  ${safeLine(f.source)}: ${safeLine(f.reason)}\n`);
  for (const w of s.warnings) io.stdout(`  warning ${safeLine(w.source)}: ${safeLine(w.reason)}\n`);
  const a = s.alerts;
  if (a.queued || a.sent || a.failed)
    io.stdout(
      `  alerts: ${a.queued} new batches of matches; webhooks sent ${a.sent}, failed ${a.failed} (given up ${a.gaveUp})\n`,
    );
}

interface WatchArgs extends WatchSiteArgs {
  db?: string | undefined;
  once: boolean;
}

/**
 * gazette watch [--once] [--site DIR [--site-every D]]: polls followed sources as they fall due (every one
 * now, with --once), keeping the static site at DIR current with the store.
 */
export async function watchCommand(io: CliIo, args: WatchArgs): Promise<number> {
  const { nerRecognizer } = await import('@gazette/core/ner');
  const { path, db, store } = await openCommandStore(io, args.db);
  const site = await siteBeside(io, db, args).catch(async (error) => {
    await store.close();
    throw error;
  });
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const followed = (await store.sources.list()).length;
    if (followed === 0) {
      io.stderr(`gazette: ${path} follows no sources yet; add one with gazette follow URL.\n`);
      return 1;
    }
    const options = { recognizer: nerRecognizer, signal: stop.signal };
    if (args.once) {
      const summary = await createPoller({ ...options, all: true }).poll(store);
      if (args.json) printJson(io, { db: path, ...summary });
      else printRound(io, summary);
      const built = await site?.check();
      return summary.failedSources || built === 'failed' ? 1 : 0;
    }
    io.stderr(`gazette: watching ${followed} sources in ${path}; Ctrl-C stops.\n`);
    site?.keepCurrent();
    void site?.check();
    await watchSources(store, {
      ...options,
      onRound: (s) => {
        if (args.json) printJson(io, s);
        else printRound(io, s);
        void site?.check();
      },
    });
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await site?.close();
    await store.close();
  }
}

import type { LiveCorpus } from '@gazette/core/node';
import { type MatchQuery, toSummary } from '@gazette/core/query';
import type { SSEStreamingApi } from 'hono/streaming';
import type { StreamLimits } from '../limits';
import type { ChangeBatch, ChangeBatches } from './change-batches';

/** What one event stream follows: the live corpus, its query, where it starts, and its bounds. */
export interface StreamRun {
  live: LiveCorpus;
  batches: ChangeBatches;
  query: MatchQuery;
  /** The change seq after which to start (the client's Last-Event-ID or `since`, else the head). */
  from: number;
  limits: StreamLimits;
  /** Aborts when the server ends every stream (shutdown). */
  ended: AbortSignal;
}

/** An SSE event per new matching article: `id` the change seq (what Last-Event-ID resumes from). */
function articleEvents(batch: ChangeBatch, matched: ReadonlySet<string>): string[] {
  return batch.changes
    .filter((c) => matched.has(c.id))
    .map((change) => {
      const data = JSON.stringify({ change, article: toSummary(batch.articles.get(change.id)!) });
      return `event: article\nid: ${change.seq}\ndata: ${data}\n\n`;
    });
}

/**
 * Writes to the stream, waiting at most `ms` for the client to take it: a client that does not read is
 * dropped, so the server never queues events for it (the change log is its queue when it comes back).
 */
async function send(stream: SSEStreamingApi, text: string, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const sent = await Promise.race([stream.write(text).then(() => true), late]);
  clearTimeout(timer);
  if (!sent) stream.abort();
  return sent && !stream.aborted;
}

/** Sends the new matches after `from`, page by page, up to what the corpus has applied; the new cursor. */
async function sendNew(stream: SSEStreamingApi, run: StreamRun, from: number): Promise<number> {
  let cursor = from;
  for (;;) {
    // Read together, in one step: the changes the corpus has applied, and that corpus.
    const head = run.live.version().seq;
    if (cursor >= head) return cursor;
    const batch = await run.batches.after(cursor, head, run.live.corpus());
    if (batch.last <= cursor) return cursor; // the log holds nothing more yet
    for (const event of articleEvents(batch, batch.match(run.query)))
      if (!(await send(stream, event, run.limits.writeTimeoutMs))) return cursor;
    cursor = batch.last;
    // Other requests run between pages of a long catch-up.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** A client far behind starts `maxResumeChanges` back, told so: what it missed is in GET /v1/changes. */
async function boundResume(stream: SSEStreamingApi, run: StreamRun): Promise<number> {
  const head = run.live.version().seq;
  const oldest = head - run.limits.maxResumeChanges;
  if (run.from >= oldest) return run.from;
  const detail = `More than ${run.limits.maxResumeChanges} changes came after ${run.from}: those up to ${oldest} are not replayed; page GET /v1/changes?since=${run.from} for them.`;
  const data = JSON.stringify({ since: run.from, resumedAfter: oldest, detail });
  await send(stream, `event: skipped\ndata: ${data}\n\n`, run.limits.writeTimeoutMs);
  return oldest;
}

/**
 * Follows the live corpus for one client until it leaves, the server ends the stream, or the stream's
 * time is up (then `retry:` tells the client when to come back, and the id where). Woken by each new version;
 * a heartbeat comment in between carries the cursor as the event id (an event without data updates the
 * client's Last-Event-ID without firing), so a reconnect never replays changes already looked at.
 */
export async function followChanges(stream: SSEStreamingApi, run: StreamRun): Promise<void> {
  const { limits } = run;
  const deadline = Date.now() + limits.maxDurationMs;
  let dirty = false;
  let wake: (() => void) | undefined;
  const poke = () => {
    dirty = true;
    wake?.();
  };
  const unsubscribe = run.live.subscribe(poke);
  stream.onAbort(poke);
  run.ended.addEventListener('abort', poke);
  const open = () => !stream.aborted && !run.ended.aborted && Date.now() < deadline;
  try {
    let cursor = run.from;
    if (
      !(await send(
        stream,
        `: following changes after ${cursor}\nretry: ${limits.retryMs}\nid: ${cursor}\n\n`,
        limits.writeTimeoutMs,
      ))
    )
      return;
    cursor = await boundResume(stream, run);
    while (open()) {
      dirty = false;
      cursor = await sendNew(stream, run, cursor);
      if (!open() || dirty) continue;
      const beat = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), Math.min(limits.heartbeatMs, deadline - Date.now()));
        wake = () => {
          clearTimeout(timer);
          resolve(false);
        };
      });
      wake = undefined;
      if (beat && open() && !(await send(stream, `: heartbeat\nid: ${cursor}\n\n`, limits.writeTimeoutMs)))
        return;
    }
    if (!stream.aborted)
      await send(stream, `: closing\nretry: ${limits.retryMs}\nid: ${cursor}\n\n`, limits.writeTimeoutMs);
  } finally {
    unsubscribe();
    run.ended.removeEventListener('abort', poke);
  }
}

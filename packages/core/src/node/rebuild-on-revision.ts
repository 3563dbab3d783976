import { createHash } from 'node:crypto';
import { GazetteError } from '../errors/gazette-error';
import { parseDuration } from '../follow/parse-duration';
import { corpusRevision } from './corpus-revision';
import { publishDirectory, publishedTag } from './publish-directory';

// A folder built from a store and kept current with it (the static site of `gazette watch --site DIR` and of
// `npm start` over GAZETTE_DB): built again when the store's revision is not the one DIR was built from, at
// most once per interval, one build at a time, each into a fresh folder swapped in atomically by
// publishDirectory (which keeps the build before until the next swap). A failed build leaves DIR as it was
// and says why. What a build is (the site's Astro build, run as a child) is the caller's: `build`.

export const REBUILD_EVERY_DEFAULT = '10m';
const MIN_EVERY_S = 60;
const MAX_EVERY_S = 86_400;

/** The interval between builds (--site-every, GAZETTE_SITE_EVERY: `name`) as milliseconds, 1 minute to 1 day. */
export function rebuildEveryMs(every: string | undefined, name: string): number {
  const text = every ?? REBUILD_EVERY_DEFAULT;
  const seconds = parseDuration(text, name);
  if (seconds < MIN_EVERY_S || seconds > MAX_EVERY_S)
    throw new GazetteError(
      'INVALID_PARAMS',
      `${name} must be between 1m and 1d (a site build takes a while); got "${text}".`,
      { where: name },
    );
  return seconds * 1000;
}

/** What a build is tagged with (publishedTag): a short hash of the store's identity and revision it was built from. */
export const revisionTag = (revision: string | undefined) =>
  createHash('sha256')
    .update(revision ?? '')
    .digest('hex')
    .slice(0, 16);

/** One build: the store at `db`, of `revision` when read, into the empty folder `out`; stopped by `signal`. */
export interface BuildJob {
  db: string;
  revision: string;
  out: string;
  signal: AbortSignal;
}

export type BuildInto = (job: BuildJob) => Promise<void>;

export interface RebuildOptions {
  /** The store the folder is built from. */
  db: string;
  /** The folder kept current: a link publishDirectory swaps. */
  dir: string;
  /** The least time between the starts of two builds (rebuildEveryMs). */
  everyMs: number;
  build: BuildInto;
  /** What is built, for the lines reported ("site"). */
  what: string;
  report: (line: string) => void;
  fail: (line: string) => void;
}

export type RebuildOutcome = 'rebuilt' | 'current' | 'later' | 'failed';

export interface RevisionRebuilder {
  /** Rebuilds now when the store changed since DIR was built and the interval allows; resolves when done. */
  check(): Promise<RebuildOutcome>;
  /** Checks every minute (or every interval, when shorter) from now on, so writes by other processes count, until closed. */
  keepCurrent(): void;
  /** Stops the checks and a build in progress (its folder removed, DIR as it was). */
  close(): Promise<void>;
}

/** Keeps `dir` built from the store at `db`: at most one build per `everyMs`, one at a time. */
export function rebuildOnRevision(options: RebuildOptions): RevisionRebuilder {
  const { db, dir, what } = options;
  const stop = new AbortController();
  let running: Promise<'rebuilt' | 'failed'> | undefined;
  /** The store's revision being read (it may be a database): one look at a time, as one build at a time. */
  let looking: Promise<RebuildOutcome> | undefined;
  let lastStart = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  let ticker: NodeJS.Timeout | undefined;

  async function rebuild(revision: string): Promise<'rebuilt' | 'failed'> {
    const started = Date.now();
    lastStart = started;
    try {
      await publishDirectory(dir, revisionTag(revision), (out) =>
        options.build({ db, revision, out, signal: stop.signal }),
      );
      options.report(`${what}: rebuilt ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 'rebuilt';
    } catch (error) {
      options.fail(
        `gazette: the ${what} was not rebuilt (${dir} keeps the one before): ${(error as Error).message}`,
      );
      return 'failed';
    }
  }

  /** Looked at again once the interval allows, so a change is never left unbuilt. */
  function later(wait: number): 'later' {
    timer ??= setTimeout(() => {
      timer = undefined;
      void self.check();
    }, wait);
    return 'later';
  }

  /** Reads the store's revision and rebuilds when DIR was built from another one. */
  async function look(): Promise<RebuildOutcome> {
    let revision: string;
    try {
      revision = (await corpusRevision({ db })) ?? '';
    } catch (error) {
      // Checked from timers too: a store that cannot be read now is said, never thrown at the loop.
      options.fail(`gazette: the ${what}'s store could not be read: ${(error as Error).message}`);
      return 'failed';
    }
    if (stop.signal.aborted) return 'later';
    if (publishedTag(dir) === revisionTag(revision)) return 'current';
    running = rebuild(revision).finally(() => {
      running = undefined;
    });
    return running;
  }

  const self: RevisionRebuilder = {
    async check() {
      if (running) return running;
      if (looking) return looking;
      const wait = lastStart + options.everyMs - Date.now();
      if (wait > 0) return later(wait);
      looking = look().finally(() => {
        looking = undefined;
      });
      return looking;
    },
    keepCurrent() {
      ticker ??= setInterval(() => void self.check(), Math.max(1_000, Math.min(options.everyMs, 60_000)));
    },
    async close() {
      clearTimeout(timer);
      clearInterval(ticker);
      stop.abort();
      await looking;
      await running;
    },
  };
  return self;
}

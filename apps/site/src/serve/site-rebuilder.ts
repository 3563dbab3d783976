import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseDuration } from '@gazette/core/query';
import { corpusRevision } from '@gazette/core/node/query';
import { publishDirectory, publishedTag } from '@gazette/core/node';

// The static site kept current with a store: rebuilt when the store's revision is not the one DIR was built
// from, at most once per interval, swapped in atomically (publishDirectory); a failed build leaves the
// previous site and says why. Used by `gazette watch --site DIR` and by `npm start` over GAZETTE_DB.

export const SITE_EVERY_DEFAULT = '10m';
const MIN_EVERY_S = 60;
const MAX_EVERY_S = 86_400;
/** The end of a failed build's output kept for its report. */
const KEPT_OUTPUT = 4_000;

/** The interval between builds (--site-every, GAZETTE_SITE_EVERY, named by `name`) as milliseconds, 1 minute to 1 day. */
export function siteEveryMs(every: string | undefined, name = '--site-every'): number {
  const text = every ?? SITE_EVERY_DEFAULT;
  const seconds = parseDuration(text, name);
  if (seconds < MIN_EVERY_S || seconds > MAX_EVERY_S)
    throw new RangeError(`${name} must be between 1m and 1d (a site build takes a while); got "${text}".`);
  return seconds * 1000;
}

/** The site's Astro project (apps/site) and its astro command, found from this gazette's install. */
function siteProject(): { dir: string; astro: string } {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('@gazette/site/package.json'));
    const astroPkg = createRequire(join(dir, 'package.json')).resolve('astro/package.json');
    const bin = (JSON.parse(readFileSync(astroPkg, 'utf8')) as { bin: { astro: string } }).bin.astro;
    return { dir, astro: join(dirname(astroPkg), bin) };
  } catch {
    throw new Error(
      'the site is built by Gazette’s own apps/site (Astro), which is not installed beside this gazette: run it from a Gazette checkout after npm install.',
    );
  }
}

/** Runs the site's build over the store at `db` into `out`; rejects with the end of its output. */
export function buildSite(db: string, out: string, signal: AbortSignal): Promise<void> {
  const { dir, astro } = siteProject();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build'], {
      cwd: dir,
      env: {
        ...process.env,
        GAZETTE_DB: db,
        // Of the build npm start began with, not of this one (undefined: left out).
        GAZETTE_CORPUS_REVISION: undefined,
        GAZETTE_SITE_OUT: out,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal,
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => reject(signal.aborted ? new Error('the watch stopped') : error));
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`the site build exited with ${code}:\n${lastLines(output, 12)}`));
    });
  });
}

const lastLines = (text: string, n: number) =>
  text
    .trimEnd()
    .split('\n')
    .slice(-n)
    .map((line) => `    ${line}`)
    .join('\n');

/** What a site is tagged with: a short hash of the store's identity and revision it was built from. */
export const revisionTag = (revision: string | undefined) =>
  createHash('sha256')
    .update(revision ?? '')
    .digest('hex')
    .slice(0, 16);

export interface SiteRebuilder {
  /** Rebuilds now when the store changed since DIR was built and the interval allows; resolves when done. */
  check(): Promise<'rebuilt' | 'current' | 'later' | 'failed'>;
  /** Checks every minute from now on (writes by other processes too), until closed. */
  keepCurrent(): void;
  close(): Promise<void>;
}

/** Keeps DIR's site current with the store at `db`: at most one build per `everyMs`, one at a time. */
export function siteRebuilder(options: {
  db: string;
  dir: string;
  everyMs: number;
  report: (line: string) => void;
  fail: (line: string) => void;
  /** The build (default: the site's own, buildSite). */
  build?: typeof buildSite;
}): SiteRebuilder {
  const build = options.build ?? buildSite;
  const stop = new AbortController();
  let running: Promise<'rebuilt' | 'failed'> | undefined;
  /** The store's revision being read (it may be a database): one look at a time, as one build at a time. */
  let looking: ReturnType<SiteRebuilder['check']> | undefined;
  let lastStart = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  let ticker: NodeJS.Timeout | undefined;

  async function rebuild(tag: string): Promise<'rebuilt' | 'failed'> {
    const started = Date.now();
    lastStart = started;
    try {
      await publishDirectory(options.dir, tag, (out) => build(options.db, out, stop.signal));
      options.report(`site: rebuilt ${options.dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 'rebuilt';
    } catch (error) {
      options.fail(
        `gazette: the site was not rebuilt (${options.dir} keeps the one before): ${(error as Error).message}`,
      );
      return 'failed';
    }
  }

  /** Reads the store's revision and rebuilds when the published site is of another one. */
  async function look(): ReturnType<SiteRebuilder['check']> {
    let tag: string;
    try {
      tag = revisionTag(await corpusRevision({ db: options.db }));
    } catch (error) {
      // Checked from timers too: a store that cannot be read now is said, never thrown at the loop.
      options.fail(`gazette: the site's store could not be read: ${(error as Error).message}`);
      return 'failed';
    }
    if (stop.signal.aborted) return 'later';
    if (publishedTag(options.dir) === tag) return 'current';
    running = rebuild(tag).finally(() => {
      running = undefined;
    });
    return running;
  }

  const self: SiteRebuilder = {
    async check() {
      if (running) return running;
      const wait = lastStart + options.everyMs - Date.now();
      if (wait > 0) {
        // Looked at again once the interval allows, so a change is never left unbuilt.
        timer ??= setTimeout(() => {
          timer = undefined;
          void self.check();
        }, wait);
        return 'later';
      }
      looking ??= look().finally(() => {
        looking = undefined;
      });
      return looking;
    },
    keepCurrent() {
      ticker ??= setInterval(() => void self.check(), Math.min(options.everyMs, 60_000));
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

// npm run bench -w @gazette/site: builds the site over the BBC corpus and a generated 10,000-article corpus;
// prints build time, pages per second, dist size, and the bytes a typical search transfers, and writes them
// to the section `site-build` of docs/benchmarks.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bbcAsText,
  benchLog,
  generateCorpus,
  HAS_SHARED,
  readBbc,
  SHARED_MISSING,
  writeBenchSection,
} from '@gazette/bench-corpora';
import { type Article, createCorpus, parseText } from '@gazette/core';
import { loadShardedCorpus } from '@gazette/core/query';
import { writeSnapshotFile } from '@gazette/core/node';
import { serveStatic } from '../src/serve/static-server';

const APP = fileURLToPath(new URL('../', import.meta.url));
const ASTRO = [
  join(APP, 'node_modules/astro/bin/astro.mjs'),
  join(APP, '../../node_modules/astro/bin/astro.mjs'),
].find(existsSync)!;
const QUERIES = ['government plans', 'mobile phone', 'election', 'economic growth forecast', 'film award'];
const TARGET_PAGES_PER_S = 200;
const PAGEFIND_BYTES = 300 * 1024;
const log = benchLog();

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Bytes (gzip, as served) of every index file a search fetches, through the same client code the page runs. */
async function searchTransfer(url: string, q: string) {
  let bytes = 0;
  let files = 0;
  const engine = loadShardedCorpus(async (path) => {
    const res = await fetch(`${url}/search/${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
    const body = await res.arrayBuffer();
    bytes += Number(res.headers.get('content-length') ?? body.byteLength);
    files++;
    return JSON.parse(new TextDecoder().decode(body));
  });
  const started = performance.now();
  const r = await engine.search({ q, limit: 20, facets: ['section', 'person'] });
  return {
    bytes,
    files,
    ms: performance.now() - started,
    hits: r.result.hits.length,
    candidates: r.candidates,
  };
}

/** The page's own transfer in Chromium (HTML, CSS, JS and index files), when Chromium is installed. */
async function chromiumTransfer(
  url: string,
  q: string,
): Promise<{ total: number; index: number } | undefined> {
  if (!existsSync('/usr/bin/chromium')) return undefined;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    let total = 0;
    let index = 0;
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => {
      total += e.encodedDataLength;
      if (/\/search\/(manifest\.json|t\/|d\/)/.test(urls.get(e.requestId) ?? ''))
        index += e.encodedDataLength;
    });
    await page.goto(`${url}/search/?q=${encodeURIComponent(q)}`);
    await page.waitForSelector('#results li', { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return { total, index };
  } finally {
    await browser.close();
  }
}

async function bench(label: string, articles: Article[]) {
  const work = mkdtempSync(join(tmpdir(), 'gazette-site-bench-'));
  try {
    const snapshot = join(work, 'corpus.snapshot');
    writeSnapshotFile(snapshot, createCorpus(articles));
    const out = join(work, 'dist');
    const started = performance.now();
    const r = spawnSync(process.execPath, [ASTRO, 'build'], {
      cwd: APP,
      env: {
        ...process.env,
        GAZETTE_SNAPSHOT: snapshot,
        GAZETTE_SITE_OUT: out,
        GAZETTE_SITE_PROFILE: join(work, 'profile.json'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 0)
      throw new Error(`astro build failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
    const all = walk(out);
    const html = all.filter((f) => f.endsWith('.html'));
    const bytes = all.reduce((s, f) => s + statSync(f).size, 0);
    const indexFiles = all.filter((f) => f.includes(`${join(out, 'search')}/`) && f.endsWith('.json'));
    const indexBytes = indexFiles.reduce((s, f) => s + statSync(f).size, 0);
    const gzipDist = Number(
      execFileSync('sh', ['-c', `tar -cf - -C '${out}' . | gzip -6 | wc -c`])
        .toString()
        .trim(),
    );
    log.line(`### ${label}: ${articles.length} articles`);
    log.line(`build (astro build, whole process): ${seconds.toFixed(1)} s`);
    const kinds = new Map<string, number>();
    for (const f of html) {
      const kind = f
        .slice(out.length + 1)
        .split('/')[0]!
        .replace(/\.html$/, '');
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    log.line(`HTML pages by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    log.line(
      `pages: ${html.length} HTML pages, ${all.length} files in all → ${(html.length / seconds).toFixed(0)} HTML pages/s, ${(all.length / seconds).toFixed(0)} files/s (target ≥ ${TARGET_PAGES_PER_S} pages/s: ${(html.length / seconds / TARGET_PAGES_PER_S).toFixed(2)}×)`,
    );
    const profilePath = join(work, 'profile.json');
    if (existsSync(profilePath)) {
      const calls = Object.entries(
        JSON.parse(readFileSync(profilePath, 'utf8')) as Record<string, { calls: number; ms: number }>,
      ).sort((a, b) => b[1].ms - a[1].ms);
      const coreSeconds = calls.reduce((s, [, c]) => s + c.ms, 0) / 1000;
      log.line(
        `time in the core's query functions: ${coreSeconds.toFixed(1)} s (${calls
          .slice(0, 4)
          .map(([name, c]) => `${name} ${(c.ms / 1000).toFixed(1)} s in ${c.calls} calls`)
          .join(
            ', ',
          )}); the rest of the build runs at ${(html.length / (seconds - coreSeconds)).toFixed(0)} HTML pages/s`,
      );
    }
    log.line(
      `dist: ${mb(bytes)} (${mb(gzipDist)} as a gzip tarball); search index ${indexFiles.length} files, ${mb(indexBytes)}`,
    );
    const site = await serveStatic({ dir: out });
    try {
      log.line('Typical searches (index files fetched, gzip as served; ratio to Pagefind’s ~300 kB):');
      const rows: string[][] = [];
      for (const q of QUERIES) {
        const t = await searchTransfer(site.url, q);
        rows.push([
          JSON.stringify(q),
          kb(t.bytes),
          String(t.files),
          `${t.hits} of ${t.candidates}`,
          `${t.ms.toFixed(0)} ms`,
          `${(t.bytes / PAGEFIND_BYTES).toFixed(2)}×`,
        ]);
      }
      log.table(['query', 'transfer', 'files', 'hits of candidates', 'time', 'vs Pagefind'], rows);
      const c = await chromiumTransfer(site.url, QUERIES[0]!);
      if (c)
        log.line(
          `In Chromium, /search/?q=${QUERIES[0]} from a cold cache: ${kb(c.total)} in all (page, CSS, JS, index), of which index ${kb(c.index)}  (${(c.total / PAGEFIND_BYTES).toFixed(2)}× Pagefind)`,
        );
    } finally {
      await site.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (!HAS_SHARED) {
  console.log(`site bench ${SHARED_MISSING}`);
} else {
  const only = process.argv[2];
  const bbc = readBbc();
  if (!only || only === 'bbc') {
    const t = performance.now();
    const articles = bbc.map((r) => parseText(bbcAsText(r)));
    console.log(
      `(parsed ${articles.length} BBC articles in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    await bench('BBC News', articles);
  }
  if (!only || only === 'generated') {
    const t = performance.now();
    const articles = generateCorpus(bbc, 10_000).map((g) => parseText(g.text, g.meta));
    console.log(
      `(generated and parsed ${articles.length} articles in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    await bench('Generated (from BBC text, labelled generated)', articles);
  }
  writeBenchSection('site-build', 'Site build', log.markdown(), {
    now: new Date(),
    command: `npm run bench -w @gazette/site${only ? ` -- ${only}` : ''}`,
  });
}

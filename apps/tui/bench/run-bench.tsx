// The TUI benchmark: time to the first full frame (built-in, BBC, generated 100k) and time from a keystroke
// in search to the updated result list (100k). Peers in the same run: a bare Node process in the same
// terminal (the floor for a process start) and the core's own query (the floor for a UI update).
//   npm run bench -w @gazette/tui            (GAZETTE_BENCH_SIZE=20000 for a quicker generated corpus)
// The generated corpus is the GENERATED news corpus with a growing vocabulary (the search bench's default
// large corpus: hundreds of thousands of distinct words at 100k); GAZETTE_BENCH_CORPUS=replicated takes
// the replicated BBC text instead (about 30,000 words whatever its size).
// The generated corpus's snapshot file is made once (minutes at 100k) and cached in the temp directory.
// NODE_ENV=production (set by the npm script): React's production build, as in the built `gazette`.
// The figures are written to the section `tui-speed` of docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  benchCommand,
  benchLog,
  HAS_SHARED,
  SHARED_MISSING,
  writeBenchSection,
} from '@gazette/bench-corpora';
import type { Corpus } from '@gazette/core';
import { prefixLastWord, type SearchParams } from '@gazette/core/query';
import { readSnapshotFile } from '@gazette/core/node';
import { render } from 'ink';
import { RENDER_OPTIONS } from '../src/run-tui';
import { localSource } from '../src/source/local-source';
import { SEARCH_FACET_VALUES, SEARCH_FACETS } from '../src/source/search-pages';
import { App } from '../src/ui/app';
import { themeFor } from '../src/ui/theme';
import { bbcSnapshotFile, generatedSnapshotFile, made, newsSnapshotFile } from './corpora';
import { FakeKeyboard, FakeTerminal } from './fake-terminal';

const BIN = fileURLToPath(new URL('../bin/gazette.js', import.meta.url));
const SIZE = Number(process.env['GAZETTE_BENCH_SIZE'] ?? 100_000);
const REPLICATED = process.env['GAZETTE_BENCH_CORPUS'] === 'replicated';
const RUNS = 5;
const report = benchLog();
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007\u001b]*\u0007/g;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

let sockets = 0;
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** CPU time (user + system) a process has used so far, from /proc; undefined where there is no /proc. */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks at 100 Hz
  } catch {
    return undefined;
  }
}

/**
 * Spawns in a real terminal (tmux, 100x30) and polls the screen until `ready` holds. Wall time from the
 * spawn, and the CPU time the program had used by then (wall time on a shared machine counts others' work).
 */
function timeInTerminal(command: string[], env: Record<string, string>, ready: (screen: string) => boolean) {
  const socket = `gazette-bench-${process.pid}-${++sockets}`;
  const tmux = (...args: string[]) =>
    execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const vars = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`);
  const t0 = performance.now();
  tmux(
    'new-session',
    '-d',
    '-x',
    '100',
    '-y',
    '30',
    `exec env ${vars.join(' ')} ${command.map(quote).join(' ')}`,
  );
  try {
    for (;;) {
      if (ready(tmux('capture-pane', '-p'))) {
        const wall = performance.now() - t0;
        const pid = Number(tmux('display-message', '-p', '#{pane_pid}').trim());
        return { wall, cpu: cpuMs(pid) ?? Number.NaN };
      }
      // The screen it shows says why (a stale dist/ that cannot read the snapshot's format, say).
      if (performance.now() - t0 > 60_000)
        throw new Error(
          `not ready in 60 s: ${command.join(' ')}; its screen:\n${tmux('capture-pane', '-p').trimEnd()}\n(is apps/tui/dist older than the core? npx turbo run build)`,
        );
      // A pause between looks: each look starts a tmux client, and looking without pause took a core
      // away from the program being timed (2 cores), adding tens of ms to what was measured.
      Atomics.wait(PAUSE, 0, 0, 3);
    }
  } finally {
    tmux('kill-server');
  }
}

function firstFrameInTerminal(label: string, env: Record<string, string>, firstTitle: string) {
  const bare = Array.from({ length: RUNS }, () =>
    timeInTerminal(
      [process.execPath, '-e', 'process.stdout.write("READY"); setTimeout(() => {}, 60000)'],
      {},
      (s) => s.includes('READY'),
    ),
  );
  const runs = Array.from({ length: RUNS }, () =>
    timeInTerminal(
      [process.execPath, BIN],
      env,
      (s) => s.includes(firstTitle.slice(0, 40)) && s.includes('Word count'),
    ),
  );
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  const bareWall = median(bare.map((r) => r.wall));
  const bareCpu = median(bare.map((r) => r.cpu));
  report.line(
    `first full frame, ${label}, \`gazette\` in tmux 100x30: median wall ${ms(wall)} (min ${ms(Math.min(...runs.map((r) => r.wall)))}), ` +
      `CPU ${ms(cpu)}; bare node in the same terminal: wall ${ms(bareWall)}, CPU ${ms(bareCpu)}; ratio (CPU) ${(cpu / bareCpu).toFixed(2)}`,
  );
  return { wall, cpu };
}

/** The promise, or an error naming what never showed after 60 s (rather than a run that ends unsettled). */
function within<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not shown in 60 s: ${what}`)), 60_000);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** CPU time of this process so far (user + system, every thread), in ms. */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wall and CPU time of one call. */
function timed(f: () => unknown): { wall: number; cpu: number } {
  const c = cpuNow();
  const s = performance.now();
  f();
  return { wall: performance.now() - s, cpu: cpuNow() - c };
}

/** Renders the app in this process over a loaded corpus; first frame, then search keystrokes. */
async function inProcess(label: string, corpus: Corpus, queries: string[]) {
  const terminal = new FakeTerminal(100, 30);
  const keyboard = new FakeKeyboard();
  const first = corpus.list({ limit: 1 }).items[0]!;
  // What the screen asks the core: the floor of a keystroke is that call, timed alone after it.
  const asked: SearchParams[] = [];
  const local = localSource(corpus);
  const source = {
    ...local,
    search: (p: SearchParams) => {
      asked.push(p);
      return local.search(p);
    },
  };
  const listFloor = timed(() => corpus.list({ limit: 100 })).wall;
  const t1 = performance.now();
  const app = render(<App source={source} theme={themeFor({})} openUrl={() => {}} />, {
    ...RENDER_OPTIONS,
    // The bench prints its figures with console.log: Ink must not take them into the fake terminal.
    patchConsole: false,
    stdout: terminal as unknown as NodeJS.WriteStream,
    stdin: keyboard as unknown as NodeJS.ReadStream,
    interactive: true,
  });
  const shown = await terminal.when((log) => {
    const plain = log.replace(ANSI, '');
    return plain.includes(first.title.slice(0, 40)) && plain.includes('Word count');
  });
  report.line(
    `first full frame, ${label}, in process (corpus loaded): ${ms(shown - t1)}; the core's list() alone ${ms(listFloor)}`,
  );

  terminal.clearLog();
  keyboard.type('/');
  await terminal.when((log) => log.replace(ANSI, '').includes('type to search'));
  const ui: number[] = [];
  const uiCpu: number[] = [];
  const core: number[] = [];
  const coreCpu: number[] = [];
  const facets: number[] = [];
  for (const query of queries) {
    keyboard.type('\u0015'); // Ctrl-U: an empty prompt
    await terminal.when((log) => log.replace(ANSI, '').includes('type to search'));
    for (let i = 1; i <= query.length; i++) {
      const prefix = query.slice(0, i);
      if (prefix.endsWith(' ')) {
        keyboard.type(' ');
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      // The count the screen must show (the word being typed read as a prefix, as the screen reads it).
      const total = corpus.search({ q: prefixLastWord(prefix), limit: 1 }).total;
      await new Promise((r) => setTimeout(r, 5));
      terminal.clearLog();
      asked.length = 0;
      const c = cpuNow();
      const k = performance.now();
      keyboard.type(query[i - 1]!);
      // A search past its work budget shows "N or more results".
      const count = total.toLocaleString('en');
      const done = await within(
        terminal.when((log) => {
          const plain = log.replace(ANSI, '');
          return (
            plain.includes(`/ ${prefix}`) &&
            (plain.includes(`${count} result`) || plain.includes(`${count} or more result`))
          );
        }),
        `the results of "${prefix}" (${count})`,
      );
      ui.push(done - k);
      uiCpu.push(cpuNow() - c);
      const params = asked.at(-1)!;
      const alone = timed(() => corpus.search(params));
      core.push(alone.wall);
      coreCpu.push(alone.cpu);
    }
    // Once typing pauses, the screen counts the facets of the query: timed alone, as the core's call.
    const q = prefixLastWord(query);
    facets.push(
      timed(() => corpus.facets({ q, filters: {}, facets: [...SEARCH_FACETS], limit: SEARCH_FACET_VALUES }))
        .wall,
    );
  }
  const p = (xs: number[]) => `p50 ${ms(median(xs))}, p95 ${ms(pct(xs, 0.95))}`;
  const limit = asked.at(-1)?.limit;
  report.line(
    `search keystroke to updated results, ${label}: ${p(ui)}, max ${ms(Math.max(...ui))} ` +
      `over ${ui.length} keystrokes (CPU ${p(uiCpu)}); the core's search alone, as the screen asks it ` +
      `(${limit} hits, no facets): ${p(core)} (CPU ${p(coreCpu)}); ratio ${(median(ui) / median(core)).toFixed(2)}; ` +
      `the facets once typing pauses (the core's facets() of each whole query): ${p(facets)}`,
  );

  // G on the list: the last row, read from the end of the list rather than page by page from its start.
  terminal.clearLog();
  keyboard.type('\u001b');
  await terminal.when((log) => log.replace(ANSI, '').includes('Word count'));
  await new Promise((r) => setTimeout(r, 20));
  const lastTitle = corpus.list({ sort: 'oldest', limit: 1 }).items[0]!.title.slice(0, 40);
  terminal.clearLog();
  const g = performance.now();
  keyboard.type('G');
  const atEnd = await terminal.when((log) => log.replace(ANSI, '').includes(lastTitle));
  report.line(`G (to the last of ${corpus.size.toLocaleString('en')} rows), ${label}: ${ms(atEnd - g)}`);
  app.unmount();
  return { firstFrame: shown - t1, searchP95: pct(ui, 0.95), searchCpuP95: pct(uiCpu, 0.95) };
}

// The last one is typed with a misspelt first word: each keystroke after it looks that word up with typos
// (two allowed at its length), the costliest lookup of search as you type.
const QUERIES = [
  'minister',
  'economy growth',
  'film award',
  'chelsea',
  'election campaign',
  'goverment budget',
];

console.log(`gazette TUI bench · node ${process.version} · ${new Date().toISOString()}`);
// GAZETTE_BENCH_PARTS=generated runs only the in-process part (e.g. to repeat it alone).
const PARTS = (process.env['GAZETTE_BENCH_PARTS'] ?? 'terminal,generated').split(',');
const load = () => `uptime load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
if (PARTS.includes('terminal'))
  firstFrameInTerminal('built-in corpus (1 article)', {}, 'France has backed down');
if (!HAS_SHARED) {
  report.line(`BBC and generated corpora: ${SHARED_MISSING}`);
} else {
  const bbc = bbcSnapshotFile();
  const s0 = performance.now();
  const generated = REPLICATED ? generatedSnapshotFile(SIZE) : newsSnapshotFile(SIZE);
  const took = performance.now() - s0;
  const snapshot = made ? `made in ${(took / 1000).toFixed(0)} s` : 'cached';
  report.line(
    REPLICATED
      ? `generated corpus, replicated BBC text: ${generated.articles.toLocaleString('en')} articles (${Math.min(SIZE, 10_000).toLocaleString('en')} parsed, the rest copies with their own id, title, date), snapshot ${snapshot}`
      : `generated corpus, GENERATED news with a growing vocabulary: ${generated.articles.toLocaleString('en')} articles (seed 42, every one parsed), snapshot ${snapshot}`,
  );
  if (PARTS.includes('terminal')) {
    const bbcRun = firstFrameInTerminal(
      `BBC (${bbc.articles.toLocaleString('en')} articles, snapshot file)`,
      { GAZETTE_SNAPSHOT: bbc.file },
      bbc.newestTitle,
    );
    report.line(
      `target < 300 ms: ${bbcRun.wall < 300 ? 'met' : 'NOT met'} on wall time; ${bbcRun.cpu < 300 ? 'met' : 'NOT met'} on CPU time (${load()})`,
    );
    const genRun = firstFrameInTerminal(
      `generated ${generated.articles.toLocaleString('en')} (snapshot file)`,
      { GAZETTE_SNAPSHOT: generated.file },
      generated.newestTitle,
    );
    report.line(
      `target < 1 s: ${genRun.wall < 1000 ? 'met' : 'NOT met'} on wall time; ${genRun.cpu < 1000 ? 'met' : 'NOT met'} on CPU time (${load()})`,
    );
  }
  if (PARTS.includes('generated')) {
    const l0 = performance.now();
    const corpus = readSnapshotFile(generated.file);
    report.line(`generated corpus loaded from its snapshot in ${ms(performance.now() - l0)}`);
    const r = await inProcess(`generated ${corpus.size.toLocaleString('en')}`, corpus, QUERIES);
    report.line(
      `targets: first frame < 1 s ${r.firstFrame < 1000 ? 'met' : 'NOT met'} (in process, corpus loaded); search update < 50 ms ${r.searchP95 < 50 ? 'met' : 'NOT met'} at p95 on wall time, ${r.searchCpuP95 < 50 ? 'met' : 'NOT met'} on CPU time (${load()})`,
    );
  }
}
writeBenchSection('tui-speed', 'TUI speed', report.markdown(), {
  now: new Date(),
  command: benchCommand('npm run bench -w @gazette/tui', [
    'GAZETTE_BENCH_SIZE',
    'GAZETTE_BENCH_PARTS',
    'GAZETTE_BENCH_CORPUS',
  ]),
});
process.exit(0);

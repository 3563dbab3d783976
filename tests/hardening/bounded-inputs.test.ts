import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GAZETTE_BIN, REFERENCE_ARTICLE } from '../support/paths';

// The real `gazette` CLI on inputs that never end or never start: each must end with a clear error,
// exit code 1 and bounded memory. A watchdog kills a run whose memory runs away (it reached 5-20 GB)
// so a regression fails the test instead of the machine.
const dir = mkdtempSync(join(tmpdir(), 'gazette-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PEAK_LIMIT_KB = 400_000; // measured 105-155 MB; before the fix 1.1 GB to 20 GB
const KILL_AT_KB = 1_500_000;
const PRELOAD = new URL('../support/report-peak-rss.cjs', import.meta.url).pathname;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the gazette process, kB. */
  peakKb: number;
  ms: number;
}

const rssKb = (pid: number) => {
  try {
    return Number(/VmHWM:\s*(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
};

/** Runs gazette, optionally piping `pipeBytes` zero bytes into its standard input, bounded in time and memory. */
function run(
  args: string[],
  options: { pipeBytes?: number; timeoutMs?: number; inTerminal?: boolean } = {},
): Promise<Run> {
  const peakFile = join(dir, `peak-${Math.random().toString(36).slice(2)}`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const argv = [process.execPath, '--require', PRELOAD, GAZETTE_BIN, ...args];
    // In a terminal: `script` gives the command a pseudo-terminal; its input stays open, nothing is typed.
    const [command, ...commandArgs] = options.inTerminal
      ? ['script', '-qec', argv.map((a) => `'${a}'`).join(' '), '/dev/null']
      : argv;
    const child = spawn(command!, commandArgs, {
      cwd: dir,
      env: { ...process.env, GAZETTE_TEST_PEAK_FILE: peakFile },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let watchedKb = 0;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const watchdog = setInterval(() => {
      watchedKb = Math.max(watchedKb, rssKb(child.pid!));
      if (watchedKb > KILL_AT_KB) child.kill('SIGKILL');
    }, 50);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gazette ${args.join(' ')} did not finish in ${options.timeoutMs ?? 40_000} ms`));
    }, options.timeoutMs ?? 40_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(watchdog);
      clearTimeout(timer);
      const reported = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) : 0;
      resolve({ code, stdout, stderr, peakKb: Math.max(reported, watchedKb), ms: Date.now() - started });
    });
    child.stdin.on('error', () => {}); // the child stops reading at its cap: EPIPE here is expected
    const total = options.pipeBytes ?? 0;
    const chunk = Buffer.alloc(1 << 20);
    let written = 0;
    if (options.inTerminal) return;
    const pump = () => {
      while (written < total && !child.stdin.destroyed) {
        written += chunk.length;
        if (!child.stdin.write(chunk)) return void child.stdin.once('drain', pump);
      }
      child.stdin.end();
    };
    pump();
  });
}

const expectRefused = (r: Run, output: string, message: RegExp) => {
  expect(r.code, r.stderr).toBe(1);
  expect(output).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at |RangeError|unexpected error/);
  expect(r.peakKb, `peak ${r.peakKb} kB`).toBeLessThan(PEAK_LIMIT_KB);
};

describe('gazette reads every input through a counting stream (stat sizes are not trusted)', () => {
  it('parse /dev/zero stops at 20 MB (grew to 5 GB in 8 s)', async () => {
    const r = await run(['parse', '/dev/zero', '--json']);
    expectRefused(r, r.stderr, /\/dev\/zero \(a character device\) is over 20 MB/);
  });

  it('ingest of a symbolic link to /dev/zero fails that source with a summary (reached 20 GB)', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    const r = await run(['ingest', 'zero.txt', '--db', join(dir, 'zero.db')]);
    expectRefused(
      r,
      r.stdout,
      /failed 1\n {2}failed {2}zero\.txt: zero\.txt \(a character device\) is over 20 MB/,
    );
  });

  it('/dev/stdin and - with 400 MB piped stop at 20 MB (peaked at 1.1 GB)', async () => {
    for (const file of ['/dev/stdin', '-']) {
      const r = await run(['parse', file, '--json'], { pipeBytes: 400_000_000 });
      expectRefused(r, r.stderr, /(?:\/dev\/stdin \(standard input\)|Standard input) is over 20 MB/);
    }
  });

  it('an NDJSON line with no end is cut while read: summary, no RangeError (was a crash after 512 M characters)', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.ndjson'));
    const r = await run(['ingest', 'zero.ndjson', '--db', join(dir, 'ndjson.db')]);
    expectRefused(
      r,
      r.stdout,
      /failed 1\n {2}failed {2}zero\.ndjson line 1: Line 1 of zero\.ndjson runs on past 64 MB/,
    );
  });

  it('a FIFO with no writer is given up on after 10 s, saying so (it hung with no output)', async () => {
    execFileSync('mkfifo', [join(dir, 'silent.xml')]);
    const r = await run(['parse', 'silent.xml', '--json'], { timeoutMs: 50_000 });
    expectRefused(
      r,
      r.stderr,
      /Nothing arrived from silent\.xml \(a FIFO\) for 10 s; gave up waiting \(is anything writing to it\?\)/,
    );
  });
});

const HAS_SCRIPT = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!HAS_SCRIPT)(
  'gazette on a terminal nobody types into (skipped without util-linux script)',
  () => {
    it('parse /dev/tty gives up after 10 s and exits (a blocked read kept the process alive)', async () => {
      const r = await run(['parse', '/dev/tty', '--json'], { inTerminal: true, timeoutMs: 50_000 });
      expectRefused(r, r.stdout, /Nothing arrived from \/dev\/tty \(a character device\) for 10 s/);
    });
  },
);

describe('gazette ingest of a folder of symbolic links', () => {
  it('follows links to files and reports each entry it skips (was "0 sources, failed 0", exit 0)', async () => {
    const folder = join(dir, 'links');
    mkdirSync(folder);
    symlinkSync(REFERENCE_ARTICLE, join(folder, 'story.txt'));
    symlinkSync('/dev/zero', join(folder, 'zero.txt'));
    symlinkSync(folder, join(folder, 'again'));
    const r = await run(['ingest', folder, '--db', join(dir, 'links.db')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^3 sources into .*: added 1, .* failed 0, skipped 2\n/);
    expect(r.stdout).toMatch(/ {2}skipped .*\/again: a folder already read/);
    expect(r.stdout).toMatch(/ {2}skipped .*\/zero\.txt: not a regular file/);
    expect(r.peakKb).toBeLessThan(PEAK_LIMIT_KB);
  });
});

describe('gazette decodes files and standard input by BOM and declaration, and errors stay printable', () => {
  it('parse keeps a Latin-1 feed\'s "Mãe" and reads a UTF-16 feed with BOM (was "M\\uFFFDe" and a refusal with NULs)', async () => {
    const feed = (encoding: string) =>
      `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>F</title><item><title>Mãe</title><link>https://example.com/m</link><description>A mãe disse.</description></item></channel></rss>`;
    writeFileSync(join(dir, 'latin1.rss'), Buffer.from(feed('ISO-8859-1'), 'latin1'));
    writeFileSync(
      join(dir, 'utf16.rss'),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(feed('UTF-16'), 'utf16le').swap16()]),
    );
    for (const name of ['latin1.rss', 'utf16.rss']) {
      const r = await run(['parse', name, '--json']);
      expect(r.code, r.stderr).toBe(0);
      // A feed prints an array, even of one item.
      expect(JSON.parse(r.stdout)[0].title, name).toBe('Mãe');
    }
  });

  it('an error quoting control characters of the input shows them escaped, never raw', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"title": \u0000\u001b[2J}');
    const r = await run(['parse', 'bad.json', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandBuild } from './build-command';

const dir = mkdtempSync(join(tmpdir(), 'gazette-build-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const job = (signal = new AbortController().signal) => ({
  db: '/a/news.db',
  revision: 'store x 7',
  out: dir,
  signal,
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// Issue 16: `gazette watch --site` runs the site's build as a child process (apps import no apps): the
// child is told what to build, its failure is said, and stopping the watch stops all it started.
describe('commandBuild (a build run as a child process)', () => {
  it('runs the command with the store, its revision and the folder to fill in its environment', async () => {
    const script = `require('node:fs').writeFileSync(require('node:path').join(process.env.GAZETTE_SITE_OUT, 'index.html'), process.env.GAZETTE_DB + ' @ ' + process.env.GAZETTE_CORPUS_REVISION)`;
    await commandBuild({ command: [process.execPath, '-e', script], what: 'site build' })(job());
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('/a/news.db @ store x 7');
  });

  it('rejects with the end of a failed build’s output', async () => {
    const build = commandBuild({
      command: `echo first line; echo "GAZETTE_SITE_URL: Invalid URL" >&2; exit 3`,
      what: 'site build',
    });
    await expect(build(job())).rejects.toThrow(
      /the site build exited with 3:\n.*first line\n.*GAZETTE_SITE_URL: Invalid URL/,
    );
    await expect(
      commandBuild({ command: ['/nonexistent/gazette-build'], what: 'site build' })(job()),
    ).rejects.toThrow(/the site build could not run: .*ENOENT/);
  });

  it('stops the command and what it started (a shell’s child) when stopped', {
    skip: process.platform === 'win32',
  }, async () => {
    const pidFile = join(dir, 'grandchild.pid');
    const stop = new AbortController();
    // A shell that starts a Node which would build for a minute: the Node is the shell's child, not ours.
    const build = commandBuild({
      command: `"${process.execPath}" -e "require('node:fs').writeFileSync('${pidFile}', String(process.pid)); setTimeout(() => {}, 60000)"; echo done`,
      what: 'site build',
    })(job(stop.signal));
    const until = Date.now() + 30_000;
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8') === '') {
      if (Date.now() > until) throw new Error('the build did not start within 30 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(grandchild)).toBe(true);
    stop.abort();
    await expect(build).rejects.toThrow(/the site build was stopped/);
    const gone = Date.now() + 10_000;
    while (alive(grandchild) && Date.now() < gone) await new Promise((r) => setTimeout(r, 20));
    expect(alive(grandchild)).toBe(false);
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';
import { NODE_CLI, startPrintingApi, stopChild } from './support/start-api';

// SIGTERM/SIGINT: the server stops accepting, lets a request in flight finish, closes idle keep-alive and
// slow connections, and exits 0 within its 10 s grace. Before, one client trickling a header line every
// few seconds kept it alive for minutes, and SIGTERM to `npm start` left the server running.

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>((resolve) => {
    const t = performance.now();
    child.once('exit', (code, signal) => resolve({ code, signal, afterMs: performance.now() - t }));
  });

/** Whether a new connection to `url` is accepted (false once the server stopped listening). */
function accepts(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = connect(Number(u.port), u.hostname);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** A raw connection that sent `data`; resolves its text when the server closes it. */
function openRaw(url: string, data: string): { socket: Socket; closed: Promise<string> } {
  const u = new URL(url);
  const socket = connect(Number(u.port), u.hostname);
  socket.on('error', () => {});
  let text = '';
  socket.setEncoding('utf8').on('data', (d: string) => {
    text += d;
  });
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(text)));
  socket.write(data);
  return { socket, closed };
}

/** A keep-alive GET whose connection is left open (idle) afterwards. */
function idleKeepAlive(url: string): Promise<{ closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/healthz`, { headers: { connection: 'keep-alive' } }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ closed: new Promise((done) => req.socket!.once('close', () => done())) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s: stops accepting, finishes the request in flight, closes idle and trickling connections, exits 0',
    { timeout: 120_000 },
    async (signal) => {
      const api = await startPrintingApi([NODE_CLI]);
      const trickler: { timer?: NodeJS.Timeout; socket?: Socket } = {};
      try {
        const idle = await idleKeepAlive(api.url);
        // A request in flight: its headers are in, its body arrives after the signal.
        const body = JSON.stringify({ q: 'bank' });
        const inFlight = openRaw(
          api.url,
          `POST /v1/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 3)}`,
        );
        // A slow client: one header line a second, never the end of the headers.
        const slow = openRaw(api.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\n');
        trickler.socket = slow.socket;
        trickler.timer = setInterval(() => slow.socket.write('x-slow: 1\r\n'), 1_000);
        await new Promise((r) => setTimeout(r, 300));

        const exit = exited(api.child);
        api.child.kill(signal);
        await idle.closed; // idle keep-alive: closed at once
        await new Promise((r) => setTimeout(r, 500));
        expect(await accepts(api.url)).toBe(false);
        inFlight.socket.write(body.slice(3));
        const answer = await inFlight.closed;
        expect(answer).toMatch(/^HTTP\/1\.1 200 /);
        expect(answer).toContain('"hits"');
        await slow.closed;
        const { code, afterMs } = await exit;
        expect(code).toBe(0);
        // The grace is 10 s; generous on a busy machine, far from the minutes it took before.
        expect(afterMs).toBeLessThan(30_000);
      } finally {
        clearInterval(trickler.timer);
        trickler.socket?.destroy();
        await api.stop();
      }
    },
  );

  it('SIGTERM to `npm start` stops the API and the site: no server is left running', {
    timeout: 600_000,
  }, async () => {
    const npm = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', GAZETTE_SITE_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    npm.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    npm.stderr.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    try {
      // npm start builds first (turbo, cached after the test run's own build), then serves.
      const started = performance.now();
      while (!/Site: http/.test(out) && npm.exitCode === null && performance.now() - started < 540_000)
        await new Promise((r) => setTimeout(r, 200));
      const apiUrl = out.match(/API: (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      const siteUrl = out.match(/Site: (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      expect(apiUrl && siteUrl, out).toBeTruthy();
      expect(await accepts(apiUrl!)).toBe(true);
      const exit = exited(npm);
      npm.kill('SIGTERM');
      await exit; // npm leaves at once (its shell dies of the signal); the servers stop within their grace
      const deadline = performance.now() + 30_000;
      while ((await accepts(apiUrl!)) || (await accepts(siteUrl!))) {
        expect(
          performance.now(),
          'the API or the site still listens 30 s after npm start was stopped',
        ).toBeLessThan(deadline);
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(out).not.toMatch(/Error|at \S+ \(/);
    } finally {
      await stopChild(npm);
    }
  });
});

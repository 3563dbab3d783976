import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientError } from './client-error';
import { watchRequestLines } from './request-line-watch';
import { NODE_SERVER_LIMITS, NODE_SERVER_OPTIONS } from './server-limits';

// Node's parser refuses a request line or headers past maxHeaderSize with one error that carries only the
// chunk it failed in. How TCP cuts a request decides which chunk that is; the answer must not depend on it.

let server: Server;
let port: number;
/** The reads the server made on each connection, in bytes, by the client's local port. */
const reads = new Map<number, number[]>();

beforeAll(async () => {
  server = createServer(NODE_SERVER_OPTIONS, (_req, res) => res.end('ok'));
  watchRequestLines(server);
  server.on('clientError', answerClientError);
  server.on('connection', (socket: Socket) => {
    const sizes: number[] = [];
    reads.set(socket.remotePort!, sizes);
    socket.on('data', (chunk: Buffer) => sizes.push(chunk.length));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/**
 * Sends `before` (whole requests, each answered before the next is sent) on a new connection, then
 * `first`, and `rest` once the server has read it; the status line of the last answer and the server's
 * reads of the pieces.
 */
function sendInTwo(
  first: string,
  rest: string,
  before: string[] = [],
): Promise<{ statusLine: string; reads: number[] }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const queue = [...before];
    let sentPieces = false;
    /** The server's reads of the requests before the pieces. */
    let readsBefore = 0;
    let waitRead: ReturnType<typeof setInterval> | undefined;
    let localPort = 0;
    socket.on('connect', () => {
      localPort = socket.localPort!;
    });
    let received = '';
    const giveUp = setTimeout(() => socket.destroy(new Error('no answer in 10 s')), 10_000);
    socket.setEncoding('utf8').on('data', (d: string) => {
      received += d;
      // Each earlier request's answer ends with its body, 'ok': then the next request, or the pieces.
      if (sentPieces || !received.endsWith('ok')) return;
      received = '';
      send();
    });
    socket.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    socket.on('close', () => {
      clearTimeout(giveUp);
      clearInterval(waitRead);
      resolve({
        statusLine: received.split('\r\n')[0]!,
        reads: (reads.get(localPort) ?? []).slice(readsBefore),
      });
    });
    const send = () => {
      const next = queue.shift();
      if (next !== undefined) socket.write(next);
      else if (!sentPieces) {
        sentPieces = true;
        readsBefore = reads.get(localPort)?.length ?? 0;
        socket.write(first);
        // The rest once the server has read the first piece (it shares this process): apart, however busy.
        waitRead = setInterval(() => {
          if ((reads.get(localPort)?.length ?? 0) === readsBefore) return;
          clearInterval(waitRead);
          if (socket.writable) socket.end(rest);
        }, 5);
      }
    };
    send();
  });
}

/** Sends until the server read `first` on its own (TCP may still cut it), at most 5 times. */
async function sentApart(first: string, rest: string, before: string[] = []): Promise<string> {
  let last = { statusLine: '', reads: [] as number[] };
  for (let attempt = 0; attempt < 5; attempt++) {
    last = await sendInTwo(first, rest, before);
    if (last.reads[0] === first.length) return last.statusLine;
  }
  throw new Error(`the first piece never arrived alone: reads ${last.reads.join(', ')}`);
}

const over = NODE_SERVER_LIMITS.maxHeaderBytes * 3;

describe('a request refused by the parser in a later chunk than its first', () => {
  it('is 414 when its request line is too long', async () => {
    const line = `GET /v1/search?q=${'a'.repeat(over)} HTTP/1.1\r\nhost: x\r\n\r\n`;
    expect(await sentApart(line.slice(0, 2_000), line.slice(2_000))).toMatch(/^HTTP\/1\.1 414 /);
  });

  it('is 431 when its headers are too large', async () => {
    const head = `GET /healthz HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(over)}\r\n\r\n`;
    expect(await sentApart(head.slice(0, 2_000), head.slice(2_000))).toMatch(/^HTTP\/1\.1 431 /);
  });

  it('is 431 when a short request line arrives alone and its headers overflow later', async () => {
    const head = `GET /healthz HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(over)}\r\n\r\n`;
    const lineEnd = head.indexOf('\r\n') + 2;
    expect(await sentApart(head.slice(0, lineEnd), head.slice(lineEnd))).toMatch(/^HTTP\/1\.1 431 /);
  });

  it('is 414 on a kept-alive connection too, after requests answered on it', async () => {
    const line = `GET /v1/search?q=${'a'.repeat(over)} HTTP/1.1\r\nhost: x\r\n\r\n`;
    const ordinary = 'GET / HTTP/1.1\r\nhost: x\r\n\r\n';
    const status = await sentApart(line.slice(0, 2_000), line.slice(2_000), [ordinary, ordinary]);
    expect(status).toMatch(/^HTTP\/1\.1 414 /);
  });

  it('leaves an ordinary request alone', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});

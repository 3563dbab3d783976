import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { API_LIMITS } from '../limits';

/** Bytes of a connection's start enough to tell whether its request line is within the URL limit. */
export const REQUEST_LINE_WINDOW = API_LIMITS.maxUrlLength + 64;

interface Watch {
  chunks: Buffer[];
  bytes: number;
  /** A request of this connection reached the app: its first bytes say nothing of the current one. */
  served: boolean;
}

const watches = new WeakMap<Duplex, Watch>();

/**
 * Keeps the first bytes of each connection until its request line ends (or is longer than the URL limit),
 * so that a request line Node's parser refuses in a later chunk than its first is still told from large
 * headers: Node reports both as one error, with only the chunk it failed in. Reading the socket in
 * JavaScript costs the parser its native read path, a small price next to a 414 that depends on how TCP
 * happened to cut the request.
 */
export function watchRequestLines(server: Server): void {
  server.on('connection', (socket: Socket) => {
    const watch: Watch = { chunks: [], bytes: 0, served: false };
    watches.set(socket, watch);
    const onData = (chunk: Buffer) => {
      watch.chunks.push(chunk.subarray(0, REQUEST_LINE_WINDOW - watch.bytes));
      watch.bytes += Math.min(chunk.length, REQUEST_LINE_WINDOW - watch.bytes);
      if (watch.bytes >= REQUEST_LINE_WINDOW || chunk.includes('\r\n')) socket.off('data', onData);
    };
    socket.on('data', onData);
  });
  server.on('request', (req) => {
    const watch = watches.get(req.socket);
    if (watch) {
      watch.served = true;
      watch.chunks = [];
    }
  });
}

/**
 * The bytes the current request's head starts with, as far as they are known: the connection's first bytes
 * followed by `failed` (the chunk the parser failed in) for a connection's first request, else `failed`.
 */
export function headStart(socket: Duplex, failed: Buffer | undefined): Buffer | undefined {
  const watch = watches.get(socket);
  if (!watch || watch.served || !failed) return failed;
  return Buffer.concat([...watch.chunks, failed]);
}

import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { API_LIMITS } from '../limits';

/** Bytes of a head's start enough to tell whether its request line is within the URL limit. */
export const REQUEST_LINE_WINDOW = API_LIMITS.maxUrlLength + 64;

interface Watch {
  /** The bytes read since the current head began, up to REQUEST_LINE_WINDOW. */
  chunks: Buffer[];
  bytes: number;
  /** The current head's start is not known: a request is being answered on the connection. */
  busy: boolean;
  listening: boolean;
  onData: (chunk: Buffer) => void;
}

const watches = new WeakMap<Duplex, Watch>();

/** Watches the next head read on the socket from its first byte. */
function arm(socket: Socket, watch: Watch): void {
  watch.chunks = [];
  watch.bytes = 0;
  watch.busy = false;
  if (!watch.listening) socket.on('data', watch.onData);
  watch.listening = true;
}

/**
 * Keeps the first bytes of each request's head until its request line ends (or is longer than the URL
 * limit), so that a request line Node's parser refuses in a later chunk than its first is still told
 * from large headers: Node reports both as one error, with only the chunk it failed in. A connection's
 * next head is watched once the answer to its last request is sent, when a client that does not
 * pipeline sends it. Reading the socket in JavaScript costs the parser its native read path, a small
 * price next to a 414 that depends on how TCP happened to cut the request.
 */
export function watchRequestLines(server: Server): void {
  server.on('connection', (socket: Socket) => {
    const watch: Watch = { chunks: [], bytes: 0, busy: false, listening: false, onData: () => {} };
    watch.onData = (chunk: Buffer) => {
      if (watch.busy) return;
      // A copy: a view would keep the whole chunk alive, however little of it the window needs.
      const kept = Buffer.from(chunk.subarray(0, REQUEST_LINE_WINDOW - watch.bytes));
      watch.chunks.push(kept);
      watch.bytes += kept.length;
      if (watch.bytes >= REQUEST_LINE_WINDOW || chunk.includes('\r\n')) {
        socket.off('data', watch.onData);
        watch.listening = false;
      }
    };
    watches.set(socket, watch);
    arm(socket, watch);
  });
  server.on('request', (req, res) => {
    const watch = watches.get(req.socket);
    if (!watch) return;
    watch.busy = true;
    watch.chunks = [];
    res.once('finish', () => arm(req.socket as Socket, watch));
  });
}

/**
 * The bytes the current request's head starts with, as far as they are known: the head's first bytes
 * followed by `failed` (the chunk the parser failed in), else `failed` alone.
 */
export function headStart(socket: Duplex, failed: Buffer | undefined): Buffer | undefined {
  const watch = watches.get(socket);
  if (!watch || watch.busy || !failed) return failed;
  return Buffer.concat([...watch.chunks, failed]);
}

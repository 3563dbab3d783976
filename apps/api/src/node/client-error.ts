import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { BASE_HEADERS } from '../http/base-headers';
import { PROBLEM_CONTENT_TYPE, type ProblemKind, problem } from '../http/problem';
import { API_LIMITS } from '../limits';
import { headStart, REQUEST_LINE_WINDOW } from './request-line-watch';
import { NODE_SERVER_LIMITS } from './server-limits';

type ClientError = Error & { code?: string; rawPacket?: Buffer };

/**
 * Whether the request line itself overflowed: the head's known start (see headStart) is a request line that
 * does not end in it, or ends one longer than the URL limit. Node reports one error for a long URL and for
 * large headers; where the head's start is not known (a request pipelined behind another), an overflow in
 * a later chunk of a long line cannot be told apart and is 431.
 */
function requestLineTooLong(raw: Buffer | undefined): boolean {
  if (!raw) return false;
  const head = raw.subarray(0, REQUEST_LINE_WINDOW).toString('latin1');
  if (!/^[A-Z]+ \S/.test(head)) return false;
  const end = head.indexOf('\r\n');
  return end === -1 || end > API_LIMITS.maxUrlLength;
}

function kindOf(error: ClientError, socket: Duplex): ProblemKind {
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return requestLineTooLong(headStart(socket, error.rawPacket))
      ? 'uri-too-long'
      : 'request-header-fields-too-large';
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request-timeout';
  return 'bad-request';
}

const DETAILS: Partial<Record<ProblemKind, string>> = {
  'uri-too-long': `The path and query may be at most ${API_LIMITS.maxUrlLength} characters.`,
  'request-header-fields-too-large': `The request line and headers may be at most ${NODE_SERVER_LIMITS.maxHeaderBytes} bytes.`,
  'request-timeout': `Send the request line and headers within ${NODE_SERVER_LIMITS.headersTimeoutMs / 1000} s and the whole request within ${NODE_SERVER_LIMITS.requestTimeoutMs / 1000} s.`,
};

/**
 * The server's `clientError` handler: a request Node's parser refused before the app saw it (headers too
 * large, a URL too long for them, malformed HTTP, too slow) gets a problem+json answer like every other
 * error, instead of Node's bare status line, and its connection is closed.
 */
export function answerClientError(error: ClientError, socket: Duplex): void {
  // A response already under way cannot be followed by another on the same connection.
  const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (error.code === 'ECONNRESET' || !socket.writable || answering) {
    socket.destroy();
    return;
  }
  const kind = kindOf(error, socket);
  const body = problem(kind, DETAILS[kind] ?? 'The request could not be read as HTTP/1.1.', {
    requestId: crypto.randomUUID(),
  });
  const json = JSON.stringify(body);
  const headers: Record<string, string> = {
    ...BASE_HEADERS,
    'x-request-id': body.requestId!,
    'content-type': PROBLEM_CONTENT_TYPE,
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(json)),
    connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${body.status} ${STATUS_CODES[body.status]}\r\n${head}\r\n${json}`);
}

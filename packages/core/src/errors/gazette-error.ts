/** Codes a caller can switch on; messages are for people. */
export type GazetteErrorCode =
  | 'EMPTY_INPUT'
  | 'BINARY_INPUT'
  | 'INPUT_TOO_LARGE'
  | 'LINE_TOO_LONG'
  | 'INVALID_FRONT_MATTER'
  | 'INVALID_META'
  | 'INVALID_PARAMS'
  | 'INVALID_CURSOR'
  | 'INVALID_QUERY'
  | 'NOT_FOUND'
  | 'UNSUPPORTED_FORMAT'
  | 'INVALID_SNAPSHOT'
  | 'INVALID_ARTICLE'
  | 'INVALID_FEED'
  | 'INVALID_JSON'
  | 'FETCH_FAILED'
  | 'STORE_ERROR';

export interface GazetteErrorDetails {
  /** Where the problem is: a parameter name, a line number, a character offset... */
  where?: string;
  /** Character offset in the input, when it has one. */
  offset?: number;
  /** Line number (1-based), when the input has lines. */
  line?: number;
  /** Machine-readable issues, e.g. from zod. */
  issues?: Array<{ path: string; message: string }>;
  /** A server's Retry-After (seconds or an HTTP date), when it asked to be left alone for a while. */
  retryAfter?: string;
  /** The HTTP status a server answered with, when a fetch failed on it. */
  status?: number;
}

// Messages quote inputs (a file name, an XML tag, a JSON parser's excerpt): control characters, NULs
// and bidi overrides in them are shown as \u{…} escapes, never written raw to a terminal or a log.
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const visible = (message: string) =>
  message.replace(UNPRINTABLE, (c) => `\\u{${c.charCodeAt(0).toString(16).padStart(4, '0')}}`);

/** The one error type Gazette throws on purpose; anything else is a bug. */
export class GazetteError extends Error {
  override readonly name = 'GazetteError';
  readonly code: GazetteErrorCode;
  readonly details: GazetteErrorDetails;

  constructor(code: GazetteErrorCode, message: string, details: GazetteErrorDetails = {}) {
    super(visible(message));
    this.code = code;
    this.details = details;
  }

  toJSON(): { code: GazetteErrorCode; message: string } & GazetteErrorDetails {
    return { code: this.code, message: this.message, ...this.details };
  }
}

export function isGazetteError(value: unknown): value is GazetteError {
  return value instanceof GazetteError;
}

import postgres, { type Sql } from 'postgres';
import { GazetteError } from '../../errors/gazette-error';

/** Whether a `--db` value names a PostgreSQL database (a URL) rather than a SQLite file. */
export const isPostgresUrl = (value: string): boolean => /^postgres(?:ql)?:\/\//i.test(value.trim());

/** The URL as messages and `store.location` show it: without its password. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '';
    return parsed.toString();
  } catch {
    return withoutUserinfoPassword(url);
  }
}

/** `//user:password@` becomes `//user@`, read by index (a URL the parser refused may be long and odd). */
function withoutUserinfoPassword(url: string): string {
  const start = url.indexOf('//');
  const at = start < 0 ? -1 : url.indexOf('@', start + 2);
  if (at < 0) return url;
  const colon = url.indexOf(':', start + 2);
  const slash = url.indexOf('/', start + 2);
  if (colon < 0 || colon > at || (slash >= 0 && slash < colon)) return url;
  return url.slice(0, colon) + url.slice(at);
}

export interface ConnectOptions {
  /** Connections kept at most (default 4): a worker's writes are serialized anyway, reads share the rest. */
  max?: number;
  /** Seconds to wait for the server to answer a connection (default 10). */
  connectTimeout?: number;
}

/** A pool of connections to `url`; nothing is sent until the first query. */
export function connect(url: string, options: ConnectOptions = {}): Sql {
  if (!isPostgresUrl(url))
    throw new GazetteError('STORE_ERROR', `${withoutPassword(url)} is not a PostgreSQL URL (postgres://…).`);
  return postgres(url, {
    max: options.max ?? 4,
    connect_timeout: options.connectTimeout ?? 10,
    idle_timeout: 60,
    onnotice: () => {},
    connection: { application_name: 'gazette' },
  });
}

/**
 * Failures that mean the server cannot be reached now (rather than refusing what was asked): the message
 * says the store is unreachable, where (host:port), and what to do. Node's codes and postgres.js's own.
 */
const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED:
    'nothing answers there (is PostgreSQL running, and listening on that host and port?); start it, or fix the host and port in --db or GAZETTE_DB',
  ENOTFOUND: 'its host name is not known; fix the host in --db or GAZETTE_DB',
  EAI_AGAIN: 'its host name could not be looked up; check the network (DNS), then try again',
  EHOSTUNREACH: 'its host cannot be reached; check the network, then try again',
  ETIMEDOUT: 'the server did not answer in time; check that it is up and the network, then try again',
  CONNECT_TIMEOUT: 'the server did not answer in time; check that it is up and the network, then try again',
  CONNECTION_CLOSED: 'the connection to the server was lost; try again once it is back',
  CONNECTION_DESTROYED: 'the connection to the server was lost; try again once it is back',
  ECONNRESET: 'the connection to the server was lost; try again once it is back',
  '57P01': 'the server is shutting down; try again once it is back',
};

/**
 * What any other PostgreSQL error means for the user, by its SQLSTATE; any other code keeps the server's
 * own message, which names what is wrong (28000: `role "x" does not exist`, `no pg_hba.conf entry …`).
 */
const REASONS: Record<string, string> = {
  CONNECTION_ENDED: 'the store was closed',
  '28P01': 'the server refused the user name or password',
  '3D000': 'the database does not exist (create it first: createdb NAME)',
  '42501': 'the user lacks the rights it needs on this database',
  '53100': "the database server's disk is full (nothing was written; what was stored before is intact)",
  '53200': 'the database server ran out of memory (nothing was written)',
  '53300': 'the server has too many connections open; try again, or raise max_connections',
  '54000': "a value is over one of PostgreSQL's size limits (nothing was written)",
  // A server starting up, in crash recovery, or a standby not accepting connections yet.
  '57P03': 'the database is starting up; try again in a moment',
  '25006': 'the server is read-only (a standby?): point writers at the primary',
  '42P01': 'its tables are not those of this Gazette (run `gazette migrate --db URL`)',
  '42P07': 'the database already holds tables of another program; give Gazette a database of its own',
  '22021': 'a value holds a character PostgreSQL text cannot store (a NUL byte)',
};

/** The server a location names, as host:port (PostgreSQL's port when the URL gives none). */
export function serverAddress(location: string): string {
  try {
    const url = new URL(location);
    const host = url.hostname || url.searchParams.get('host') || 'localhost';
    return `${host}:${url.port || '5432'}`;
  } catch {
    return location;
  }
}

/**
 * Turns a PostgreSQL failure into an error a user can act on, in one line, naming the database without
 * its password: an unreachable server says so with its host:port and what to do.
 */
export function postgresError(location: string, error: unknown, doing: string): GazetteError {
  if (error instanceof GazetteError) return error;
  const e = error as { code?: string; message?: string };
  const code = e.code ?? '';
  const why = Object.hasOwn(UNREACHABLE, code)
    ? `the store is unreachable at ${serverAddress(location)}: ${UNREACHABLE[code]}`
    : Object.hasOwn(REASONS, code)
      ? REASONS[code]
      : oneLine(e.message ?? String(error));
  return new GazetteError('STORE_ERROR', `Cannot ${doing} the PostgreSQL store ${location}: ${why}.`, {
    where: location,
  });
}

/**
 * A server's or driver's message on one line (a DETAIL or HINT may follow on the next). Split at line
 * breaks rather than one pattern for the spaces around each: that pattern backtracks quadratically on a
 * long run of spaces (the ReDoS suite).
 */
const oneLine = (message: string) =>
  message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')
    .replace(/\.$/, '');

/** Runs `fn`, turning any failure into `postgresError`. */
export async function asStoreError<T>(location: string, doing: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw postgresError(location, error, doing);
  }
}

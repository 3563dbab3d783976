import type { z } from 'zod';
import { MAX_REPLY_BYTES, ReplyTooLarge, readReplyText } from './read-reply';
import { RemoteError } from './remote-error';

export interface FetchOptions {
  /** The transport; the global fetch by default (a test may pass `app.request`). */
  fetch?: typeof fetch;
  /** One deadline per call, the body included: a server that trickles its answer times out too. */
  timeoutMs?: number;
  /** The largest reply read, in bytes as decoded (after gzip). */
  maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** A GET whose JSON reply is checked against a schema; undefined for a 404 when the thing may be missing. */
export type CheckedGet = <S extends z.ZodType>(
  url: URL,
  schema: S,
  options?: { mayBeMissing?: boolean; signal?: AbortSignal },
) => Promise<z.infer<S> | undefined>;

/** What a problem reply says (`detail`, else `title`), or nothing. */
function problemText(body: unknown): string {
  const { detail, title } = (body ?? {}) as { detail?: unknown; title?: unknown };
  return typeof detail === 'string' ? detail : typeof title === 'string' ? title : '';
}

/**
 * GETs from the Gazette API at `root`, each with one deadline for the whole exchange (body included), a
 * cap on the reply's size, and the reply checked against the core's schema (the server at the URL may not
 * be a Gazette API, or another version). Failures are RemoteErrors saying which: unreachable, timeout, an
 * API error, not a Gazette API.
 */
export function checkedGet(root: URL, options: FetchOptions = {}): CheckedGet {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_REPLY_BYTES;

  /** The reply as JSON (undefined when it is not JSON); a reply too long or too slow is an error of its own. */
  async function readBody(response: Response, signal: AbortSignal, url: URL): Promise<unknown> {
    let text: string;
    try {
      text = await readReplyText(response, maxBytes);
    } catch (error) {
      if (error instanceof ReplyTooLarge)
        throw new RemoteError(
          `The reply from ${url.pathname} is ${error.message}; is ${root.href} a Gazette API?`,
          url.href,
          response.status,
        );
      const why = signal.aborted ? `sent no complete answer in ${timeoutMs} ms` : 'broke off its answer';
      throw new RemoteError(
        `The Gazette API at ${root.origin} ${why} (${url.pathname}).`,
        url.href,
        response.status,
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  async function respond(url: URL, signal: AbortSignal): Promise<Response> {
    try {
      return await doFetch(url, { headers: { accept: 'application/json' }, signal });
    } catch (error) {
      const name = (error as Error)?.name;
      const why =
        name === 'TimeoutError'
          ? `no answer in ${timeoutMs} ms`
          : name === 'AbortError'
            ? 'no longer asked'
            : 'unreachable';
      throw new RemoteError(`The Gazette API at ${root.origin} is ${why} (${url.pathname}).`, url.href);
    }
  }

  return async (url, schema, { mayBeMissing = false, signal: stop } = {}) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = stop ? AbortSignal.any([deadline, stop]) : deadline;
    const response = await respond(url, signal);
    if (mayBeMissing && response.status === 404) {
      await response.body?.cancel().catch(() => {});
      return undefined;
    }
    const body = await readBody(response, signal, url);
    if (!response.ok) {
      const text = problemText(body);
      throw new RemoteError(
        `The Gazette API answered ${response.status} for ${url.pathname}${text ? `: ${text}` : ''}.`,
        url.href,
        response.status,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RemoteError(
        `The reply from ${url.pathname} is not a Gazette result (${issue?.path.join('.') || 'shape'}: ${issue?.message}). Is ${root.href} a Gazette API?`,
        url.href,
        response.status,
      );
    }
    return parsed.data;
  };
}

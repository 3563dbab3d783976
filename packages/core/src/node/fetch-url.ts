import { GazetteError } from '../errors/gazette-error';
import { type DecodedText, decodeBytes } from '../input/decode-bytes';

export interface FetchOptions {
  /** Whole request, body included (default 20 s). */
  timeoutMs?: number;
  /** Largest body read (default 10 MB); larger is refused, not truncated. */
  maxBytes?: number;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
  userAgent?: string;
  /**
   * Validators from an earlier answer: sent as If-None-Match / If-Modified-Since, so an unchanged
   * resource costs a 304 with no body (then `notModified` is set and `content` is empty).
   */
  validators?: { etag?: string | undefined; lastModified?: string | undefined };
}

/** What the response said about caching and scheduling, for conditional polls. */
export interface HttpHints {
  etag?: string;
  lastModified?: string;
  cacheControl?: string;
}

export interface Fetched {
  /** The URL after redirects. */
  url: string;
  contentType: string;
  content: string;
  /** How the body was decoded: the encoding used, why, and how many bytes became U+FFFD. */
  decoding: Omit<DecodedText, 'text'>;
  http: HttpHints;
  /** The server answered 304 Not Modified to the validators given: nothing new, no body. */
  notModified?: true;
}

function hintsOf(headers: Headers): HttpHints {
  const etag = headers.get('etag') ?? undefined;
  const lastModified = headers.get('last-modified') ?? undefined;
  const cacheControl = headers.get('cache-control') ?? undefined;
  return {
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
    ...(cacheControl ? { cacheControl } : {}),
  };
}

/** Request headers: what Gazette accepts, and the validators of an earlier answer. */
function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? USER_AGENT,
    accept:
      'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,text/*;q=0.8',
  };
  if (options.validators?.etag) headers['if-none-match'] = options.validators.etag;
  if (options.validators?.lastModified) headers['if-modified-since'] = options.validators.lastModified;
  return headers;
}

/** Says what is fetching and why; no browser disguise. */
export const USER_AGENT = 'Gazette/0.1 (news reader fetching pages its user asked for)';

const ACCEPTED = [
  'text/html',
  'application/xhtml+xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/feed+json',
  'application/json',
  'application/x-ndjson',
  'application/jsonl',
  'text/plain',
  'text/markdown',
];

function fail(url: string, reason: string): GazetteError {
  return new GazetteError('FETCH_FAILED', `Cannot fetch ${url}: ${reason}.`, { where: url });
}

/**
 * Fetches a page, feed or article over HTTP(S) with a timeout, a size cap, a redirect limit, a
 * content-type check and an honest User-Agent. Every failure is a GazetteError naming the URL and why.
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxBytes = options.maxBytes ?? 10_000_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const signal = AbortSignal.timeout(timeoutMs);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw fail(url, 'it is not a valid URL');
  }
  for (let redirects = 0; ; redirects++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:')
      throw fail(url, `${current.protocol} URLs are not fetched, only http and https`);
    let response: Response;
    try {
      response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: requestHeaders(options),
      });
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      if (e.name === 'TimeoutError' || signal.aborted)
        throw fail(url, `no answer within ${timeoutMs / 1000} s`);
      throw fail(url, e.cause?.code ?? e.message);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      await response.body?.cancel();
      if (redirects >= maxRedirects) throw fail(url, `more than ${maxRedirects} redirects`);
      current = new URL(response.headers.get('location')!, current);
      continue;
    }
    if (response.status === 304 && options.validators) {
      await response.body?.cancel();
      const decoding = { encoding: 'utf-8', source: 'default' as const, replacements: 0 };
      return {
        url: current.href,
        contentType: '',
        content: '',
        decoding,
        http: hintsOf(response.headers),
        notModified: true,
      };
    }
    if (!response.ok) {
      await response.body?.cancel();
      const retryAfter = response.headers.get('retry-after') ?? undefined;
      throw new GazetteError(
        'FETCH_FAILED',
        `Cannot fetch ${url}: the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
        { where: url, status: response.status, ...(retryAfter ? { retryAfter } : {}) },
      );
    }
    const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
    const mime = contentType.split(';')[0]!.trim();
    if (mime && !ACCEPTED.includes(mime) && !mime.endsWith('+xml') && !mime.endsWith('+json')) {
      await response.body?.cancel();
      throw fail(url, `it is ${mime}, not a web page, feed or article`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw fail(
        url,
        `it is ${(declared / 1e6).toFixed(1)} MB, over the ${(maxBytes / 1e6).toFixed(1)} MB limit`,
      );
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      const reader = response.body?.getReader();
      for (;;) {
        if (!reader) break;
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          await reader.cancel();
          throw fail(url, `it is over the ${(maxBytes / 1e6).toFixed(1)} MB limit`);
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof GazetteError) throw error;
      if (signal.aborted) throw fail(url, `no complete answer within ${timeoutMs / 1000} s`);
      throw fail(url, (error as Error).message);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    // The page's own BOM or declaration beats the header; the bytes decide when they disagree.
    const httpCharset = /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1];
    const { text, ...decoding } = decodeBytes(bytes, httpCharset ? { httpCharset } : {});
    return { url: current.href, contentType: mime, content: text, decoding, http: hintsOf(response.headers) };
  }
}

import { createCorpus } from '../corpus/create-corpus';
import { GazetteError } from '../errors/gazette-error';
import type { Alert } from '../follow/alert-schema';

const hex = (bytes: number) =>
  [...globalThis.crypto.getRandomValues(new Uint8Array(bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

/**
 * A new alert: its query checked by the search's own parser (a query search would refuse is refused here,
 * with the same message), its webhook an http(s) URL, a random id and signing secret.
 */
export function createAlert(input: { query: string; webhook?: string | undefined }, now: string): Alert {
  const query = input.query.trim();
  if (!query)
    throw new GazetteError(
      'INVALID_QUERY',
      'An alert needs a query (the search language: words, "a phrase", person:…).',
      {
        where: 'query',
      },
    );
  createCorpus([]).search({ q: query, typos: 'off', limit: 1 });
  if (input.webhook !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(input.webhook);
    } catch {}
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
      throw new GazetteError(
        'INVALID_PARAMS',
        `The webhook must be an http or https URL; got "${input.webhook}".`,
        {
          where: 'webhook',
        },
      );
  }
  return {
    id: `a${hex(5)}`,
    query,
    ...(input.webhook ? { webhook: input.webhook } : {}),
    secret: hex(24),
    createdAt: now,
  };
}

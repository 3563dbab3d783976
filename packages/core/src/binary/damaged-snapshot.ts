import { GazetteError } from '../errors/gazette-error';

/** The error for a snapshot whose bytes do not hold together, found at load or when a list is read. */
export const damagedSnapshot = (what: string) =>
  new GazetteError(
    'INVALID_SNAPSHOT',
    `The snapshot is damaged (${what}); rebuild it with corpus.toSnapshot().`,
    { where: what },
  );

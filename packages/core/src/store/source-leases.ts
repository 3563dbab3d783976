import { GazetteError } from '../errors/gazette-error';
import type { FollowedSource } from '../follow/followed-source-schema';
import type { LeaseRequest } from './store-types';

/** Whether a source is due for a poll at `now` (ms since the epoch): its next poll time has come. */
export const dueAt = (source: FollowedSource, now: number): boolean =>
  Date.parse(source.state.nextPollAt) <= now;

/** The instants of a lease request (ms), refused when they are not times: a lease until NaN would never end. */
export function leaseTimes(request: LeaseRequest): { now: number; until: number } {
  const now = Date.parse(request.now);
  const until = Date.parse(request.until);
  if (Number.isNaN(now) || Number.isNaN(until) || request.worker === '')
    throw new GazetteError(
      'INVALID_PARAMS',
      `A lease needs a worker and ISO 8601 times (got worker "${request.worker}", now "${request.now}", until "${request.until}").`,
    );
  return { now, until };
}

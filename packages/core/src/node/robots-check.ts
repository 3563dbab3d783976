import { isGazetteError } from '../errors/gazette-error';
import { type RobotsRules, robotsAllow, robotsRules } from '../follow/robots-rules';
import { type FetchOptions, fetchUrl } from './fetch-url';

/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'gazette';
const DAY_MS = 86_400_000;
/** Sites whose rules are kept at once (a watch over --full feeds meets ever more of them); the oldest go first. */
const KEPT_SITES = 1_000;
/** An unreadable robots.txt is asked for again sooner: the server may be back. */
const RETRY_MS = 3_600_000;

/**
 * Whether robots.txt lets Gazette fetch a page, read once a day per origin. As RFC 9309 says: a robots.txt
 * that does not exist (4xx) allows everything; one that cannot be read (5xx, network) allows nothing,
 * until it can be read.
 */
export function createRobotsCheck(
  clock: () => number,
  fetchOptions: FetchOptions = {},
): (url: string) => Promise<boolean> {
  type Known = { rules: RobotsRules; until: number };
  const known = new Map<string, Known>();
  const pending = new Map<string, Promise<Known>>();
  const read = async (origin: string): Promise<Known> => {
    try {
      const fetched = await fetchUrl(`${origin}/robots.txt`, { ...fetchOptions, maxBytes: 500_000 });
      return { rules: robotsRules(fetched.content, ROBOTS_AGENT), until: clock() + DAY_MS };
    } catch (error) {
      const status = isGazetteError(error) ? error.details.status : undefined;
      if (status !== undefined && status >= 400 && status < 500)
        return { rules: { allow: [], disallow: [] }, until: clock() + DAY_MS };
      return { rules: { allow: [], disallow: ['/'] }, until: clock() + RETRY_MS };
    }
  };
  return async (url) => {
    const origin = new URL(url).origin;
    const cached = known.get(origin);
    if (cached && cached.until > clock()) return robotsAllow(cached.rules, url);
    let reading = pending.get(origin);
    if (!reading) {
      reading = read(origin).finally(() => pending.delete(origin));
      pending.set(origin, reading);
    }
    const fresh = await reading;
    known.delete(origin);
    known.set(origin, fresh);
    if (known.size > KEPT_SITES) known.delete(known.keys().next().value!);
    return robotsAllow(fresh.rules, url);
  };
}

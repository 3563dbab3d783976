// The feed sites' process of the follow benches (feed-sites.ts), and a count of the poller's requests in flight.
import { fork } from 'node:child_process';

export type Seen = { requests: number; notModified: number; unchanged: number; unchangedNotModified: number };

/** The feed sites in their own process, and a way to ask them something and wait for the answer. */
export async function startSites(mode: 'rounds' | 'hour' = 'rounds') {
  const child = fork(new URL('./feed-sites.ts', import.meta.url), [mode], {
    execArgv: ['--import', 'tsx', '--conditions=@gazette/source'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`The feed sites exited (code ${code}).`));
      child.once('exit', exited);
      child.once('message', (m) => {
        child.off('exit', exited);
        resolve(m as Record<string, unknown>);
      });
    });
  const { bases } = (await next()) as { bases: string[] };
  const ask = async (m: object) => {
    const answer = next();
    child.send(m);
    return answer;
  };
  return {
    bases,
    seen: async () => ((await ask({ seen: true })) as { seen: Seen }).seen,
    gain: (feeds: number[]) => ask({ gain: feeds }),
    at: (ms: number) => ask({ at: ms }),
    forget: () => ask({ forget: true }),
    stop: () => child.kill(),
  };
}

/** Requests the poller has in flight (counted around fetch, which fetchUrl calls), most at once in all and per site. */
export function countInFlight() {
  const seen = { inFlight: 0, max: 0, maxPerHost: 0 };
  const perHost = new Map<string, number>();
  const real = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const host = new URL(input instanceof Request ? input.url : String(input)).host;
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    seen.max = Math.max(seen.max, ++seen.inFlight);
    seen.maxPerHost = Math.max(seen.maxPerHost, perHost.get(host)!);
    try {
      return await real(input, init);
    } finally {
      seen.inFlight--;
      perHost.set(host, perHost.get(host)! - 1);
    }
  };
  return seen;
}

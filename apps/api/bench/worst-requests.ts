// The issue-13 targets that autocannon's req/s do not show: how long the worst search within the documented
// limits takes, and how much 8 of them at once delay /healthz on the same server.
import { Agent, request } from 'node:http';
import type { SearchParams } from '@gazette/core/query';
import type { AdversarialSearch } from './adversarial';

interface Sent {
  status: number;
  ms: number;
}

/**
 * One request on `agent`: its status and its latency (until the whole body is read). A kept-alive socket
 * the server closed just as it was reused is retried once on a new one (what Node's docs advise).
 */
async function send(agent: Agent, url: string, path: string, body?: string): Promise<Sent> {
  try {
    return await sendOnce(agent, url, path, body);
  } catch (error) {
    if ((error as { reused?: boolean }).reused) return sendOnce(agent, url, path, body);
    throw error;
  }
}

function sendOnce(agent: Agent, url: string, path: string, body?: string): Promise<Sent> {
  const u = new URL(url);
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: u.hostname,
        port: u.port,
        path,
        method: body ? 'POST' : 'GET',
        headers: body ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t }));
      },
    );
    req.on('error', (error) => reject(Object.assign(error, { reused: req.reusedSocket })));
    req.end(body);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p99 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Timed {
  name: string;
  ms: number;
  status: number;
}

/** Each search as POST /v1/search (never cached), `reps` times one after another: the median of each. */
export async function timeSearches(
  apiUrl: string,
  searches: AdversarialSearch[],
  reps = 3,
): Promise<Timed[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const out: Timed[] = [];
  for (const s of searches) {
    const runs: Sent[] = [];
    for (let i = 0; i < reps; i++)
      runs.push(await send(agent, apiUrl, '/v1/search', JSON.stringify(s.params)));
    out.push({ name: s.name, ms: median(runs.map((r) => r.ms)), status: runs[0]!.status });
  }
  agent.destroy();
  return out;
}

/** A feed of a query (GET, on a server whose read cache is off): the median of `reps`. */
export async function timeFeed(apiUrl: string, path: string, reps = 3): Promise<Sent> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const runs: Sent[] = [];
  for (let i = 0; i < reps; i++) runs.push(await send(agent, apiUrl, path));
  agent.destroy();
  return { status: runs[0]!.status, ms: median(runs.map((r) => r.ms)) };
}

/** /healthz latencies, one request every 10 ms, for `ms`. */
async function probeHealthz(apiUrl: string, ms: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const out: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    out.push((await send(agent, apiUrl, '/healthz')).ms);
    await sleep(10);
  }
  agent.destroy();
  return out;
}

export interface HealthzDelay {
  idleP99: number;
  loadedP99: number;
  probes: number;
  /** Worst searches answered meanwhile, and their statuses. */
  answered: number;
  statuses: string;
}

/** /healthz p99 alone, then while `concurrency` clients each send `params` back to back, for `ms` each. */
export async function healthzUnderWorst(
  apiUrl: string,
  params: SearchParams,
  { concurrency = 8, ms = 5_000 } = {},
): Promise<HealthzDelay> {
  const idle = await probeHealthz(apiUrl, ms);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const body = JSON.stringify(params);
  const statuses = new Map<number, number>();
  let running = true;
  const loops = Array.from({ length: concurrency }, async () => {
    while (running) {
      const { status } = await send(agent, apiUrl, '/v1/search', body);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  });
  await sleep(200); // the loops are all in flight
  const loaded = await probeHealthz(apiUrl, ms);
  running = false;
  await Promise.all(loops);
  agent.destroy();
  return {
    idleP99: p99(idle),
    loadedP99: p99(loaded),
    probes: loaded.length,
    answered: [...statuses.values()].reduce((n, c) => n + c, 0),
    statuses: [...statuses].map(([s, n]) => `${n}×${s}`).join(', '),
  };
}

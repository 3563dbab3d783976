// The API (apps/api's Node entry, from source) in a process of its own over a store (GAZETTE_DB), on a
// free port of 127.0.0.1: what live-bench.ts searches as a reader would.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../../apps/api/src/node/cli.ts', import.meta.url));

export interface ApiProcess {
  url: string;
  /** From spawning to listening, in ms (opening the store's live corpus included). */
  startMs: number;
  stop(): Promise<void>;
}

export async function startApiProcess(db: string): Promise<ApiProcess> {
  const t = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@gazette/source', CLI], {
    env: { ...process.env, GAZETTE_DB: db, PORT: '0', HOST: '127.0.0.1', GAZETTE_WATCH: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /API: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error(`the API exited before listening: ${out}`)));
  });
  return {
    url,
    startMs: performance.now() - t,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Whether the API's search for `q` finds the article `id` (among its first 50 hits). */
export async function apiFinds(url: string, q: string, id: string): Promise<boolean> {
  const res = await fetch(`${url}/v1/search?q=${encodeURIComponent(q)}&limit=50`);
  if (!res.ok) throw new Error(`the API answered ${res.status} to a search: ${await res.text()}`);
  const body = (await res.json()) as { hits: { id: string }[] };
  return body.hits.some((h) => h.id === id);
}

import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiContract } from './support/api-contract';
import { startWorkerdApi } from './support/start-api';

// The worker bundle built by `wrangler deploy --dry-run`, in real workerd (Miniflare) on 127.0.0.1.
// Compression is left to Cloudflare's edge there, so the Node-only compression test has no twin here.
apiContract('workerd (Cloudflare Workers build)', startWorkerdApi);

describe('workerd, stopped', () => {
  it('leaves no scratch folder behind (Miniflare keeps workerd’s cache database in one)', async () => {
    const api = await startWorkerdApi();
    const scratch = api.scratch!;
    // Miniflare's folder is made in the test's own temp folder, not beside other programs' in /tmp.
    expect(readdirSync(scratch).filter((name) => name.startsWith('miniflare-'))).toHaveLength(1);
    const res = await fetch(`${api.url}/v1/articles?limit=1`);
    expect(res.status).toBe(200);
    await api.stop();
    expect(existsSync(scratch)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { apiContract } from './support/api-contract';
import { startNodeApi } from './support/start-api';

apiContract('Node (@hono/node-server)', startNodeApi);

describe('Node only', () => {
  it('compresses large answers for clients that accept it', async () => {
    const api = await startNodeApi();
    try {
      const res = await fetch(`${api.url}/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(((await res.json()) as { openapi: string }).openapi).toBe('3.1.0');
    } finally {
      await api.stop();
    }
  });
});

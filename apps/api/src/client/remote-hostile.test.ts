import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer } from '../test-support/hostile-server';
import { remoteCorpus } from './remote-corpus';
import { isRemoteError } from './remote-error';

let server: Awaited<ReturnType<typeof startHostileServer>>;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(async () => {
  await server?.close();
});

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(isRemoteError(error), String(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a failure');
}

describe('the client against a hostile server on 127.0.0.1', () => {
  it('stops reading an endless body at the reply cap and says so', async () => {
    const message = await failure(remoteCorpus(`${server.url}/endless`).list());
    expect(message).toMatch(/reply from \/endless\/v1\/articles is over the 64 MB limit of a Gazette reply/);
  });

  it('counts the inflated bytes of a gzip bomb, not the compressed ones', async () => {
    const message = await failure(remoteCorpus(`${server.url}/bomb`, { maxBytes: 8 * 1024 * 1024 }).list());
    expect(message).toMatch(/over the 8 MB limit/);
  });

  it('reports a server that never answers, or trickles its body, as a timeout (not as "not a Gazette API")', async () => {
    const silent = await failure(remoteCorpus(`${server.url}/silent`, { timeoutMs: 1000 }).list());
    expect(silent).toMatch(/is no answer in 1000 ms \(\/silent\/v1\/articles\)/);
    // Long enough for the headers to arrive on a loaded machine; the body trickles for 30 s.
    const trickle = await failure(remoteCorpus(`${server.url}/trickle`, { timeoutMs: 8000 }).list());
    expect(trickle).toMatch(/sent no complete answer in 8000 ms \(\/trickle\/v1\/articles\)/);
    expect(trickle).not.toMatch(/Gazette result/);
  });
});

import { rmSync } from 'node:fs';
import { afterAll, describe } from 'vitest';
import { REFERENCE_ARTICLE } from '../support/paths';
import { gazette } from '../support/run-process';
import { testTempDir } from '../support/test-resources';
import { TEST_STORE_KINDS, type TestStoreKind } from '../support/test-stores';
import { apiContract } from './support/api-contract';
import { NODE_CLI, type RunningApi, startPrintingApi } from './support/start-api';

// The API contract over a store, once per kind (issue 17: "the API contract suite against a
// PostgreSQL-backed server"): the built Node server started with GAZETTE_DB naming a store that holds the
// built-in corpus's article, ingested by `gazette ingest` as a user would.
const dir = testTempDir('store-api');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A new store of this kind holding the reference article, and the API over it (stopping both). */
async function startOverStore(kind: TestStoreKind): Promise<RunningApi> {
  const store = await kind.open(dir, `contract-${kind.name}`);
  try {
    const r = await gazette(['ingest', REFERENCE_ARTICLE, '--db', store.db], { timeoutMs: 60_000 });
    if (r.code !== 0) throw new Error(`gazette ingest into ${kind.name} failed: ${r.stderr}`);
    const api = await startPrintingApi([NODE_CLI], { GAZETTE_DB: store.db });
    return {
      url: api.url,
      async stop() {
        await api.stop();
        await store.stop();
      },
    };
  } catch (error) {
    await store.stop();
    throw error;
  }
}

for (const kind of TEST_STORE_KINDS) {
  const skip = await kind.skip?.();
  if (skip) console.warn(`API contract over ${kind.name}: ${skip}`);
  describe.skipIf(skip)(`over a ${kind.name} store${skip ? ` (${skip})` : ''}`, () => {
    apiContract(`Node over a ${kind.name} store (GAZETTE_DB)`, () => startOverStore(kind), { live: true });
  });
}

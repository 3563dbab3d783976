import { describe, expect, it } from 'vitest';
import { batchOverLimit, largeArticle } from '../../test-support/store-contract';
import { GazetteError } from '../errors/gazette-error';
import { asAsyncStore } from './as-async-store';
import { createMemoryStore } from './memory-store';
import { putInParts } from './put-in-parts';
import { STORE_LIMITS } from './store-limits';

describe('putInParts (how ingest stores a batch)', () => {
  it('stores a batch over the store batch limit in smaller transactions, every article once', async () => {
    const store = asAsyncStore(createMemoryStore(), 'memory');
    const batch = batchOverLimit();
    await expect(store.putMany(batch)).rejects.toThrow(/STORE_LIMITS\.batchChars/);
    const parts: number[] = [];
    await putInParts(store, batch, (results) => parts.push(results.length));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(batch.length);
    expect(await store.count()).toBe(batch.length);
  }, 60_000);

  it('still refuses an article over the article limit, naming it', async () => {
    const store = asAsyncStore(createMemoryStore(), 'memory');
    const huge = largeArticle(1, STORE_LIMITS.articleChars);
    const error = await putInParts(store, [largeArticle(2, 10), huge], () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GazetteError);
    expect((error as GazetteError).details.where).toBe(huge.id);
    expect(await store.count()).toBe(0);
  }, 60_000);
});

import { READ_CACHE_CONTROL } from '../limits';
import { etagOf } from './etag';

/**
 * A serialised read, made once: its body as UTF-8 bytes (so the server writes bytes instead of encoding a
 * string on every request), its media type and the strong ETag of that body; a gzip copy is made on
 * first need.
 */
export interface CachedRead {
  readonly data: Uint8Array<ArrayBuffer>;
  readonly etag: string;
  readonly type: string;
  gzip?: Uint8Array<ArrayBuffer>;
}

export interface ReadCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
  maxBytes: number;
}

const utf8 = new TextEncoder();

export function cachedRead(body: string, type = 'application/json'): CachedRead {
  return { data: utf8.encode(body) as Uint8Array<ArrayBuffer>, etag: etagOf(body), type };
}

/**
 * The serialised answers of one app's reads, bounded by size, least recently used out first.
 *
 * Correct because every entry was made from ONE version of the corpus: the same validated parameters then
 * always give the same body, and the ETag is a hash of that body. A fixed corpus never changes; a live one
 * moves on, and `follow` empties the cache the moment it does, so a new version never gets an answer made
 * from an older one (and an unchanged one keeps its entries, and its 304s). Keys are namespaced by the
 * caller (`get:`, `search:`: a read by its corpus function; `f:` a feed; `t:` a raw request target). Sizes
 * count the body once per key, so entries shared by two keys are counted twice: the bound is conservative.
 */
export class ReadCache {
  readonly #map = new Map<string, CachedRead>();
  readonly #maxBytes: number;
  #bytes = 0;
  #version: string | undefined;
  hits = 0;
  misses = 0;

  /** `cacheControl`: how long others (browsers, shared caches) may reuse what this cache answers. */
  constructor(
    maxBytes: number,
    readonly cacheControl: string = READ_CACHE_CONTROL,
  ) {
    this.#maxBytes = maxBytes;
  }

  /** Keeps the entries while `version` is the one they were made from; empties the cache when it is not. */
  follow(version: string): void {
    if (version === this.#version) return;
    this.#version = version;
    this.#map.clear();
    this.#bytes = 0;
  }

  get enabled(): boolean {
    return this.#maxBytes > 0;
  }

  get(key: string): CachedRead | undefined {
    const entry = this.#map.get(key);
    if (entry === undefined) return undefined;
    // Most recently used last: delete and re-insert (Map keeps insertion order).
    this.#map.delete(key);
    this.#map.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedRead): void {
    const size = entry.data.byteLength + key.length * 2;
    if (size > this.#maxBytes / 8) return; // one huge answer must not flush the rest
    const old = this.#map.get(key);
    if (old !== undefined) {
      this.#bytes -= old.data.byteLength + key.length * 2;
      this.#map.delete(key);
    }
    this.#map.set(key, entry);
    this.#bytes += size;
    while (this.#bytes > this.#maxBytes) {
      const oldest = this.#map.keys().next();
      if (oldest.done) break;
      const e = this.#map.get(oldest.value)!;
      this.#map.delete(oldest.value);
      this.#bytes -= e.data.byteLength + oldest.value.length * 2;
    }
  }

  /** The cached read under `key`, or `make()` serialised (as `type`) and kept. Counts hits and misses. */
  through(key: string, make: () => string, type?: string): CachedRead {
    const hit = this.get(key);
    if (hit !== undefined) {
      this.hits++;
      return hit;
    }
    this.misses++;
    const entry = cachedRead(make(), type);
    if (this.enabled) this.set(key, entry);
    return entry;
  }

  stats(): ReadCacheStats {
    return {
      hits: this.hits,
      misses: this.misses,
      entries: this.#map.size,
      bytes: this.#bytes,
      maxBytes: this.#maxBytes,
    };
  }
}

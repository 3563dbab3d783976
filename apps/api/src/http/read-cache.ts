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
 * Correct because an app serves ONE corpus, which never changes while it is served (a new corpus means a
 * new app, hence a new cache): the same validated parameters always give the same body, and the ETag is a
 * hash of that body. Keys are namespaced by the caller (`get:`, `search:`: a read by its corpus function;
 * `f:` a feed; `t:` a raw request target). Sizes count the body once per key, so entries shared by two
 * keys are counted twice: the bound is conservative.
 */
export class ReadCache {
  readonly #map = new Map<string, CachedRead>();
  readonly #maxBytes: number;
  #bytes = 0;
  hits = 0;
  misses = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
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

import type { Matches } from './matches';

/**
 * Matches kept as their lists until something reads them as plain matches (a filter, facets, a date
 * order, an enclosing query): then they are listed in full, once, by `listAll`. A search page reads
 * what it needs through the subclass's own method instead.
 */
export abstract class PendingMatches implements Matches {
  private full: Matches | undefined;

  constructor(private readonly listAll: () => Matches) {}

  /** The matches listed in full (on first asking). */
  protected listed(): Matches {
    this.full ??= this.listAll();
    return this.full;
  }
  /** Listed in full already (a page then reads the full list). */
  protected get isListed(): boolean {
    return this.full !== undefined;
  }
  get docs(): Uint32Array {
    return this.listed().docs;
  }
  get scores(): Float32Array | null {
    return this.listed().scores;
  }
  get typos(): Uint8Array | null {
    return this.listed().typos;
  }
}

import { GrowableArray } from '../../binary/growable-array';
import { packSummaryParts, type StoredSummary, unpackSummary } from './entity-summaries';

/** The summaries of a range of documents' entities (numbered from 0), to be appended to another's. */
export interface SummariesPart {
  /** Each entity's packed summary without its counts, which go at `cut`. */
  packed: readonly string[];
  cut: Uint32Array;
  articleCount: Uint32Array;
  mentionCount: Uint32Array;
}

/**
 * Entity summaries as they are built: each one packed as it is stored (packSummary) but for its counts,
 * which are kept in typed arrays and written in at the end. A summary object with an array of aliases
 * per entity was hundreds of thousands of objects on a worker's heap, marked again by each of its full
 * collections; here it is one string per entity. A summary is unpacked only when an entity met again
 * under another variant brings aliases (rare beside its references, which only count).
 */
export class SummaryTable {
  private readonly packed: string[] = [];
  private readonly cut = new GrowableArray(Uint32Array, 1 << 10);
  private readonly articleCount = new GrowableArray(Uint32Array, 1 << 10);
  private readonly mentionCount = new GrowableArray(Uint32Array, 1 << 10);

  get length(): number {
    return this.packed.length;
  }

  /** Adds the next entity's summary (its counts start from the summary's). */
  push(s: StoredSummary): void {
    this.pushPacked(packSummaryParts(s), s.articleCount, s.mentionCount);
  }

  /** Counts a reference to entity `value` with `mentions` mentions. */
  count(value: number, mentions: number): void {
    this.articleCount.array[value]! += 1;
    this.mentionCount.array[value]! += mentions;
  }

  /** Adds to entity `value`'s aliases those it lacks, in order. */
  addAliases(value: number, aliases: readonly string[]): void {
    if (aliases.length === 0) return;
    const s = this.summary(value);
    const before = s.aliases.length;
    for (const alias of aliases) if (!s.aliases.includes(alias)) s.aliases.push(alias);
    if (s.aliases.length === before) return;
    const [head, tail] = packSummaryParts(s);
    this.packed[value] = [head, tail].join('');
    this.cut.array[value] = head.length;
  }

  /** Every summary packed (packSummary), in value order. */
  done(): string[] {
    return this.packed.map((p, v) => this.withCounts(p, v));
  }

  part(): SummariesPart {
    return {
      packed: this.packed,
      cut: this.cut.view(),
      articleCount: this.articleCount.view(),
      mentionCount: this.mentionCount.view(),
    };
  }

  /**
   * Appends part summary v as entity `value`'s: a new entity (value === length) takes it as it is, a
   * known one adds its counts and the aliases it lacks.
   */
  append(p: SummariesPart, v: number, value: number): void {
    const packed = p.packed[v]!;
    const cut = p.cut[v]!;
    if (value === this.length) {
      this.pushPacked([packed.slice(0, cut), packed.slice(cut)], p.articleCount[v]!, p.mentionCount[v]!);
      return;
    }
    this.articleCount.array[value]! += p.articleCount[v]!;
    this.mentionCount.array[value]! += p.mentionCount[v]!;
    // The same name, type and aliases as this one's (most entities both ranges name): nothing to add, and
    // nothing unpacked.
    const head = packed.slice(0, cut);
    if (head === this.packed[value]!.slice(0, this.cut.array[value]!)) return;
    this.addAliases(value, unpackSummary('', `${head},0,0${packed.slice(cut)}`).aliases);
  }

  private pushPacked([head, tail]: [string, string], articles: number, mentions: number): void {
    // Joined, not concatenated: a concatenation is kept as a pair of strings (an object more per entity).
    this.packed.push([head, tail].join(''));
    this.cut.push(head.length);
    this.articleCount.push(articles);
    this.mentionCount.push(mentions);
  }

  private withCounts(packed: string, v: number): string {
    const cut = this.cut.array[v]!;
    return `${packed.slice(0, cut)},${this.articleCount.array[v]},${this.mentionCount.array[v]}${packed.slice(cut)}`;
  }

  private summary(value: number): StoredSummary {
    return unpackSummary('', this.withCounts(this.packed[value]!, value));
  }
}

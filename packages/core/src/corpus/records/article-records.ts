import type { Article } from '../../model/article-schema';
import { damagedSnapshot } from '../../binary/damaged-snapshot';
import { GazetteError } from '../../errors/gazette-error';
import type { StringColumn } from '../../binary/string-column';
import type { BlockCheck } from '../../binary/block-check';
import { ByteWriter } from '../../binary/varint';
import { CompactReader, CompactWriter } from './compact-values';
import { type ArticleHead, type EntityHead, packArticle, unpackArticle } from './pack-article';
import { WordStarts } from './mentions';
import { EntityHeadsBuilder, type EntityHeads, type EntityValues, fullHead } from './entity-heads';

/**
 * The articles of a corpus as compact records in one buffer (document order), decoded when one is asked
 * for: a corpus does not keep a hundred thousand article objects alive. Entity heads (name, type,
 * aliases) are stored once and shared by the records that name them (entity-heads.ts).
 */
export class ArticleRecords {
  private readonly reader: CompactReader;
  private readonly headReader: CompactReader;

  readonly headOff: Uint32Array;
  readonly headBytes: Uint8Array;
  /** The heads of entity value v are heads valueHeadOff[v] to valueHeadOff[v+1]. */
  readonly valueHeadOff: Uint32Array;
  /** Each document's entity ids: in a snapshot, the index's entities column when it is the same list. */
  readonly values: EntityValues;

  constructor(
    /** Record d is bytes[off[d], off[d+1]). */
    readonly off: Uint32Array,
    readonly bytes: Uint8Array,
    /** The entity heads, and each document's entity ids they are found by. */
    heads: EntityHeads,
    readonly strings: StringColumn,
    /** For a snapshot's records checked as they are read: the checks of `bytes` and `headBytes`. */
    private readonly checks: { bytes?: BlockCheck | undefined; headBytes?: BlockCheck | undefined } = {},
  ) {
    this.headOff = heads.headOff;
    this.headBytes = heads.headBytes;
    this.valueHeadOff = heads.valueHeadOff;
    this.values = heads.values;
    this.reader = new CompactReader(bytes, strings);
    this.headReader = new CompactReader(heads.headBytes, strings);
  }

  static build(articles: readonly Article[]): ArticleRecords {
    const w = new CompactWriter();
    const heads = new EntityHeadsBuilder(articles.length, w);
    const off = new Uint32Array(articles.length + 1);
    const scratch = new ByteWriter(1 << 12);
    const words = new WordStarts([]);
    articles.forEach((a, d) => {
      w.write(packArticle(a, (e) => heads.add(d, e), scratch, words));
      heads.endDocument(d);
      off[d + 1] = w.out.length;
    });
    return new ArticleRecords(off, w.out.done(), heads.done(), w.stringColumn());
  }

  /** The entity value at `place` in document d's list of entity ids. */
  private valueAt(d: number, place: number): number {
    const { off, val } = this.values;
    if (!(place < off[d + 1]! - off[d]!)) throw new RangeError('no such entity in the document');
    return val[off[d]! + place]!;
  }

  /** The head of the entity at `place` in document d's list of entity ids, its `variant`th. */
  private headAt(d: number, place: number, variant: number): EntityHead {
    const v = this.valueAt(d, place);
    if (!(v + 1 < this.valueHeadOff.length)) throw new RangeError('no such entity value');
    const h = this.valueHeadOff[v]! + variant;
    if (!(h < this.valueHeadOff[v + 1]!)) throw new RangeError('no such entity head');
    this.checks.headBytes?.check(this.headOff[h]!, this.headOff[h + 1]!);
    const stored = this.headReader.read(this.headOff[h]!, this.headOff[h + 1]!) as Record<string, unknown>;
    return fullHead(stored, () => this.values.values.at(v));
  }

  /** Article d; id, slug and title come from the index, standfirst and body texts from its text table. */
  get(d: number, head: ArticleHead, bodyTexts: readonly string[]): Article {
    // A damaged record fails to decode or to unpack (a wrong shape); either is reported as such.
    try {
      this.checks.bytes?.check(this.off[d]!, this.off[d + 1]!);
      return unpackArticle(
        this.reader.read(this.off[d]!, this.off[d + 1]!),
        head,
        bodyTexts,
        (place, variant) => this.headAt(d, place, variant),
        (place) => this.values.values.at(this.valueAt(d, place)),
      );
    } catch (e) {
      // A block that fails its checksum says which section; anything else is a record that does not decode.
      if (e instanceof GazetteError) throw e;
      throw damagedSnapshot(`article ${head.id}`);
    }
  }
}

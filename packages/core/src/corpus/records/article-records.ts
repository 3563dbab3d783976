import type { Article } from '../../model/article-schema';
import { damagedSnapshot } from '../../binary/damaged-snapshot';
import { GazetteError } from '../../errors/gazette-error';
import type { StringColumn } from '../../binary/string-column';
import type { BlockCheck } from '../../binary/block-check';
import { ByteWriter } from '../../binary/varint';
import { CompactReader, CompactWriter } from './compact-values';
import { type ArticleHead, type EntityHead, packArticle, unpackArticle } from './pack-article';
import { EntityHeads } from './entity-heads';
import type { Entity } from '../../model/entity-schema';

/**
 * The articles of a corpus as compact records in one buffer (document order), decoded when one is asked
 * for: a corpus does not keep a hundred thousand article objects alive. Entity heads (name, type,
 * aliases) are stored once and shared by the records that name them.
 */
export class ArticleRecords {
  private readonly reader: CompactReader;
  private readonly headReader: CompactReader;

  constructor(
    /** Record d is bytes[off[d], off[d+1]). */
    readonly off: Uint32Array,
    readonly bytes: Uint8Array,
    /** Head h is headBytes[headOff[h], headOff[h+1]). */
    readonly headOff: Uint32Array,
    readonly headBytes: Uint8Array,
    readonly strings: StringColumn,
    /** For a snapshot's records checked as they are read: the checks of `bytes` and `headBytes`. */
    private readonly checks: { bytes?: BlockCheck | undefined; headBytes?: BlockCheck | undefined } = {},
  ) {
    this.reader = new CompactReader(bytes, strings);
    this.headReader = new CompactReader(headBytes, strings);
  }

  static build(articles: readonly Article[]): ArticleRecords {
    const w = new CompactWriter();
    const heads = new EntityHeads(w);
    const headIndex = (e: Entity) => heads.indexOf(e);
    const off = new Uint32Array(articles.length + 1);
    const scratch = new ByteWriter(1 << 12);
    articles.forEach((a, d) => {
      w.write(packArticle(a, headIndex, scratch));
      off[d + 1] = w.out.length;
    });
    return new ArticleRecords(
      off,
      w.out.done(),
      Uint32Array.from(heads.off),
      heads.bytes.done(),
      w.stringColumn(),
    );
  }

  /** Article d; id, slug and title come from the index, standfirst and body texts from its text table. */
  get(d: number, head: ArticleHead, bodyTexts: readonly string[]): Article {
    // A damaged record fails to decode or to unpack (a wrong shape); either is reported as such.
    try {
      this.checks.bytes?.check(this.off[d]!, this.off[d + 1]!);
      return unpackArticle(this.reader.read(this.off[d]!, this.off[d + 1]!), head, bodyTexts, (h) => {
        if (!(h < this.headOff.length - 1)) throw new RangeError('no such entity head');
        this.checks.headBytes?.check(this.headOff[h]!, this.headOff[h + 1]!);
        return this.headReader.read(this.headOff[h]!, this.headOff[h + 1]!) as EntityHead;
      });
    } catch (e) {
      // A block that fails its checksum says which section; anything else is a record that does not decode.
      if (e instanceof GazetteError) throw e;
      throw damagedSnapshot(`article ${head.id}`);
    }
  }
}

import type { Article } from '../../model/article-schema';
import { damagedSnapshot } from '../../binary/damaged-snapshot';
import { GazetteError } from '../../errors/gazette-error';
import type { StringColumn } from '../../binary/string-column';
import type { BlockCheck } from '../../binary/block-check';
import { ByteWriter } from '../../binary/varint';
import { CompactReader, CompactWriter } from './compact-values';
import { type ArticleHead, type EntityHead, headOf, packArticle, unpackArticle } from './pack-article';
import type { Entity } from '../../model/entity-schema';

function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
  return false;
}

/** Whether entity e has the head `head` (of `keys` fields): the same fields but its mentions, each equal. */
function hasHead(e: Entity, head: Record<string, unknown>, keys: number): boolean {
  const x = e as unknown as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (k === 'mentions' || k === 'demonymMentions') continue;
    if (!sameValue(x[k], head[k])) return false;
    n++;
  }
  return n === keys;
}

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
    const heads = new ByteWriter(1 << 16);
    const headOff = [0];
    const byId = new Map<string, Array<{ head: Record<string, unknown>; keys: number; index: number }>>();
    // An entity's head is looked up from the entity itself: most entities repeat a known head, and
    // making a head object (or a key) for each costs more than comparing a few fields.
    const headIndex = (e: Entity): number => {
      let variants = byId.get(e.id);
      if (!variants) {
        variants = [];
        byId.set(e.id, variants);
      }
      for (const v of variants) if (hasHead(e, v.head, v.keys)) return v.index;
      const head = headOf(e);
      const index = headOff.length - 1;
      w.write(head, heads);
      headOff.push(heads.length);
      variants.push({ head, keys: Object.keys(head).length, index });
      return index;
    };
    const off = new Uint32Array(articles.length + 1);
    articles.forEach((a, d) => {
      w.write(packArticle(a, headIndex));
      off[d + 1] = w.out.length;
    });
    return new ArticleRecords(off, w.out.done(), Uint32Array.from(headOff), heads.done(), w.stringColumn());
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

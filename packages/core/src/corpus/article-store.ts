import type { Article } from '../model/article-schema';
import { damagedSnapshot } from '../search/damaged-snapshot';
import type { StringColumn } from '../search/string-column';
import { CompactReader, CompactWriter } from './compact-values';
import { packArticle, unpackArticle } from './pack-article';

/**
 * The articles of a corpus as compact records in one buffer (document order), decoded when one is asked
 * for: a corpus does not keep a hundred thousand article objects alive.
 */
export class ArticleStore {
  private readonly reader: CompactReader;

  constructor(
    /** Record d is bytes[off[d], off[d+1]). */
    readonly off: Uint32Array,
    readonly bytes: Uint8Array,
    readonly strings: StringColumn,
  ) {
    this.reader = new CompactReader(bytes, strings);
  }

  static build(articles: readonly Article[]): ArticleStore {
    const w = new CompactWriter();
    const off = new Uint32Array(articles.length + 1);
    articles.forEach((a, d) => {
      w.write(packArticle(a));
      off[d + 1] = w.out.length;
    });
    return new ArticleStore(off, w.out.done(), w.stringColumn());
  }

  /** Article d; id, slug and title come from the index, body texts from its text table. */
  get(d: number, head: { id: string; slug: string; title: string }, bodyTexts: readonly string[]): Article {
    // A damaged record fails to decode or to unpack (a wrong shape); either is reported as such.
    try {
      return unpackArticle(this.reader.read(this.off[d]!, this.off[d + 1]!), head, bodyTexts);
    } catch {
      throw damagedSnapshot(`article ${head.id}`);
    }
  }
}

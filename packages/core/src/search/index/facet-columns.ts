import type { FacetName } from '../../model/facet-name-schema';
import type { GrowableArray } from '../../binary/growable-array';
import { ColumnBuilder, type ColumnPart } from './column-builder';
import type { KeywordTable } from './keyword-table';
import type { FacetColumn } from './search-index';

/** The facet columns, filled document by document, and each value's keyword terms (e.g. `section:`). */
export class FacetColumns {
  readonly columns: Record<FacetName, ColumnBuilder>;
  /** The columns as a list, taken once (not Object.values, an array per document). */
  private readonly all: ColumnBuilder[];
  /** Keyword terms of facet values, by column and value id. */
  private readonly keywordsOf = new Map<ColumnBuilder, number[][]>();

  constructor(
    documents: number,
    private readonly keywords: KeywordTable,
  ) {
    const column = () => new ColumnBuilder(documents);
    this.columns = {
      section: column(),
      tag: column(),
      source: column(),
      language: column(),
      month: column(),
      person: column(),
      organization: column(),
      place: column(),
    };
    this.all = Object.values(this.columns);
  }

  /** Adds a value to document d's column `name`, and its keyword terms (under `key`) to `out`. */
  add(
    d: number,
    name: FacetName,
    key: string,
    value: string | undefined,
    out: GrowableArray<Int32Array>,
  ): void {
    if (!value) return;
    const column = this.columns[name];
    const v = column.id(value);
    column.add(d, v);
    let byValue = this.keywordsOf.get(column);
    if (!byValue) {
      byValue = [];
      this.keywordsOf.set(column, byValue);
    }
    byValue[v] ??= this.keywords.of(key, value);
    const ids = byValue[v]!;
    for (let i = 0; i < ids.length; i++) out.push(ids[i]!);
  }

  /** Adds the month (YYYY-MM) of a publication date; months have no keyword terms (dates are filters). */
  addMonth(d: number, publishedAt: string | undefined): void {
    const month = this.columns.month;
    if (publishedAt) month.add(d, month.id(publishedAt.slice(0, 7)));
  }

  endDocument(d: number): void {
    const all = this.all;
    for (let i = 0; i < all.length; i++) all[i]!.end(d);
  }

  part(): Record<FacetName, ColumnPart> {
    const out = {} as Record<FacetName, ColumnPart>;
    for (const [name, column] of Object.entries(this.columns)) out[name as FacetName] = column.part();
    return out;
  }

  /** Appends the columns of documents firstDoc on, built apart. */
  append(p: Record<FacetName, ColumnPart>, firstDoc: number): void {
    for (const [name, column] of Object.entries(this.columns)) column.append(p[name as FacetName], firstDoc);
  }

  done(): Record<FacetName, FacetColumn> {
    const columns = this.columns;
    return {
      section: columns.section.done(),
      tag: columns.tag.done(),
      source: columns.source.done(),
      language: columns.language.done(),
      month: columns.month.done(),
      person: columns.person.done(),
      organization: columns.organization.done(),
      place: columns.place.done(),
    };
  }
}

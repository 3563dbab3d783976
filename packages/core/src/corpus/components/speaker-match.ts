import type { Article } from '../../model/article-schema';
import type { QuoteItem } from '../../query-schema/query-result-schema';
import { fold } from '../../search/analysis/fold';
import { entityValues } from '../../search/index/entity-postings';
import type { CorpusState } from './corpus-state';

/** Who a speaker filter names, and the documents that may hold a quotation of theirs. */
export interface SpeakerMatch {
  keep: (q: QuoteItem, a: Article) => boolean;
  docs: number[];
}

/**
 * A speaker asked for by entity id, by the name a quotation credits, or by any name or alias of the
 * speaking entity ("Macron" for Emmanuel Macron, as `speaker:macron` finds in search): its aliases in
 * the quotation's own article and across the corpus. Only the documents quoting someone whose name holds
 * those words, or an entity so named, are read.
 */
export function speakerMatch(state: CorpusState, asked: string): SpeakerMatch {
  const want = fold(asked);
  const p = state.engine.postings();
  const ids = new Set(entityValues(p, asked).map((v) => state.index.entities.values.at(v)));
  ids.add(asked);
  const found = new Set(state.engine.fieldDocs('speaker', asked));
  for (const id of ids) for (const d of state.engine.speakerDocs(id)) found.add(d);
  const keep = (q: QuoteItem, a: Article) => {
    if (q.speakerEntityId !== undefined && ids.has(q.speakerEntityId)) return true;
    if (q.speaker !== undefined && fold(q.speaker) === want) return true;
    const e =
      q.speakerEntityId === undefined ? undefined : a.entities.find((x) => x.id === q.speakerEntityId);
    return e !== undefined && [e.name, ...e.aliases].some((n) => fold(n) === want);
  };
  return { keep, docs: [...found].sort((x, y) => x - y) };
}

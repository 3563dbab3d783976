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
export function speakerMatch(
  state: CorpusState,
  asked: string,
  ids: ReadonlySet<string> = speakerIds(state, asked),
): SpeakerMatch {
  const found = new Set(state.engine.fieldDocs('speaker', asked));
  for (const id of ids) for (const d of state.engine.speakerDocs(id)) found.add(d);
  const keep = speakerKeep(asked, ids);
  return { keep, docs: [...found].sort((x, y) => x - y) };
}

/** Does a quotation (in its article) credit the speaker asked for, or one of the entities `ids`? */
export function speakerKeep(asked: string, ids: ReadonlySet<string>): (q: QuoteItem, a: Article) => boolean {
  const want = fold(asked);
  return (q, a) => {
    if (q.speakerEntityId !== undefined && ids.has(q.speakerEntityId)) return true;
    if (q.speaker !== undefined && fold(q.speaker) === want) return true;
    const e =
      q.speakerEntityId === undefined ? undefined : a.entities.find((x) => x.id === q.speakerEntityId);
    return e !== undefined && [e.name, ...e.aliases].some((n) => fold(n) === want);
  };
}

/** The ids a speaker names: itself, and every entity of the corpus with that name or alias (folded). */
export function speakerIds(state: CorpusState, asked: string): Set<string> {
  const p = state.engine.postings();
  const ids = new Set(entityValues(p, asked).map((v) => state.index.entities.values.at(v)));
  ids.add(asked);
  return ids;
}

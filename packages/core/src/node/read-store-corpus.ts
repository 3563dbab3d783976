import type { Corpus } from '../corpus/components/corpus-types';
import { openLiveCorpus } from './open-live-corpus';

/** Where a reader's notices go: one line each, on standard error unless the caller says otherwise. */
export type Notice = (line: string) => void;

/**
 * Reads an existing store (a SQLite path or a database URL), read-only, into the in-memory corpus that the query functions run on, as of
 * now (a one-shot reader: the CLI). The segments kept beside the store (`<path>.segments/`) are loaded
 * and only the changes logged after them are indexed, kept in turn for the next reader; damaged or
 * foreign ones are rebuilt from the store, with one notice.
 */
export async function readStoreCorpus(
  path: string,
  options: {
    label?: string;
    notice?: Notice;
    onWait?: (message: string) => void;
    /** Where a database's segments are kept (see LiveCorpusOptions.segments). */
    segments?: string;
  } = {},
): Promise<Corpus> {
  const notice = options.notice ?? ((line: string) => process.stderr.write(`${line}\n`));
  const live = await openLiveCorpus(path, {
    ...options,
    notice: (line) => notice(`gazette: ${line}`),
    follow: false,
  });
  const corpus = live.corpus();
  await live.close();
  return corpus;
}

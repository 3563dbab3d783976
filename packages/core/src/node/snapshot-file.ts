import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Corpus } from '../corpus/corpus-types';
import { loadCorpus } from '../corpus/create-corpus';
import { GazetteError } from '../errors/gazette-error';
import { binarySnapshotFormat, SNAPSHOT_FORMAT } from '../search/snapshot-codec';

// `gazette export --format json` writes the JSON form (version 1: the articles), which is read too.
const isJson = (b: Uint8Array) => {
  let i = 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  return b[i] === 0x7b; // {
};

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new GazetteError('INVALID_SNAPSHOT', `not valid JSON: ${(error as Error).message}.`);
  }
}

/** What a user runs to make a snapshot file again (the core's messages name corpus.toSnapshot()). */
const remake = (path: string) =>
  `make it again from its store with "gazette export --db STORE --format json > ${path}", or read the store itself with GAZETTE_DB`;

/** The error for a snapshot file this Gazette will not load, saying why and what to run. */
function refused(path: string, bytes: Uint8Array, error: GazetteError): GazetteError {
  const format = binarySnapshotFormat(bytes);
  const why =
    format === undefined
      ? isJson(bytes)
        ? error.message
        : `this is not a Gazette snapshot file; ${remake(path)}.`
      : format !== SNAPSHOT_FORMAT
        ? `this snapshot is format ${format}; this Gazette reads format ${SNAPSHOT_FORMAT} (an older or newer Gazette wrote it); ${remake(path)}.`
        : `the snapshot is damaged (${error.details.where ?? 'its bytes do not match their checksums'}), so nothing of it was loaded; ${remake(path)}.`;
  return new GazetteError(error.code, `${path}: ${why}`, { ...error.details, where: path });
}

/** Loads a corpus from a snapshot file: the bytes of corpus.toSnapshot(), or the JSON of version 1. */
export function readSnapshotFile(path: string): Corpus {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GazetteError(
      'INVALID_SNAPSHOT',
      code === 'ENOENT'
        ? `There is no snapshot file at ${path}.`
        : `Cannot read the snapshot file ${path}: ${(error as Error).message}.`,
      { where: path },
    );
  }
  try {
    return loadCorpus(isJson(bytes) ? parseJson(bytes) : bytes);
  } catch (error) {
    if (error instanceof GazetteError) throw refused(path, bytes, error);
    throw error;
  }
}

/** Writes a corpus snapshot; through a temporary file, so a reader never sees half of one. */
export function writeSnapshotFile(path: string, corpus: Corpus): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, corpus.toSnapshot());
  renameSync(tmp, path);
}

import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { Corpus } from '../corpus/components/corpus-types';
import { loadCorpus } from '../corpus/create-corpus';
import { GazetteError } from '../errors/gazette-error';
import { binarySnapshotFormat, SNAPSHOT_FORMAT } from '../corpus/snapshot/snapshot-codec';

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

/** Why a snapshot file was refused, in the user's terms. */
function refusal(bytes: Uint8Array, error: GazetteError): string {
  const format = binarySnapshotFormat(bytes);
  if (format !== undefined && format !== SNAPSHOT_FORMAT)
    return `this snapshot is format ${format}; this Gazette reads format ${SNAPSHOT_FORMAT} (another Gazette wrote it)`;
  if (format !== undefined)
    return `the snapshot is damaged (${error.details.where ?? 'its bytes do not match their checksums'}), so nothing of it was loaded`;
  if (!isJson(bytes)) return 'this is not a Gazette snapshot file';
  if (error.message.startsWith('not valid JSON')) return error.message.replace(/\.$/, '');
  return 'this JSON is not a Gazette snapshot (what "gazette export --format json" writes: { "format": "gazette-snapshot", "version": 1, "articles": [...] })';
}

/** The error for a snapshot file this Gazette will not load: why, and what to run (not corpus.toSnapshot()). */
function refused(path: string, bytes: Uint8Array, error: GazetteError): GazetteError {
  const message =
    error.code === 'INVALID_SNAPSHOT'
      ? `${path}: ${refusal(bytes, error)}; ${remake(path)}.`
      : `${path}: ${error.message}`;
  return new GazetteError(error.code, message, { ...error.details, where: path });
}

/** Loads a corpus from a snapshot file: the bytes of corpus.toSnapshot(), or the JSON of version 1. */
export function readSnapshotFile(path: string): Corpus {
  let bytes: Uint8Array;
  try {
    // Read whole, so only a regular file (its size is real): a FIFO or /dev/zero would never end.
    if (!statSync(path).isFile())
      throw new GazetteError(
        'INVALID_SNAPSHOT',
        `${path} is not a regular file; a snapshot is read from a file.`,
        {
          where: path,
        },
      );
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof GazetteError) throw error;
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
    // Checked whole at load, so a damaged file is refused here with what to run, never midway through
    // serving; the bytes were read for this load only, so the corpus adopts them.
    return loadCorpus(isJson(bytes) ? parseJson(bytes) : bytes, { checkAll: true, adopt: true });
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

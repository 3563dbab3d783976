import { readdirSync, readFileSync, renameSync, rmSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PARSER_VERSION } from '../article/parser-version';
import { checksum32 } from '../binary/checksum';
import type { Corpus } from '../corpus/components/corpus-types';
import { loadCorpus } from '../corpus/create-corpus';
import { SNAPSHOT_FORMAT } from '../corpus/snapshot/snapshot-codec';
import { GazetteError } from '../errors/gazette-error';

// A live corpus's segments are kept beside the store, `<db>.segments/`: one snapshot file per segment
// (the bytes of corpus.toSnapshot()) and a manifest naming them in order, each with the change-log range
// it covers and its checksum. Files are written through a temporary name and renamed, the manifest last,
// so a reader (or a kill -9) only ever sees a whole manifest naming whole files. They are a cache: a
// missing, damaged, foreign or stale segment and every later one are rebuilt from the store's change log.

const MANIFEST = 'manifest.json';
/** A file no manifest names is deleted once this old (a younger one may be another process's, about to be named). */
const ORPHAN_AGE_MS = 60_000;

const KeptSegmentSchema = z.object({
  file: z.string().regex(/^[\w.-]+\.seg$/),
  /** The change-log range it covers: (from, to]. */
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  checksum: z.number().int().nonnegative(),
});
export type KeptSegment = z.infer<typeof KeptSegmentSchema>;

export const SegmentsManifestSchema = z.object({
  store: z.string(),
  code: z.string(),
  /** The store's revision counter when the change log ended at `seq` (a later open compares), if known. */
  checked: z.object({ seq: z.number().int().nonnegative(), revision: z.number().int() }).optional(),
  segments: z.array(KeptSegmentSchema),
});
export type SegmentsManifest = z.infer<typeof SegmentsManifestSchema>;

/** Where the segments of the store at `path` are kept. */
export const keptSegmentsDir = (path: string) => `${path}.segments`;

/** The indexing code a kept segment must have been written by. */
export const SEGMENT_CODE = `${SNAPSHOT_FORMAT}|${PARSER_VERSION}`;

/** A kept segment loaded: its corpus and where it stands in the change log. */
export interface LoadedSegment extends KeptSegment {
  corpus: Corpus;
}

/** The manifest kept in `dir`, or why none is usable (missing, damaged, foreign, stale). */
export function readManifest(
  dir: string,
  store: string,
): { manifest: SegmentsManifest } | { refused: 'missing' | 'damaged' | 'foreign' | 'stale'; why: string } {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST), 'utf8');
  } catch {
    return { refused: 'missing', why: 'no kept segments' };
  }
  let parsed: ReturnType<typeof SegmentsManifestSchema.safeParse>;
  try {
    parsed = SegmentsManifestSchema.safeParse(JSON.parse(text));
  } catch {
    return { refused: 'damaged', why: 'its manifest is not JSON' };
  }
  if (!parsed.success) return { refused: 'damaged', why: 'its manifest is not one Gazette writes' };
  const manifest = parsed.data;
  if (manifest.store !== store) return { refused: 'foreign', why: `of another store (id ${manifest.store})` };
  if (manifest.code !== SEGMENT_CODE) return { refused: 'stale', why: 'written by another Gazette' };
  return { manifest };
}

/**
 * The manifest's segments that load whole, in order, from the start of the change log: the first one
 * missing, damaged or out of order ends the list (what follows it is rebuilt from the store), with why.
 */
export function loadKeptSegments(
  dir: string,
  manifest: SegmentsManifest,
): { segments: LoadedSegment[]; damaged?: string } {
  const segments: LoadedSegment[] = [];
  let at = 0;
  for (const kept of manifest.segments) {
    if (kept.from !== at || kept.to < kept.from) return { segments, damaged: `${kept.file} is out of order` };
    const why = loadOne(dir, kept, segments);
    if (why) return { segments, damaged: `${kept.file} ${why}` };
    at = kept.to;
  }
  return { segments };
}

/** Loads one kept segment onto `into`, or says why it cannot be. */
function loadOne(dir: string, kept: KeptSegment, into: LoadedSegment[]): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(dir, kept.file));
  } catch {
    return 'is missing';
  }
  if (bytes.length !== kept.bytes || checksum32(bytes) !== kept.checksum)
    return 'does not match its checksum';
  try {
    // The bytes were read for this load only: the corpus adopts them.
    into.push({ ...kept, corpus: loadCorpus(bytes, { checkAll: true, adopt: true }) });
    return undefined;
  } catch (error) {
    if (error instanceof GazetteError) return `is damaged (${error.details.where ?? error.message})`;
    throw error;
  }
}

/** A new segment file's name: unique across processes, saying which range it covers. */
export const segmentFileName = (from: number, to: number) =>
  `${from}-${to}-${process.pid}-${Math.random().toString(36).slice(2, 10)}.seg`;

/** Writes `bytes` to `dir/name` through a temporary file (a reader never sees half of one). */
export function writeKeptFile(dir: string, name: string, bytes: Uint8Array): void {
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${name}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, join(dir, name));
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Writes a segment's snapshot; what the manifest will say of it. */
export function writeSegmentFile(dir: string, from: number, to: number, bytes: Uint8Array): KeptSegment {
  const file = segmentFileName(from, to);
  writeKeptFile(dir, file, bytes);
  return { file, from, to, bytes: bytes.length, checksum: checksum32(bytes) };
}

/** Names the kept segments (written last, once every file it names is whole). */
export function writeManifest(dir: string, manifest: SegmentsManifest): void {
  writeKeptFile(dir, MANIFEST, new TextEncoder().encode(JSON.stringify(manifest)));
}

/** Deletes the files no manifest names (older than a minute), and `<db>.snapshot`, the single file kept before segments. */
export function cleanKeptSegments(
  dir: string,
  manifest: SegmentsManifest | undefined,
  now = Date.now(),
): void {
  rmSync(dir.replace(/\.segments$/, '.snapshot'), { force: true });
  const named = new Set([MANIFEST, ...(manifest?.segments.map((s) => s.file) ?? [])]);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (named.has(name)) continue;
    const file = join(dir, name);
    try {
      if (now - statSync(file).mtimeMs > ORPHAN_AGE_MS) rmSync(file, { force: true });
    } catch {
      // Gone already (another reader cleaned it), or not ours to delete: a cache either way.
    }
  }
}

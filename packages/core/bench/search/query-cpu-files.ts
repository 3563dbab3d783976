// query-cpu's files, which the other query benches read: the snapshot (one file, or one per segment:
// snapshot, snapshot.1, ...) and the seeded queries by class, under .bench/query-cpu-<name>.
import { existsSync, readFileSync } from 'node:fs';
import { PARSED_CACHE_DIR } from '@gazette/bench-corpora';
import { type Corpus, loadCorpus } from '@gazette/core';
import { segmentedCorpus } from '../../src/live/segmented-corpus';
import type { Query } from './engines';

/** The files' name: kind and count, and the segment size when the corpus is held in segments. */
export const queryCpuName = (kind: string, count: string | number, segment?: string | number): string =>
  `${kind}-${count}${segment ? `-seg${segment}` : ''}`;

/** The path of query-cpu's files of that name, without their endings. */
export const queryCpuPath = (name: string): string => `${PARSED_CACHE_DIR}query-cpu-${name}`;

/** The snapshot files of a query-cpu corpus: one, or one per segment. */
export function queryCpuSnapshots(name: string): string[] {
  const first = `${queryCpuPath(name)}.snapshot`;
  const files = [first];
  while (existsSync(`${first}.${files.length}`)) files.push(`${first}.${files.length}`);
  return files;
}

/** The bytes of each snapshot file, and the queries by class (an error naming what to run when missing). */
export function readQueryCpu(name: string): { bytes: Uint8Array[]; queries: Record<string, Query[]> } {
  const path = queryCpuPath(name);
  if (!existsSync(`${path}.snapshot`) || !existsSync(`${path}.queries.json`))
    throw new Error(`no ${path}.snapshot or .queries.json: run bench/search/query-cpu.ts first`);
  return {
    bytes: queryCpuSnapshots(name).map((f) => new Uint8Array(readFileSync(f))),
    queries: JSON.parse(readFileSync(`${path}.queries.json`, 'utf8')),
  };
}

/** One class's queries (an error naming the file when it has none). */
export function queriesOf(queries: Record<string, Query[]>, cls: string, name: string): Query[] {
  const qs = queries[cls];
  if (!qs) throw new Error(`no query class '${cls}' in ${queryCpuPath(name)}.queries.json`);
  return qs;
}

/**
 * The corpus loaded afresh from snapshot bytes: one corpus, or its segments as one. `adopt`: the bytes
 * are this load's own, and the corpus takes them over (as the Node file readers and kept segments do).
 */
export function loadQueryCpu(bytes: readonly Uint8Array[], adopt = false): Corpus {
  return bytes.length === 1
    ? loadCorpus(bytes[0]!, { adopt })
    : segmentedCorpus(bytes.map((p) => loadCorpus(p, { adopt })));
}

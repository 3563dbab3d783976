// Child process for the concurrent-writer tests (src/node/ingest-writers.test.ts).
//   hold DB MS    takes the store's write lock, prints LOCKED, holds it MS ms, commits, prints RELEASED.
//   hold-all DB MS the same with an exclusive lock that keeps readers out too (locking_mode EXCLUSIVE).
//   hold-until DB MS takes the write lock, prints LOCKED, holds it until a line on stdin (or MS ms, so it
//                 always stops by itself), commits, prints RELEASED: the test decides when, whatever the load.
//   ingest DB SRC opens the store, prints READY, waits for a line on stdin (so two writers start at
//                 once, both with the store open), ingests SRC and prints DONE <summary JSON>; any
//                 "waiting for the store" message is printed as WAIT <message>.
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import { ingestSources } from '../src/node/ingest-sources';
import { openSqliteStore } from '../src/node/sqlite-store';
import { asyncOf } from './async-of';

const [mode, db, arg] = process.argv.slice(2);
if (mode === 'hold' || mode === 'hold-all') {
  const raw = new DatabaseSync(db!);
  if (mode === 'hold-all') raw.exec('PRAGMA locking_mode = EXCLUSIVE');
  raw.exec('BEGIN EXCLUSIVE');
  process.stdout.write('LOCKED\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(arg));
  raw.exec('COMMIT');
  raw.close();
  process.stdout.write('RELEASED\n');
} else if (mode === 'hold-until') {
  const raw = new DatabaseSync(db!);
  raw.exec('BEGIN EXCLUSIVE');
  process.stdout.write('LOCKED\n');
  const lines = createInterface({ input: process.stdin });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    new Promise((resolve) => lines.once('line', resolve)),
    new Promise((resolve) => {
      timer = setTimeout(resolve, Number(arg));
    }),
  ]);
  clearTimeout(timer);
  lines.close();
  raw.exec('COMMIT');
  raw.close();
  process.stdout.write('RELEASED\n');
} else {
  const store = openSqliteStore(db!, { onWait: (m) => process.stdout.write(`WAIT ${m}\n`) });
  process.stdout.write('READY\n');
  const lines = createInterface({ input: process.stdin });
  await new Promise((resolve) => lines.once('line', resolve));
  lines.close();
  const summary = await ingestSources(asyncOf(store), [arg!], { concurrency: 1 });
  store.close();
  process.stdout.write(`DONE ${JSON.stringify(summary)}\n`);
}

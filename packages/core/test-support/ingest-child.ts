// Child process for the kill -9 test: ingests a folder into a SQLite store and prints "ACK <id>" for
// each article once its transaction has committed (stdout to a pipe is synchronous on Linux).
import { ingestSources } from '../src/node/ingest-sources';
import { openSqliteStore } from '../src/node/sqlite-store';
import { asyncOf } from './async-of';

const [dbPath, folder] = process.argv.slice(2);
const store = openSqliteStore(dbPath!);
const summary = await ingestSources(asyncOf(store), [folder!], {
  concurrency: 1,
  onStored: (r) => process.stdout.write(`ACK ${r.status} ${r.id}\n`),
});
store.close();
process.stdout.write(
  `DONE ${JSON.stringify({ added: summary.added, unchanged: summary.unchanged, failed: summary.failed.length })}\n`,
);

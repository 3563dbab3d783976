// Child process for the two-process lease test (src/node/sqlite-leases.test.ts).
//   DB WORKER   opens the store, prints READY; then for each stdin line "ROUND NOW NEXT" leases due sources
//               two at a time at NOW until none is left, "polls" each for 3 ms and releases it with its next
//               poll at NEXT, and prints "ROUND <ids leased, comma-separated> <releases refused>".
//               Stops at a line "quit".
import { createInterface } from 'node:readline';
import { openSqliteStore } from '../src/node/sqlite-store';

const [db, worker] = process.argv.slice(2);
const store = openSqliteStore(db!);
process.stdout.write('READY\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'quit') break;
  const [round, now, next] = line.split(' ') as [string, string, string];
  const until = new Date(Date.parse(now) + 30_000).toISOString();
  const leased: string[] = [];
  let refused = 0;
  for (;;) {
    const batch = store.sources.lease({ worker: worker!, now, until, limit: 2 });
    if (batch.length === 0) break;
    for (const s of batch) {
      leased.push(s.id);
      // A poll takes a while: the other process leases meanwhile.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3);
      if (!store.sources.release(s.id, worker!, { ...s.state, polls: s.state.polls + 1, nextPollAt: next }))
        refused++;
    }
  }
  process.stdout.write(`${round} ${leased.join(',')} ${refused}\n`);
}
store.close();
process.exit(0);

// Child processes for the live corpus tests (src/node/live-corpus.test.ts).
//   write DB N MS    commits N articles one at a time (one transaction each), MS ms apart, printing
//                    COMMITTED <id> after each commit.
//   follow DB        follows the store with a live corpus that merges eagerly (tiers of 2), printing
//                    READY, then VERSION <seq> <segments> after each new corpus; runs until killed.
import { openLiveCorpus } from '../src/node/open-live-corpus';
import { openSqliteStore } from '../src/node/sqlite-store';
import { otherArticle } from './store-contract';

const [mode, db, n, ms] = process.argv.slice(2);
if (mode === 'write') {
  const store = openSqliteStore(db!);
  for (let i = 0; i < Number(n); i++) {
    const a = store.put(otherArticle(`https://writer.example/${process.pid}/${i}`, 1000 + i));
    process.stdout.write(`COMMITTED ${a.id}\n`);
    await new Promise((resolve) => setTimeout(resolve, Number(ms)));
  }
  store.close();
} else {
  const live = await openLiveCorpus(db!, {
    pollMs: 10,
    workerAbove: 3,
    policy: { segmentsPerTier: 2, floor: 1, maxDeadShare: 0.3 },
  });
  live.subscribe((v) => process.stdout.write(`VERSION ${v.seq} ${v.segments}\n`));
  process.stdout.write('READY\n');
  setInterval(() => {}, 1000);
}

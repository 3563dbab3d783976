// `npm run bench`: relevance (BBC known-item test), then speed and size on BBC and on a generated
// 100k-article corpus. GAZETTE_BENCH_SIZE overrides the generated corpus size (0 skips it).
import { HAS_SHARED, SHARED_MISSING } from '@gazette/bench-corpora';
import { relevance } from './relevance';
import { speed } from './speed';

if (!HAS_SHARED) {
  console.log(`bench: skipped, the shared corpora are missing (${SHARED_MISSING})`);
} else {
  const only = process.env.GAZETTE_BENCH_ONLY;
  if (!only || only === 'relevance') await relevance();
  if (!only || only === 'bbc') await speed('bbc', 120_000, 4096);
  const size = Number(process.env.GAZETTE_BENCH_SIZE ?? 100_000);
  if ((!only || only === 'generated') && size > 0) await speed(size, 420_000, 6144, 8_000);
}

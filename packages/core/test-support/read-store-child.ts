// Child process for the read-only media test: reads a store as the apps do (readStoreCorpus) and prints
// what it served, or the error, as one JSON line. Run as a user that may not write the store's folder.
import { readStoreCorpus } from '../src/node/read-store-corpus';

try {
  const corpus = await readStoreCorpus(process.argv[2]!);
  process.stdout.write(`${JSON.stringify({ ids: corpus.list({ limit: 100 }).items.map((a) => a.id) })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: (error as Error).message })}\n`);
}

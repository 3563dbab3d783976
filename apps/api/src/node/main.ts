// `npm start -w @gazette/api`: the API on PORT (default 8787) over the built-in corpus, or GAZETTE_DB.
import { parseEnv } from '../env';
import { openCorpus } from './open-corpus';
import { serveApi } from './serve';

export async function startApi(env: Record<string, string | undefined> = process.env) {
  const parsed = parseEnv(env);
  const { corpus, name } = await openCorpus(parsed);
  const server = await serveApi({
    corpus,
    port: parsed.PORT,
    host: parsed.HOST,
    publicUrl: parsed.GAZETTE_PUBLIC_URL,
  });
  return { ...server, corpusName: name, articles: corpus.size };
}

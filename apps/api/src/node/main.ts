// `npm start -w @gazette/api`: the API on PORT (default 8787) over the built-in corpus, or GAZETTE_DB (live).
import { parseEnv } from '../env';
import { openCorpus } from './open-corpus';
import { serveApi } from './serve';

export async function startApi(env: Record<string, string | undefined> = process.env) {
  const parsed = parseEnv(env);
  const opened = await openCorpus(parsed);
  try {
    const server = await serveApi({
      ...opened.source,
      port: parsed.PORT,
      host: parsed.HOST,
      publicUrl: parsed.GAZETTE_PUBLIC_URL,
    });
    return {
      ...server,
      close: async () => {
        await server.close();
        await opened.close();
      },
      corpusName: opened.name,
      articles: opened.articles(),
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

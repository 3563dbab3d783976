// The API's own start command: serves until interrupted, and says where.
import { startApi } from './main';

try {
  const api = await startApi();
  console.log(
    `API: ${api.url} (${api.corpusName}, ${api.articles} article${api.articles === 1 ? '' : 's'}; docs at ${api.url}/docs)`,
  );
  // The first signal stops gracefully (requests in flight finish, within the shutdown grace) and exits 0.
  // Repeats are ignored: a terminal's Ctrl-C and npm both deliver one, and the stop is bounded anyway.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void api.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    `gazette-api: ${code === 'EADDRINUSE' ? 'the port is in use; set PORT to another port' : message}`,
  );
  process.exit(1);
}

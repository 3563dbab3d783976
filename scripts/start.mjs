// `npm start`: serves Gazette over the built-in corpus (or GAZETTE_DB) and prints where. Each service runs in
// this process and returns { url, close }, or nothing when it has nothing to do; to add one, add an entry
// to SERVICES.
const SERVICES = [
  {
    name: 'API',
    start: async () => (await import('@gazette/api/node')).startApi(process.env),
  },
  {
    name: 'Site',
    // The static site (apps/site/dist, or GAZETTE_SITE_DIR) on 127.0.0.1:4321, or GAZETTE_SITE_PORT. Over
    // GAZETTE_DB it follows the store: built again when the store changed, at most every GAZETTE_SITE_EVERY.
    start: async () => {
      const site = await import('@gazette/site');
      const db = process.env.GAZETTE_DB;
      if (!db || process.env.GAZETTE_SITE_DIR) return site.startSite({ env: process.env });
      return site.startLiveSite({
        db,
        env: process.env,
        report: (line) => console.log(`Site: ${line.replace(/^site: /, '')}`),
        fail: (line) => console.error(line),
      });
    },
  },
  {
    name: 'Watch',
    // A store that follows sources (gazette follow) is polled beside the API, unless GAZETTE_WATCH=0.
    start: async () => {
      const db = process.env.GAZETTE_DB;
      if (!db) return undefined;
      if (process.env.GAZETTE_WATCH === '0') return { url: 'off (GAZETTE_WATCH=0)', close: async () => {} };
      const { startWatching } = await import('@gazette/core/node');
      const { nerRecognizer } = await import('@gazette/core/ner');
      const watching = await startWatching(db, {
        recognizer: nerRecognizer,
        onRound: (s) =>
          console.log(
            `Watch: polled ${s.polled} (${s.notModified} unchanged, ${s.failedSources} failed): added ${s.added}, updated ${s.updated}`,
          ),
        onError: (error) => console.error(`gazette: the watch stopped: ${explain(error)}`),
      });
      if (!watching) return undefined;
      const url = `polling ${watching.sources} followed source${watching.sources === 1 ? '' : 's'} in ${db} (GAZETTE_WATCH=0 turns this off)`;
      return { url, close: () => watching.close() };
    },
  },
];

function explain(error) {
  if (error?.code === 'EADDRINUSE') return `port ${error.port} is in use; set PORT to another port`;
  return error instanceof Error ? error.message : String(error);
}

const running = [];
for (const service of SERVICES) {
  try {
    const server = await service.start();
    if (!server) continue;
    running.push(server);
    console.log(`${service.name}: ${server.url}`);
  } catch (error) {
    console.error(`gazette: the ${service.name} could not start: ${explain(error)}`);
    await Promise.all(running.map((s) => s.close()));
    process.exit(1);
  }
}

// SIGINT/SIGTERM: every service stops accepting and finishes what is in flight (the API within its 10 s
// shutdown grace), then the process exits 0. Repeated signals are ignored (a terminal's Ctrl-C and npm
// both deliver one); a service that does not close within 12 s is not waited for.
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 12_000).unref();
  void Promise.all(running.map((s) => s.close())).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

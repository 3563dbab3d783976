// `npm start`: serves Gazette over the built-in corpus (or GAZETTE_DB) and prints where. Each service runs in
// this process and returns { url, close }; to add one (e.g. the static site), add an entry to SERVICES.
const SERVICES = [
  {
    name: 'API',
    start: async () => (await import('@gazette/api/node')).startApi(process.env),
  },
  {
    name: 'Site',
    // The static site (apps/site/dist) on 127.0.0.1:4321, or GAZETTE_SITE_PORT.
    start: async () => (await import('@gazette/site')).startSite({ env: process.env }),
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
    running.push(server);
    console.log(`${service.name}: ${server.url}`);
  } catch (error) {
    console.error(`gazette: the ${service.name} could not start: ${explain(error)}`);
    await Promise.all(running.map((s) => s.close()));
    process.exit(1);
  }
}

const stop = () => void Promise.all(running.map((s) => s.close())).then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

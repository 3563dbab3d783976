// Child process for the cluster's clean-up test: starts a throwaway cluster, prints "UP <dir> <port>",
// then waits to be interrupted (SIGINT/SIGTERM), which must stop the server and remove its folder.
import { startPostgres } from './postgres-cluster';

const cluster = await startPostgres();
process.stdout.write(`UP ${cluster.dir} ${cluster.port}\n`);
setInterval(() => {}, 1000);

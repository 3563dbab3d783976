// @gazette/api/node: the Node server.
export { parseEnv, type Env, EnvSchema } from '../env';
export { startApi } from './main';
export { openCorpus } from './open-corpus';
export { type RunningServer, serveApi } from './serve';

// Run by `prepare` at the end of `npm install`. npm checks every package's `engines` against the Node it
// runs on itself: on a Node older than the one Gazette declares, it opened the install with EBADENGINE
// warnings (for the root, @gazette/core and a dozen dependencies). They are expected, and this says so
// where they were printed: the scripts, npx and the tests run on the Node that the `node` devDependency
// installed (this script's Node), never on npm's. It never fails the install.
import { readFileSync } from 'node:fs';

try {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: read when npm runs `prepare`, never in a turbo task
  const npmNode = /\bnode\/v(\d+)\.(\d+)\.\d+/.exec(process.env.npm_config_user_agent ?? '');
  const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const wanted = /(\d+)\.(\d+)/.exec(engines?.node ?? '');
  const older = (a, b) => Number(a[1]) < Number(b[1]) || (a[1] === b[1] && Number(a[2]) < Number(b[2]));
  if (npmNode && wanted && older(npmNode, wanted))
    console.log(
      `note: npm ran on Node ${npmNode[0].slice(5)}, older than the ${engines.node} Gazette declares, so the "EBADENGINE Unsupported engine" warnings above are expected and harmless: Gazette runs on Node ${process.version} (the node devDependency; npx node --version). With Node ${wanted[0]} or later (nvm use reads .nvmrc) there are none.`,
    );
} catch {}

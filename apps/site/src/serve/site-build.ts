import { fileURLToPath } from 'node:url';
import { commandBuild } from '@gazette/core/node';

/** apps/site: the Astro project (the same folder from src/serve and from the built generated/serve). */
const SITE_PROJECT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The site's own build (its `build:pages` script: astro build), run as a child over the store and revision it
 * is given into the folder it is given, as `gazette watch --site` runs it (the same script, through npm).
 */
export const buildSite = commandBuild({
  command: ['npm', 'run', '--silent', 'build:pages'],
  cwd: SITE_PROJECT,
  env: { NO_COLOR: '1' },
  what: 'site build',
});

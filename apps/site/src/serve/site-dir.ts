import { fileURLToPath } from 'node:url';

/** apps/site/dist: where `npm run build` writes the site. */
export const SITE_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

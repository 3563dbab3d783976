import { existsSync } from 'node:fs';
import { SITE_DIST } from './site-dir';
import { type StaticSite, serveStatic } from './static-server';

export const DEFAULT_SITE_PORT = 4321;

export interface StartSiteOptions {
  /**
   * GAZETTE_SITE_PORT picks the port (default 4321; 0 picks a free one); GAZETTE_SITE_DIR the folder
   * (default apps/site/dist), such as the DIR that `gazette watch --site DIR` keeps current.
   */
  env?: Record<string, string | undefined>;
  port?: number;
  host?: string;
  /** The built site (default apps/site/dist). */
  dir?: string;
}

/**
 * Serves the built static site, for `npm start` (which prints `Site: <url>`). A busy default port falls
 * back to a free one, so the returned URL is the one to use.
 */
export async function startSite(options: StartSiteOptions = {}): Promise<StaticSite> {
  // Served by path, each request resolved afresh: a DIR swapped for a new build is served from the new one.
  const dir = options.dir ?? (options.env?.GAZETTE_SITE_DIR || SITE_DIST);
  if (!existsSync(`${dir}/index.html`))
    throw new Error(
      options.dir || !options.env?.GAZETTE_SITE_DIR
        ? `the site is not built (${dir} has no index.html); run npm run build`
        : `GAZETTE_SITE_DIR names ${dir}, which has no index.html; build it with gazette watch --once --site ${dir}`,
    );
  const envPort = options.env?.GAZETTE_SITE_PORT;
  if (envPort !== undefined && !/^\d{1,5}$/.test(envPort))
    throw new Error(`GAZETTE_SITE_PORT must be a port number, not "${envPort}"`);
  const port = options.port ?? (envPort !== undefined ? Number(envPort) : DEFAULT_SITE_PORT);
  const host = options.host ?? '127.0.0.1';
  return serveStatic({ dir, port, host }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE' && envPort === undefined && options.port === undefined)
      return serveStatic({ dir, port: 0, host });
    throw e;
  });
}

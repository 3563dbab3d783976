// Node helpers to serve the built site: used by `npm start` and the browser tests.
export { SITE_DIST } from './site-dir';
export { DEFAULT_SITE_PORT, type StartSiteOptions, startSite } from './start-site';
export { type ServeOptions, type StaticSite, serveStatic } from './static-server';

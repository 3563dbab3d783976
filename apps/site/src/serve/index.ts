// Node helpers to serve the built site and keep it current with a store: used by `npm start`, `gazette watch
// --site` and the browser tests.
export { SITE_DIST } from './site-dir';
export { DEFAULT_SITE_PORT, type StartSiteOptions, startSite } from './start-site';
export { type ServeOptions, type StaticSite, serveStatic } from './static-server';
export {
  buildSite,
  revisionTag,
  SITE_EVERY_DEFAULT,
  type SiteRebuilder,
  siteEveryMs,
  siteRebuilder,
} from './site-rebuilder';
export { type LiveSiteOptions, liveSiteDir, startLiveSite } from './live-site';

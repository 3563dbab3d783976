// Node helpers to serve the built site and keep it current with a store: used by `npm start` and the browser
// tests (`gazette watch --site` runs the site's build script as a child: apps import no apps).
export { SITE_DIST } from './site-dir';
export { DEFAULT_SITE_PORT, type StartSiteOptions, startSite } from './start-site';
export { type ServeOptions, type StaticSite, serveStatic } from './static-server';
export { type LiveSiteOptions, liveSiteDir, startLiveSite } from './live-site';

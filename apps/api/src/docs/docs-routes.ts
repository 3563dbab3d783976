import type { Hono } from 'hono';
import { readResponse } from '../http/read-response';
import { DOCS_CSS, DOCS_JS } from './docs-assets';
import { docsPage, type OpenApiDocument } from './docs-page';

const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * `/openapi.json` and `/docs`: the document is generated from the routes' zod schemas once, on first
 * use; the reference page is rendered from it on the server and works offline (no CDN).
 */
// biome-ignore lint/suspicious/noExplicitAny: any app with any routes.
export function docsRoutes(app: Hono<any, any, any>, generate: () => unknown): void {
  let json: string | undefined;
  let html: string | undefined;
  const doc = () => {
    json ??= JSON.stringify(generate());
    return json;
  };
  app.get('/openapi.json', (c) => readResponse(c, doc(), 'application/json'));
  app.get('/docs', (c) => {
    html ??= docsPage(JSON.parse(doc()) as OpenApiDocument);
    c.header('content-security-policy', DOCS_CSP);
    return readResponse(c, html, 'text/html; charset=utf-8');
  });
  app.get('/docs/app.js', (c) => readResponse(c, DOCS_JS, 'text/javascript; charset=utf-8'));
  app.get('/docs/style.css', (c) => readResponse(c, DOCS_CSS, 'text/css; charset=utf-8'));
}

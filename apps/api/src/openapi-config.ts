/** The OpenAPI document's header; the paths and schemas come from the routes and the core's zod schemas. */
export const OPENAPI_CONFIG = {
  openapi: '3.1.0' as const,
  info: {
    title: 'Gazette API',
    version: '1.0.0',
    description:
      'News articles as one typed model: list, search, entities, quotes, timelines and feeds. Errors are ' +
      'RFC 9457 problem details (`application/problem+json`); every read has an ETag and Cache-Control.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  tags: [
    { name: 'Articles' },
    { name: 'Search' },
    { name: 'Entities' },
    { name: 'Quotes' },
    { name: 'Feeds' },
    { name: 'Service' },
  ],
};

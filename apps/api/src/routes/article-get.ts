import { type Article, ArticleSchema, GazetteError } from '@gazette/core';
import { createRoute, defineOpenAPIRoute } from '@hono/zod-openapi';
import type { RouteDeps } from '../deps';
import { readCachedJson } from '../http/read-response';
import { IdParamSchema } from '../query-schemas';
import { jsonReadOne } from './responses';

export const articleGetRoute = createRoute({
  method: 'get',
  path: '/v1/articles/{id}',
  tags: ['Articles'],
  summary: 'One article, by id or slug',
  request: { params: IdParamSchema },
  responses: jsonReadOne(ArticleSchema, 'The article.'),
});

export const articleGet = ({ corpus, reads }: RouteDeps) =>
  defineOpenAPIRoute({
    route: articleGetRoute,
    addRoute: true,
    handler: (c) => {
      const id = c.req.valid('param').id;
      // Keyed by what was asked (id or slug): both name one article of the app's unchanging corpus.
      const entry = reads.through(`a:${id}`, () => {
        const article = corpus.get(id);
        if (!article) throw new GazetteError('NOT_FOUND', 'No article has this id or slug.', { where: 'id' });
        return JSON.stringify(article);
      });
      return readCachedJson<Article>(c, reads, entry);
    },
  });

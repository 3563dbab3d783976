import { ArticleSchema, GazetteError } from '@gazette/core';
import { createRoute, defineOpenAPIRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { readJsonOf } from '../http/read-response';
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

export const articleGet = ({ corpus }: AppDeps) =>
  defineOpenAPIRoute({
    route: articleGetRoute,
    addRoute: true,
    handler: (c) => {
      const article = corpus.get(c.req.valid('param').id);
      if (!article) throw new GazetteError('NOT_FOUND', 'No article has this id or slug.', { where: 'id' });
      return readJsonOf(c, article);
    },
  });

import { EntityDetailSchema, GazetteError } from '@gazette/core';
import { createRoute, defineOpenAPIRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { readJson } from '../http/read-response';
import { EntityIdParamSchema } from '../query-schemas';
import { jsonReadOne } from './responses';

export const entityGetRoute = createRoute({
  method: 'get',
  path: '/v1/entities/{id}',
  tags: ['Entities'],
  summary: 'One entity: its articles, its quotes, the entities it appears with',
  request: { params: EntityIdParamSchema },
  responses: jsonReadOne(EntityDetailSchema, 'The entity.'),
});

export const entityGet = ({ corpus }: AppDeps) =>
  defineOpenAPIRoute({
    route: entityGetRoute,
    addRoute: true,
    handler: (c) => {
      const entity = corpus.entity(c.req.valid('param').id);
      if (!entity) throw new GazetteError('NOT_FOUND', 'No entity has this id.', { where: 'id' });
      return readJson(c, entity);
    },
  });

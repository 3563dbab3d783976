import { type Corpus, GazetteError } from '@gazette/core';
import { createRoute, defineOpenAPIRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { nestQuery } from '../client/query-codec';
import { READ_ROUTES, type ReadName, type ReadRoute, takesId } from '../client/read-routes';
import type { RouteDeps } from '../deps';
import { readCachedJson, readResponse } from '../http/read-response';
import { querySchemaOf } from '../query-schemas';
import { jsonRead, jsonReadOne } from './responses';

/**
 * Reads kept in the read cache (and so answered by the fast path when repeated): an article, often read
 * again, and a search, the costliest read. The others are cheap to answer again.
 */
const CACHED: ReadonlySet<ReadName> = new Set(['get', 'search']);

const idParam = (description: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(200)
      .openapi({ param: { name: 'id', in: 'path' }, description }),
  });

/** The route of a read, from its row of the table: path, parameters and responses for the OpenAPI document. */
function openApiRoute(route: ReadRoute) {
  const { doc } = route;
  const fields = doc.fields ?? {};
  return createRoute({
    method: 'get',
    path: route.path,
    tags: [doc.tag],
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    request: {
      ...(takesId(route) ? { params: idParam(fields.id ?? 'An id.') } : {}),
      ...(route.params ? { query: querySchemaOf(route.params, fields) } : {}),
    },
    responses: (takesId(route) ? jsonReadOne : jsonRead)(route.result, doc.result),
  });
}

/** Calls the corpus function of a read with what the request holds. */
function answer(corpus: Corpus, name: ReadName, id: string | undefined, params: object | undefined) {
  const call = corpus[name] as (...args: unknown[]) => unknown;
  const args = id === undefined ? [params] : params === undefined ? [id] : [id, params];
  const out = call.apply(corpus, args);
  if (out === undefined) throw new GazetteError('NOT_FOUND', 'Nothing has this id.', { where: 'id' });
  return JSON.stringify(out);
}

/** The one handler of every read: the validated id and query, the corpus function, a cached or plain read. */
function readHandler(deps: RouteDeps, name: ReadName) {
  const route: ReadRoute = READ_ROUTES[name];
  return (c: Context) => {
    const valid = (target: string) => c.req.valid(target as never) as Record<string, unknown>;
    const id = takesId(route) ? (valid('param').id as string) : undefined;
    const params = route.params ? nestQuery(route.params, valid('query')) : undefined;
    // The corpus as of now, and the cache emptied if it moved on: both read in this same synchronous step.
    const corpus = deps.current();
    if (!CACHED.has(name))
      return readResponse(
        c,
        answer(corpus, name, id, params),
        'application/json',
        undefined,
        deps.reads.cacheControl,
      );
    // Keyed by the validated parameters, built in the schema's order: the same read, however it was
    // spelled in the URL, is one entry. The cache holds one version of the corpus, so one answer per key.
    const key = `${name}:${id ?? ''}:${JSON.stringify(params ?? {})}`;
    return readCachedJson(
      c,
      deps.reads,
      deps.reads.through(key, () => answer(corpus, name, id, params)),
    );
  };
}

/** Every read of the table as an OpenAPI route over the one handler. */
export const readRoutes = (deps: RouteDeps) =>
  (Object.keys(READ_ROUTES) as ReadName[]).map((name) =>
    defineOpenAPIRoute({
      route: openApiRoute(READ_ROUTES[name]),
      addRoute: true,
      handler: readHandler(deps, name) as never,
    }),
  );

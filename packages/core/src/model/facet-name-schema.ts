import { z } from 'zod';

/**
 * What an article can be counted by: the query parameter `facets` names them, and the search index keeps
 * one column for each. Here, beside the model, so that the index (search/) need not import the query
 * layer (corpus/) that is built on it.
 */
export const FacetNameSchema = z.enum([
  'section',
  'tag',
  'source',
  'language',
  'month',
  'person',
  'organization',
  'place',
]);
export type FacetName = z.infer<typeof FacetNameSchema>;

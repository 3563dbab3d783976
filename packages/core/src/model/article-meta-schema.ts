import { z } from 'zod';
import { IsoDateSchema, SourceSchema } from './article-schema';

/**
 * What a caller (or a front-matter block) may say about an article. Every field is optional:
 * what is absent stays absent in the Article.
 */
export const ArticleMetaSchema = z
  .object({
    title: z.string().trim().min(1).optional(),
    standfirst: z.string().trim().min(1).optional(),
    byline: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1))]).optional(),
    source: z.union([z.string().trim().min(1), SourceSchema]).optional(),
    url: z.url().optional(),
    image: z.string().optional(),
    language: z.string().min(2).optional(),
    publishedAt: IsoDateSchema.optional(),
    updatedAt: IsoDateSchema.optional(),
    section: z.string().trim().min(1).optional(),
    tags: z.array(z.string().trim().min(1)).optional(),
  })
  .strict()
  .meta({ id: 'ArticleMeta' });
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

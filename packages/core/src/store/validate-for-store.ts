import { fromZodError } from '../errors/from-zod-error';
import { type Article, ArticleSchema } from '../model/article-schema';
import { checkStoreLimits } from './store-limits';

/** A store keeps only valid Articles: anything else is refused with what is wrong and where. */
export function validateForStore(article: Article): Article {
  const result = ArticleSchema.safeParse(article);
  if (!result.success)
    throw fromZodError(
      'INVALID_ARTICLE',
      `article ${String((article as { id?: unknown })?.id ?? '')}`.trim(),
      result.error,
    );
  return result.data;
}

/** A batch as a store takes it: every article valid, and the batch within STORE_LIMITS. */
export function validateBatchForStore(articles: readonly Article[]): Article[] {
  const valid = articles.map(validateForStore);
  checkStoreLimits(valid);
  return valid;
}

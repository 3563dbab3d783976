import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared/corpora from the repository root; tests that need it skip with this message when absent. */
export const SHARED_CORPORA = fileURLToPath(new URL('../../../../shared/corpora/', import.meta.url));
export const HAS_SHARED = existsSync(SHARED_CORPORA);
export const SHARED_MISSING = `skipped: ${SHARED_CORPORA} is absent (a clone outside the Gazette workplace); these tests need the shared corpora`;

/** The reference article as shipped with the product (packages/corpus), always present. */
export const REFERENCE_ARTICLE_PATH = fileURLToPath(
  new URL('../../corpus/articles/000_bdb02a4c134ff8b2.txt', import.meta.url),
);

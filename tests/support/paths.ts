import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED_CORPORA = fileURLToPath(new URL('../../../shared/corpora/', import.meta.url));
export const HAS_SHARED = existsSync(SHARED_CORPORA);
export const SHARED_MISSING = `skipped: ${SHARED_CORPORA} is absent (a clone outside the Gazette workplace); these tests need the shared corpora`;
export const REFERENCE_ARTICLE = `${REPO_ROOT}packages/corpus/articles/000_bdb02a4c134ff8b2.txt`;
export const GAZETTE_BIN = `${REPO_ROOT}apps/tui/bin/gazette.js`;

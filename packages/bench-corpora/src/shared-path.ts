import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared/corpora beside the repository: test and benchmark data, never shipped. */
export const SHARED_CORPORA = fileURLToPath(new URL('../../../../shared/corpora/', import.meta.url));
export const HAS_SHARED = existsSync(SHARED_CORPORA);
export const SHARED_MISSING = `skipped: ${SHARED_CORPORA} is absent (a clone outside the Gazette workplace); this needs the shared corpora`;

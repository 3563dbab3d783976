// Writes the Article model as JSON Schema into dist/, for users who validate outside TypeScript.
import { mkdirSync, writeFileSync } from 'node:fs';
import { articleJsonSchema } from '@gazette/core';

mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../dist/article.schema.json', import.meta.url),
  `${JSON.stringify(articleJsonSchema(), null, 2)}\n`,
);

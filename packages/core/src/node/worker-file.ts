import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A worker module next to the module at `here` (source or built; built code may sit in a shared chunk one
 * level up), or undefined when it is not there (then the work is done on the calling thread).
 */
export function workerFile(here: string, base: string): URL | undefined {
  const names = here.endsWith('.ts') ? [`./${base}.ts`] : [`./${base}.js`, `./node/${base}.js`];
  for (const name of names) {
    const url = new URL(name, here);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

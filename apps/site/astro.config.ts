import { defineConfig } from 'astro/config';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { siteEnv } from './src/lib/site-env';
import { checkCorpusRevision, checkOutDir } from './src/lib/turbo-cache-guard';

const env = siteEnv();
// Refused here, before Astro empties the output folder: a refusal while the pages render left dist/
// without its index.html, so the site npm start served last could no longer start.
checkOutDir(env);
await checkCorpusRevision(env);

export default defineConfig({
  site: env.GAZETTE_SITE_URL,
  output: 'static',
  trailingSlash: 'always',
  ...(env.GAZETTE_SITE_OUT ? { outDir: env.GAZETTE_SITE_OUT } : {}),
  // Everything external: the Content-Security-Policy allows no inline script or style.
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  vite: {
    // Workspace packages are read from their TypeScript source, like the tests do.
    // (Astro renders static pages in its own `prerender` environment, which needs them too.)
    resolve: { conditions: ['@gazette/source', ...defaultClientConditions] },
    ssr: { resolve: { conditions: ['@gazette/source', ...defaultServerConditions] } },
    environments: {
      prerender: { resolve: { conditions: ['@gazette/source', ...defaultServerConditions] } },
    },
    build: { assetsInlineLimit: 0 },
  },
});

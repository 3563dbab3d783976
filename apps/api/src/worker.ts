// Cloudflare Workers entry: the built-in corpus, from the snapshot bundled into the worker at build time.
import { builtinCorpus } from '@gazette/corpus';
import { createApp } from './app';

const app = createApp({ corpus: builtinCorpus() });

export default { fetch: app.fetch };

import { apiContract } from './support/api-contract';
import { startWorkerdApi } from './support/start-api';

// The worker bundle built by `wrangler deploy --dry-run`, in real workerd (Miniflare) on 127.0.0.1.
// Compression is left to Cloudflare's edge there, so the Node-only compression test has no twin here.
apiContract('workerd (Cloudflare Workers build)', startWorkerdApi);

#!/usr/bin/env node
// Thin launcher: the command itself is built into dist/ by `npm run build` (npm install does it once).
import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    console.error('gazette: the command is not built yet; run `npm run build` at the repository root.');
    process.exit(1);
  }
  throw error;
});

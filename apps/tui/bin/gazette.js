#!/usr/bin/env node
// Thin launcher: the command itself is built into dist/ by `npm run build` (npm install does it once).
import('../dist/cli.js').catch((error) => {
  // Only our own build missing means "not built"; a dependency missing is a different problem.
  const missing = /Cannot find module '([^']+)'/.exec(String(error?.message))?.[1] ?? '';
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && missing.endsWith('/tui/dist/cli.js')) {
    console.error('gazette: the command is not built yet; run `npm run build` at the repository root.');
    process.exit(1);
  }
  throw error;
});

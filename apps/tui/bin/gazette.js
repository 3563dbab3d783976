#!/usr/bin/env node
// Thin launcher: the command itself is built into dist/ by `npm run build` (npm install does it once).
import module from 'node:module';

// V8's compiled code for the bundle is kept on disk (Node's compile cache, in the temp directory): later
// starts skip parsing and compiling the megabyte of Ink and React (tens of ms of every start-up).
module.enableCompileCache?.();
import('../dist/cli.js').catch((error) => {
  // Only our own build missing means "not built"; a dependency missing is a different problem.
  const missing = /Cannot find module '([^']+)'/.exec(String(error?.message))?.[1] ?? '';
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && missing.endsWith('/tui/dist/cli.js')) {
    console.error('gazette: the command is not built yet; run `npm run build` at the repository root.');
    process.exit(1);
  }
  throw error;
});

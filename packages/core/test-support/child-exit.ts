import type { ChildProcess } from 'node:child_process';

/**
 * Resolves with the child's exit code once it has exited, including when it already had: a listener added
 * after the 'exit' event never fires, and a test awaiting it hangs until its timeout (seen on a busy machine,
 * where the child can finish before the test gets to wait).
 */
export function childExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

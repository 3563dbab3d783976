import type { Writable } from 'node:stream';

/** Exit code of a Unix tool whose reader went away (killed by SIGPIPE, as the shell reports it: 128 + 13). */
export const CLOSED_OUTPUT_EXIT = 141;

/** Standard output can no longer be written: the reader closed the pipe (EPIPE) or the device failed. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(readonly code: string | undefined) {
    super(`cannot write to standard output (${code ?? 'write failed'})`);
  }
  /** The reader stopped reading (`gazette show ID | head -3`): nothing to report, as with any Unix tool. */
  get readerClosed(): boolean {
    return this.code === 'EPIPE';
  }
}

/**
 * A writer for a process stream that never crashes the process with an unhandled 'error' event. A failed
 * write destroys the stream; the next write throws an OutputError, so that a long command (export of a
 * large store) stops at once instead of writing the rest into nothing. `failure()` (after the writes so
 * far have been handed to the system) tells a command that finished after its last write failed.
 */
export function guardedWriter(stream: Writable) {
  let failure: OutputError | undefined;
  const fail = (error: unknown) => {
    failure ??= new OutputError((error as NodeJS.ErrnoException)?.code);
    return failure;
  };
  stream.on('error', fail);
  return {
    write(text: string): void {
      if (failure) throw failure;
      if (stream.errored) throw fail(stream.errored);
      stream.write(text);
    },
    /**
     * Resolves once the stream takes more (at once while its buffer is below the high-water mark). Writes
     * to a pipe are asynchronous: a command writing in a loop waits here, or it would buffer its whole
     * output in memory (and only learn after the loop that the reader had gone).
     */
    drain: (): Promise<void> =>
      !stream.writableNeedDrain || failure
        ? Promise.resolve()
        : new Promise((resolve) => {
            const done = () => {
              for (const event of ['drain', 'error', 'close']) stream.off(event, done);
              resolve();
            };
            for (const event of ['drain', 'error', 'close']) stream.once(event, done);
          }),
    failure: (): Promise<OutputError | undefined> =>
      new Promise((resolve) => {
        if (failure) return resolve(failure);
        // Called once every earlier write is done (or failed): errors are reported asynchronously.
        stream.write('', () => setImmediate(() => resolve(failure)));
      }),
  };
}

/** The exit code for a command whose output failed; says why on standard error unless the reader left. */
export function outputFailed(error: OutputError, stderr: (text: string) => void): number {
  if (error.readerClosed) return CLOSED_OUTPUT_EXIT;
  stderr(`gazette: ${error.message}.\n`);
  return 1;
}

/** Where a command writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  /** Waits while standard output is backed up (a slow or gone reader); long outputs call it as they go. */
  drained?: () => Promise<void>;
  stderr: (text: string) => void;
  /** Standard input: bytes (decoded like a file), or text from a test. */
  stdin: () => Promise<Uint8Array | string>;
  isTTY: boolean;
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Where a command writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input: bytes (decoded like a file), or text from a test. */
  stdin: () => Promise<Uint8Array | string>;
  isTTY: boolean;
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

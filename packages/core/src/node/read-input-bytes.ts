import { constants, createReadStream, fstatSync, open, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import { isatty, ReadStream as TtyReadStream } from 'node:tty';
import type { Readable } from 'node:stream';
import { GazetteError } from '../errors/gazette-error';
import { TEXT_LIMITS } from '../text/normalize-text';

/**
 * Bytes read from one input at most: the largest text any parser accepts (20 M characters of XML or
 * JSON), so a parser's own limit is reported for what fits and nothing larger is ever held.
 */
export const MAX_INPUT_BYTES = TEXT_LIMITS.maxChars * 4;

/** How long a FIFO or device may stay silent (no writer, no data) before it is given up on. */
export const SILENT_INPUT_MS = 10_000;

export interface ReadBytesOptions {
  maxBytes?: number;
  /** FIFOs and devices: longest wait for the next bytes (default SILENT_INPUT_MS). */
  silentMs?: number;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

function tooLarge(where: string, label: string, maxBytes: number): GazetteError {
  return new GazetteError(
    'INPUT_TOO_LARGE',
    `${label} is over ${mb(maxBytes)}; one input may be at most ${mb(maxBytes)} (split it, or ingest a large export as an .ndjson file, which is read line by line).`,
    { where },
  );
}

/** A stream to read and how to speak of it; FIFOs and devices carry a silence limit. */
export interface OpenedInput {
  stream: Readable;
  where: string;
  label: string;
  silentMs?: number;
  silentHint?: string;
}

/**
 * Yields a stream's chunks; with `silentMs`, a source that sends nothing for that long is refused
 * instead of waited on forever. The stream is destroyed however the reading ends.
 */
export async function* chunksOf(input: OpenedInput): AsyncGenerator<Buffer> {
  const chunks = input.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const silentMs = input.silentMs;
  let timer: NodeJS.Timeout | undefined;
  let giveUp: (error: GazetteError) => void = () => {};
  const silence = new Promise<never>((_, reject) => {
    giveUp = reject;
  });
  const arm = () => {
    if (silentMs === undefined) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      giveUp(
        new GazetteError(
          'EMPTY_INPUT',
          `Nothing arrived from ${input.label} for ${silentMs / 1000} s; gave up waiting${input.silentHint ?? ''}.`,
          { where: input.where },
        ),
      );
    }, silentMs);
  };
  const readError = (error: NodeJS.ErrnoException) => {
    if (error instanceof GazetteError) throw error;
    throw new GazetteError('NOT_FOUND', `Cannot read ${input.label}: ${error.code ?? error.message}.`, {
      where: input.where,
    });
  };
  try {
    for (;;) {
      arm();
      const next = await Promise.race([chunks.next(), silence]).catch(readError);
      clearTimeout(timer);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    clearTimeout(timer);
    input.stream.destroy();
  }
}

/**
 * Reads an input through a counter that stops at `maxBytes`: what is held is bounded by what was
 * read, whatever the source claims (stat sizes of pipes, devices and /proc files mean nothing).
 */
export async function readBounded(input: OpenedInput, maxBytes = MAX_INPUT_BYTES): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunksOf(input)) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(input.where, input.label, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

function isStandardInput(info: Stats): boolean {
  try {
    const stdin = fstatSync(0);
    return stdin.dev === info.dev && stdin.ino === info.ino;
  } catch {
    return false;
  }
}

function openFd(path: string, flags: number): Promise<number> {
  // A plain descriptor (not a FileHandle, which would close it again when collected): the stream owns it.
  return new Promise((resolve, reject) =>
    open(path, flags, (error, fd) => (error ? reject(error) : resolve(fd))),
  );
}

/**
 * Opens a FIFO or device so that waiting on it never pins the process: a FIFO without blocking on a
 * missing writer, a terminal as a terminal stream (a plain read of one would block a worker thread until
 * a key is pressed, keeping the process alive after it gave up). Other devices are read as files.
 */
async function openSpecial(path: string, info: Stats): Promise<Readable> {
  if (info.isFIFO())
    return new Socket({
      fd: await openFd(path, constants.O_RDONLY | constants.O_NONBLOCK),
      readable: true,
      writable: false,
    });
  const fd = await openFd(path, constants.O_RDONLY);
  return isatty(fd) ? new TtyReadStream(fd) : createReadStream('', { fd });
}

/**
 * Opens a named input (a file, a FIFO, a device, /dev/stdin) for reading, following symbolic links.
 * A FIFO or device gets a silence limit: one that sends nothing for `silentMs` is refused.
 */
export async function openInput(path: string, options: ReadBytesOptions = {}): Promise<OpenedInput> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GazetteError(
      'NOT_FOUND',
      `Cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'ELOOP' ? 'a loop of symbolic links' : (code ?? (error as Error).message)}.`,
      { where: path },
    );
  }
  if (info.isDirectory())
    throw new GazetteError(
      'UNSUPPORTED_FORMAT',
      `${path} is a folder; give a file (or use "gazette ingest" for folders).`,
      { where: path },
    );
  if (info.isFile()) return { stream: createReadStream(path), where: path, label: path };
  // /dev/stdin (or /proc/self/fd/0) when standard input is a pipe or socket: read the stream we already hold
  // (a socket cannot be opened by name), under the same cap and, like "-", without a silence limit.
  if (isStandardInput(info)) return { stream: process.stdin, where: path, label: `${path} (standard input)` };
  if (info.isSocket())
    throw new GazetteError('UNSUPPORTED_FORMAT', `${path} is a socket, not a file Gazette can read.`, {
      where: path,
    });
  try {
    return {
      stream: await openSpecial(path, info),
      where: path,
      label: `${path} (${kindOf(info)})`,
      silentMs: options.silentMs ?? SILENT_INPUT_MS,
      silentHint: info.isFIFO() ? ' (is anything writing to it?)' : '',
    };
  } catch (error) {
    throw new GazetteError('NOT_FOUND', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code}.`, {
      where: path,
    });
  }
}

/** Reads a named input into bytes, refusing more than `maxBytes` as it is read. */
export async function readInputBytes(path: string, options: ReadBytesOptions = {}): Promise<Uint8Array> {
  return readBounded(await openInput(path, options), options.maxBytes);
}

import { GazetteError } from '../errors/gazette-error';
import { TEXT_LIMITS } from '../text/normalize-text';
import { chunksOf, type OpenedInput } from './read-input-bytes';

/** Bytes one NDJSON line may hold: enough for the longest article (5 M characters, up to 4 bytes each). */
export const MAX_LINE_BYTES = TEXT_LIMITS.maxChars * 4;

/** An over-long line is skipped to its line break, but one that runs on past this is not waited out. */
export const MAX_RUN_ON_BYTES = 64_000_000;

/** A line's text, or why it could not be read (too long; or the input failed there, which ends the lines). */
export type NdjsonLine =
  | { lineNo: number; text: string; replacements: number }
  | { lineNo: number; error: GazetteError };

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

function lineTooLong(where: string, lineNo: number, maxBytes: number): GazetteError {
  return new GazetteError(
    'INPUT_TOO_LARGE',
    `Line ${lineNo} of ${where} is over ${mb(maxBytes)}; one article per line, at most ${TEXT_LIMITS.maxChars.toLocaleString('en')} characters. The line was skipped.`,
    { where, line: lineNo },
  );
}

const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decodes one line as UTF-8 (what NDJSON is), counting the bytes that became U+FFFD. */
function decodeLine(bytes: Buffer, lineNo: number): { text: string; replacements: number } {
  let end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  const bom = lineNo === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  end = Math.max(end, bom);
  const body = bytes.subarray(bom, end);
  try {
    return { text: STRICT.decode(body), replacements: 0 };
  } catch {
    const text = LENIENT.decode(body);
    return { text, replacements: text.split('\uFFFD').length - 1 };
  }
}

/**
 * Splits an input into NDJSON lines as bytes arrive, holding at most `maxLineBytes` of one line: a
 * longer line is reported as too long (never built into a string) and skipped to its line break. A
 * line that runs on past MAX_RUN_ON_BYTES (e.g. /dev/zero), or a failing input, ends the lines with
 * an error line.
 */
export async function* readNdjsonLines(
  input: OpenedInput,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<NdjsonLine> {
  let parts: Buffer[] = [];
  let held = 0;
  let skipped = -1; // bytes of the current line skipped, or -1 while it is within the limit
  let lineNo = 1;
  const take = (segment: Buffer) => {
    if (skipped >= 0) skipped += segment.length;
    else if (held + segment.length > maxLineBytes) {
      skipped = held + segment.length;
      parts = [];
      held = 0;
    } else if (segment.length > 0) {
      parts.push(segment); // a view of the chunk: held only until its line ends
      held += segment.length;
    }
    if (skipped > MAX_RUN_ON_BYTES)
      throw new GazetteError(
        'INPUT_TOO_LARGE',
        `Line ${lineNo} of ${input.where} runs on past ${mb(MAX_RUN_ON_BYTES)} without a line break; stopped reading there.`,
        { where: input.where, line: lineNo },
      );
  };
  const line = (): NdjsonLine => {
    const done: NdjsonLine =
      skipped >= 0
        ? { lineNo, error: lineTooLong(input.where, lineNo, maxLineBytes) }
        : { lineNo, ...decodeLine(parts.length === 1 ? parts[0]! : Buffer.concat(parts, held), lineNo) };
    parts = [];
    held = 0;
    skipped = -1;
    lineNo++;
    return done;
  };
  const lines: NdjsonLine[] = [];
  try {
    for await (const chunk of chunksOf(input)) {
      let at = 0;
      for (let nl = chunk.indexOf(0x0a, at); nl !== -1; nl = chunk.indexOf(0x0a, at)) {
        take(chunk.subarray(at, nl));
        lines.push(line());
        at = nl + 1;
      }
      take(chunk.subarray(at));
      yield* lines.splice(0);
    }
    if (held > 0 || skipped >= 0) yield line();
  } catch (error) {
    if (!(error instanceof GazetteError)) throw error;
    // The lines before stay good: the failure is reported at the line where reading stopped.
    yield* lines.splice(0);
    yield { lineNo, error };
  }
}

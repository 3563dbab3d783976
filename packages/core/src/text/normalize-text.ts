import { GazetteError } from '../errors/gazette-error';

/** Input limits: news text is never this large, and bounding it keeps every later step linear and safe. */
export const TEXT_LIMITS = {
  /** Characters (UTF-16 units) in one input. */
  maxChars: 5_000_000,
  /** Characters in one line (one paragraph). */
  maxLineChars: 100_000,
} as const;

export interface NormalizedText {
  text: string;
  removedControls: boolean;
  removedBidi: boolean;
}

// C0/C1 controls except tab and newline; they are never content.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides and isolates can make text display other than it reads (Trojan Source).
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// Zero-width space, word joiner and BOM; ZWJ/ZWNJ stay because scripts and emoji need them.
const INVISIBLES = /[\u200B\u2060\uFEFF]/g;

/** Throws a typed error when the input is not text a person wrote. */
export function assertTextInput(text: string, where = 'input'): void {
  if (text.length > TEXT_LIMITS.maxChars) {
    throw new GazetteError(
      'INPUT_TOO_LARGE',
      `The ${where} is ${text.length.toLocaleString('en')} characters long; the limit is ${TEXT_LIMITS.maxChars.toLocaleString('en')}. Split it into articles.`,
      { where },
    );
  }
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let nul = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) nul++;
    else if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) odd++;
  }
  if (nul > 0 || odd > sample.length * 0.05) {
    throw new GazetteError(
      'BINARY_INPUT',
      `The ${where} looks like binary data, not text (${nul > 0 ? 'it holds NUL bytes' : 'it is full of control or undecodable characters'}). Give Gazette a text, HTML, feed or JSON file.`,
      { where },
    );
  }
}

/**
 * Unicode and whitespace normalisation: NFC, CRLF to LF, controls, bidi overrides and zero-width
 * characters removed, runs of spaces folded, lines trimmed. Quotation marks are kept as written.
 * Idempotent: normalising twice gives the same text as once.
 */
export function normalizeText(input: string): NormalizedText {
  let text = input.replace(/\r\n?/g, '\n').normalize('NFC');
  const withoutControls = text.replace(/\t/g, ' ').replace(CONTROL_CHARS, '');
  const removedControls = withoutControls.length !== text.replace(/\t/g, ' ').length;
  const withoutBidi = withoutControls.replace(BIDI_CONTROLS, '');
  const removedBidi = withoutBidi.length !== withoutControls.length;
  text = withoutBidi
    .replace(INVISIBLES, '')
    .replace(/[ \u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, removedControls, removedBidi };
}

/** Normalises one line of text (a title, a name): as normalizeText, and on a single line. */
export function normalizeLine(input: string): string {
  return normalizeText(input).text.replace(/\s+/g, ' ');
}

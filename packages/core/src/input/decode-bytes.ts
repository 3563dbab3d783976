/**
 * Turns the bytes of an input into text, choosing the encoding the way WHATWG's encoding sniffing
 * does: a byte order mark wins; then what the document declares (an XML declaration or an HTML
 * `<meta charset>`), then the transport's charset (HTTP `Content-Type`); and when those disagree with
 * the bytes (a declared legacy charset on valid UTF-8, UTF-16 on bytes without NULs, UTF-8 on bytes
 * that are not UTF-8) the bytes decide. Nothing here reads files or the network: callers pass bytes.
 */

/** Where the encoding used came from. */
export type EncodingSource = 'bom' | 'declared' | 'http' | 'sniffed' | 'default';

export interface DecodeHints {
  /** The transport's charset, e.g. the `charset` parameter of an HTTP Content-Type. */
  httpCharset?: string;
}

export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used (e.g. "utf-8", "windows-1252", "utf-16le"). */
  encoding: string;
  source: EncodingSource;
  /** Bytes that could not be decoded and became U+FFFD (0 when the bytes were valid). */
  replacements: number;
  /** The label the input or its transport stated, when the bytes overruled it. */
  overruled?: string;
}

/** How far into the bytes a declaration is looked for (WHATWG's prescan reads 1024 bytes). */
const PRESCAN_BYTES = 1024;

/** The WHATWG name for a label, or undefined for a label no decoder knows. */
function encodingName(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 without a BOM, told by a markup start ("<" then a NUL, or a NUL then "<"), as XML's appendix F does. */
function utf16ByPattern(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be';
  return undefined;
}

/** The charset an XML declaration or an HTML meta tag states in the first kilobyte, read as ASCII. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // Leading white space before the declaration is not XML, but feeds in the wild have it.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, PRESCAN_BYTES)).trimStart();
  if (head.startsWith('<?xml')) {
    const decl = head.slice(0, head.indexOf('?>') + 1 || head.length);
    const xml = /\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(decl)?.[1];
    if (xml) return xml;
  }
  const lower = head.toLowerCase();
  for (let at = lower.indexOf('<meta'); at !== -1; at = lower.indexOf('<meta', at + 5)) {
    const end = lower.indexOf('>', at);
    const tag = lower.slice(at, end === -1 ? undefined : end);
    const charset = /charset\s*=\s*["']?([\w.:-]+)/.exec(tag)?.[1];
    if (charset) return charset;
  }
  return undefined;
}

function decodeWith(encoding: string, bytes: Uint8Array): { text: string; replacements: number } {
  try {
    return {
      text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes),
      replacements: 0,
    };
  } catch {
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    let replacements = 0;
    for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) replacements++;
    return { text, replacements };
  }
}

interface Candidate {
  /** The encoding decoded with: a UTF-16 label on bytes without a BOM or NUL pattern is a lie, read as UTF-8 (as WHATWG does). */
  encoding: string;
  /** The encoding the label names. */
  named: string;
  source: EncodingSource;
  label: string;
}

const isUtf16 = (encoding: string) => encoding === 'utf-16le' || encoding === 'utf-16be';

/** True when the bytes hold a byte over 0x7F (so ASCII-compatible encodings would differ). */
function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return true;
  return false;
}

/** Chars a UTF-8 decoding read from multi-byte sequences: evidence that the bytes really are UTF-8. */
function multibyteChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && c !== 0xfffd) n++;
  }
  return n;
}

/** Decodes input bytes into text, saying which encoding was used, why, and how many bytes were undecodable. */
export function decodeBytes(bytes: Uint8Array, hints: DecodeHints = {}): DecodedText {
  const bom = bomOf(bytes);
  if (bom)
    return { ...decodeWith(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding, source: 'bom' };
  const pattern = utf16ByPattern(bytes);
  if (pattern) return { ...decodeWith(pattern, bytes), encoding: pattern, source: 'sniffed' };

  const candidates: Candidate[] = [];
  for (const [label, source] of [
    [declaredCharset(bytes), 'declared'],
    [hints.httpCharset, 'http'],
  ] as const) {
    const named = encodingName(label);
    if (label && named)
      candidates.push({ encoding: isUtf16(named) ? 'utf-8' : named, named, source, label: label.trim() });
  }
  const first = candidates[0];

  const utf8 = decodeWith('utf-8', bytes);
  // ASCII reads the same in every ASCII-compatible encoding; the stated one is kept (ISO-2022-JP is 7-bit).
  if (!hasHighBytes(bytes))
    return !first
      ? { ...utf8, encoding: 'utf-8', source: 'default' }
      : first.named === first.encoding
        ? { ...decodeWith(first.encoding, bytes), encoding: first.encoding, source: first.source }
        : { ...utf8, encoding: 'utf-8', source: 'sniffed', overruled: first.label };
  // Valid UTF-8 with non-ASCII text is almost never another encoding by accident: it beats any label.
  if (utf8.replacements === 0) {
    const agrees = first?.named === 'utf-8';
    return {
      ...utf8,
      encoding: 'utf-8',
      source: agrees ? first.source : first ? 'sniffed' : 'default',
      ...(first && !agrees ? { overruled: first.label } : {}),
    };
  }
  // Not UTF-8: the first stated encoding that decodes every byte; else the first whose text is
  // mostly real characters (a few damaged bytes, counted); else windows-1252, WHATWG's default for
  // unlabelled legacy text, which decodes every byte.
  const tried = [
    ...candidates.filter((c) => c.encoding !== 'utf-8'),
    { encoding: 'utf-8', named: 'utf-8', source: 'sniffed' as const, label: 'utf-8' },
  ].map((c) => ({ c, decoded: c.encoding === 'utf-8' ? utf8 : decodeWith(c.encoding, bytes) }));
  const chosen =
    tried.find((t) => t.decoded.replacements === 0) ??
    tried.find((t) => multibyteChars(t.decoded.text) > t.decoded.replacements);
  const result = chosen
    ? { ...chosen.decoded, encoding: chosen.c.encoding }
    : { ...decodeWith('windows-1252', bytes), encoding: 'windows-1252' };
  const honoured = first?.named === result.encoding;
  return {
    ...result,
    source: honoured ? first.source : chosen && chosen.c !== tried.at(-1)!.c ? chosen.c.source : 'sniffed',
    ...(first && !honoured ? { overruled: first.label } : {}),
  };
}

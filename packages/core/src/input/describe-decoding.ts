import type { DecodedText } from './decode-bytes';

/**
 * What a reader should be told about how an input was decoded: undecodable bytes, a stated charset
 * the bytes overruled, or a guessed one. Undefined when there is nothing to say.
 */
export function describeDecoding(decoded: Omit<DecodedText, 'text'>): string | undefined {
  const notes: string[] = [];
  if (decoded.overruled)
    notes.push(
      `it says its charset is "${decoded.overruled}" but its bytes are ${decoded.encoding}, so it was read as ${decoded.encoding}`,
    );
  else if (decoded.source === 'sniffed' && decoded.encoding === 'windows-1252')
    notes.push('it states no charset and is not UTF-8, so it was read as windows-1252');
  if (decoded.replacements > 0)
    notes.push(
      `${decoded.replacements.toLocaleString('en')} byte${decoded.replacements === 1 ? '' : 's'} could not be decoded as ${decoded.encoding} and became U+FFFD (articles flagged replacement-characters)`,
    );
  if (notes.length === 0) return undefined;
  const text = notes.join('; ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

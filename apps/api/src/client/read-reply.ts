/** The largest API reply read, in bytes as decoded (after gzip): a page of 100 full articles fits many times. */
export const MAX_REPLY_BYTES = 64 * 1024 * 1024;

/** A reply longer than the cap: the server is not a Gazette API, or not one to trust. */
export class ReplyTooLarge extends Error {
  override readonly name = 'ReplyTooLarge';
  constructor(readonly maxBytes: number) {
    super(`over the ${maxBytes / (1024 * 1024)} MB limit of a Gazette reply`);
  }
}

/**
 * Reads a reply's body as text, counting the bytes as they arrive (decompressed, so a gzip bomb stops at
 * the cap too, not at its end) and giving up past `maxBytes`, whatever Content-Length claims.
 */
export async function readReplyText(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new ReplyTooLarge(maxBytes);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

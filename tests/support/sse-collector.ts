/** A Server-Sent Event with data, as it arrived (ms since the epoch). */
export interface ArrivedEvent {
  event: string | undefined;
  id: string | undefined;
  data: string;
  at: number;
}

/**
 * Reads an SSE body in the background into `events` (blocks end with a blank line; comment-only blocks,
 * the heartbeats, are left out), so a test can wait on what arrived and count it; `stop` cancels the read.
 */
export function collectEvents(body: ReadableStream<Uint8Array>) {
  const events: ArrivedEvent[] = [];
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const take = (block: string) => {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const m = /^(event|id|data): ?(.*)$/.exec(line);
      if (m) fields.set(m[1]!, m[2]!);
    }
    const data = fields.get('data');
    if (data !== undefined)
      events.push({ event: fields.get('event'), id: fields.get('id'), data, at: Date.now() });
  };
  const done = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        take(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  })().catch(() => {}); // a cancelled read ends the collection
  return {
    events,
    stop: async () => {
      await reader.cancel().catch(() => {});
      await done;
    },
  };
}

/** Waits until `check` holds, trying every 25 ms, for at most `ms`; says whether it came true. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

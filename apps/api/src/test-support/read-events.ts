/** One Server-Sent Event as a client sees it (comment lines kept apart, to check heartbeats). */
export interface SseEvent {
  event?: string;
  id?: string;
  data?: string;
  retry?: string;
  comments: string[];
}

/**
 * Reads the events of an SSE body one block at a time (blocks end with a blank line), as an EventSource
 * would split them; `next(ms)` fails after `ms` so a test never hangs on a stream that says nothing.
 */
export function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  function parse(block: string): SseEvent {
    const out: SseEvent = { comments: [] };
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) out.comments.push(line.slice(1).trim());
      const m = /^(event|id|data|retry): ?(.*)$/.exec(line);
      if (m) out[m[1] as 'event' | 'id' | 'data' | 'retry'] = m[2]!;
    }
    return out;
  }
  async function next(ms = 10_000): Promise<SseEvent | undefined> {
    const deadline = Date.now() + ms;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return parse(block);
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no event within ${ms} ms`)), deadline - Date.now());
      });
      const { done, value } = await Promise.race([reader.read(), late]).finally(() => clearTimeout(timer));
      if (done) return undefined;
      buffer += decoder.decode(value, { stream: true });
    }
  }
  /** The next event that carries data (skipping heartbeats and the opening comment). */
  async function nextData(ms = 10_000): Promise<SseEvent | undefined> {
    for (;;) {
      const e = await next(ms);
      if (!e || e.data !== undefined) return e;
    }
  }
  return { next, nextData, cancel: () => reader.cancel().catch(() => {}) };
}

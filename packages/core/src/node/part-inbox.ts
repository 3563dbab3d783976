// A helper's part, received by the index's worker: the helper posts its range's unique texts as it
// analyses (TextsMessage, in order), then the part with the texts left. Read early, the texts are copied
// into the index worker's heap while it still analyses its own range, not after it, when it alone works.
import { receiveMessageOnPort } from 'node:worker_threads';
import type { IndexPart } from '../search/index/index-part';
import type { TextPiece } from '../search/index/index-texts';
import type { StageSpan } from './build-timeline';
import type { PartSource } from './index-build-jobs';
import { DONE } from './index-worker-threads';

/** Texts a helper posts ahead of its part. */
export interface TextsMessage {
  texts: TextPiece;
}

export class PartInbox {
  private readonly texts: TextPiece[] = [];
  private part: IndexPart | undefined;
  /** The helper's stages, posted with its part (see ThreadTimeline). */
  spans: StageSpan[] = [];

  constructor(private readonly source: PartSource) {}

  /** Takes whatever the helper has posted so far, without waiting. */
  drain(): void {
    for (let m = receiveMessageOnPort(this.source.port); m; m = receiveMessageOnPort(this.source.port)) {
      const message = m.message as Partial<TextsMessage> & { part?: IndexPart; spans?: StageSpan[] };
      if (message.texts) this.texts.push(message.texts);
      if (message.part) this.part = message.part;
      if (message.spans) this.spans = message.spans;
    }
  }

  /** The part with all its texts, once the helper is done (undefined if it failed or timed out). */
  receive(waitMs: number): IndexPart | undefined {
    if (!this.part) {
      Atomics.wait(this.source.flag, 0, 0, waitMs);
      if (Atomics.load(this.source.flag, 0) === DONE) this.drain();
    }
    this.source.port.close();
    const part = this.part;
    if (!part) return undefined;
    return { ...part, texts: { ...part.texts, texts: [...this.texts, ...part.texts.texts] } };
  }
}

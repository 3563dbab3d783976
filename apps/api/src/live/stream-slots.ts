/** One open stream's hold on a slot: `ended` aborts when the server ends every stream (shutdown). */
export interface StreamSlot {
  readonly ended: AbortSignal;
  release(): void;
}

/**
 * The event streams open on one app, bounded: each holds a connection for minutes, so beyond `max` a new
 * one is refused (429) rather than queued. A server shutting down ends them all at once (`endAll`) instead
 * of waiting for their clients.
 */
export class StreamSlots {
  readonly #open = new Set<AbortController>();

  constructor(readonly max: number) {}

  get open(): number {
    return this.#open.size;
  }

  /** A slot for a new stream, or undefined when all are taken. */
  take(): StreamSlot | undefined {
    if (this.#open.size >= this.max) return undefined;
    const controller = new AbortController();
    this.#open.add(controller);
    return { ended: controller.signal, release: () => this.#open.delete(controller) };
  }

  /** Ends every open stream (each frees its slot as it ends). */
  endAll(): void {
    for (const controller of this.#open) controller.abort();
  }
}

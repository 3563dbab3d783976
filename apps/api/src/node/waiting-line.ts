/** One waiter in a WaitingLine: its place is kept so that it can leave from anywhere in O(1). */
export interface Waiter {
  readonly admit: () => void;
  prev: Waiter | undefined;
  next: Waiter | undefined;
}

/**
 * A first-in first-out line in which each operation is O(1): joining at the back, leaving from the front,
 * and leaving from anywhere (a client that disconnected while waiting). A doubly linked list, so no array is
 * shifted and no dead entry stays behind to be skipped later.
 */
export class WaitingLine {
  private head: Waiter | undefined;
  private tail: Waiter | undefined;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Joins the back of the line; `admit` is called when the waiter leaves from the front. */
  join(admit: () => void): Waiter {
    const waiter: Waiter = { admit, prev: this.tail, next: undefined };
    if (this.tail) this.tail.next = waiter;
    else this.head = waiter;
    this.tail = waiter;
    this.count++;
    return waiter;
  }

  /** Takes the waiter at the front out of the line, or undefined when the line is empty. */
  shift(): Waiter | undefined {
    const first = this.head;
    if (first) this.leave(first);
    return first;
  }

  /** Takes `waiter` out of the line wherever it stands; nothing if it already left. */
  leave(waiter: Waiter): void {
    if (waiter.prev === undefined && this.head !== waiter) return;
    if (waiter.prev) waiter.prev.next = waiter.next;
    else this.head = waiter.next;
    if (waiter.next) waiter.next.prev = waiter.prev;
    else this.tail = waiter.prev;
    waiter.prev = undefined;
    waiter.next = undefined;
    this.count--;
  }
}

import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';

/** A terminal in memory: Ink writes frames to it as to a real TTY; a benchmark watches for what it awaits. */
export class FakeTerminal extends Writable {
  readonly isTTY = true;
  columns: number;
  rows: number;
  private waiters: Array<{ test: (text: string) => boolean; resolve: (at: number) => void }> = [];
  /** Everything written since the last `clearLog`. */
  log = '';

  constructor(columns = 100, rows = 30) {
    super();
    this.columns = columns;
    this.rows = rows;
  }

  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    const at = performance.now();
    this.log += chunk.toString();
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(this.log)) return true;
      w.resolve(at);
      return false;
    });
    done();
  }

  clearLog(): void {
    this.log = '';
  }

  /** Resolves with the time of the write after which `test` holds for what was written since clearLog. */
  when(test: (text: string) => boolean): Promise<number> {
    if (test(this.log)) return Promise.resolve(performance.now());
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  getColorDepth(): number {
    return 8;
  }
  hasColors(): boolean {
    return true;
  }
}

/** Keys for Ink: a readable TTY stream the benchmark types into. */
export class FakeKeyboard extends EventEmitter {
  readonly isTTY = true;
  private pending: string[] = [];
  setRawMode(): this {
    return this;
  }
  setEncoding(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  read(): string | null {
    return this.pending.shift() ?? null;
  }
  type(text: string): void {
    this.pending.push(text);
    this.emit('readable');
  }
}

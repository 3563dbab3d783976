// Where each thread of the parallel index build spends its time, stage by stage, for benches: on a shared
// 2-core machine the build's wall time is set by its critical path across threads (who waits for whom, and
// when a core idles), which neither summed CPU nor one thread's timings show.
import { GCProfiler } from 'node:v8';

/** One stage of one thread: its wall interval (ms since the epoch, comparable across threads), CPU and GC. */
export interface StageSpan {
  thread: string;
  stage: string;
  start: number;
  end: number;
  /** Wall time in the stage (ms): end - start, unless the stage recurs (its laps summed, see lap). */
  wall: number;
  /** This thread's CPU time in the stage (ms). */
  cpu: number;
  /** Garbage collection pauses in the stage (ms), when asked for (else 0). */
  gc: number;
}

const now = () => performance.timeOrigin + performance.now();
const threadCpu = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};

/** A thread's stages, each ended by lap(); with `gc`, a V8 GC profile taken per stage (it costs a little). */
export class ThreadTimeline {
  readonly spans: StageSpan[] = [];
  private start = now();
  private cpu = threadCpu();
  private profiler: GCProfiler | undefined;

  constructor(
    private readonly thread: string,
    gc = false,
  ) {
    if (gc) this.startProfiler();
  }

  /**
   * Ends the current stage, named `stage`, and starts the next one. A stage that recurs (e.g. waiting for
   * each chunk, analysing each) is one span from its first start to its last end, its laps' times summed.
   */
  lap(stage: string): void {
    const end = now();
    const cpu = threadCpu() - this.cpu;
    const gc = this.profiler ? pauseMs(this.profiler.stop()) : 0;
    const wall = end - this.start;
    const seen = this.spans.find((s) => s.stage === stage);
    if (seen) Object.assign(seen, { end, wall: seen.wall + wall, cpu: seen.cpu + cpu, gc: seen.gc + gc });
    else this.spans.push({ thread: this.thread, stage, start: this.start, end, wall, cpu, gc });
    if (this.profiler) this.startProfiler();
    this.start = now();
    this.cpu = threadCpu();
  }

  /** Stops the GC profile (a worker's last call: a running profile outlives nothing, but costs meanwhile). */
  done(): StageSpan[] {
    this.profiler?.stop();
    this.profiler = undefined;
    return this.spans;
  }

  private startProfiler(): void {
    this.profiler = new GCProfiler();
    this.profiler.start();
  }
}

/** The pauses of a GC profile, in ms (V8 gives each collection's cost in µs). */
function pauseMs(profile: ReturnType<GCProfiler['stop']>): number {
  let us = 0;
  for (const s of profile?.statistics ?? []) us += s.cost;
  return us / 1000;
}

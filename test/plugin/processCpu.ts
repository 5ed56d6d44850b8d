// CPU time of another process, for the plugin benchmark: a request's CPU in tsserver is what the
// plugin makes it do, whatever else the machine runs meanwhile (its wall time is not).
// /proc/<pid>/stat counts in clock ticks (10 ms here, as much as the effect measured); each
// thread's schedstat counts nanoseconds on the CPU. Exact for a thread that is not running when
// read: tsserver's main thread waits for the next request then.
import * as fs from "node:fs";

export interface CpuTime {
  /** Nanoseconds on a CPU of every thread of the process (its main thread, V8's collector helpers…). */
  readonly all: number;
  /** Nanoseconds on a CPU of the main thread alone: what a request waits for (not known in-process). */
  readonly main?: number;
}

/** The first field of a schedstat file: nanoseconds on a CPU; 0 when the thread has gone. */
function runtimeOf(file: string): number {
  try {
    const text = fs.readFileSync(file, "utf8");
    return Number(text.slice(0, text.indexOf(" ")));
  } catch {
    return 0;
  }
}

/** Undefined where the kernel keeps no schedstat (not Linux, or built without it). */
export function processCpu(pid: number): CpuTime | undefined {
  const main = runtimeOf(`/proc/${pid}/task/${pid}/schedstat`);
  if (!main) return undefined;
  let all = 0;
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) all += runtimeOf(`/proc/${pid}/task/${tid}/schedstat`);
  return { all, main };
}

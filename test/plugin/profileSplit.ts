// Where the server's CPU goes during each project's requests: a V8 CPU profile of tsserver's
// process (bench:plugin's CPU_PROF=dir) cut at the times the benchmark sent each request and got
// its answer. Both processes read the same monotonic clock (V8's profile and process.hrtime), so a
// sample inside a project's request window was taken while tsserver served that project.

/** The parts of `Profiler.Profile` (the `.cpuprofile` file) read here. */
export interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string }; readonly children?: readonly number[] }[];
  /** Microseconds, on the monotonic clock. */
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Each sample goes to the first of these its stack meets from the running function outwards. */
export const PROFILE_PARTS = ["collections", "program update", "type check", "plugin", "converting diagnostics", "idle", "rest of tsserver"] as const;
export type ProfilePart = (typeof PROFILE_PARTS)[number];

function partOfFrame(frame: { functionName: string; url: string }, pluginFolder: string): ProfilePart | undefined {
  const name = frame.functionName;
  if (name === "(garbage collector)") return "collections";
  if (name === "(idle)" || name === "(program)") return "idle";
  if (frame.url.includes(pluginFolder)) return "plugin";
  if (!frame.url.endsWith("typescript.js") && !frame.url.endsWith("tsserver.js")) return undefined;
  if (name === "updateGraph" || name === "synchronizeHostData") return "program update";
  if (name === "checkSourceFile") return "type check";
  if (name === "formatDiag") return "converting diagnostics";
  return undefined;
}

/**
 * Per project, the CPU per request of each part, in ms: samples in the project's windows (start
 * and end in µs of the monotonic clock) times the sampling interval, over its window count.
 * Samples, not their time deltas: a sample is taken only while the thread runs, so a count is CPU
 * time wherever the machine is loaded; a delta also holds the time the process waited for a CPU.
 */
export function profileSplit(profile: CpuProfile, windows: readonly (readonly [number, number])[][], intervalUs: number, pluginFolder: string): Map<ProfilePart, number>[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const parts = new Map<number, ProfilePart>();
  const partOf = (id: number): ProfilePart => {
    let part = parts.get(id);
    if (part) return part;
    for (let x: number | undefined = id; x !== undefined && !part; x = parent.get(x)) part = partOfFrame(byId.get(x)!.callFrame, pluginFolder);
    parts.set(id, (part ??= "rest of tsserver"));
    return part;
  };
  const counts = windows.map(() => new Map<ProfilePart, number>());
  // Windows are in time order and do not overlap: one cursor per project.
  const next = windows.map(() => 0);
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i]!;
    windows.forEach((w, j) => {
      while (next[j]! < w.length && w[next[j]!]![1] < t) next[j]!++;
      const window = w[next[j]!];
      if (window && window[0] <= t) counts[j]!.set(partOf(id), (counts[j]!.get(partOf(id)) ?? 0) + 1);
    });
  });
  return counts.map((c, j) => new Map(PROFILE_PARTS.map((p) => [p, ((c.get(p) ?? 0) * intervalUs) / 1000 / Math.max(1, windows[j]!.length)])));
}

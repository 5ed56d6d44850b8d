// Where a benchmark's diagnostics requests spend their time, per project: tsserver's trace
// (`--traceDirectory`) times its phases, and a recorder loaded with the plugin puts every garbage
// collection of the server's process on the trace's clock (both read performance.now()).
import * as fs from "node:fs";
import * as path from "node:path";

const GC_FILE = "gc.jsonl";

/**
 * Replaces the plugin in `probe` (see pluginProbe) with a module that records each collection in
 * `traceDirectory`, then loads the plugin: it runs in tsserver's process, the trace's clock.
 */
export function recordCollections(probe: string, pluginName: string, traceDirectory: string): void {
  const dir = path.join(probe, "node_modules", pluginName);
  fs.renameSync(path.join(dir, "index.js"), path.join(dir, "plugin.js"));
  const out = JSON.stringify(path.resolve(traceDirectory, GC_FILE));
  fs.writeFileSync(
    path.join(dir, "index.js"),
    `const fs = require("node:fs");
fs.writeFileSync(${out}, "");
new (require("node:perf_hooks").PerformanceObserver)((list) => {
  fs.appendFileSync(${out}, list.getEntries().map((e) => JSON.stringify([e.startTime, e.duration])).join("\\n") + "\\n");
}).observe({ entryTypes: ["gc"] });
module.exports = require("./plugin.js");
`,
  );
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  /** Microseconds. */
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { command?: string; path?: string };
}

/** Per diagnostics request, in ms: the whole request and its phases, each with the collections inside it. */
interface Request {
  total: number;
  update: number;
  bind: number;
  check: number;
  gc: number;
  gcInCheck: number;
}

export interface PhaseRow {
  readonly requests: number;
  /** Medians, ms. `rest`: the request minus the program update and the type check (the plugin's part, the conversion). */
  readonly total: number;
  readonly update: number;
  readonly bind: number;
  readonly checkWithoutGc: number;
  readonly rest: number;
  /** Mean collection time per request, ms. */
  readonly gc: number;
}

/** The medians of each project's `semanticDiagnosticsSync` requests after `skip` warm-up requests; projects by root folder. */
export function phaseSplit(traceDirectory: string, roots: readonly string[], skip: number): PhaseRow[] {
  const traceFile = fs.readdirSync(traceDirectory).find((f) => /^trace\.\d+\.json$/.test(f));
  if (!traceFile) throw new Error(`no trace in ${traceDirectory}`);
  const events = JSON.parse(fs.readFileSync(path.join(traceDirectory, traceFile), "utf8")) as TraceEvent[];
  const gcs = fs
    .readFileSync(path.join(traceDirectory, GC_FILE), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const gcWithin = (from: number, to: number): number => {
    let ms = 0;
    for (const [start, duration] of gcs) {
      if (start >= to) break;
      if (start + duration > from) ms += Math.min(to, start + duration) - Math.max(from, start);
    }
    return ms;
  };

  const byRoot = new Map<number, Request[]>(roots.map((_, i) => [i, []]));
  let current: { start: number; root?: number; r: Request } | undefined;
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (e.name === "executeCommand") {
      if (e.ph === "B") current = e.args?.command === "semanticDiagnosticsSync" ? { start: e.ts / 1000, r: { total: 0, update: 0, bind: 0, check: 0, gc: 0, gcInCheck: 0 } } : undefined;
      else if (e.ph === "E" && current) {
        current.r.total = e.ts / 1000 - current.start;
        current.r.gc = gcWithin(current.start, e.ts / 1000);
        if (current.root !== undefined) byRoot.get(current.root)!.push(current.r);
        current = undefined;
      }
      continue;
    }
    if (!current || !["updateGraph", "bindSourceFile", "checkSourceFile"].includes(e.name)) continue;
    const file = e.args?.path;
    const root = file === undefined ? -1 : roots.findIndex((r) => file.startsWith(r + path.sep));
    if (root >= 0) current.root = root;
    let span: [number, number] | undefined;
    if (e.ph === "X") span = [e.ts / 1000, (e.ts + e.dur!) / 1000];
    else if (e.ph === "B") open.push(e);
    else if (e.ph === "E") span = [open.pop()!.ts / 1000, e.ts / 1000];
    if (!span) continue;
    const ms = span[1] - span[0];
    if (e.name === "updateGraph") current.r.update += ms;
    // The edited file's binding: the lib files are bound once, when the server opens them.
    else if (e.name === "bindSourceFile" && root >= 0) current.r.bind += ms;
    else if (e.name === "checkSourceFile") {
      current.r.check += ms;
      current.r.gcInCheck += gcWithin(span[0], span[1]);
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  return roots.map((_, i) => {
    const rs = byRoot.get(i)!.slice(skip);
    return {
      requests: rs.length,
      total: median(rs.map((r) => r.total)),
      update: median(rs.map((r) => r.update)),
      bind: median(rs.map((r) => r.bind)),
      checkWithoutGc: median(rs.map((r) => r.check - r.gcInCheck)),
      rest: median(rs.map((r) => r.total - r.update - r.check)),
      gc: rs.reduce((s, r) => s + r.gc, 0) / rs.length,
    };
  });
}

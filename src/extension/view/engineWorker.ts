// The engine worker's entry (dist/engineWorker.js): loads the analysis (with `typescript`) on its
// own thread and answers the extension host's requests (engineProtocol.ts). Each request runs in a
// turn of its own, so a cancel that arrives before it starts drops it; a long request yields
// between files, where other requests (a lens for the file just opened) run and a cancel is seen.
// Inside a file the thread reads no messages: there the analysis asks, between functions, the
// cancel flags the host shares with it (a SharedArrayBuffer), and stops when its request's is set.
import { parentPort, workerData } from "node:worker_threads";
import * as api from "./engineApi";
import { LONG_METHODS, isCancelFlagged, type FromWorker, type ToWorker, type WorkerData } from "./engineProtocol";
import { keepResultsIn } from "./resultStore";

const port = parentPort;
if (!port) throw new Error("engineWorker.js runs as a worker thread");

const data = (workerData ?? {}) as Partial<WorkerData>;
const flags = data.cancelFlags;
if (!keepResultsIn(data.storeDir)) port.postMessage({ type: "log", message: `results are not kept across sessions: cannot make ${String(data.storeDir)}` } satisfies FromWorker);

const cancelled = new Set<number>();
const post = (m: FromWorker): void => port.postMessage(m);

async function run(m: Extract<ToWorker, { type: "call" }>): Promise<void> {
  if (cancelled.delete(m.id)) {
    post({ type: "cancelled", id: m.id });
    return;
  }
  const ctx: api.RequestContext = {
    isCancelled: () => cancelled.has(m.id) || (flags !== undefined && isCancelFlagged(flags, m.id)),
    progress: (done, total, message) => post({ type: "progress", id: m.id, done, total, message }),
  };
  try {
    const method = api[m.method] as (...args: unknown[]) => unknown;
    const value = await method(...m.args, ...(LONG_METHODS.has(m.method) ? [ctx] : []));
    post(ctx.isCancelled() ? { type: "cancelled", id: m.id } : { type: "result", id: m.id, value });
  } catch (err) {
    // A request stopped inside a file (AnalysisCancelled) was cancelled, not failed.
    if (ctx.isCancelled()) post({ type: "cancelled", id: m.id });
    else post({ type: "error", id: m.id, message: err instanceof Error ? err.message : String(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) });
  } finally {
    cancelled.delete(m.id);
  }
}

port.on("message", (m: ToWorker) => {
  if (m.type === "cancel") cancelled.add(m.id);
  else setImmediate(() => void run(m));
});

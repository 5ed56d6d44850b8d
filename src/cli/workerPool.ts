// Worker threads for large workspaces: each worker owns its own Project over all the files (so
// cross-file summaries resolve as on one thread) and reports the batches of files it is handed;
// results come back as plain data, in the files' order. This module is also the workers' entry:
// loaded in a worker with `aalpWorker` data, it serves batches.
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { ReportedFile, ReporterSetup } from "./fileReporter";

const BATCH = 16;
const MAIN_THREAD_STACK_MB = 984 / 1024;

type ToWorker = { readonly start: number; readonly files: string[] } | { readonly stop: true };
type FromWorker = { readonly start: number; readonly results: ReportedFile[] } | { readonly error: string };

/** Files not handed out before `deadline` (the run's time budget) are left out of the result (undefined). */
export function reportInWorkers(files: readonly string[], setup: ReporterSetup, workers: number, onProgress: (done: number) => void, deadline = Infinity): Promise<(ReportedFile | undefined)[]> {
  const results: (ReportedFile | undefined)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    let running = 0;
    const fail = (err: Error): void => {
      for (const w of pool) void w.terminate();
      reject(err);
    };
    const feed = (w: Worker): void => {
      if (next >= files.length || Date.now() > deadline) {
        w.postMessage({ stop: true } satisfies ToWorker);
        return;
      }
      const start = next;
      next = Math.min(files.length, next + BATCH);
      w.postMessage({ start, files: files.slice(start, next) } satisfies ToWorker);
    };
    for (let i = 0; i < Math.min(workers, Math.ceil(files.length / BATCH)); i++) {
      // The main thread's stack size (V8's 984 KB), not a worker's default 4 MB: a file nested too
      // deeply is skipped alike on one thread and in workers, and a deep hostile file is not
      // analysed four times deeper (at quadratic cost) in a worker.
      const w = new Worker(__filename, { workerData: { aalpWorker: setup }, resourceLimits: { stackSizeMb: MAIN_THREAD_STACK_MB } });
      pool.push(w);
      running++;
      w.on("message", (m: FromWorker) => {
        if ("error" in m) return fail(new Error(m.error));
        m.results.forEach((r, j) => (results[m.start + j] = r));
        done += m.results.length;
        onProgress(done);
        feed(w);
      });
      w.on("error", fail);
      w.on("exit", () => {
        if (--running === 0) resolve(results);
      });
      feed(w);
    }
    if (running === 0) resolve(results);
  });
}

function serve(setup: ReporterSetup): void {
  // Required in the worker only: the main thread, which orchestrates, never loads TypeScript.
  const { fileReporter } = require("./fileReporter") as typeof import("./fileReporter");
  const report = fileReporter(setup);
  parentPort!.on("message", (m: ToWorker) => {
    if ("stop" in m) return parentPort!.close();
    try {
      parentPort!.postMessage({ start: m.start, results: m.files.map(report) } satisfies FromWorker);
    } catch (err) {
      parentPort!.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies FromWorker);
    }
  });
}

const data = workerData as { aalpWorker?: ReporterSetup } | null;
if (!isMainThread && data?.aalpWorker) serve(data.aalpWorker);

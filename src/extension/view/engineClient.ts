// The extension host's side of the engine worker: starts it (at activation, so the engine loads
// off the editor's thread before the first lens needs it), sends requests and matches replies,
// cancels superseded ones, and restarts a worker that died, failing what it held. Free of
// `vscode`, so it is tested on plain Node with real workers.
import { Worker } from "node:worker_threads";
import { cancelFlags, flagCancelled, type FromWorker, type MethodArgs, type MethodName, type MethodResult, type ToWorker, type WorkerData } from "./engineProtocol";

/** A request the host no longer wants (a newer one with the same key, a closed document, disposal). */
export class EngineCancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

export interface EngineLog {
  info(text: string): void;
  error(what: string, err: unknown): void;
}

export interface CallOptions {
  /** A newer request with the same key cancels this one (one per document, one scan). */
  readonly key?: string;
  readonly onProgress?: (done: number, total: number, message: string) => void;
}

interface Pending {
  readonly key: string | undefined;
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
  readonly onProgress: CallOptions["onProgress"];
}

/** Restarts allowed in RESTART_WINDOW_MS: past them the worker stays down (a fault on every start). */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

export class EngineClient {
  private worker: Worker | undefined;
  /** The running worker's cancel flags: a new worker gets new ones (request ids go on from the last). */
  private flags: Int32Array | undefined;
  private readonly pending = new Map<number, Pending>();
  private readonly byKey = new Map<string, number>();
  private nextId = 1;
  private restarts: number[] = [];
  private disposed = false;
  /** Set when the worker kept dying: it is not started again. */
  private gaveUp = false;
  private readonly restartListeners: (() => void)[] = [];

  /** `storeDir`: where the worker keeps results across sessions (see resultStore.ts). */
  constructor(
    private readonly workerFile: string,
    private readonly log: EngineLog,
    private readonly storeDir?: string,
  ) {}

  /** Starts the worker (idempotent); it loads the engine at once. */
  start(): void {
    if (this.worker || this.disposed || this.gaveUp) return;
    const started = performance.now();
    const flags = cancelFlags();
    const workerData: WorkerData = { cancelFlags: flags, ...(this.storeDir !== undefined ? { storeDir: this.storeDir } : {}) };
    const worker = new Worker(this.workerFile, { workerData });
    this.worker = worker;
    this.flags = flags;
    worker.on("message", (m: FromWorker) => this.receive(m));
    worker.on("error", (err) => this.log.error("the engine worker", err));
    worker.on("exit", (code) => this.exited(worker, code));
    void this.call("ping").then(
      () => this.log.info(`engine worker ready in ${(performance.now() - started).toFixed(0)} ms`),
      () => undefined,
    );
  }

  /** Calls `fn` after the worker was restarted (its caches and the report's scan are gone). */
  onRestart(fn: () => void): void {
    this.restartListeners.push(fn);
  }

  call<M extends MethodName>(method: M, ...args: MethodArgs<M>): Promise<MethodResult<M>> {
    return this.request(method, args, {});
  }

  request<M extends MethodName>(method: M, args: MethodArgs<M>, options: CallOptions): Promise<MethodResult<M>> {
    this.start();
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error("the engine worker is not running"));
    if (options.key !== undefined) this.cancel(options.key);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { key: options.key, resolve: resolve as (v: unknown) => void, reject, onProgress: options.onProgress });
      if (options.key !== undefined) this.byKey.set(options.key, id);
      const message: ToWorker = { type: "call", id, method, args };
      try {
        worker.postMessage(message);
      } catch (err) {
        // Arguments that cannot be cloned (a proxy, a function): this request fails, nothing else.
        this.settle(id)?.reject(err);
      }
    });
  }

  /** Cancels the pending request with this key, if any: it rejects with EngineCancelled. */
  cancel(key: string): void {
    const id = this.byKey.get(key);
    if (id === undefined) return;
    this.settle(id)?.reject(new EngineCancelled());
    // The message drops a request not started yet; the flag stops one under way at its next function.
    if (this.flags) flagCancelled(this.flags, id);
    const message: ToWorker = { type: "cancel", id };
    this.worker?.postMessage(message);
  }

  dispose(): void {
    this.disposed = true;
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(new EngineCancelled());
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private receive(m: FromWorker): void {
    if (m.type === "log") {
      this.log.info(m.message);
      return;
    }
    if (m.type === "progress") {
      this.pending.get(m.id)?.onProgress?.(m.done, m.total, m.message);
      return;
    }
    const p = this.settle(m.id);
    if (!p) return;
    if (m.type === "result") p.resolve(m.value);
    else if (m.type === "cancelled") p.reject(new EngineCancelled());
    else p.reject(Object.assign(new Error(m.message), m.stack ? { stack: m.stack } : {}));
  }

  private settle(id: number): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    if (p.key !== undefined && this.byKey.get(p.key) === id) this.byKey.delete(p.key);
    return p;
  }

  private exited(worker: Worker, code: number): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const lost = [...this.pending.keys()];
    for (const id of lost) this.settle(id)?.reject(new Error(`the engine worker stopped (exit code ${code})`));
    if (this.disposed) return;
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      this.gaveUp = true;
      this.log.error("the engine worker", new Error(`it stopped ${MAX_RESTARTS + 1} times within ${RESTART_WINDOW_MS / 1000} s (exit code ${code}); not restarted until the window is reloaded`));
      return;
    }
    this.restarts.push(now);
    this.log.info(`engine worker stopped (exit code ${code}, ${lost.length} request${lost.length === 1 ? "" : "s"} failed); restarting`);
    this.start();
    for (const fn of this.restartListeners) fn();
  }
}

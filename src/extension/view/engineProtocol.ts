// The messages between the extension host (engineClient.ts) and the engine worker
// (engineWorker.ts). A request names a method of engineApi.ts; its arguments and result are plain
// data. The host cancels a request it no longer needs; the worker drops it if it has not started,
// a scan stops at its next file, and an analysis at its next function (through the shared flags).
import type * as EngineApi from "./engineApi";

export type EngineMethods = typeof EngineApi;
export type MethodName = keyof EngineMethods;
/** A method's arguments as the host sends them: without the worker's RequestContext. */
export type MethodArgs<M extends MethodName> = Parameters<EngineMethods[M]> extends [...infer A, EngineApi.RequestContext] ? A : Parameters<EngineMethods[M]>;
export type MethodResult<M extends MethodName> = Awaited<ReturnType<EngineMethods[M]>>;

export type ToWorker = { readonly type: "call"; readonly id: number; readonly method: MethodName; readonly args: readonly unknown[] } | { readonly type: "cancel"; readonly id: number };

export type FromWorker =
  | { readonly type: "result"; readonly id: number; readonly value: unknown }
  | { readonly type: "error"; readonly id: number; readonly message: string; readonly stack?: string }
  | { readonly type: "cancelled"; readonly id: number }
  | { readonly type: "progress"; readonly id: number; readonly done: number; readonly total: number; readonly message: string }
  | { readonly type: "log"; readonly message: string };

/** What the host hands the worker when it starts it. */
export interface WorkerData {
  /** Where results are kept across sessions (the extension's workspace storage); none when undefined. */
  readonly storeDir?: string;
  /** Cancel flags (see flagCancelled), read by the worker while its thread is inside an analysis. */
  readonly cancelFlags: Int32Array;
}

/** Slots of the cancel flags: request ids share them modulo this, each slot holding the last id cancelled. */
export const CANCEL_SLOTS = 1024;

export function cancelFlags(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(CANCEL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
}

export function flagCancelled(flags: Int32Array, id: number): void {
  Atomics.store(flags, id % flags.length, id);
}

export function isCancelFlagged(flags: Int32Array, id: number): boolean {
  return Atomics.load(flags, id % flags.length) === id;
}

/** Methods that take a RequestContext as their last argument. */
export const LONG_METHODS: ReadonlySet<MethodName> = new Set<MethodName>(["analyze", "scanSites", "reportScan"]);

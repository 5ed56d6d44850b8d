// The messages between the extension host (engineClient.ts) and the engine worker
// (engineWorker.ts). A request names a method of engineApi.ts; its arguments and result are plain
// data. The host cancels a request it no longer needs; the worker drops it if it has not started,
// and a long one (a scan) stops at its next file.
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
  | { readonly type: "progress"; readonly id: number; readonly done: number; readonly total: number; readonly message: string };

/** Methods that take a RequestContext as their last argument. */
export const LONG_METHODS: ReadonlySet<MethodName> = new Set<MethodName>(["scanSites", "reportScan"]);

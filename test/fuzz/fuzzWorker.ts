// The fuzz suite's worker: runs inputs [from, to) of a seed and reports each start and result, so
// that the parent can stop it when one input overruns its deadline (a hang) and name that input.
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { kindOf, runCase, type CaseLabel } from "./cases";

const { seed, from, to } = workerData as { seed: number; from: number; to: number };
// Untimed: a program and a pathological file first, so the engine's start-up (loading, compiling)
// is not charged to the first input timed.
for (const i of [0, 3]) runCase(seed, i);
for (let i = from; i < to; i++) {
  parentPort!.postMessage({ start: i, kind: kindOf(i) });
  let problems: string[];
  let label: CaseLabel = { shape: kindOf(i) };
  const started = performance.now();
  try {
    ({ problems, label } = runCase(seed, i));
  } catch (err) {
    problems = [`crash: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`];
  }
  parentPort!.postMessage({ done: i, problems, label, ms: performance.now() - started });
}

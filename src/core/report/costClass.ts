// The cost class of a finding: how its input grows with the loops around it. Shared by the text
// report's summary, diagnostics' thresholds and the status bar.
import type { Finding } from "../model";

export type CostClass = "constant" | "linear" | "quadratic" | "cubic+" | "unbounded" | "unknown";

export const CLASS_ORDER: readonly CostClass[] = ["constant", "linear", "quadratic", "cubic+", "unknown", "unbounded"];

/**
 * The highest total degree, over the input's monomials, in loop-count symbols: the counts of the
 * repetitions of the call (those its calls bound names, and `calls[…]` of earlier invocations).
 * A collection mapped inside one prompt is a size of that prompt, not a repetition: one call over
 * `contents.map(c => c.parts.map(…))` is constant in loop counts.
 */
export function loopDegree(f: Finding): number {
  if (f.inputTokens.kind !== "poly") return 0;
  const repeats = new Set(f.calls.kind === "poly" ? f.calls.poly.symbols() : []);
  const counts = new Set(f.symbols.filter((s) => s.kind === "count" && (repeats.has(s.name) || s.name.startsWith("calls["))).map((s) => s.name));
  let d = 0;
  for (const m of f.inputTokens.poly.dominant()) {
    let sum = 0;
    for (const [s, e] of Object.entries(m.factors)) if (counts.has(s)) sum += e;
    d = Math.max(d, sum);
  }
  return d;
}

export function costClass(f: Finding): CostClass {
  if (f.inputTokens.kind === "unknown") return "unknown";
  // A loop only data ends, or an SDK loop with no cap (a tool runner without max_iterations).
  if (f.loops.some((l) => l.dataDependent) || f.symbols.some((s) => s.unbounded && s.kind === "count")) return "unbounded";
  const d = loopDegree(f);
  return d === 0 ? "constant" : d === 1 ? "linear" : d === 2 ? "quadratic" : "cubic+";
}

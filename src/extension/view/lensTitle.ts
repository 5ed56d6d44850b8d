// The CodeLens line above an LLM call, led by what people scan for and short enough (≤ 60
// characters) not to clip at the minimap or in a split editor: `≈ $0.12 · quadratic in rounds ·
// gpt-4o`. The bounds and the sizes they were evaluated at go to the tooltip and the hover.
import { costClass, formatBound, loopDegree, type Finding, formatDollars } from "../../core";
import { estimateSummary, type PricedEstimate } from "./costEstimate";
import { tokenCount } from "./numbers";

export const LENS_MAX_CHARS = 60;
const MODEL_MAX_CHARS = 22;

/** How sure the number is: `≈` for a count at the assumed sizes, `≤` for an upper bound's (Estimate.exact). */
export function estimateMark(e: PricedEstimate): string {
  return e.exact ? "≈" : "≤";
}

/** `$0.12`, `2.2k tokens` when the model has no price, undefined when the input size is unknown. */
function amount(e: PricedEstimate): string | undefined {
  if (e.usd !== undefined) return formatDollars(e.usd);
  return Number.isFinite(e.inputTokens) ? `${tokenCount(e.inputTokens)} tokens` : undefined;
}

/** The loop counts the input grows with at its leading degree, in the bounds' print order. */
export function growthDrivers(f: Finding): string[] {
  if (f.inputTokens.kind !== "poly") return [];
  const counts = new Set(f.symbols.filter((s) => s.kind === "count").map((s) => s.name));
  const degree = loopDegree(f);
  const drivers = new Set<string>();
  for (const m of f.inputTokens.poly.dominant()) {
    const inCounts = Object.entries(m.factors).filter(([s]) => counts.has(s));
    if (inCounts.reduce((sum, [, e]) => sum + e, 0) === degree) for (const [s] of inCounts) drivers.add(s);
  }
  return [...drivers].sort((a, b) => f.rank(a) - f.rank(b) || a.localeCompare(b));
}

/** `quadratic in rounds`, `linear in |tickets|`, `unbounded loop at line 14`, `constant`. */
export function growthPhrase(f: Finding): string {
  const cls = costClass(f);
  if (cls === "unknown") return "growth unknown";
  if (cls === "constant") return "constant";
  // A loop only data ends has no count worth naming (its symbol is made up): say where it is.
  const open = f.loops.find((l) => l.dataDependent);
  if (cls === "unbounded") return open ? `unbounded loop at line ${open.line}` : "unbounded loop";
  const drivers = growthDrivers(f);
  return drivers.length ? `${cls} in ${drivers.join("·")}` : cls;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function lensTitle(f: Finding, e: PricedEstimate): string {
  const cost = amount(e);
  const head = cost ? `${estimateMark(e)} ${cost}` : "cost unknown";
  const model = clip(f.model ?? "model not static", MODEL_MAX_CHARS);
  const room = LENS_MAX_CHARS - head.length - model.length - 2 * " · ".length;
  return [head, clip(growthPhrase(f), Math.max(room, 12)), model].join(" · ");
}

/** The lens's tooltip: the bounds and the sizes the number is at (the hover has the derivation). */
export function lensTooltip(f: Finding, e: PricedEstimate): string {
  return `${formatBound(f.inputTokens, f.rank)} input · ${formatBound(f.calls, f.rank)} calls · ${estimateSummary(e)}. Click for the derivation.`;
}

// The CodeLens line above an LLM call:
// `Θ(turns²·|q|) input · Θ(turns) calls · gpt-4.1 · ≈ $0.42 at turns=20, |q|=300`
import { formatBound, type Finding } from "../../core";
import { estimateSummary, type PricedEstimate } from "./costEstimate";

export function lensTitle(f: Finding, e: PricedEstimate): string {
  return [`${formatBound(f.inputTokens, f.rank)} input`, `${formatBound(f.calls, f.rank)} calls`, f.model ?? "model not static", estimateSummary(e)].join(" · ");
}

// Phrases every format shares: dollars, the assumptions behind them, the summary sentence.
import { formatDollars } from "../pricing";
import type { ReportModel } from "./model";

/** `≈ $0.42` for an exact estimate, `≤ $0.42` for an upper bound's (see Estimate.exact). */
export function dollarsText(d: number | null, exact = true): string {
  return d === null ? "unpriced" : `${exact ? "≈" : "≤"} ${formatDollars(d)}`;
}

/** "turns=20, |q|=300; other loop counts 10, sizes 200 tokens, uncapped outputs 300 tokens (defaults)". */
export function assumptionsText(model: ReportModel): string {
  const given = Object.entries(model.assumptions).map(([k, v]) => `${k}=${v}`);
  const d = model.defaults;
  const defaults = `${given.length ? "other " : ""}loop counts ${d.count}, sizes ${d.size} tokens, uncapped outputs ${d.output} tokens (defaults)`;
  return [...given, defaults].join(", ");
}

/** "20 LLM call sites and 3 loop calls of LLM-calling functions in 18 of 18 files (…)". */
export function summarySentence(model: ReportModel): string {
  const s = model.summary;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  // Calls of wrappers repeat their wrappers' requests: they are counted apart, never added to them.
  const wrappers = s.throughSites ? ` and ${plural(s.throughSites, "loop call")} of LLM-calling functions` : "";
  const byClass = [...s.byClass].reverse().map((c) => `${c.sites} ${c.costClass}`).join(", ");
  // Sites whose requests an outer site counts are listed but not classed again.
  const elsewhere = s.countedElsewhere ? `${byClass ? "; " : ""}${s.countedElsewhere} counted at an outer site` : "";
  return `${plural(s.directSites, "LLM call site")}${wrappers} in ${s.filesWithSites} of ${s.files} files${byClass || elsewhere ? ` (${byClass}${elsewhere})` : ""}${s.skipped ? `; ${s.skipped} skipped` : ""}`;
}

/** "Quick fixes on 3 sites would save ≈ $1.20 at these sizes." or nothing. */
export function fixesSentence(model: ReportModel): string | undefined {
  const f = model.summary.fixes;
  if (!f.sites) return undefined;
  const unpriced = f.unpriced ? ` (${f.unpriced} unpriced)` : "";
  return `Quick fixes on ${f.sites} site${f.sites === 1 ? "" : "s"} would save ${dollarsText(f.saves)} at these sizes${unpriced}.`;
}

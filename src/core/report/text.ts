// The text report for people: one block per finding, the derivation in a few lines, a summary.
import { formatBound } from "../algebra/bound";
import type { FileAnalysis } from "../model";
import { CLASS_ORDER, costClass, type CostClass } from "./costClass";

export function reportText(files: readonly FileAnalysis[], displayPath: (file: string) => string): string {
  const out: string[] = [];
  const classes = new Map<CostClass, number>();
  let count = 0;
  for (const fa of files) {
    for (const f of fa.findings) {
      count++;
      const cls = costClass(f);
      classes.set(cls, (classes.get(cls) ?? 0) + 1);
      const b = (x: Parameters<typeof formatBound>[0]): string => formatBound(x, f.rank);
      out.push(`${displayPath(fa.file)}:${f.line}:${f.column}  ${f.sdk} ${f.api}  model ${f.model ?? "(not static)"}  in ${f.functionName}  [${cls}]`);
      out.push(`  calls   ${b(f.calls)}`);
      // A wrapper's numbers are per invocation of the wrapper, which may make several requests.
      const per = f.through ? "per invocation" : "per call";
      out.push(`  input   ${b(f.inputTokens)}   ${per} ${b(f.inputPerCall)}`);
      out.push(`  output  ${b(f.outputTokens)}   ${per} ${b(f.outputPerCall)}`);
      out.push(`  gen     ${b(f.generationCost)}`);
      out.push(`  span    ${b(f.span)}`);
      out.push(`  growth  ${f.growth}`);
      for (const line of f.explanation) out.push(`    · ${line}`);
      for (const s of f.symbols.filter((s) => s.unbounded)) out.push(`    ! ${s.name}: ${s.origin}`);
      out.push("");
    }
  }
  const skipped = files.filter((f) => f.skipped);
  for (const s of skipped) out.push(`skipped ${displayPath(s.file)}: ${s.skipped}`);
  const byClass = CLASS_ORDER.filter((c) => classes.has(c)).map((c) => `${classes.get(c)} ${c}`).join(", ");
  const through = files.reduce((n, fa) => n + fa.findings.filter((f) => f.through).length, 0);
  const direct = count - through;
  // Calls of wrappers repeat their wrappers' requests: they are counted apart, never added to them.
  const wrappers = through ? ` and ${through} loop call${through === 1 ? "" : "s"} of LLM-calling functions` : "";
  out.push(`${direct} LLM call site${direct === 1 ? "" : "s"}${wrappers} in ${files.filter((f) => f.findings.length).length} of ${files.length} files${byClass ? ` (${byClass})` : ""}${skipped.length ? `; ${skipped.length} skipped` : ""}`);
  return out.join("\n") + "\n";
}

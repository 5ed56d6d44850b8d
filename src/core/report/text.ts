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
      out.push(`  input   ${b(f.inputTokens)}   per call ${b(f.inputPerCall)}`);
      out.push(`  output  ${b(f.outputTokens)}   per call ${b(f.outputPerCall)}`);
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
  out.push(`${count} LLM call site${count === 1 ? "" : "s"} in ${files.filter((f) => f.findings.length).length} of ${files.length} files${byClass ? ` (${byClass})` : ""}${skipped.length ? `; ${skipped.length} skipped` : ""}`);
  return out.join("\n") + "\n";
}

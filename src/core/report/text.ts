// The text report for people: one block per finding, the derivation in a few lines, a summary.
import { showControls } from "./escapeText";
import type { ReportModel } from "./model";
import { assumptionsText, dollarsText, fixesSentence, summarySentence } from "./wording";

export function reportText(model: ReportModel): string {
  const out: string[] = [];
  for (const f of model.sites) {
    out.push(`${f.file}:${f.line}:${f.column}  ${f.sdk} ${f.api}  model ${f.model ?? "(not static)"}  in ${f.function}  [${f.costClass}]${f.testCode ? "  (test code)" : ""}`);
    out.push(`  calls   ${f.calls.text}`);
    // A wrapper's numbers are per invocation of the wrapper, which may make several requests.
    const per = f.through ? "per invocation" : "per call";
    out.push(`  input   ${f.inputTokens.text}   ${per} ${f.inputTokensPerCall.text}`);
    out.push(`  output  ${f.outputTokens.text}   ${per} ${f.outputTokensPerCall.text}`);
    out.push(`  gen     ${f.generationCost.text}`);
    out.push(`  span    ${f.span.text}`);
    out.push(`  growth  ${f.growth}`);
    out.push(`  cost    ${f.dollars === null ? `unpriced: ${f.unpriced}` : dollarsText(f.dollars, f.estimate.exact)}`);
    for (const fix of f.fixes) out.push(`  fix     ${fix.title}${fix.saves !== null && fix.saves > 0 ? ` (saves ${dollarsText(fix.saves)})` : ""}`);
    for (const line of f.explanation) out.push(`    · ${line}`);
    for (const s of f.symbols.filter((s) => s.unbounded)) out.push(`    ! ${s.name}: ${s.origin}`);
    out.push("");
  }
  for (const s of model.skipped) out.push(`skipped ${s.file}: ${s.reason}`);
  out.push(`Dollars at ${assumptionsText(model)}.`);
  const fixes = fixesSentence(model);
  if (fixes) out.push(fixes);
  out.push(summarySentence(model));
  // Every line may carry the repository's strings: none of their control characters reach the terminal.
  return out.map(showControls).join("\n") + "\n";
}

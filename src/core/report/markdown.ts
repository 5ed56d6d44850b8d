// Markdown for pull-request comments and job summaries: a short summary, then one table row per
// site, worst first.
import { worstFirst, type ReportModel } from "./model";
import type { ReportSite } from "./sites";
import { markdownCode as code, markdownText } from "./escapeText";
import { assumptionsText, dollarsText, fixesSentence, summarySentence } from "./wording";

function row(s: ReportSite, testColumn: boolean): string {
  const cell = (text: string): string => code(text, true);
  const cells = [cell(`${s.file}:${s.line}`), cell(s.function), s.costClass, cell(s.inputTokens.text), cell(s.calls.text), cell(s.generationCost.text), cell(s.span.text), s.model ? cell(s.model) : "not static", dollarsText(s.dollars, s.estimate.exact), ...(testColumn ? [s.testCode ? "test" : ""] : [])];
  return `| ${cells.join(" | ")} |`;
}

export function reportMarkdown(model: ReportModel): string {
  const out = ["## AALP Lens: LLM cost", "", `${markdownText(summarySentence(model))}.`, "", `Dollars at ${markdownText(assumptionsText(model))}.`];
  const bySite = new Map(model.sites.map((s) => [s.site, s]));
  const worst = model.summary.worst.map((id) => bySite.get(id)!);
  if (worst.length) {
    out.push("", "Worst offenders:", "");
    for (const s of worst) out.push(`- ${code(`${s.file}:${s.line}`)} in ${code(s.function)}: ${s.costClass}, input ${code(s.inputTokens.text)}, ${dollarsText(s.dollars, s.estimate.exact)}`);
  }
  const fixes = fixesSentence(model);
  if (fixes) out.push("", markdownText(fixes));
  if (model.sites.length) {
    // The Test column appears when some site is in a test or fixture (left out of the gate by default).
    const testColumn = model.sites.some((s) => s.testCode);
    out.push("", `| Site | Function | Class | Input tokens | Calls | Generation | Span | Model | $ |${testColumn ? " Test |" : ""}`, `| --- | --- | --- | --- | --- | --- | --- | --- | ---: |${testColumn ? " --- |" : ""}`);
    for (const s of worstFirst(model.sites)) out.push(row(s, testColumn));
  }
  if (model.skipped.length) {
    out.push("", `Skipped: ${model.skipped.map((s) => `${code(s.file)} (${markdownText(s.reason)})`).join(", ")}.`);
  }
  return out.join("\n") + "\n";
}

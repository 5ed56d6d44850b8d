// The one place the extension reaches the advice (diagnostics, quick fixes) and pricing modules,
// so their signatures meet the editor's needs here and nowhere else.
import { ts } from "./typescriptModule";
import { dollarEstimate, estimate, ignoreCallEdit, quickFixesFor, type Advice, type AdviceSettings, type AnalyzeEdited, type Finding, type QuickFix, type TextEdit } from "../../core";
import type { PricedEstimate } from "./costEstimate";
import { markDefaults, withDefaultSizes } from "./defaultSizes";
import type { AalpSettings } from "./settingsModel";

export function adviceSettings(s: AalpSettings): AdviceSettings {
  return { warnDegree: s.warnDegree, severity: s.severity, windowSize: s.windowSize, summarizeBudgetTokens: s.summarizeBudgetTokens, concurrency: s.concurrency };
}

/**
 * The fixes for one piece of advice, on the document's current text, titled with dollars at the
 * sizes and prices the lenses use; `analyze`, the workspace project's re-analysis of an edited text.
 */
export function fixesFor(advice: Advice, fileName: string, text: string, settings: AalpSettings, assumptions: Readonly<Record<string, number>>, analyze?: AnalyzeEdited): QuickFix[] {
  const { assume } = withDefaultSizes([advice.finding], assumptions, settings.defaults);
  return quickFixesFor(ts, fileName, text, advice, { ...adviceSettings(settings), pricing: { assume, prices: settings.prices } }, analyze);
}

/** "Ignore this call": the `// @aalp ignore` line above the call, or undefined where none can go. */
export function ignoreEditFor(advice: Advice, fileName: string, text: string): TextEdit | undefined {
  return ignoreCallEdit(ts, fileName, text, advice.start);
}

/** Tokens at the assumed sizes (the user's defaults for the rest), and dollars when the model's price is known (settings override the table). */
export function pricedEstimate(f: Finding, assumptions: Readonly<Record<string, number>>, settings: AalpSettings): PricedEstimate {
  const { assume, filled } = withDefaultSizes([f], assumptions, settings.defaults);
  const d = dollarEstimate(f, assume, settings.prices);
  const tokens = d.dollars === null ? estimate(f, assume) : d.tokens;
  // Sizes listed as the bounds print them: loop counts, then sizes, then outputs.
  const at = [...tokens.at].sort((a, b) => f.rank(a.name) - f.rank(b.name) || a.name.localeCompare(b.name));
  return markDefaults(d.dollars === null ? { ...tokens, at, unpriced: d.reason } : { ...tokens, at, usd: d.dollars }, filled);
}

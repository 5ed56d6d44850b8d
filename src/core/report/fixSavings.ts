// What the suggested quick fixes would save: each fix of a site's advice applied to the file's text,
// the call re-analysed (as the fix's own title does), and both bounds priced at the assumptions.
// The re-analysis does not depend on the assumptions, so it is a step of its own (fixOutcomes) that
// the editor keeps per file; pricing (priceAdvice) is cheap and redone for any assumptions.
import type { TS } from "../binder/scopes";
import { adviseFindings, quickFixesFor, type AdviceSettings, type AnalyzeEdited, type QuickFixId } from "../advice";
import { findingAfter } from "../advice/fixes/context";
import { callAt, parseSource } from "../advice/source";
import type { Finding } from "../model";
import { dollarEstimate, type PriceOverrides } from "../pricing";
import { roundDollars } from "./roundDollars";

export interface SiteAdvice {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  /** Other codes of the same finding, shown with it (see Advice.related). */
  readonly related: readonly { readonly code: string; readonly message: string }[];
}

export interface SiteFix {
  readonly id: QuickFixId;
  readonly title: string;
  readonly before: string;
  readonly after: string;
  /** The site's dollars at the assumptions once the fix is applied; null when unpriced. */
  readonly dollarsAfter: number | null;
  /** Dollars saved at the assumptions (before − after); null when either side is unpriced. */
  readonly saves: number | null;
}

/** The file's text, for the advice and the fixes' re-analysis. */
export interface AdviceInput {
  readonly ts: TS;
  readonly fileName: string;
  readonly text: string;
  readonly settings: AdviceSettings;
  /** Apply and re-analyse the quick fixes too (the costly part). */
  readonly fixes: boolean;
  /** The analysis's syntax tree of `text`, reused instead of parsing again. */
  readonly sourceFile?: import("typescript").SourceFile;
  /** The project's re-analysis of an edited text: fixes at the call of another module's wrapper are verified with its summary. */
  readonly analyze?: AnalyzeEdited;
}

/** A quick fix applied to the file and its call re-analysed; undefined `finding`: the call is gone or not understood. */
export interface FixOutcome extends Omit<SiteFix, "dollarsAfter" | "saves"> {
  readonly finding: Finding | undefined;
}

/** One finding's advice and its fixes' outcomes, at no assumptions yet. */
export interface SiteOutcomes {
  readonly advice: SiteAdvice[];
  readonly fixes: FixOutcome[];
}

export interface PricedAdvice {
  readonly advice: SiteAdvice[];
  readonly fixes: SiteFix[];
}

/** The advice of each finding of one file, in the findings' order, with its fixes applied and re-analysed. */
export function fixOutcomes(findings: readonly Finding[], input: AdviceInput): SiteOutcomes[] {
  const all = adviseFindings(findings, input.settings, input);
  const src = parseSource(input.ts, input.fileName, input.text, input.sourceFile);
  return findings.map((f) => {
    const mine = all.filter((a) => a.finding === f);
    const seen = new Set<string>();
    const fixes: FixOutcome[] = [];
    for (const a of input.fixes ? mine : []) {
      const call = callAt(src, a.start, a.end);
      if (!call) continue;
      for (const fix of quickFixesFor(input.ts, input.fileName, input.text, a, input.settings, input.analyze)) {
        if (seen.has(fix.label)) continue;
        seen.add(fix.label);
        const finding = findingAfter({ src, fileName: input.fileName, call, advice: a, settings: input.settings, ...(input.analyze ? { analyze: input.analyze } : {}) }, fix.edits);
        // The label: a report prices the fix at its own assumptions, not the title's default sizes.
        fixes.push({ id: fix.id, title: fix.label, before: fix.before, after: fix.after, finding });
      }
    }
    return { advice: mine.map((a) => ({ code: a.code, severity: a.severity, message: a.message, related: a.related })), fixes };
  });
}

/** Each finding's fixes priced at the assumptions: dollars after, and what they save. */
export function priceAdvice(findings: readonly Finding[], outcomes: readonly SiteOutcomes[], assume: Readonly<Record<string, number>>, prices?: PriceOverrides): PricedAdvice[] {
  return findings.map((f, i) => {
    const before = dollarEstimate(f, assume, prices).dollars;
    const fixes = outcomes[i]!.fixes.map(({ finding, ...fix }): SiteFix => {
      const dollarsAfter = finding ? roundDollars(dollarEstimate(finding, assume, prices).dollars) : null;
      const saves = before !== null && dollarsAfter !== null ? roundDollars(before - dollarsAfter) : null;
      return { ...fix, dollarsAfter, saves };
    });
    return { advice: outcomes[i]!.advice, fixes };
  });
}

// What the suggested quick fixes would save: each fix of a site's advice applied to the file's text,
// the call re-analysed (as the fix's own title does), and both bounds priced at the assumptions.
import type { TS } from "../binder/scopes";
import { adviseFindings, quickFixesFor, type AdviceSettings, type QuickFixId } from "../advice";
import { findingAfter } from "../advice/fixes/context";
import { callAt, parseSource } from "../advice/source";
import type { Finding } from "../model";
import { dollarEstimate, type PriceOverrides } from "../pricing";
import { roundDollars } from "./roundDollars";

export interface SiteAdvice {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
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
  /** Price the quick fixes too (each is applied and re-analysed: the costly part). */
  readonly fixes: boolean;
  /** The analysis's syntax tree of `text`, reused instead of parsing again. */
  readonly sourceFile?: import("typescript").SourceFile;
}

export interface PricedAdvice {
  readonly advice: SiteAdvice[];
  readonly fixes: SiteFix[];
}

/** The advice and priced fixes of each finding of one file, in the findings' order. */
export function adviceOfFile(findings: readonly Finding[], input: AdviceInput, assume: Readonly<Record<string, number>>, prices?: PriceOverrides): PricedAdvice[] {
  const all = adviseFindings(findings, input.settings, input);
  const src = parseSource(input.ts, input.fileName, input.text, input.sourceFile);
  return findings.map((f) => {
    const mine = all.filter((a) => a.finding === f);
    const before = dollarEstimate(f, assume, prices).dollars;
    const seen = new Set<string>();
    const fixes: SiteFix[] = [];
    for (const a of input.fixes ? mine : []) {
      const call = callAt(src, a.start, a.end);
      if (!call) continue;
      for (const fix of quickFixesFor(input.ts, input.fileName, input.text, a, input.settings)) {
        if (seen.has(fix.title)) continue;
        seen.add(fix.title);
        const after = findingAfter({ src, fileName: input.fileName, call, advice: a, settings: input.settings }, fix.edits);
        const dollarsAfter = after ? roundDollars(dollarEstimate(after, assume, prices).dollars) : null;
        const saves = before !== null && dollarsAfter !== null ? roundDollars(before - dollarsAfter) : null;
        fixes.push({ id: fix.id, title: fix.title, before: fix.before, after: fix.after, dollarsAfter, saves });
      }
    }
    return { advice: mine.map((a) => ({ code: a.code, severity: a.severity, message: a.message })), fixes };
  });
}

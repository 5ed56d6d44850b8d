// What the editors show for a finding beyond its bounds: diagnostics with stable codes, and quick
// fixes that change the complexity class. Shared by the VS Code extension and the tsserver plugin.
import type { Finding } from "../model";
import type { PriceOverrides } from "../pricing/prices";

/** Stable diagnostic codes, one per kind of finding. */
export type DiagnosticCode =
  /** A history/accumulator re-sent on every iteration: input degree ≥ 2 in loop counts. */
  | "aalp.growing-history"
  /** A whole document, codebase or collection re-sent with every item of a loop. */
  | "aalp.whole-input-per-item"
  /** A loop whose exit only data decides, around an LLM call. */
  | "aalp.unbounded-loop"
  /** A large model used for a constant-size answer (classification, yes/no). */
  | "aalp.generalist-for-constant-output"
  /** Independent iterations awaited one after another (span = calls). */
  | "aalp.sequential-independent-calls";

export type Severity = "error" | "warning" | "information" | "hint";

/** A second reading of the same finding, shown with it rather than as a diagnostic of its own. */
export interface RelatedAdvice {
  readonly code: DiagnosticCode;
  /** The rule's message (see rules/) and the values of its placeholders. */
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  readonly message: string;
}

/** The function of another module that sends the request of a call of it: where a fix to what it adds to each request applies. */
export interface SentBy {
  readonly name: string;
  readonly file: string;
  /** 1-based: the line the function is declared on. */
  readonly line: number;
  readonly message: string;
}

export interface Advice {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** The rule's message (see rules/) and the values of its placeholders, with lines marked while `message` is. */
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  readonly message: string;
  /** Other codes that hold for the same call and bound (a growing history that keeps every version of a whole text). */
  readonly related: readonly RelatedAdvice[];
  /** Set on the call of a wrapper declared in another module: shown as related information at its declaration. */
  readonly sentBy?: SentBy;
  /** 0-based offsets of the range to underline (the call expression). */
  readonly start: number;
  readonly end: number;
  readonly finding: Finding;
}

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Every kind of quick fix (see fixes/): the execution test runs each. */
export const QUICK_FIX_IDS = ["scope-to-function", "reset-history", "window-history", "summarize-history", "parallelize", "parallelize-all", "route-smaller-model"] as const;
export type QuickFixId = (typeof QUICK_FIX_IDS)[number];

export interface QuickFix {
  readonly id: QuickFixId;
  /** What the fix does, without dollars: "Keep the last 8 messages and the system message" (a span fix names its span). */
  readonly label: string;
  /** The label and what it saves at default sizes: "…: $0.16 → $0.012 per run at default sizes". */
  readonly title: string;
  readonly code: DiagnosticCode;
  readonly edits: readonly TextEdit[];
  /** The bound the fix changes (input, or span), before and after: the formula for hovers and reports. */
  readonly before: string;
  readonly after: string;
  readonly isPreferred: boolean;
}

/** The sizes and prices a fix's title is priced at: the editor's, so that it agrees with the lenses. */
export interface FixPricing {
  /** Sizes by symbol name (keys come from the code: a null-prototype object or a copy of one). */
  readonly assume: Readonly<Record<string, number>>;
  readonly prices?: PriceOverrides;
}

export interface AdviceSettings {
  /** Degree in loop-count symbols at which growth is reported (default 2). */
  readonly warnDegree: number;
  readonly severity: Severity;
  /** N for "keep a sliding window" (default 8). */
  readonly windowSize: number;
  /** Token budget after which older turns are summarised (default 4000). */
  readonly summarizeBudgetTokens: number;
  /** Bounded concurrency for "run in parallel" (default 4). */
  readonly concurrency: number;
  /** Where absent, fix titles are priced at the core's default sizes and the price table. */
  readonly pricing?: FixPricing;
}

export const DEFAULT_ADVICE_SETTINGS: AdviceSettings = { warnDegree: 2, severity: "warning", windowSize: 8, summarizeBudgetTokens: 4000, concurrency: 4 };

// The extension's settings as plain data, shared by the editor glue (which reads them from
// `aalp.*`) and the engine side (which only ever sees this shape).
import type { Severity, PriceOverrides } from "../../core";

export interface DefaultSizes {
  /** Iterations of a loop. */
  readonly count: number;
  /** Tokens of a string or an element. */
  readonly size: number;
  /** Tokens a call writes when no `max_tokens` caps it. */
  readonly output: number;
}

/** The core's DEFAULT_ASSUMPTIONS (src/core/report/estimate.ts), restated: the editor glue, which reads the settings, must not bundle the core (a unit test keeps the two equal). */
export const BUILT_IN_DEFAULTS: DefaultSizes = { count: 10, size: 200, output: 300 };

export interface AalpSettings {
  readonly lensesEnabled: boolean;
  readonly diagnosticsEnabled: boolean;
  readonly warnDegree: number;
  readonly severity: Severity;
  /** USD per million tokens, by model id; they win over the bundled price table. */
  readonly prices: PriceOverrides;
  readonly assumptions: Readonly<Record<string, number>>;
  /** Sizes for the symbols no assumption or `@aalp` comment sets. */
  readonly defaults: DefaultSizes;
  /** Names of the user's own functions that send an LLM request. */
  readonly wrappers: readonly string[];
  readonly include: string;
  readonly exclude: readonly string[];
  readonly windowSize: number;
  readonly summarizeBudgetTokens: number;
  readonly concurrency: number;
  /** Analysis time one file may take before it is skipped as "analysis budget exceeded (in <function>)". */
  readonly fileBudgetMs: number;
}

export const DEFAULT_SETTINGS: AalpSettings = {
  lensesEnabled: true,
  diagnosticsEnabled: true,
  warnDegree: 2,
  severity: "warning",
  prices: {},
  assumptions: {},
  defaults: BUILT_IN_DEFAULTS,
  wrappers: [],
  include: "**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}",
  exclude: ["**/node_modules/**", "**/dist/**", "**/out/**", "**/*.d.ts"],
  windowSize: 8,
  summarizeBudgetTokens: 4000,
  concurrency: 4,
  fileBudgetMs: 5000,
};

/** `aalp.analysis.fileBudgetMs` as hand-edited settings may give it: a positive number (at most a day), else the default. */
export function budgetSetting(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? Math.min(v, 86_400_000) : fallback;
}

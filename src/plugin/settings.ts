// The plugin's settings: from tsconfig's `plugins` entry, overridden by the VS Code extension
// through configurePlugin. Unknown or ill-typed values fall back to the defaults.
import { DEFAULT_ADVICE_SETTINGS, type AdviceSettings, type ModelPrices, type PriceOverrides, type Severity } from "../core";
import { BUILT_IN_DEFAULTS, type DefaultSizes } from "../extension/view/settingsModel";

export interface PluginConfig {
  readonly enabled?: unknown;
  readonly warnDegree?: unknown;
  readonly severity?: unknown;
  readonly windowSize?: unknown;
  readonly summarizeBudgetTokens?: unknown;
  readonly concurrency?: unknown;
  readonly wrappers?: unknown;
  /** The editor's sizes and prices (aalp.assumptions, aalp.defaults.*, aalp.prices), for fix titles. */
  readonly assumptions?: unknown;
  readonly defaults?: unknown;
  readonly prices?: unknown;
}

/** What fix titles are priced at where the editor gave it: as its lenses are. */
export interface PluginPricing {
  /** Sizes by symbol name (null prototype: the names come from the code). */
  readonly assumptions: Readonly<Record<string, number>>;
  readonly defaults: DefaultSizes;
  readonly prices: PriceOverrides;
}

export interface PluginSettings {
  readonly enabled: boolean;
  readonly advice: AdviceSettings;
  readonly wrappers: readonly string[];
  /** Absent (other editors, a tsconfig entry alone): titles at the core's default sizes. */
  readonly pricing?: PluginPricing;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "information", "hint"];

const num = (v: unknown, d: number): number => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : d);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function pluginSettings(c: PluginConfig): PluginSettings {
  const given = c.assumptions !== undefined || c.defaults !== undefined || c.prices !== undefined;
  return {
    ...(given ? { pricing: pricingOf(c) } : {}),
    enabled: c.enabled !== false,
    wrappers: Array.isArray(c.wrappers) ? c.wrappers.filter((w): w is string => typeof w === "string") : [],
    advice: {
      warnDegree: num(c.warnDegree, DEFAULT_ADVICE_SETTINGS.warnDegree),
      severity: SEVERITIES.includes(c.severity as Severity) ? (c.severity as Severity) : DEFAULT_ADVICE_SETTINGS.severity,
      windowSize: num(c.windowSize, DEFAULT_ADVICE_SETTINGS.windowSize),
      summarizeBudgetTokens: num(c.summarizeBudgetTokens, DEFAULT_ADVICE_SETTINGS.summarizeBudgetTokens),
      concurrency: num(c.concurrency, DEFAULT_ADVICE_SETTINGS.concurrency),
    },
  };
}

function pricingOf(c: PluginConfig): PluginPricing {
  const d = isObject(c.defaults) ? c.defaults : {};
  const assumptions: Record<string, number> = Object.create(null);
  if (isObject(c.assumptions)) for (const [k, v] of Object.entries(c.assumptions)) if (typeof v === "number" && Number.isFinite(v) && v >= 0) assumptions[k] = v;
  const prices: Record<string, ModelPrices> = Object.create(null);
  if (isObject(c.prices))
    for (const [model, p] of Object.entries(c.prices)) {
      const price = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;
      if (isObject(p) && price(p.input) && price(p.output)) prices[model] = { input: p.input, output: p.output, ...(price(p.cachedInput) ? { cachedInput: p.cachedInput } : {}) };
    }
  return {
    assumptions,
    defaults: { count: num(d.count, BUILT_IN_DEFAULTS.count), size: num(d.size, BUILT_IN_DEFAULTS.size), output: num(d.output, BUILT_IN_DEFAULTS.output) },
    prices,
  };
}

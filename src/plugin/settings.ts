// The plugin's settings: from tsconfig's `plugins` entry, overridden by the VS Code extension
// through configurePlugin. Unknown or ill-typed values fall back to the defaults.
import { DEFAULT_ADVICE_SETTINGS, type AdviceSettings, type Severity } from "../core/advice/types";

export interface PluginConfig {
  readonly enabled?: unknown;
  readonly warnDegree?: unknown;
  readonly severity?: unknown;
  readonly windowSize?: unknown;
  readonly summarizeBudgetTokens?: unknown;
  readonly concurrency?: unknown;
  readonly wrappers?: unknown;
}

export interface PluginSettings {
  readonly enabled: boolean;
  readonly advice: AdviceSettings;
  readonly wrappers: readonly string[];
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "information", "hint"];

export function pluginSettings(c: PluginConfig): PluginSettings {
  const num = (v: unknown, d: number): number => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : d);
  return {
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

// Typed access to the `aalp.*` settings, read per resource (they are resource-scoped) and never
// cached in globals; listeners hear about changes that affect `aalp`.
import * as vscode from "vscode";
import type { Severity, PriceOverrides } from "../core";
import { DEFAULT_SETTINGS, budgetSetting, type AalpSettings } from "./view/settingsModel";

const SEVERITIES: readonly Severity[] = ["error", "warning", "information", "hint"];

export function readSettings(resource: vscode.Uri | undefined): AalpSettings {
  const c = vscode.workspace.getConfiguration("aalp", resource);
  const d = DEFAULT_SETTINGS;
  const severity = c.get<string>("diagnostics.severity", d.severity);
  return {
    lensesEnabled: c.get<boolean>("lenses.enabled", d.lensesEnabled),
    diagnosticsEnabled: c.get<boolean>("diagnostics.enabled", d.diagnosticsEnabled),
    warnDegree: c.get<number>("diagnostics.warnDegree", d.warnDegree),
    severity: SEVERITIES.includes(severity as Severity) ? (severity as Severity) : d.severity,
    prices: plain(c.get<PriceOverrides>("prices", {})),
    assumptions: plain(c.get<Record<string, number>>("assumptions", {})),
    defaults: {
      count: sizeSetting(c, "defaults.loopCount", d.defaults.count),
      size: sizeSetting(c, "defaults.sizeTokens", d.defaults.size),
      output: sizeSetting(c, "defaults.outputTokens", d.defaults.output),
    },
    wrappers: plain(c.get<string[]>("wrappers", [])),
    include: c.get<string>("include", d.include),
    exclude: plain(c.get<string[]>("exclude", [...d.exclude])),
    windowSize: c.get<number>("fixes.windowSize", d.windowSize),
    summarizeBudgetTokens: c.get<number>("fixes.summarizeBudgetTokens", d.summarizeBudgetTokens),
    concurrency: c.get<number>("fixes.concurrency", d.concurrency),
    fileBudgetMs: budgetSetting(c.get<unknown>("analysis.fileBudgetMs", d.fileBudgetMs), d.fileBudgetMs),
  };
}

/**
 * A copy of an object or array setting: the configuration hands out proxies, which cannot be
 * structured-cloned into the engine worker. Settings are JSON, so a JSON copy is exact.
 */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A number setting ≥ 0; anything else (a hand-edited settings.json) falls back to the default. */
function sizeSetting(c: vscode.WorkspaceConfiguration, key: string, fallback: number): number {
  const v = c.get<unknown>(key, fallback);
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : fallback;
}

/** Calls `listener` when a change touches `aalp.*` (or `files.exclude`, which the scan honours). */
export function onSettingsChange(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration("aalp") || e.affectsConfiguration("files.exclude")) listener();
  });
}

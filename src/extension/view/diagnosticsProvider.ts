// Who reports findings as diagnostics (with their quick fixes), so that each finding shows once:
// the tsserver plugin the extension ships (inside TypeScript's own diagnostics and code fixes), or
// the extension's own providers where no plugin runs. Plain data in, a choice out; the editor glue
// (typescriptPlugin.ts) gathers the facts.
import type { AalpSettings } from "./settingsModel";

/** The plugin's package name: node_modules/<name> in the extension, `contributes.typescriptServerPlugins`. */
export const TSSERVER_PLUGIN_NAME = "aalp-lens-tsserver-plugin";

/** The `source` of the plugin's diagnostics, as the TypeScript extension publishes them (their codes are numbers, 91001–91005). */
export const TSSERVER_DIAGNOSTIC_SOURCE = "aalp";

/** The `aalp.diagnostics.provider` setting. */
export type DiagnosticsProviderSetting = "auto" | "extension" | "tsserver";
export type DiagnosticsProvider = "extension" | "tsserver";

/** What the editor says about TypeScript's language features for one document. */
export interface TypeScriptSetup {
  /** `vscode.typescript-language-features` is installed and enabled. */
  readonly extensionPresent: boolean;
  /** Its API (`getAPI(0).configurePlugin`) answered, so settings can reach the plugin. */
  readonly apiAvailable: boolean;
  /** `js/ts.experimental.useTsgo` (formerly `typescript.experimental.useTsgo`): TypeScript 7, native, which loads no plugins. */
  readonly nativePreview: boolean;
  /** The TypeScript extension only runs a syntax server (`js/ts.tsserver.useSyntaxServer: "always"`): no semantic diagnostics. */
  readonly syntaxServerOnly: boolean;
  /** The TypeScript extension reports diagnostics for the document's language (`js/ts.validate.enabled`). */
  readonly validates: boolean;
}

export function readProviderSetting(value: unknown): DiagnosticsProviderSetting {
  return value === "extension" || value === "tsserver" ? value : "auto";
}

/** `auto` picks the plugin only where it runs and its diagnostics are shown; an explicit setting wins. */
export function chooseDiagnosticsProvider(setting: DiagnosticsProviderSetting, setup: TypeScriptSetup): DiagnosticsProvider {
  if (setting !== "auto") return setting;
  const pluginReports = setup.extensionPresent && setup.apiAvailable && !setup.nativePreview && !setup.syntaxServerOnly && setup.validates;
  return pluginReports ? "tsserver" : "extension";
}

/** The configuration sent through `configurePlugin`: the keys of src/plugin/settings.ts's PluginConfig. */
export interface PluginConfiguration {
  readonly enabled: boolean;
  readonly warnDegree: number;
  readonly severity: AalpSettings["severity"];
  readonly windowSize: number;
  readonly summarizeBudgetTokens: number;
  readonly concurrency: number;
  readonly wrappers: readonly string[];
  /** The sizes and prices the lenses use, so that the plugin's fix titles agree with them. */
  readonly assumptions: Readonly<Record<string, number>>;
  readonly defaults: AalpSettings["defaults"];
  readonly prices: AalpSettings["prices"];
}

/** The plugin reports only when it is the chosen provider and diagnostics are on at all. */
export function pluginConfiguration(settings: AalpSettings, provider: DiagnosticsProvider): PluginConfiguration {
  return {
    enabled: settings.diagnosticsEnabled && provider === "tsserver",
    warnDegree: settings.warnDegree,
    severity: settings.severity,
    windowSize: settings.windowSize,
    summarizeBudgetTokens: settings.summarizeBudgetTokens,
    concurrency: settings.concurrency,
    wrappers: settings.wrappers,
    assumptions: settings.assumptions,
    defaults: settings.defaults,
    prices: settings.prices,
  };
}

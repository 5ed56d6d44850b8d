// The bundled tsserver plugin, seen from the extension: settings reach it through the TypeScript
// extension's `configurePlugin` API, and one place reports each finding — the plugin inside
// TypeScript's diagnostics where it runs, the extension's own diagnostics and fixes elsewhere
// (TypeScript 7 native, no TypeScript extension, validation off). The choice itself is
// view/diagnosticsProvider.ts; this module reads the editor's state for it.
import * as vscode from "vscode";
import type { ActivityLog } from "./activityLog";
import { readSettings } from "./settings";
import { TSSERVER_PLUGIN_NAME, chooseDiagnosticsProvider, pluginConfiguration, readProviderSetting, type DiagnosticsProvider, type TypeScriptSetup } from "./view/diagnosticsProvider";

const TS_EXTENSION_ID = "vscode.typescript-language-features";

interface TypeScriptApi {
  configurePlugin(pluginId: string, configuration: unknown): void;
}
interface TypeScriptExports {
  getAPI?(version: 0): TypeScriptApi | undefined;
}

/** The settings the choice depends on besides `aalp.*` (read the way the TypeScript extension does). */
const TYPESCRIPT_SETTINGS = [
  "js/ts.experimental.useTsgo",
  "typescript.experimental.useTsgo",
  "js/ts.tsserver.useSyntaxServer",
  "typescript.tsserver.useSyntaxServer",
  "js/ts.validate.enabled",
  "typescript.validate.enable",
  "javascript.validate.enable",
];

export function affectsTypeScriptSetup(e: vscode.ConfigurationChangeEvent): boolean {
  return TYPESCRIPT_SETTINGS.some((s) => e.affectsConfiguration(s));
}

/**
 * A setting of the TypeScript extension: its unified `js/ts.*` name when set anywhere, else the
 * older per-language name (the extension's own fallback rule).
 */
function typeScriptSetting<T>(unified: string, legacySection: string, legacyName: string, fallback: T, scope?: vscode.ConfigurationScope): T {
  const js = vscode.workspace.getConfiguration("js/ts", scope);
  const i = js.inspect<T>(unified);
  const set =
    i !== undefined &&
    [i.globalValue, i.workspaceValue, i.workspaceFolderValue, i.globalLanguageValue, i.workspaceLanguageValue, i.workspaceFolderLanguageValue].some((v) => v !== undefined);
  return set ? js.get<T>(unified, fallback) : vscode.workspace.getConfiguration(legacySection, scope).get<T>(legacyName, fallback);
}

async function typeScriptApi(log: ActivityLog): Promise<TypeScriptApi | undefined> {
  const ext = vscode.extensions.getExtension<TypeScriptExports>(TS_EXTENSION_ID);
  if (!ext) return undefined;
  try {
    const exports = ext.isActive ? ext.exports : await ext.activate();
    const api = exports?.getAPI?.(0);
    return typeof api?.configurePlugin === "function" ? api : undefined;
  } catch (err) {
    log.error("reaching the TypeScript extension's API", err);
    return undefined;
  }
}

export class DiagnosticsRouting implements vscode.Disposable {
  private api: TypeScriptApi | undefined;
  private resolved = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the choice may have changed (the TypeScript extension appeared or went away). */
  readonly onDidChange = this.changed.event;
  /** Settles once the TypeScript extension's API has been looked up. */
  ready: Promise<void>;

  constructor(private readonly log: ActivityLog) {
    this.ready = this.resolve();
    this.disposables.push(
      this.changed,
      vscode.extensions.onDidChange(() => {
        this.ready = this.resolve();
      }),
    );
  }

  /** Who reports the findings of `doc`; undefined until the TypeScript extension has been asked. */
  providerFor(doc: vscode.TextDocument): DiagnosticsProvider | undefined {
    if (!this.resolved) return undefined;
    return chooseDiagnosticsProvider(this.setting(), this.setup({ uri: doc.uri, languageId: doc.languageId }));
  }

  /** Sends the current `aalp.*` settings, and whether to report at all, to the plugin. Call after a settings change. */
  configurePlugin(): void {
    if (!this.api) return;
    // The plugin's configuration is one per tsserver: the first folder's settings, TypeScript's own validation aside.
    const resource = vscode.workspace.workspaceFolders?.[0]?.uri;
    const provider = chooseDiagnosticsProvider(this.setting(), this.setup(resource, true));
    try {
      this.api.configurePlugin(TSSERVER_PLUGIN_NAME, pluginConfiguration(readSettings(resource), provider));
    } catch (err) {
      this.log.error("configuring the tsserver plugin", err);
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  private async resolve(): Promise<void> {
    this.api = await typeScriptApi(this.log);
    this.resolved = true;
    this.configurePlugin();
    this.changed.fire();
  }

  private setting() {
    return readProviderSetting(vscode.workspace.getConfiguration("aalp").get<string>("diagnostics.provider"));
  }

  private setup(scope: vscode.ConfigurationScope | undefined, validates?: boolean): TypeScriptSetup {
    const languageId = scope && "languageId" in scope ? scope.languageId : undefined;
    const legacy = languageId?.startsWith("javascript") ? "javascript" : "typescript";
    return {
      extensionPresent: vscode.extensions.getExtension(TS_EXTENSION_ID) !== undefined,
      apiAvailable: this.api !== undefined,
      nativePreview: typeScriptSetting("experimental.useTsgo", "typescript", "experimental.useTsgo", false),
      syntaxServerOnly: typeScriptSetting<string>("tsserver.useSyntaxServer", "typescript", "tsserver.useSyntaxServer", "auto") === "always",
      validates: validates ?? typeScriptSetting("validate.enabled", legacy, "validate.enable", true, scope),
    };
  }
}

// A lens above each LLM call. provideCodeLenses only places them (positions come from the latest
// analysis, never a fresh one while typing); resolveCodeLens writes the title, which the engine
// worker formatted and priced with the analysis.
import * as vscode from "vscode";
import { unlessCancelled, type DocumentAnalyses } from "./engineHost";
import { readSettings } from "./settings";
import type { SiteView } from "./view/engineApi";

export const SHOW_DERIVATION_COMMAND = "aalp.showDerivation";
export const TOGGLE_LENSES_COMMAND = "aalp.toggleLenses";
export const TOGGLE_FILE_LENSES_COMMAND = "aalp.toggleLensesForFile";

/** Files whose lenses the user hid, kept per workspace (a reload keeps them hidden). */
const HIDDEN_FILES_KEY = "aalp.lenses.hiddenFiles";

class SiteLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly uri: vscode.Uri,
    readonly site: SiteView,
  ) {
    super(range);
  }
}

export class CostLensProvider implements vscode.CodeLensProvider<SiteLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  private readonly hidden: Set<string>;

  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly state: vscode.Memento,
  ) {
    this.hidden = new Set(state.get<string[]>(HIDDEN_FILES_KEY, []));
  }

  refresh(): void {
    this.changed.fire();
  }

  /** Shows or hides the lenses everywhere: flips `aalp.lenses.enabled` where its value is set (the user's settings when nowhere). */
  async toggleEverywhere(resource: vscode.Uri | undefined): Promise<boolean> {
    const config = vscode.workspace.getConfiguration("aalp", resource);
    const set = config.inspect<boolean>("lenses.enabled");
    const target =
      set?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder : set?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    const enabled = !readSettings(resource).lensesEnabled;
    await config.update("lenses.enabled", enabled, target);
    return enabled;
  }

  /** Shows or hides the lenses of one file only; returns whether they show now. */
  async toggleFile(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    const shown = this.hidden.has(key);
    if (shown) this.hidden.delete(key);
    else this.hidden.add(key);
    await this.state.update(HIDDEN_FILES_KEY, [...this.hidden]);
    this.refresh();
    return shown;
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<SiteLens[]> {
    if (!readSettings(doc.uri).lensesEnabled || this.hidden.has(doc.uri.toString())) return [];
    // Never wait for an analysis while the user types: serve the last one (positions clamp to the
    // new text) until the debounced refresh has analysed this version and asks for lenses again.
    const view = this.analyses.latest(doc) ?? (await unlessCancelled(this.analyses.get(doc)));
    return (view?.sites ?? []).map((s) => new SiteLens(new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.start)), doc.uri, s));
  }

  resolveCodeLens(lens: SiteLens): SiteLens {
    const s = lens.site;
    lens.command = { title: s.title, command: SHOW_DERIVATION_COMMAND, arguments: [lens.uri.toString(), s.start, s.line], tooltip: s.tooltip };
    return lens;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

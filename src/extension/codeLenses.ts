// A lens above each LLM call. provideCodeLenses only places them (positions come from the latest
// analysis, never a fresh one while typing); resolveCodeLens writes the title, the only part that
// formats and prices.
import * as vscode from "vscode";
import { loadEngine, type DocumentAnalyses } from "./engineHost";
import { readSettings } from "./settings";
import type { DocumentAnalysis } from "./view/engine";

export const SHOW_DERIVATION_COMMAND = "aalp.showDerivation";
export const TOGGLE_LENSES_COMMAND = "aalp.toggleLenses";
export const TOGGLE_FILE_LENSES_COMMAND = "aalp.toggleLensesForFile";

/** Files whose lenses the user hid, kept per workspace (a reload keeps them hidden). */
const HIDDEN_FILES_KEY = "aalp.lenses.hiddenFiles";

class SiteLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly uri: vscode.Uri,
    readonly analysis: DocumentAnalysis,
    readonly index: number,
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

  provideCodeLenses(doc: vscode.TextDocument): SiteLens[] {
    if (!readSettings(doc.uri).lensesEnabled || this.hidden.has(doc.uri.toString())) return [];
    // Never analyse while the user types: serve the last analysis (positions clamp to the new
    // text) until the debounced refresh has analysed this version and asks for lenses again.
    const analysis = this.analyses.latest(doc) ?? this.analyses.get(doc);
    return analysis.findings.map((f, i) => new SiteLens(new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.start)), doc.uri, analysis, i));
  }

  resolveCodeLens(lens: SiteLens): SiteLens {
    const engine = loadEngine();
    const f = lens.analysis.findings[lens.index]!;
    const estimate = engine.siteEstimate(lens.analysis, f, readSettings(lens.uri));
    lens.command = { title: engine.lensTitle(f, estimate), command: SHOW_DERIVATION_COMMAND, arguments: [lens.uri.toString(), f.start, f.line], tooltip: engine.lensTooltip(f, estimate) };
    return lens;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

// A lens above each LLM call. provideCodeLenses only places them (positions come from the latest
// analysis, never a fresh one while typing); resolveCodeLens writes the title, the only part that
// formats and prices.
import * as vscode from "vscode";
import { loadEngine, type DocumentAnalyses } from "./engineHost";
import { readSettings } from "./settings";
import type { DocumentAnalysis } from "./view/engine";

export const SHOW_DERIVATION_COMMAND = "aalp.showDerivation";

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

  constructor(private readonly analyses: DocumentAnalyses) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): SiteLens[] {
    if (!readSettings(doc.uri).lensesEnabled) return [];
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

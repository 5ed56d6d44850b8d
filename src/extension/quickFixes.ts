// Quick fixes for our diagnostics: each one the advice module offers for the diagnostic's site,
// turned into a WorkspaceEdit. Keyed by the diagnostic's code and start, never by its message.
import * as vscode from "vscode";
import { loadEngine, type DocumentAnalyses } from "./engineHost";
import { DIAGNOSTIC_SOURCE } from "./diagnostics";
import { readSettings } from "./settings";

export class CostQuickFixProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analyses: DocumentAnalyses) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const analysis = this.analyses.get(doc);
    const engine = loadEngine();
    const settings = readSettings(doc.uri);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const start = doc.offsetAt(diagnostic.range.start);
      const advice = analysis.advice.find((a) => a.code === diagnostic.code && a.start === start);
      if (!advice) continue;
      for (const fix of engine.fixesFor(advice, doc.fileName, doc.getText(), settings)) {
        // A refined kind (`quickfix.aalp.window-history`) lets keybindings and tests pick one fix.
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix.append("aalp").append(fix.id));
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred;
        actions.push(action);
      }
    }
    return actions;
  }
}

// Quick fixes for AALP diagnostics: each one the advice module offers for the diagnostic's site,
// turned into a WorkspaceEdit, then "Ignore this call" and "Show documentation" for its rules.
// Keyed by the diagnostic's code and start, never by its message.
//
// Two kinds of diagnostics carry findings: the extension's own (source "AALP Lens", string codes)
// and the tsserver plugin's (source "aalp", numeric codes 91001–91005). The plugin answers
// `getCodeFixes` itself, but VS Code's TypeScript extension never asks it: it decides which codes
// are fixable once, from `getSupportedCodeFixes` without a file, which TypeScript answers from its
// own table, bypassing plugins (microsoft/vscode#219273). So in VS Code the fixes for the plugin's
// diagnostics come from here, once; editors that ask tsserver directly get the plugin's.
import * as vscode from "vscode";
import { loadEngine, type DocumentAnalyses } from "./engineHost";
import { DIAGNOSTIC_SOURCE } from "./diagnostics";
import { readSettings } from "./settings";
import { TSSERVER_DIAGNOSTIC_SOURCE } from "./view/diagnosticsProvider";

export class CostQuickFixProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  /** `extensionUri`: the folder the rules' documentation pages ship in (docs/diagnostics/). */
  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly extensionUri: vscode.Uri,
  ) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE || d.source === TSSERVER_DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const analysis = this.analyses.get(doc);
    const engine = loadEngine();
    const settings = readSettings(doc.uri);
    const codeOf = (d: vscode.Diagnostic): string | undefined => {
      const code = typeof d.code === "object" ? d.code.value : d.code;
      if (d.source === DIAGNOSTIC_SOURCE) return typeof code === "string" ? code : undefined;
      return typeof code === "number" ? engine.codeOfNumber(code) : undefined;
    };
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const code = codeOf(diagnostic);
      const start = doc.offsetAt(diagnostic.range.start);
      const advice = code === undefined ? undefined : analysis.advice.find((a) => a.code === code && a.start === start);
      if (!advice) continue;
      for (const fix of engine.fixesFor(advice, doc.fileName, doc.getText(), settings, analysis.assumptions)) {
        // A refined kind (`quickfix.aalp.window-history`) lets keybindings and tests pick one fix.
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix.append("aalp").append(fix.id));
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred;
        actions.push(action);
      }
      const ignore = engine.ignoreEditFor(advice, doc.fileName, doc.getText());
      if (ignore) {
        const action = new vscode.CodeAction(`Ignore this call (${engine.IGNORE_COMMENT})`, vscode.CodeActionKind.QuickFix.append("aalp").append("ignore"));
        action.edit = new vscode.WorkspaceEdit();
        action.edit.insert(doc.uri, doc.positionAt(ignore.start), ignore.newText);
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
      // Like ESLint's "Show documentation for <rule>": one per code the finding holds.
      for (const c of [advice.code, ...advice.related.map((r) => r.code)]) {
        const action = new vscode.CodeAction(`Show documentation for ${c}`, vscode.CodeActionKind.QuickFix.append("aalp").append("docs"));
        action.command = { command: "markdown.showPreview", title: action.title, arguments: [vscode.Uri.joinPath(this.extensionUri, engine.docsPath(c))] };
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
    }
    return actions;
  }
}

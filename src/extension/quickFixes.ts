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
import { unlessCancelled } from "./engineHost";
import { DIAGNOSTIC_SOURCE } from "./diagnostics";
import { readSettings } from "./settings";
import type { EngineClient } from "./view/engineClient";
import { TSSERVER_DIAGNOSTIC_SOURCE } from "./view/diagnosticsProvider";

export class CostQuickFixProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  /** `extensionUri`: the folder the rules' documentation pages ship in (docs/diagnostics/). */
  constructor(
    private readonly engine: EngineClient,
    private readonly extensionUri: vscode.Uri,
  ) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token?: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE || d.source === TSSERVER_DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    // The plugin's codes are numbers, the extension's strings; the engine maps them to its advice.
    const targets = ours.map((d) => {
      const code = typeof d.code === "object" ? d.code.value : d.code;
      return { code: d.source === DIAGNOSTIC_SOURCE ? (typeof code === "string" ? code : "") : typeof code === "number" ? code : -1, start: doc.offsetAt(d.range.start) };
    });
    // Fixes apply and re-analyse in the worker; a newer request for this document (the cursor moved) supersedes this one.
    const key = `fixes:${doc.uri.toString()}`;
    const cancel = token?.onCancellationRequested(() => this.engine.cancel(key));
    const request = { fileName: doc.fileName, uri: doc.uri.toString(), text: doc.getText(), settings: readSettings(doc.uri) };
    const answers = await unlessCancelled(this.engine.request("quickFixes", [request, targets], { key })).finally(() => cancel?.dispose());
    if (!answers) return [];
    const actions: vscode.CodeAction[] = [];
    for (const [i, diagnostic] of ours.entries()) {
      const answer = answers[i];
      if (!answer) continue;
      for (const fix of answer.fixes) {
        // A refined kind (`quickfix.aalp.window-history`) lets keybindings and tests pick one fix.
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix.append("aalp").append(fix.id));
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred;
        actions.push(action);
      }
      if (answer.ignore) {
        const action = new vscode.CodeAction(answer.ignore.title, vscode.CodeActionKind.QuickFix.append("aalp").append("ignore"));
        action.edit = new vscode.WorkspaceEdit();
        action.edit.insert(doc.uri, doc.positionAt(answer.ignore.start), answer.ignore.newText);
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
      // Like ESLint's "Show documentation for <rule>": one per code the finding holds.
      for (const c of answer.docs) {
        const action = new vscode.CodeAction(`Show documentation for ${c.code}`, vscode.CodeActionKind.QuickFix.append("aalp").append("docs"));
        action.command = { command: "markdown.showPreview", title: action.title, arguments: [vscode.Uri.joinPath(this.extensionUri, c.path)] };
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
    }
    return actions;
  }
}

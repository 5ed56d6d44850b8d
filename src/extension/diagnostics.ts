// The advice as diagnostics with stable codes (the quick fixes key on them), plus unreadable
// `@aalp` comments. Recomputed when a document opens, pauses in editing, or settings change.
// Where the tsserver plugin reports the findings (typescriptPlugin.ts), only the comments remain.
import * as vscode from "vscode";
import type { Severity } from "../core";
import { unlessCancelled, type DocumentAnalyses } from "./engineHost";
import { readSettings } from "./settings";

export const DIAGNOSTIC_SOURCE = "AALP Lens";
export const ANNOTATION_CODE = "aalp.annotation";

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export class CostDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection("aalp");

  /** `extensionUri`: the folder the rules' documentation pages ship in, which each code links to. */
  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly extensionUri: vscode.Uri,
  ) {}

  /** `findings`: whether the extension reports the advice itself, or leaves it to the tsserver plugin. */
  async update(doc: vscode.TextDocument, findings: boolean): Promise<void> {
    if (!readSettings(doc.uri).diagnosticsEnabled) {
      this.collection.delete(doc.uri);
      return;
    }
    const analysis = await unlessCancelled(this.analyses.get(doc));
    // Superseded by a newer version (whose update follows), or closed meanwhile.
    if (!analysis || doc.isClosed) return;
    const out: vscode.Diagnostic[] = (findings ? analysis.advice : []).map((a) => {
      const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
      const d = new vscode.Diagnostic(range, a.message, SEVERITY[a.severity]);
      d.code = { value: a.code, target: vscode.Uri.joinPath(this.extensionUri, a.docs) };
      d.source = DIAGNOSTIC_SOURCE;
      const related = a.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(doc.uri, range), `${r.message} [${r.code}]`));
      // The wrapper of another module that sends the request: where a fix to what it adds applies.
      if (a.sentBy) related.push(new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(a.sentBy.file), new vscode.Position(a.sentBy.line - 1, 0)), a.sentBy.message));
      if (related.length) d.relatedInformation = related;
      return d;
    });
    for (const p of analysis.problems) {
      const line = doc.lineAt(Math.min(p.line - 1, doc.lineCount - 1));
      const d = new vscode.Diagnostic(line.range, p.message, vscode.DiagnosticSeverity.Information);
      d.code = ANNOTATION_CODE;
      d.source = DIAGNOSTIC_SOURCE;
      out.push(d);
    }
    this.collection.set(doc.uri, out);
  }

  clear(doc: vscode.TextDocument): void {
    this.collection.delete(doc.uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

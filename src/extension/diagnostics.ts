// The advice as diagnostics with stable codes (the quick fixes key on them), plus unreadable
// `@aalp` comments. Recomputed when a document opens, pauses in editing, or settings change.
// Where the tsserver plugin reports the findings (typescriptPlugin.ts), only the comments remain.
import * as vscode from "vscode";
import type { Severity } from "../core/advice/types";
import type { DocumentAnalyses } from "./engineHost";
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

  constructor(private readonly analyses: DocumentAnalyses) {}

  /** `findings`: whether the extension reports the advice itself, or leaves it to the tsserver plugin. */
  update(doc: vscode.TextDocument, findings: boolean): void {
    if (!readSettings(doc.uri).diagnosticsEnabled) {
      this.collection.delete(doc.uri);
      return;
    }
    const analysis = this.analyses.get(doc);
    const out: vscode.Diagnostic[] = (findings ? analysis.advice : []).map((a) => {
      const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
      const d = new vscode.Diagnostic(range, a.message, SEVERITY[a.severity]);
      d.code = a.code;
      d.source = DIAGNOSTIC_SOURCE;
      if (a.related.length) d.relatedInformation = a.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(doc.uri, range), `${r.message} [${r.code}]`));
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

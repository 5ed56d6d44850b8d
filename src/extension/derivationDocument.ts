// Clicking a lens opens its derivation as a read-only Markdown document (preview when available).
import * as vscode from "vscode";
import { unlessCancelled, type DocumentAnalyses } from "./engineHost";

export const DERIVATION_SCHEME = "aalp-derivation";

export class DerivationDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  /** `aalp-derivation:/LLM cost, <file name> line <line>.md?<source uri>#<offset>`: the path is the tab's title. */
  static uriFor(source: vscode.Uri, start: number, line: number): vscode.Uri {
    const name = source.path.split("/").pop() ?? "site";
    return vscode.Uri.from({ scheme: DERIVATION_SCHEME, path: `/LLM cost, ${name} line ${line}.md`, query: source.toString(), fragment: String(start) });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = vscode.Uri.parse(uri.query);
    const start = Number(uri.fragment);
    const doc = await vscode.workspace.openTextDocument(source);
    const view = await unlessCancelled(this.analyses.get(doc));
    const f = view?.sites.find((x) => x.start === start);
    return f ? f.derivation : "This LLM call is no longer in the document; click its lens again.";
  }
}

/** The lens's command: `line` (1-based) only names the tab; `start` finds the call. */
export async function showDerivation(source: string, start: number, line: number): Promise<void> {
  const uri = DerivationDocuments.uriFor(vscode.Uri.parse(source), start, line);
  try {
    await vscode.commands.executeCommand("markdown.showPreviewToSide", uri);
  } catch {
    // No Markdown extension (it can be disabled): the source is readable too.
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

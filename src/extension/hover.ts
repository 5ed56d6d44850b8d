// Hovering an LLM call shows its derivation, with line links that reveal the lines they name.
import * as vscode from "vscode";
import { unlessCancelled, type DocumentAnalyses } from "./engineHost";
import { REVEAL_LINE_COMMAND } from "./view/commandIds";

export class DerivationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const offset = doc.offsetAt(position);
    const view = await unlessCancelled(this.analyses.get(doc));
    // The innermost call around the cursor: a call passed as another call's argument wins.
    const f = view?.sites.filter((x) => x.start <= offset && offset <= x.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    if (!f) return undefined;
    const md = new vscode.MarkdownString(f.derivation);
    md.isTrusted = { enabledCommands: [REVEAL_LINE_COMMAND] };
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end)));
  }
}

/** `aalp.revealLine(uri, line)`: the target of the derivation's line links (1-based line). */
export async function revealLine(uri: string, line: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preserveFocus: false });
  const pos = new vscode.Position(Math.max(0, line - 1), 0);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

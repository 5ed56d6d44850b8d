// The status bar item: the workspace's worst cost class and how many sites have it. Filled by a
// scan of the files matching `aalp.include` minus `aalp.exclude` and `files.exclude`, then kept
// current file by file on save; clicking it lists the sites and offers the full report.
import * as vscode from "vscode";
import { duration, type ActivityLog } from "./activityLog";
import { loadEngine, type DocumentAnalyses } from "./engineHost";
import { isSupported } from "./languages";
import { readSettings } from "./settings";
import type { SiteRef, WorkspaceSummary } from "./view/workspaceSummary";

export const SHOW_SITES_COMMAND = "aalp.showSites";
export const SHOW_REPORT_COMMAND = "aalp.showReport";

export class WorkspaceCosts implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("aalp.status", vscode.StatusBarAlignment.Right, 100);
  private readonly byFile = new Map<string, SiteRef[]>();
  private scanning: Promise<void> = Promise.resolve();
  private generation = 0;
  private firstScanDone!: () => void;
  private readonly firstScan = new Promise<void>((resolve) => (this.firstScanDone = resolve));

  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly log: ActivityLog,
  ) {
    this.item.name = "AALP Lens";
    this.item.command = SHOW_SITES_COMMAND;
  }

  /** Rescans every workspace folder; a newer scan supersedes one still running. */
  rescan(): Promise<void> {
    const generation = ++this.generation;
    this.scanning = this.scan(generation);
    return this.scanning;
  }

  /** Settles once the first scan and the latest one have finished. */
  async whenScanned(): Promise<void> {
    await this.firstScan;
    await this.scanning;
  }

  summary(): WorkspaceSummary {
    // An open file's sites from its current text (edited since the scan, or reverted), so the list
    // never points at stale lines; the analysis of each version is cached.
    for (const doc of vscode.workspace.textDocuments) {
      const key = doc.uri.toString();
      if (this.byFile.has(key) && isSupported(doc)) this.byFile.set(key, loadEngine().siteRefs(this.analyses.get(doc), key));
    }
    return loadEngine().summarize(this.byFile.values());
  }

  updateDocument(doc: vscode.TextDocument): void {
    if (!isSupported(doc) || doc.uri.scheme !== "file" || !vscode.workspace.getWorkspaceFolder(doc.uri)) return;
    this.byFile.set(doc.uri.toString(), loadEngine().siteRefs(this.analyses.get(doc), doc.uri.toString()));
    this.render();
  }

  async showSites(): Promise<void> {
    const s = this.summary();
    type Item = vscode.QuickPickItem & { site?: SiteRef };
    const report: Item = { label: "$(graph) Show Workspace Cost Report", description: "every site, a plot of cost against scale, the fixes' savings" };
    const items: Item[] = s.sites.map((site) => {
      const uri = vscode.Uri.parse(site.file);
      return { label: `${vscode.workspace.asRelativePath(uri)}:${site.line}`, description: site.label, detail: site.costClass, site };
    });
    const picked = await vscode.window.showQuickPick([report, { label: "", kind: vscode.QuickPickItemKind.Separator }, ...items], { placeHolder: s.worst ? `${s.sites.length} ${s.worst} LLM call site(s) of ${s.total}` : "No LLM calls found" });
    if (!picked) return;
    if (!picked.site) {
      await vscode.commands.executeCommand(SHOW_REPORT_COMMAND);
      return;
    }
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(picked.site.file));
    const pos = new vscode.Position(picked.site.line - 1, picked.site.column - 1);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
  }

  private async scan(generation: number): Promise<void> {
    const started = performance.now();
    const found = new Map<string, SiteRef[]>();
    const engine = loadEngine();
    const files = await workspaceFiles();
    for (const uri of files) {
      if (generation !== this.generation) return;
      const text = await documentText(uri);
      found.set(uri.toString(), engine.siteRefs(engine.analyzeDocument(uri.fsPath, text, readSettings(uri)), uri.toString()));
      // Let the extension host serve other requests between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.byFile.clear();
    for (const [k, v] of found) this.byFile.set(k, v);
    const sites = [...found.values()].reduce((n, refs) => n + refs.length, 0);
    this.log.info(`workspace scan: ${sites} LLM call sites in ${files.length} files, ${duration(performance.now() - started)}`);
    this.render();
    this.firstScanDone();
  }

  private render(): void {
    const engine = loadEngine();
    const s = this.summary();
    this.item.text = `$(pulse) ${engine.statusText(s)}`;
    this.item.tooltip = s.worst ? `Worst LLM cost class in the workspace: ${s.worst} (${s.sites.length} of ${s.total} call sites). Click to list them.` : "AALP Lens found no LLM calls in the workspace.";
    this.item.show();
  }

  dispose(): void {
    this.generation++;
    this.item.dispose();
  }
}

/** The files the scan reads: each folder's `aalp.include` minus `aalp.exclude` and `files.exclude`. */
export async function workspaceFiles(): Promise<vscode.Uri[]> {
  const all: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const settings = readSettings(folder.uri);
    all.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, settings.include), excludeGlob(settings.exclude, folder))));
  }
  return all;
}

/** The editor's text when the file is open (unsaved edits included), the disk's otherwise. */
export async function documentText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** One glob for findFiles: ours plus `files.exclude` (which findFiles drops once given its own). */
function excludeGlob(exclude: readonly string[], folder: vscode.WorkspaceFolder): string | undefined {
  const filesExclude = vscode.workspace.getConfiguration("files", folder.uri).get<Record<string, boolean>>("exclude", {});
  const all = [...exclude, ...Object.entries(filesExclude).flatMap(([glob, on]) => (on === true ? [glob] : []))];
  return all.length ? `{${all.join(",")}}` : undefined;
}

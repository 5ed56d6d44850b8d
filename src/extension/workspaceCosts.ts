// The status bar item: the workspace's worst cost class and how many sites have it. Filled by a
// scan of the files matching `aalp.include` minus `aalp.exclude` and `files.exclude` in the engine
// worker, then kept current: an open document's sites follow its analyses, and changes on disk
// (a checkout, a pull, generated files) rescan once they pause — unchanged files come from the
// engine's cache. Clicking it lists the sites and offers the full report.
import * as vscode from "vscode";
import { duration, type ActivityLog } from "./activityLog";
import { Debouncer } from "./debounce";
import { unlessCancelled, type DocumentAnalyses } from "./engineHost";
import { isSupported } from "./languages";
import { readSettings } from "./settings";
import type { EngineClient } from "./view/engineClient";
import type { AalpSettings } from "./view/settingsModel";
import { isWatchedSource, SOURCE_GLOB } from "./view/watchedFiles";
import { summarize, statusText, type SiteRef, type WorkspaceSummary } from "./view/workspaceSummary";

export const SHOW_SITES_COMMAND = "aalp.showSites";
export const SHOW_REPORT_COMMAND = "aalp.showReport";

/** How long the disk must be quiet before a rescan: a checkout writes many files at once. */
const DISK_PAUSE_MS = 500;

export class WorkspaceCosts implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("aalp.status", vscode.StatusBarAlignment.Right, 100);
  private readonly byFile = new Map<string, readonly SiteRef[]>();
  /** For open documents: the version their entry in byFile was analysed from. */
  private readonly entryVersion = new Map<string, number>();
  private scanning: Promise<void> = Promise.resolve();
  private generation = 0;
  private firstScanDone!: () => void;
  private readonly firstScan = new Promise<void>((resolve) => (this.firstScanDone = resolve));
  private readonly watcher = vscode.workspace.createFileSystemWatcher(SOURCE_GLOB);
  private readonly diskPause = new Debouncer(DISK_PAUSE_MS);
  private readonly changedOnDisk = new Set<string>();
  private readonly listeners: (() => void)[] = [];
  private readonly fileListListeners: (() => void)[] = [];

  constructor(
    private readonly engine: EngineClient,
    private readonly analyses: DocumentAnalyses,
    private readonly log: ActivityLog,
  ) {
    this.item.name = "AALP Lens";
    this.item.command = SHOW_SITES_COMMAND;
    // An open file's sites from its current text (edited since the scan, or reverted), so the list
    // never points at stale lines.
    analyses.onAnalysed((doc, view, version) => {
      const key = doc.uri.toString();
      if (!this.byFile.has(key) || (this.entryVersion.get(key) ?? -1) > version) return;
      this.byFile.set(key, view.refs);
      this.entryVersion.set(key, version);
      this.render();
    });
    const changed = (uri: vscode.Uri) => this.diskChanged(uri);
    this.watcher.onDidCreate(changed);
    this.watcher.onDidChange(changed);
    this.watcher.onDidDelete(changed);
  }

  /** Calls `fn` after a rescan that changes on disk started (the report refreshes then). */
  onDiskChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  /** Calls `fn` when the workspace's file list given to the engine changed its analyses (open documents are asked again then). */
  onFileListChange(fn: () => void): void {
    this.fileListListeners.push(fn);
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
    // An open document changed since its entry was made without an edit event reaching us first
    // (a revert): ask for its analysis, which replaces the entry when it arrives (asked once per version).
    for (const doc of vscode.workspace.textDocuments) {
      const key = doc.uri.toString();
      if (this.byFile.has(key) && this.entryVersion.get(key) !== doc.version) void unlessCancelled(this.analyses.get(doc)).catch(this.log.failed("analysis"));
    }
    return summarize(this.byFile.values());
  }

  async updateDocument(doc: vscode.TextDocument, analyses: DocumentAnalyses): Promise<void> {
    if (!isSupported(doc) || doc.uri.scheme !== "file" || !vscode.workspace.getWorkspaceFolder(doc.uri)) return;
    const version = doc.version;
    const view = await unlessCancelled(analyses.get(doc));
    if (!view) return;
    this.byFile.set(doc.uri.toString(), view.refs);
    this.entryVersion.set(doc.uri.toString(), version);
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

  /** A source file changed on disk outside node_modules and build output: rescan once the disk is quiet. */
  private diskChanged(uri: vscode.Uri): void {
    if (uri.scheme !== "file" || !isWatchedSource(uri.path)) return;
    this.changedOnDisk.add(uri.toString());
    this.diskPause.schedule("disk", () => {
      const n = this.changedOnDisk.size;
      this.changedOnDisk.clear();
      this.log.info(`${n} source file${n === 1 ? "" : "s"} changed on disk: rescanning`);
      void this.rescan().catch(this.log.failed("workspace scan"));
      for (const fn of this.listeners) fn();
    });
  }

  private async scan(generation: number): Promise<void> {
    const started = performance.now();
    const uris = await workspaceFiles();
    if (generation !== this.generation) return;
    const files = scanFiles(uris);
    // The versions of the texts just taken: taken after the await below, a document reverted
    // meanwhile would keep the scan's older text under its new version.
    const versions = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d.version]));
    // The engine searches these files for an interface's implementations: a new list can change what open documents show.
    const listChanged = await unlessCancelled(this.engine.call("workspaceFiles", files.map((f) => f.fileName)));
    if (generation !== this.generation) return;
    if (listChanged) for (const fn of this.fileListListeners) fn();
    const found = await unlessCancelled(this.engine.request("scanSites", [files], { key: "workspace-scan" }));
    if (!found || generation !== this.generation) return;
    this.byFile.clear();
    this.entryVersion.clear();
    for (const [k, v] of found) this.byFile.set(k, v);
    // Open documents: the version the scan read; one edited (or reverted) while the scan ran, and
    // analysed since, keeps its newer sites.
    for (const doc of vscode.workspace.textDocuments) {
      const key = doc.uri.toString();
      const scanned = versions.get(key);
      if (!this.byFile.has(key) || scanned === undefined) continue;
      this.entryVersion.set(key, scanned);
      const newer = this.analyses.arrivedAfter(doc, scanned);
      if (newer) {
        this.byFile.set(key, newer.refs);
        this.entryVersion.set(key, this.analyses.latestVersion(doc) ?? scanned);
      }
    }
    const sites = found.reduce((n, [, refs]) => n + refs.length, 0);
    this.log.info(`workspace scan: ${sites} LLM call sites in ${files.length} files, ${duration(performance.now() - started)}`);
    this.render();
    this.firstScanDone();
  }

  private render(): void {
    const s = this.summary();
    this.item.text = `$(pulse) ${statusText(s)}`;
    this.item.tooltip = s.worst ? `Worst LLM cost class in the workspace: ${s.worst} (${s.sites.length} of ${s.total} call sites). Click to list them.` : "AALP Lens found no LLM calls in the workspace.";
    this.item.show();
  }

  dispose(): void {
    this.generation++;
    this.engine.cancel("workspace-scan");
    this.diskPause.dispose();
    this.watcher.dispose();
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

/**
 * The scan's request: the worker reads the files from disk; open documents go with their text
 * (unsaved edits included). Settings are read once per folder (the only resource scope files
 * differ in): hundreds of reads would hold the extension host's thread for tens of milliseconds.
 */
export function scanFiles(uris: readonly vscode.Uri[]): { uri: string; fileName: string; settings: AalpSettings; text?: string }[] {
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const byFolder = new Map<string, AalpSettings>();
  return uris.map((uri) => {
    const key = uri.toString();
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const folderKey = folder?.uri.toString() ?? "";
    let settings = byFolder.get(folderKey);
    if (!settings) byFolder.set(folderKey, (settings = readSettings(folder?.uri ?? uri)));
    const text = open.get(key)?.getText();
    return { uri: key, fileName: uri.fsPath, settings, ...(text !== undefined ? { text } : {}) };
  });
}

/** One glob for findFiles: ours plus `files.exclude` (which findFiles drops once given its own). */
function excludeGlob(exclude: readonly string[], folder: vscode.WorkspaceFolder): string | undefined {
  const filesExclude = vscode.workspace.getConfiguration("files", folder.uri).get<Record<string, boolean>>("exclude", {});
  const all = [...exclude, ...Object.entries(filesExclude).flatMap(([glob, on]) => (on === true ? [glob] : []))];
  return all.length ? `{${all.join(",")}}` : undefined;
}

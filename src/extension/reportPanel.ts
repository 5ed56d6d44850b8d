// The workspace cost report as a webview panel (`aalp.showReport`): every file the scan reads is
// analysed by the engine worker under a cancellable progress notification (cancelling stops the
// worker at its next file), the worker builds the report model (the same buildReport as `aalp
// report`) and its view, and the page (media/report.js) renders it. The
// page and this module speak the typed messages of view/reportMessages.ts after a `ready`
// handshake. A serializer restores the panel after a reload; saves refresh it, and a refresh
// re-analyses only what changed (the engine keeps each file's analysis and its fixes' outcomes).
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { duration, type ActivityLog } from "./activityLog";
import { unlessCancelled } from "./engineHost";
import { readSettings } from "./settings";
import type { EngineClient } from "./view/engineClient";
import { REPORT_VIEW_TYPE, isExportFormat, type ExportFormat, type FromPage, type ReportPageState, type ReportView, type ToPage } from "./view/reportMessages";
import { scanFiles, workspaceFiles } from "./workspaceCosts";

/** Test hooks (not in the palette): the panel's state, and a page message played as if the page sent it. */
export const REPORT_STATE_COMMAND = "aalp.report.state";
export const REPORT_SIMULATE_COMMAND = "aalp.report.simulate";
export const EXPORT_REPORT_COMMAND = "aalp.exportReport";

const EXPORT_CHOICES: readonly { format: ExportFormat; label: string; extension: string; filter: string }[] = [
  { format: "html", label: "HTML page", extension: "html", filter: "HTML" },
  { format: "markdown", label: "Markdown (pull requests, job summaries)", extension: "md", filter: "Markdown" },
  { format: "json", label: "JSON", extension: "json", filter: "JSON" },
  { format: "sarif", label: "SARIF (code scanning)", extension: "sarif", filter: "SARIF" },
];

export interface ReportPanelState {
  readonly open: boolean;
  /** The last view posted to the page. */
  readonly view: ReportView | undefined;
  /** What the page said it drew after that post. */
  readonly rendered: { rows: number; series: number } | undefined;
  /** The engine's work so far: files analysed, files whose quick fixes were applied and re-analysed. */
  readonly work: { analyses: number; fixOutcomes: number };
}

/** A scanned file: the engine worker holds its analysis; the panel, where to open it. */
interface Scanned {
  readonly uri: vscode.Uri;
  readonly relative: string;
}

const REFRESH_PAUSE_MS = 500;
const SCAN_KEY = "report-scan";

/** What a page (or a saved state) sends, kept only where it is a finite number ≥ 0. */
function validValues(values: unknown): Record<string, number> {
  if (typeof values !== "object" || values === null) return {};
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, number] => typeof e[1] === "number" && Number.isFinite(e[1]) && e[1] >= 0));
}

function sameValues(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && b[k] === a[k]);
}

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private pageReady = false;
  private scanned: Scanned[] | undefined;
  private scale: string | null = null;
  /** The page's assumption values: over the settings', under a file's own `@aalp` ones. */
  private assume: Record<string, number> = {};
  private view: ReportView | undefined;
  private rendered: { rows: number; series: number } | undefined;
  private generation = 0;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly engine: EngineClient,
    private readonly log: ActivityLog,
  ) {
    // A restarted worker has lost the scan the page shows.
    engine.onRestart(() => this.refresh());
  }

  private get media(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.extensionUri, "media");
  }

  /** The command: analyse with a cancellable notification, then open (or reveal) the panel. */
  async show(): Promise<void> {
    const scanned = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: "AALP Lens: analysing the workspace", cancellable: true },
      (progress, token) => this.scan(progress, token),
    );
    if (!scanned) return;
    this.scanned = scanned;
    if (this.panel) this.panel.reveal();
    else this.attach(vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, "AALP Cost Report", vscode.ViewColumn.Active, {}));
    await this.rebuild();
  }

  /** The serializer's side: a panel restored after a reload, with the scale the page kept. */
  restore(panel: vscode.WebviewPanel, state: ReportPageState | undefined): void {
    this.panel?.dispose();
    this.scale = state?.scale ?? null;
    this.assume = validValues(state?.assume);
    this.attach(panel);
    this.refresh();
  }

  /** Re-analyses the workspace without a notification (saves, settings) when the panel is open. */
  refresh(): void {
    if (!this.panel) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void (async () => {
        try {
          const scanned = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: "AALP: report" }, (progress) => this.scan(progress));
          if (!scanned || !this.panel) return;
          this.scanned = scanned;
          await this.rebuild();
        } catch (err) {
          this.log.error("refreshing the report", err);
          this.post({ type: "error", text: `The report could not be refreshed: ${String(err)}` });
        }
      })();
    }, REFRESH_PAUSE_MS);
  }

  async state(): Promise<ReportPanelState> {
    return { open: this.panel !== undefined, view: this.view, rendered: this.rendered, work: await this.engine.call("work") };
  }

  /** Handles a message from the page (or from a test, through REPORT_SIMULATE_COMMAND). */
  async receive(m: FromPage): Promise<void> {
    switch (m.type) {
      case "ready":
        this.pageReady = true;
        if (this.view) this.post({ type: "report", view: this.view, assume: this.assume });
        else this.post({ type: "busy", text: "Analysing the workspace…" });
        return;
      case "rendered":
        this.rendered = { rows: m.rows, series: m.series };
        return;
      case "scale":
        this.scale = m.symbol;
        await this.rebuild();
        return;
      case "assume":
        this.assume = validValues(m.values);
        await this.rebuild();
        return;
      case "open":
        await this.open(m.site);
        return;
      case "save":
        await this.saveAssumptions();
        return;
      case "export":
        await this.exportReport(isExportFormat(m.format) ? m.format : undefined);
        return;
    }
  }

  /** The page's values into the workspace's `aalp.assumptions` (over what is there), then off the page: the settings hold them now. */
  async saveAssumptions(): Promise<void> {
    if (!Object.keys(this.assume).length) return;
    const folder = vscode.workspace.workspaceFolders?.[0];
    const config = vscode.workspace.getConfiguration("aalp", folder?.uri);
    const saved = config.inspect<Record<string, number>>("assumptions")?.workspaceValue ?? {};
    const values = await this.engine.call("overlay", saved, this.assume);
    this.assume = {};
    await config.update("assumptions", values, vscode.ConfigurationTarget.Workspace);
    // Saving what the settings already hold changes nothing and fires no refresh: show the page its values are saved.
    if (sameValues(values, saved)) await this.rebuild();
    this.log.info(`saved the report's assumptions to the workspace's aalp.assumptions: ${Object.entries(values).map(([k, v]) => `${k}=${v}`).join(", ")}`);
  }

  /**
   * Writes the report, as the page shows it, in one of the CLI's formats. Without `format` or
   * `target` the user picks them; returns the file written, undefined when cancelled or no report is open.
   */
  async exportReport(format?: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.view) {
      void vscode.window.showInformationMessage("Open the workspace cost report first (AALP Lens: Show Workspace Cost Report).");
      return undefined;
    }
    const choice = format ? EXPORT_CHOICES.find((c) => c.format === format) : await vscode.window.showQuickPick(EXPORT_CHOICES.map((c) => ({ ...c, description: `.${c.extension}` })), { placeHolder: "Export the cost report as" });
    if (!choice) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0];
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder.uri, `aalp-report.${choice.extension}`) : undefined,
        filters: { [choice.filter]: [choice.extension] },
        saveLabel: "Export",
      }));
    if (!uri) return undefined;
    const root = folder ? folder.uri.toString() : "";
    const assets = () => ({ script: fs.readFileSync(path.join(__dirname, "report-page.js"), "utf8"), style: fs.readFileSync(path.join(__dirname, "report-page.css"), "utf8") });
    const text = await this.engine.call("reportExport", choice.format, root.endsWith("/") ? root : `${root}/`, choice.format === "html" ? assets() : { script: "", style: "" });
    if (text === undefined) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    this.log.info(`exported the cost report (${choice.format}, ${this.view.rows.length} sites) to ${uri.fsPath}`);
    if (!target) {
      void vscode.window.showInformationMessage(`Cost report saved to ${vscode.workspace.asRelativePath(uri)}.`, "Open").then((picked) => {
        if (picked) void vscode.commands.executeCommand("vscode.open", uri);
      });
    }
    return uri;
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.pageReady = false;
    this.rendered = undefined;
    panel.iconPath = vscode.Uri.joinPath(this.media, "icon.png");
    panel.webview.options = { enableScripts: true, localResourceRoots: [this.media] };
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: FromPage) => void this.receive(m).catch(this.log.failed(`the report page's ${String(m?.type)} message`))),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.view = undefined;
        this.rendered = undefined;
        this.pageReady = false;
      }),
    );
    const webview = panel.webview;
    const shell = {
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString("base64"),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, "report.js")).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, "report.css")).toString(),
    };
    void this.engine.call("reportPage", shell).then((html) => {
      if (this.panel === panel) panel.webview.html = html;
    }, this.log.failed("the report page"));
  }

  /** Every scanned file, analysed in the worker; undefined when cancelled or superseded by a newer scan. */
  private async scan(progress: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<Scanned[] | undefined> {
    const generation = ++this.generation;
    const started = performance.now();
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const uris = await workspaceFiles();
    if (token?.isCancellationRequested || generation !== this.generation) return undefined;
    const scanned = uris.map((uri) => ({ uri, relative: vscode.workspace.asRelativePath(uri, multiRoot) }));
    const files = scanFiles(uris).map((f, i) => ({ ...f, relative: scanned[i]!.relative }));
    const cancel = token?.onCancellationRequested(() => this.engine.cancel(SCAN_KEY));
    let reported = 0;
    const onProgress = (done: number, total: number, message: string) => {
      progress.report({ increment: ((done - reported) * 100) / total, message: `${done}/${total} ${vscode.workspace.asRelativePath(vscode.Uri.parse(message), multiRoot)}` });
      reported = done;
    };
    // Served from the engine's cache unless the file, or a module it uses, changed.
    const count = await unlessCancelled(this.engine.request("reportScan", [files], { key: SCAN_KEY, onProgress })).finally(() => cancel?.dispose());
    if (count === undefined || generation !== this.generation) return undefined;
    this.log.info(`report: ${count} files read and analysed (unchanged ones from the cache) in ${duration(performance.now() - started)}`);
    return scanned;
  }

  private async rebuild(): Promise<void> {
    if (!this.scanned) return;
    const folder = vscode.workspace.workspaceFolders?.[0];
    const settings = readSettings(folder?.uri);
    const view = await this.engine.call("reportBuild", { version: String(this.context.extension.packageJSON.version ?? ""), assume: settings.assumptions, scale: this.scale, overrides: this.assume, defaults: settings.defaults });
    // The worker restarted since the scan: scan again (the refresh rebuilds).
    if (!view) {
      this.refresh();
      return;
    }
    this.view = view;
    this.rendered = undefined;
    this.post({ type: "report", view: this.view, assume: this.assume });
  }

  private post(m: ToPage): void {
    if (this.panel && this.pageReady) void this.panel.webview.postMessage(m);
  }

  private async open(site: string): Promise<void> {
    const row = this.view?.rows.find((r) => r.site === site);
    const scanned = row && this.scanned?.find((s) => s.relative === row.file);
    if (!row || !scanned) return;
    // The file may have been edited since the scan: find the site in its current text.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === scanned.uri.toString());
    const now = open ? await this.engine.call("reportSitePosition", { fileName: open.fileName, uri: open.uri.toString(), text: open.getText(), settings: readSettings(open.uri) }, row.file, row.site) : undefined;
    const at = now ?? row;
    const pos = new vscode.Position(at.line - 1, at.column - 1);
    // Beside the report, focused: the user reads the code at once (and the status bar shows its line).
    await vscode.window.showTextDocument(scanned.uri, { selection: new vscode.Range(pos, pos), preserveFocus: false, viewColumn: vscode.ViewColumn.Beside });
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.generation++;
    this.engine.cancel(SCAN_KEY);
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

// AALP Lens in VS Code: registers the surfaces and wires them to document and settings events.
// Activation does no analysis: it starts the engine worker, which loads the engine on its own thread.
import * as vscode from "vscode";
import { ActivityLog } from "./activityLog";
import { CostLensProvider, SHOW_DERIVATION_COMMAND, TOGGLE_FILE_LENSES_COMMAND, TOGGLE_LENSES_COMMAND } from "./codeLenses";
import { Debouncer } from "./debounce";
import { DerivationDocuments, DERIVATION_SCHEME, showDerivation } from "./derivationDocument";
import { CostDiagnostics } from "./diagnostics";
import { DocumentAnalyses, startEngine, unlessCancelled } from "./engineHost";
import { openWalkthroughOnFirstRun } from "./firstRun";
import { DerivationHoverProvider, revealLine } from "./hover";
import { isSupported, SELECTOR } from "./languages";
import { CostQuickFixProvider } from "./quickFixes";
import { EXPORT_REPORT_COMMAND, REPORT_SIMULATE_COMMAND, REPORT_STATE_COMMAND, ReportPanel } from "./reportPanel";
import { onSettingsChange } from "./settings";
import { DiagnosticsRouting, affectsTypeScriptSetup } from "./typescriptPlugin";
import { REVEAL_LINE_COMMAND } from "./view/commandIds";
import type { DiagnosticsProvider } from "./view/diagnosticsProvider";
import { REPORT_VIEW_TYPE, isExportFormat, type FromPage, type ReportPageState } from "./view/reportMessages";
import type { WorkspaceSummary } from "./view/workspaceSummary";
import { SHOW_REPORT_COMMAND, SHOW_SITES_COMMAND, WorkspaceCosts } from "./workspaceCosts";

/** What `activate` returns: lets tests (and other extensions) read the workspace summary. */
export interface AalpApi {
  readonly activationMs: number;
  whenScanned(): Promise<void>;
  summary(): WorkspaceSummary;
  /** Who reports `doc`'s findings as diagnostics, once the TypeScript extension has been asked. */
  diagnosticsProvider(doc: vscode.TextDocument): Promise<DiagnosticsProvider>;
  /** The output channel's latest lines (`info …`, `error …`). */
  log(): readonly string[];
}

export const SHOW_OUTPUT_COMMAND = "aalp.showOutput";
export const GET_STARTED_COMMAND = "aalp.getStarted";
/** `contributes.walkthroughs[0].id`. */
const WALKTHROUGH_ID = "gettingStarted";

const EDIT_PAUSE_MS = 400;

export function activate(context: vscode.ExtensionContext): AalpApi {
  const started = performance.now();
  const log = new ActivityLog();
  // Results kept across sessions: per workspace, or in the extension's global storage without one.
  const engine = startEngine(log, vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, "results").fsPath);
  const analyses = new DocumentAnalyses(engine, log);
  const lenses = new CostLensProvider(analyses, context.workspaceState);
  const diagnostics = new CostDiagnostics(analyses, context.extensionUri);
  const costs = new WorkspaceCosts(engine, analyses, log);
  const debouncer = new Debouncer(EDIT_PAUSE_MS);
  const routing = new DiagnosticsRouting(log);
  const report = new ReportPanel(context, engine, log);
  const fail = (what: string) => log.failed(what);

  const refreshDocument = (doc: vscode.TextDocument): void => {
    if (!isSupported(doc)) return;
    // Until the TypeScript extension has answered, publish nothing: the plugin may be reporting.
    const provider = routing.providerFor(doc);
    if (provider === undefined) return;
    diagnostics.update(doc, provider === "extension").catch(fail("analysis"));
  };

  context.subscriptions.push(
    log,
    { dispose: () => engine.dispose() },
    lenses,
    diagnostics,
    costs,
    debouncer,
    routing,
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    vscode.languages.registerHoverProvider(SELECTOR, new DerivationHoverProvider(analyses)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CostQuickFixProvider(engine, context.extensionUri), { providedCodeActionKinds: CostQuickFixProvider.providedCodeActionKinds }),
    vscode.workspace.registerTextDocumentContentProvider(DERIVATION_SCHEME, new DerivationDocuments(analyses)),
    vscode.commands.registerCommand(SHOW_DERIVATION_COMMAND, showDerivation),
    vscode.commands.registerCommand(TOGGLE_LENSES_COMMAND, () => lenses.toggleEverywhere(vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri)),
    vscode.commands.registerCommand(TOGGLE_FILE_LENSES_COMMAND, async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!target) return undefined;
      const shown = await lenses.toggleFile(target);
      log.info(`lenses ${shown ? "shown" : "hidden"} in ${vscode.workspace.asRelativePath(target)}`);
      return shown;
    }),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => log.show()),
    vscode.commands.registerCommand(GET_STARTED_COMMAND, () => vscode.commands.executeCommand("workbench.action.openWalkthrough", `${context.extension.id}#${WALKTHROUGH_ID}`, false)),
    vscode.commands.registerCommand(REVEAL_LINE_COMMAND, revealLine),
    vscode.commands.registerCommand(SHOW_SITES_COMMAND, () => costs.showSites()),
    vscode.commands.registerCommand("aalp.rescanWorkspace", () => costs.rescan()),
    report,
    vscode.commands.registerCommand(SHOW_REPORT_COMMAND, () => report.show()),
    vscode.commands.registerCommand(REPORT_STATE_COMMAND, () => report.state()),
    vscode.commands.registerCommand(EXPORT_REPORT_COMMAND, (format?: unknown, target?: unknown) =>
      report.exportReport(isExportFormat(format) ? format : undefined, target instanceof vscode.Uri ? target : undefined),
    ),
    vscode.commands.registerCommand(REPORT_SIMULATE_COMMAND, async (m: FromPage) => {
      await report.receive(m);
      return report.state();
    }),
    vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: ReportPageState | undefined) => report.restore(panel, state),
    }),
    vscode.workspace.onDidOpenTextDocument(refreshDocument),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!isSupported(e.document) || e.contentChanges.length === 0) return;
      // Annotations can change every site's numbers: refresh lenses and diagnostics once typing pauses.
      debouncer.schedule(e.document.uri.toString(), () => {
        if (e.document.isClosed) return;
        // Files that import this one may cost differently now: every cached analysis is re-asked
        // (the project re-analyses only the files that changed or import a changed one).
        analyses.invalidate();
        // Analyse the new version now that typing paused (the lenses served meanwhile were the last
        // ones), then ask for lenses again.
        void unlessCancelled(analyses.get(e.document)).then(() => lenses.refresh(), fail("analysis"));
        vscode.workspace.textDocuments.forEach(refreshDocument);
      });
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (!isSupported(doc)) return;
      refreshDocument(doc);
      costs.updateDocument(doc, analyses).catch(fail("analysis"));
      report.refresh();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      analyses.forget(doc);
      diagnostics.clear(doc);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void costs.rescan().catch(fail("workspace scan"))),
    // The TypeScript extension appeared or went away: the other side reports from now on.
    routing.onDidChange(() => vscode.workspace.textDocuments.forEach(refreshDocument)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsTypeScriptSetup(e)) return;
      routing.configurePlugin();
      vscode.workspace.textDocuments.forEach(refreshDocument);
    }),
    onSettingsChange(() => {
      routing.configurePlugin();
      analyses.invalidate();
      lenses.refresh();
      vscode.workspace.textDocuments.forEach(refreshDocument);
      void costs.rescan().catch(fail("workspace scan"));
      report.refresh();
    }),
  );

  costs.onDiskChange(() => report.refresh());
  // The engine now searches the whole workspace for implementations: what open documents show may change.
  costs.onFileListChange(() => {
    analyses.invalidate();
    lenses.refresh();
    vscode.workspace.textDocuments.forEach(refreshDocument);
  });
  // A restarted worker lost its analyses: ask again for what is shown.
  engine.onRestart(() => {
    analyses.invalidate();
    lenses.refresh();
    vscode.workspace.textDocuments.forEach(refreshDocument);
    void costs.rescan().catch(fail("workspace scan"));
  });

  // After activation returns: the worker is loading the engine meanwhile, off this thread.
  setImmediate(() => {
    vscode.workspace.textDocuments.forEach(refreshDocument);
    void costs.rescan().catch(fail("workspace scan"));
    const inTests = context.extensionMode === vscode.ExtensionMode.Test;
    void openWalkthroughOnFirstRun(context.globalState, inTests, process.env, () => vscode.commands.executeCommand(GET_STARTED_COMMAND)).then((opened) => opened && log.info("first run: opened the walkthrough"), fail("opening the walkthrough"));
  });

  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms (AALP Lens ${String(context.extension.packageJSON.version ?? "")})`);
  return {
    log: () => log.lines(),
    activationMs,
    whenScanned: () => costs.whenScanned(),
    summary: () => costs.summary(),
    diagnosticsProvider: async (doc) => {
      await routing.ready;
      return routing.providerFor(doc)!;
    },
  };
}

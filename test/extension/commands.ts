// The palette commands a user reaches for first: hiding the lenses (everywhere, or in one file) and
// the "AALP Lens" output channel; the status bar's list and the report after unsaved edits. Runs in the extension host after the report suite, on the same
// copy of examples/.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as vscode from "vscode";
import type { AalpApi } from "../../src/extension/extension";
import type { ReportPanelState } from "../../src/extension/reportPanel";
import { waitFor } from "./waitFor";

const EXTENSION_ID = "aalp-lens.aalp-lens";

const file = (name: string): vscode.Uri => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, name);

async function lensCount(uri: vscode.Uri): Promise<number> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", uri, 100)) ?? [];
  return lenses.filter((l) => l.command?.command === "aalp.showDerivation").length;
}

const lensesAre = (uri: vscode.Uri, n: number): Promise<true> => waitFor(`${n} lenses in ${uri.path}`, async () => (await lensCount(uri)) === n || undefined);

describe("commands: lens toggles and the output channel", function () {
  let api: AalpApi;
  const chat = file("chat-history.ts");
  const debate = file("transcript-debate.ts");

  before(async () => {
    api = await vscode.extensions.getExtension<AalpApi>(EXTENSION_ID)!.activate();
    await vscode.window.showTextDocument(debate);
    await vscode.window.showTextDocument(chat);
    await lensesAre(chat, 1);
    await lensesAre(debate, 1);
  });

  after(async () => {
    await vscode.workspace.getConfiguration("aalp").update("lenses.enabled", undefined, vscode.ConfigurationTarget.Global);
  });

  it("hides and shows the lenses of the active file only", async () => {
    assert.equal(await vscode.commands.executeCommand("aalp.toggleLensesForFile"), false);
    await lensesAre(chat, 0);
    assert.equal(await lensCount(debate), 1);
    assert.equal(await vscode.commands.executeCommand("aalp.toggleLensesForFile"), true);
    await lensesAre(chat, 1);
  });

  it("hides and shows every lens through the user's aalp.lenses.enabled", async () => {
    await vscode.commands.executeCommand("aalp.toggleLenses");
    await lensesAre(chat, 0);
    await lensesAre(debate, 0);
    assert.equal(vscode.workspace.getConfiguration("aalp").inspect<boolean>("lenses.enabled")?.globalValue, false);
    await vscode.commands.executeCommand("aalp.toggleLenses");
    await lensesAre(chat, 1);
    await lensesAre(debate, 1);
    assert.equal(vscode.workspace.getConfiguration("aalp").inspect<boolean>("lenses.enabled")?.globalValue, true);
  });

  it("logs what it analysed, how long it took, and the scans, in the AALP Lens output channel", async () => {
    await vscode.commands.executeCommand("aalp.showOutput");
    const lines = api.log();
    assert.match(lines[0]!, /^info activated in \d+\.\d ms \(AALP Lens 0\.1\.0\)$/);
    assert.equal(lines.filter((l) => /^info engine worker ready in \d+ ms$/.test(l)).length, 1, lines.join("\n"));
    assert.ok(lines.some((l) => /^info analysed debug-naive\.ts \(version 1\): 2 LLM calls in \d+(\.\d ms| s)/.test(l)), lines.join("\n"));
    assert.ok(lines.some((l) => /^info workspace scan: \d+ LLM call sites in \d+ files, \d/.test(l)), lines.join("\n"));
    assert.ok(lines.some((l) => /^info report: \d+ files read and analysed/.test(l)), lines.join("\n"));
    assert.ok(lines.includes("info lenses hidden in chat-history.ts") && lines.includes("info lenses shown in chat-history.ts"), lines.join("\n"));
    assert.deepEqual(lines.filter((l) => l.startsWith("error")), []);
  });

  it("the status bar's list and the report's rows lead to a site's current line after unsaved edits above it", async () => {
    const evolution = file("evolution-global.ts");
    await api.whenScanned();
    const worst = () => api.summary().sites.map((x) => `${path.basename(vscode.Uri.parse(x.file).path)}:${x.line}`);
    assert.deepEqual(worst(), ["evolution-global.ts:15"]);
    await vscode.commands.executeCommand("aalp.showReport");
    const report = await waitFor("the report", async () => {
      const st = await vscode.commands.executeCommand<ReportPanelState>("aalp.report.state");
      return st.view !== undefined && st.rendered !== undefined && st;
    });
    const row = report.view!.rows.find((r) => r.file === "evolution-global.ts")!;
    assert.equal(row.line, 15);
    const editor = await vscode.window.showTextDocument(evolution);
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 0), "// one\n// two\n// three\n")));
    // The list follows the edited text once typing pauses and the worker has analysed it.
    await waitFor("the status bar's list at the edited line", () => worst()[0] === "evolution-global.ts:18");
    assert.deepEqual(worst(), ["evolution-global.ts:18"]);
    await vscode.commands.executeCommand("aalp.report.simulate", { type: "open", site: row.site });
    const opened = await waitFor("the site at its line now", () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.path.endsWith("/evolution-global.ts") && e.selection.active.line === 17 && e;
    });
    assert.equal(opened.selection.active.character + 1, row.column);
    await vscode.commands.executeCommand("workbench.action.files.revert");
    await waitFor("the reverted file", () => !opened.document.isDirty);
    await waitFor("the status bar's list at the reverted line", () => worst()[0] === "evolution-global.ts:15").catch((err: Error) => {
      throw new Error(`${err.message}; list ${worst().join(", ")}; log:\n${api.log().slice(-20).join("\n")}`);
    });
    assert.deepEqual(worst(), ["evolution-global.ts:15"]);
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });
});

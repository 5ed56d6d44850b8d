// The workspace cost report in the editor: the command opens the webview, the page renders a row
// per site and the plot, re-scales, opens a site at its line, and refreshes on save. Runs in the
// extension host after surfaces.ts, on the same copy of examples/.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import type { AalpApi } from "../../src/extension/extension";
import type { ReportPanelState } from "../../src/extension/reportPanel";
import type { FromPage } from "../../src/extension/view/reportMessages";
import { waitFor } from "./waitFor";

const EXTENSION_ID = "aalp-lens.aalp-lens";

const state = (): Thenable<ReportPanelState> => vscode.commands.executeCommand<ReportPanelState>("aalp.report.state");
const simulate = (m: FromPage): Thenable<ReportPanelState> => vscode.commands.executeCommand<ReportPanelState>("aalp.report.simulate", m);
/** The state once the page has drawn the latest view (and `check` holds). */
const rendered = (what: string, check: (s: ReportPanelState) => boolean = () => true): Promise<ReportPanelState> =>
  waitFor(what, async () => {
    const s = await state();
    return s.view !== undefined && s.rendered !== undefined && check(s) && s;
  });

describe("the workspace cost report (webview)", function () {
  let api: AalpApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<AalpApi>(EXTENSION_ID)!;
    api = await ext.activate();
    await api.whenScanned();
  });

  after(async () => {
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  it("opens from the command: a table row per site and the plot, drawn by the page", async () => {
    const started = performance.now();
    await vscode.commands.executeCommand("aalp.showReport");
    const s = await rendered("the page's table");
    console.log(`[aalp] report: ${s.view!.rows.length} rows, ${s.rendered!.series} plotted sites, ${(performance.now() - started).toFixed(0)} ms from the command`);
    const total = api.summary().total;
    assert.equal(s.view!.rows.length, total, "the report and the status bar's scan disagree");
    assert.equal(s.rendered!.rows, total, "the page drew another number of rows");
    assert.ok("series" in s.view!.plot, JSON.stringify(s.view!.plot));
    // The page drew the plot with a legend entry per top site.
    assert.equal(s.rendered!.series, s.view!.plot.series.length);
    assert.equal(s.rendered!.series, 6);
    // The costliest site in dollars leads the list, whatever its class.
    const costliest = s.view!.rows[s.view!.worst[0]!]!;
    assert.equal(`${costliest.file}:${costliest.line} ${costliest.costClass}`, "class-history.ts:32 quadratic");
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith("aalp.report"));
    assert.equal(tabs.length, 1);
    assert.equal(tabs[0]!.label, "AALP Cost Report");
  });

  it("re-scales the plot along the symbol the page picks", async () => {
    await simulate({ type: "scale", symbol: "rounds" });
    const s = await rendered("the re-scaled plot", (x) => x.view!.scale === "rounds");
    assert.ok(s.view!.scaleCandidates.includes("rounds"));
    await simulate({ type: "scale", symbol: null });
    await rendered("the default scale again", (x) => x.view!.scale === null);
  });

  it("re-prices the sites with an assumption changed in the page, and back", async () => {
    // chat-history.ts's call (quadratic: its history grows over a loop; surfaces.ts left it alone).
    const site = (s: ReportPanelState) => s.view!.rows.find((r) => r.file === "chat-history.ts")!;
    const before = await state();
    assert.equal(site(before).costClass, "quadratic");
    const input = before.view!.assumptionInputs.find((a) => a.kind === "count" && site(before).input.includes(a.name));
    assert.ok(input, `no loop count of ${site(before).input} among ${before.view!.assumptionInputs.map((a) => a.name).join(", ")}`);
    const dollars = site(before).dollars!;
    assert.ok(dollars > 0, site(before).dollarsText);
    const value = input.value * 2;
    const started = performance.now();
    await simulate({ type: "assume", values: { [input.name]: value } });
    const after = await rendered("the re-priced report", (s) => site(s).dollars !== dollars);
    console.log(`[aalp] report re-priced at ${input.name}=${value} in ${(performance.now() - started).toFixed(0)} ms: ${site(before).dollarsText} → ${site(after).dollarsText}`);
    // Quadratic in that count: twice the count, more than twice the dollars.
    assert.ok(site(after).dollars! > 2 * dollars, `${site(before).dollarsText} → ${site(after).dollarsText}`);
    assert.deepEqual(after.view!.assumptionInputs.find((a) => a.name === input.name), { ...input, value, given: true });
    assert.ok(after.view!.assumptions.includes(`${input.name}=${value}`), after.view!.assumptions);
    assert.equal(after.rendered!.rows, after.view!.rows.length);
    await simulate({ type: "assume", values: {} });
    const back = await rendered("the workspace's assumptions again", (s) => site(s).dollars === dollars);
    assert.deepEqual(back.view!.assumptionInputs.find((a) => a.name === input.name), input);
  });

  it("opens a site's file at its line when its row is clicked", async () => {
    const row = (await state()).view!.rows.find((r) => r.file === "debug-naive.ts" && r.line === 29)!;
    assert.ok(row, "no row for debug-naive.ts:29");
    await simulate({ type: "open", site: row.site });
    const editor = await waitFor("the site's editor", () => vscode.window.activeTextEditor?.document.uri.path.endsWith("/debug-naive.ts") && vscode.window.activeTextEditor);
    assert.equal(editor.selection.active.line + 1, 29);
    assert.equal(editor.selection.active.character + 1, row.column);
  });

  it("saves the page's values to the workspace's aalp.assumptions; the lens then shows the report's dollars", async () => {
    const chat = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, "chat-history.ts");
    const site = (s: ReportPanelState) => s.view!.rows.find((r) => r.file === "chat-history.ts")!;
    const before = await state();
    await simulate({ type: "assume", values: { "|questions|": 20 } });
    const priced = await rendered("the page's value", (s) => site(s).dollars !== site(before).dollars);
    await simulate({ type: "save" });
    const saved = await waitFor("the saved setting", () => {
      const v = vscode.workspace.getConfiguration("aalp").inspect<Record<string, number>>("assumptions")?.workspaceValue;
      return v?.["|questions|"] === 20 && v;
    });
    assert.deepEqual(saved, { rounds: 20, "|questions|": 20 });
    // The report now holds the value as the workspace's, not the page's, at the same dollars.
    const after = await rendered("the report at the saved settings", (s) => s.view!.assumptionInputs.find((a) => a.name === "|questions|")?.given === true && site(s).dollars === site(priced).dollars);
    assert.match(after.view!.assumptions, /^rounds=20, \|questions\|=20, other loop counts 10/);
    await vscode.workspace.openTextDocument(chat);
    const expected = `16: ${site(after).dollarsText} · quadratic in |questions| · gpt-4.1`;
    await waitFor(`the lens "${expected}"`, async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", chat, 100)) ?? [];
      return lenses.some((l) => l.command?.command === "aalp.showDerivation" && `${l.range.start.line + 1}: ${l.command.title}` === expected);
    });
    assert.ok(api.log().some((l) => l.startsWith("info saved the report's assumptions to the workspace's aalp.assumptions: rounds=20, |questions|=20")), api.log().join("\n"));
    await vscode.workspace.getConfiguration("aalp").update("assumptions", { rounds: 20 }, vscode.ConfigurationTarget.Workspace);
    await rendered("the workspace's assumptions again", (s) => site(s).dollars === site(before).dollars);
  });

  it("exports the report as HTML, Markdown, JSON and SARIF through the CLI's renderers", async () => {
    const s = await state();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-export-"));
    const written = async (format: string, name: string): Promise<string> => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>("aalp.exportReport", format, vscode.Uri.file(path.join(dir, name)));
      assert.equal(uri.fsPath, path.join(dir, name));
      return fs.readFileSync(uri.fsPath, "utf8");
    };
    const html = await written("html", "report.html");
    assert.ok(html.startsWith("<!doctype html>"), html.slice(0, 80));
    assert.equal(html.match(/<tr data-site=/g)?.length, s.view!.rows.length);
    const markdown = await written("markdown", "report.md");
    assert.ok(markdown.startsWith("## AALP Lens: LLM cost\n"), markdown.slice(0, 80));
    assert.ok(markdown.includes("recursive-summarizer.ts"), markdown);
    const json = JSON.parse(await written("json", "report.json")) as { findings: { file: string; line: number; site: string }[] };
    assert.deepEqual(json.findings.map((f) => f.site), s.view!.rows.map((r) => r.site));
    const sarif = JSON.parse(await written("sarif", "report.sarif")) as { version: string; runs: { results: unknown[]; originalUriBaseIds: { "%SRCROOT%": { uri: string } } }[] };
    assert.equal(sarif.version, "2.1.0");
    assert.equal(sarif.runs[0]!.results.length, s.view!.rows.length);
    assert.equal(sarif.runs[0]!.originalUriBaseIds["%SRCROOT%"].uri, `${vscode.workspace.workspaceFolders![0]!.uri.toString()}/`);
    assert.equal(api.log().filter((l) => l.startsWith("info exported the cost report")).length, 4);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refreshes when a file is saved, re-analysing that file only", async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, "chat-history.ts");
    const start = await state();
    const before = start.view!.rows.find((r) => r.file === "chat-history.ts")!;
    assert.equal(before.costClass, "quadratic");
    const doc = await vscode.workspace.openTextDocument(uri);
    const original = doc.getText();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(doc.lineCount, 0), "// @aalp questions <= 5\n");
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save());
    const after = await rendered("the refreshed report", (s) => s.view!.rows.find((r) => r.file === "chat-history.ts")!.costClass === "constant");
    assert.equal(after.rendered!.rows, after.view!.rows.length);
    // The edited file analysed once (for the lenses and the report alike), its fixes applied once; nothing else redone.
    assert.deepEqual({ analyses: after.work.analyses - start.work.analyses, fixOutcomes: after.work.fixOutcomes - start.work.fixOutcomes }, { analyses: 1, fixOutcomes: 1 });
    // Put the file back for whatever runs next.
    const undo = new vscode.WorkspaceEdit();
    undo.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
    assert.ok(await vscode.workspace.applyEdit(undo));
    assert.ok(await doc.save());
    await rendered("the report back to quadratic", (s) => s.view!.rows.find((r) => r.file === "chat-history.ts")!.costClass === "quadratic");
  });
});

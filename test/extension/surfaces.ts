// What a user sees in the editor, asserted through VS Code's own provider commands on a copy of
// examples/ (workspace setting aalp.assumptions = { rounds: 20 }). Runs in the extension host.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import type { AalpApi } from "../../src/extension/extension";
import { waitFor } from "./waitFor";

const EXTENSION_ID = "aalp-lens.aalp-lens";
const FIXTURES = path.resolve(__dirname, "../../../test/fixtures/extension");

function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, name);
}

async function lensTitles(uri: vscode.Uri, expected: number): Promise<string[]> {
  return waitFor(`${expected} AALP lenses in ${uri.path}`, async () => {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", uri, 100)) ?? [];
    const ours = lenses.filter((l) => l.command?.command === "aalp.showDerivation");
    return ours.length === expected && ours.map((l) => `${l.range.start.line + 1}: ${l.command!.title}`);
  });
}

/** The extension's own diagnostics. */
function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === "AALP Lens");
}

/** The bundled tsserver plugin's, as the TypeScript extension publishes them: source "aalp", numeric codes 91001–91005. */
function pluginDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === "aalp" && typeof d.code === "number" && d.code >= 91001 && d.code <= 91005);
}

/** Every AALP finding in the Problems panel, whoever reports it (the `@aalp` comment problems aside). */
function findings(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === "aalp" || (d.source === "AALP Lens" && d.code !== "aalp.annotation"));
}

const where = (r: vscode.Range): string => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
/** A diagnostic's code: the extension's link to the rule's page carries it as `{ value, target }`. */
const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === "object" ? d.code.value : d.code);
const described = (ds: vscode.Diagnostic[]): string[] => ds.map((d) => `${d.source} ${codeOf(d)} ${where(d.range)} ${vscode.DiagnosticSeverity[d.severity]}`).sort();

describe("AALP Lens in the editor", function () {
  let api: AalpApi;
  const naive = workspaceFile("debug-naive.ts");

  after(async () => {
    await vscode.workspace.getConfiguration("typescript").update("experimental.useTsgo", undefined, vscode.ConfigurationTarget.Workspace);
  });

  before(async () => {
    const ext = vscode.extensions.getExtension<AalpApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    assert.equal(ext.isActive, false, "activated before any TypeScript or JavaScript document opened");
    await vscode.window.showTextDocument(naive);
    api = await waitFor("activation on a TypeScript document", () => ext.isActive && ext.exports);
    const firstAnalysis = performance.now();
    await lensTitles(naive, 2);
    console.log(`[aalp] activation ${api.activationMs.toFixed(1)} ms; first lenses (engine load + analysis) ${(performance.now() - firstAnalysis).toFixed(0)} ms`);
  });

  it("shows a short cost lens above each LLM call, priced at the workspace's assumptions, the bounds in its tooltip", async () => {
    assert.deepEqual(await lensTitles(naive, 2), ["21: ≈ $0.015 · quadratic in rounds · gpt-4o-mini", "29: ≈ $0.25 · quadratic in rounds · gpt-4o"]);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", naive, 100);
    assert.deepEqual(
      lenses.filter((l) => l.command?.command === "aalp.showDerivation").map((l) => l.command!.tooltip),
      [
        "Θ(rounds²·|program|) input · Θ(rounds) calls · ≈ $0.015 at rounds=20; defaults |program|=200. Click for the derivation.",
        "Θ(rounds²·|program|) input · Θ(rounds) calls · ≈ $0.25 at rounds=20; defaults |program|=200. Click for the derivation.",
      ],
    );
  });

  it("opens the derivation when a lens is clicked", async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", naive, 100);
    const lens = lenses.find((l) => l.command?.command === "aalp.showDerivation" && l.range.start.line === 28)!;
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    const doc = await waitFor("the derivation document", () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === "aalp-derivation"));
    // The tab's title names the file and the line.
    assert.equal(path.posix.basename(doc.uri.path), "LLM cost, debug-naive.ts line 29.md");
    await waitFor("the derivation's tab", () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes("LLM cost, debug-naive.ts line 29")));
    assert.match(doc.getText(), /^\*\*AALP Lens\*\* · openai `chat\.completions\.create` · model `gpt-4o` · in `debugProgram` · quadratic/);
    assert.ok(doc.getText().includes("costs m·(o·n + o²)"));
  });

  it("explains the bound on hover, step by step with line links", async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", naive, new vscode.Position(28, 40));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).find((v) => v.startsWith("**AALP Lens**"));
    assert.ok(text, "no AALP hover on the developer call");
    const link = (line: number): string => `[line ${line}](command:aalp.revealLine?${encodeURIComponent(JSON.stringify([naive.toString(), line]))})`;
    assert.ok(text.includes("- input tokens: `Θ(rounds²·|program|)`, per call `Θ(rounds·|program|)`"), text);
    assert.ok(text.includes(`1. ${link(18)}: for loop while round \\< rounds → rounds iterations`), text);
    assert.ok(text.includes(`conversation grows at ${link(19)} on every iteration of rounds`), text);
    assert.ok(text.includes("Summed over this site's calls: `Θ(rounds²·|program|²·m[gpt-4o])`."), text);
  });

  it("reports the growing history and the whole program re-sent once, through the tsserver plugin TypeScript runs", async () => {
    // code-server's TypeScript extension runs TypeScript 6's tsserver with the plugin this extension ships.
    assert.equal(await api.diagnosticsProvider(await vscode.workspace.openTextDocument(naive)), "tsserver");
    // One diagnostic per call: the whole program re-sent is its related information.
    const reported = await waitFor("the plugin's diagnostics", () => pluginDiagnostics(naive).length === 2 && pluginDiagnostics(naive));
    assert.deepEqual(described(reported), ["aalp 91001 21:22-25:7 Warning", "aalp 91001 29:23-32:7 Warning"]);
    assert.ok(reported.every((d) => /\[aalp\.growing-history\]$/.test(d.message)), reported.map((d) => d.message).join("\n"));
    assert.deepEqual(reported.map((d) => d.relatedInformation?.map((r) => r.message.endsWith("[aalp.whole-input-per-item]"))), [[true], [true]]);
    // Once: the extension publishes none of them itself.
    assert.deepEqual(described(findings(naive)), described(reported));
  });

  it("opens the examples without TypeScript errors (no \"Cannot find module\": examples/tsconfig.json and its SDK declarations)", async () => {
    // TypeScript has checked the file once the plugin's findings are in (the previous test).
    await waitFor("the plugin's diagnostics", () => pluginDiagnostics(naive).length === 2);
    const errors = vscode.languages.getDiagnostics(naive).filter((d) => d.source === "ts");
    assert.deepEqual(errors.map((d) => `${where(d.range)} ${String(d.code)} ${d.message}`), []);
  });

  it("offers the quick fixes once on the plugin's diagnostics", async () => {
    // VS Code's TypeScript extension never asks tsserver for fixes of plugin codes (it reads the fixable
    // codes once, without a file); the extension serves them, and TypeScript adds none of its own.
    const range = pluginDiagnostics(naive).find((d) => d.range.start.line === 20)!.range;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", naive, range, vscode.CodeActionKind.QuickFix.value);
    const fixes = actions.filter((a) => a.kind?.value.startsWith("quickfix.aalp.") && a.title.includes(" → "));
    assert.deepEqual(fixes.map((a) => `${a.kind?.value} ${a.title}`).sort(), [
      // Priced at the workspace's sizes (aalp.assumptions: rounds = 20), as the lenses are.
      "quickfix.aalp.reset-history Start conversation afresh each iteration (forgets earlier turns): $0.015 → $0.0037 per run at your sizes",
      "quickfix.aalp.scope-to-function Send one declaration of program per call, one pass each (drops the rounds cap): $0.015 → $0.0018 per run at your sizes",
      "quickfix.aalp.summarize-history Summarize conversation past 4000 tokens with gpt-4o-mini: $0.015 → $0.0049 per run at your sizes",
      "quickfix.aalp.window-history Keep the last 8 messages: $0.015 → $0.0069 per run at your sizes",
    ]);
    // Then, as ESLint's: ignore this call, and the documentation of each rule the finding holds.
    const extra = actions.filter((a) => a.kind?.value === "quickfix.aalp.ignore" || a.kind?.value === "quickfix.aalp.docs");
    assert.deepEqual(extra.map((a) => `${a.kind?.value} ${a.title}`), [
      "quickfix.aalp.ignore Ignore this call (// @aalp ignore)",
      "quickfix.aalp.docs Show documentation for aalp.growing-history",
      "quickfix.aalp.docs Show documentation for aalp.whole-input-per-item",
    ]);
    const [[uri, [edit]]] = extra[0]!.edit!.entries() as [vscode.Uri, vscode.TextEdit[]][];
    assert.equal(uri.toString(), naive.toString());
    assert.deepEqual([edit!.range.start.line, edit!.range.start.character, edit!.range.isEmpty, edit!.newText], [20, 0, true, "    // @aalp ignore\n"]);
    assert.equal(extra[1]!.command?.command, "markdown.showPreview");
    assert.ok((extra[1]!.command?.arguments?.[0] as vscode.Uri).path.endsWith("/docs/diagnostics/growing-history.md"));
  });


  it("a file opened after start-up gets its lens (the time is logged: issue 18 measured 1.7–2.5 s before the engine worker)", async () => {
    const fanOut = workspaceFile("fan-out.ts");
    const opened = performance.now();
    await vscode.window.showTextDocument(fanOut);
    assert.deepEqual((await lensTitles(fanOut, 1)).map((t) => t.split(":")[0]), ["11"]);
    console.log(`[aalp] first lens of a newly opened file (fan-out.ts): ${(performance.now() - opened).toFixed(0)} ms`);
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
  });

  it("at the call of a wrapper from another file: the fixes that apply here, and where the wrapper sends the request", async () => {
    const agent = workspaceFile("wrapper-agent.ts");
    await vscode.window.showTextDocument(agent);
    const reported = await waitFor("the plugin's diagnostic at ask()", () => pluginDiagnostics(agent).length === 1 && pluginDiagnostics(agent));
    assert.deepEqual(described(reported), ["aalp 91001 16:27-16:39 Warning"]);
    // The wrapper's declaration in wrapper-llm.ts, as related information with its location.
    const related = reported[0]!.relatedInformation!.filter((r) => r.location.uri.path.endsWith("/wrapper-llm.ts"));
    assert.deepEqual(
      related.map((r) => [r.location.range.start.line + 1, r.location.range.start.character, r.message]),
      [[12, 0, "The request is sent by ask (wrapper-llm.ts:12): what it adds to each request is fixed there, what this call passes to it here."]],
    );
    // The history is this file's: window and reset apply here, verified with the wrapper's summary.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", agent, reported[0]!.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.filter((a) => a.kind?.value.startsWith("quickfix.aalp.") && a.title.includes(" → ")).map((a) => `${a.kind?.value} ${a.title}`).sort(), [
      "quickfix.aalp.reset-history Start history afresh each iteration (forgets earlier turns): $0.092 → $0.043 per run at your sizes",
      "quickfix.aalp.window-history Keep the last 8 messages and the system message: $0.092 → $0.08 per run at your sizes",
    ]);
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
  });
  it("re-reads @aalp annotations as they are typed", async () => {
    const text = fs.readFileSync(workspaceFile("chat-history.ts").fsPath, "utf8");
    const doc = await vscode.workspace.openTextDocument({ language: "typescript", content: text });
    await vscode.window.showTextDocument(doc);
    assert.deepEqual(await lensTitles(doc.uri, 1), ["16: ≈ $0.073 · quadratic in |questions| · gpt-4.1"]);
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount, 0), "// @aalp questions <= 5\n"));
    await waitFor("the bounded lens", async () => (await lensTitles(doc.uri, 1))[0] === "16: ≤ $0.024 · constant · gpt-4.1");
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  });

  it("summarises the workspace: the worst class and its sites (status bar)", async () => {
    await api.whenScanned();
    const s = api.summary();
    assert.equal(s.worst, "unbounded");
    // The scan agrees with the lenses, file by file.
    let lensCount = 0;
    for (const uri of await vscode.workspace.findFiles("**/*.ts")) {
      await vscode.workspace.openTextDocument(uri); // the provider command needs the document loaded
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", uri, 100)) ?? [];
      lensCount += lenses.filter((l) => l.command?.command === "aalp.showDerivation").length;
    }
    assert.equal(s.total, lensCount);
    assert.deepEqual(s.sites.map((x) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(x.file))}:${x.line}`), ["evolution-global.ts:15"]);
  });

  it("takes the findings over, once, when TypeScript 7 native (which loads no plugins) is turned on", async () => {
    await vscode.workspace.getConfiguration("typescript").update("experimental.useTsgo", true, vscode.ConfigurationTarget.Workspace);
    assert.equal(await api.diagnosticsProvider(await vscode.workspace.openTextDocument(naive)), "extension");
    // The plugin is told to stay silent (tsserver keeps running here: no native TypeScript extension is installed).
    const reported = await waitFor("the extension's diagnostics and none from the plugin", () => pluginDiagnostics(naive).length === 0 && ourDiagnostics(naive).length === 2 && ourDiagnostics(naive));
    assert.deepEqual(described(reported), ["AALP Lens aalp.growing-history 21:22-25:7 Warning", "AALP Lens aalp.growing-history 29:23-32:7 Warning"]);
    // As the plugin's: the whole program re-sent is the related information, and the code links to the rule's page.
    assert.deepEqual(reported.map((d) => d.relatedInformation?.map((r) => r.message.endsWith("[aalp.whole-input-per-item]"))), [[true], [true]]);
    assert.ok(reported.every((d) => typeof d.code === "object" && d.code.target.path.endsWith("docs/diagnostics/growing-history.md")), reported.map((d) => JSON.stringify(d.code)).join("\n"));
    assert.deepEqual(described(findings(naive)), described(reported));
  });

  it("applies “scope to function” to the naive debugging loop; the saved file and its lenses change class", async () => {
    await vscode.window.showTextDocument(naive);
    // One finding per call: the growing history's, which offers the whole-input fix too.
    const diagnostic = ourDiagnostics(naive).find((d) => codeOf(d) === "aalp.growing-history" && d.range.start.line === 20);
    assert.ok(diagnostic, "no growing-history diagnostic on line 21");
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", naive, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const scope = actions.find((a) => a.kind?.value === "quickfix.aalp.scope-to-function");
    assert.ok(scope?.edit, `no scope-to-function fix among: ${actions.map((a) => a.title).join(" | ")}`);
    assert.equal(scope.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(scope.edit));
    const doc = await vscode.workspace.openTextDocument(naive);
    // The first save can be refused (save() resolves false, nothing logged) while TypeScript is
    // still restarting after the previous test's setting change; seen intermittently here. A user
    // saves again: so does the test, until the document is clean.
    await waitFor("the fixed file saved", async () => (await doc.save()) || !doc.isDirty);
    assert.equal(fs.readFileSync(naive.fsPath, "utf8"), fs.readFileSync(path.join(FIXTURES, "debug-naive.scoped.ts"), "utf8"));
    const after = await waitFor("lenses of the edited file", async () => {
      const titles = await lensTitles(naive, 2);
      return titles.every((t) => t.includes("|programUnits|")) && titles;
    });
    assert.deepEqual(after, ["21: ≈ $0.0018 · linear in |programUnits| · gpt-4o-mini", "29: ≈ $0.041 · linear in |programUnits| · gpt-4o"]);
  });
});

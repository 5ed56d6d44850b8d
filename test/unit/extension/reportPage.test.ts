// The report webview's page and data on plain Node: the workspace report the extension builds
// (the engine side it loads) over examples/, and the HTML shell's CSP and resources.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { analyzeDocument, exportReport, reportPageHtml, sitePosition, reportView, workspaceReport, type ReportFile } from "../../../src/extension/view/engine";
import { reportJson, reportMarkdown, reportSarif } from "../../../src/core/report";
import { DEFAULT_SETTINGS, type AalpSettings } from "../../../src/extension/view/settingsModel";

const EXAMPLES = path.resolve(__dirname, "../../../../examples");

function scanned(settings: AalpSettings): ReportFile[] {
  return fs
    .readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".ts"))
    .map((name) => {
      const fileName = path.join(EXAMPLES, name);
      const text = fs.readFileSync(fileName, "utf8");
      return { relative: name, fileName, text, analysis: analyzeDocument(fileName, text, settings), settings };
    });
}

describe("report webview (plain Node)", function () {
  this.timeout(120_000);
  const settings: AalpSettings = { ...DEFAULT_SETTINGS, assumptions: { rounds: 20 } };
  let files: ReportFile[];
  before(() => {
    files = scanned(settings);
  });

  it("a row per site with bounds, model, growth and dollars; the summary and the worst offenders from the model", () => {
    const model = workspaceReport(files, { version: "0.0.0", assume: settings.assumptions, scale: null });
    const view = reportView(model, files);
    const total = files.reduce((n, f) => n + f.analysis.findings.length, 0);
    assert.equal(view.rows.length, total);
    assert.ok(total >= 20, `only ${total} sites in examples/`);
    const naive = view.rows.find((r) => r.file === "debug-naive.ts" && r.line === 29)!;
    assert.deepEqual(
      { fn: naive.function, cls: naive.costClass, input: naive.input, calls: naive.calls, model: naive.model, dollars: naive.dollarsText },
      { fn: "debugProgram", cls: "quadratic", input: "Θ(rounds²·|program|)", calls: "Θ(rounds)", model: "gpt-4o", dollars: "≈ $0.25" },
    );
    assert.match(view.summary, /LLM call sites? .* in \d+ of 19 files/);
    assert.match(view.assumptions, /^rounds=20, other loop counts 10/);
    // Sites whose requests an outer site counts (a wrapper's own call) are rows, not classed twice.
    assert.equal(model.summary.countedElsewhere, 6);
    assert.equal(view.byClass.reduce((n, c) => n + c.sites, 0) + model.summary.countedElsewhere, total);
    // The costliest sites in dollars, whatever their class.
    assert.deepEqual(
      view.worst.map((i) => `${view.rows[i]!.file}:${view.rows[i]!.line} ${view.rows[i]!.dollarsText}`),
      ["debug-naive.ts:29 ≈ $0.25", "class-history.ts:32 ≤ $0.12", "evolution-local.ts:19 ≤ $0.1", "wrapper-agent.ts:16 ≈ $0.092", "ai-sdk-steps.ts:29 ≤ $0.073"],
    );
    // Each row's fix that saves the most; one that only shortens the span saves no dollars.
    const fix = (file: string, line: number) => view.rows.find((r) => r.file === file && r.line === line)!.fix;
    assert.deepEqual(fix("debug-naive.ts", 29), {
      title: "Send one declaration of program per call, one pass each (drops the rounds cap)",
      saves: 0.213525,
      savesText: "saves ≈ $0.21",
    });
    assert.deepEqual(fix("debug-focused.ts", 14), { title: "Run the iterations 4 at a time: span Θ(|functions|) → ⌈|functions|/4⌉ calls", saves: 0, savesText: "no $ saving" });
    assert.deepEqual(fix("per-item.ts", 12), { title: "Run the iterations 4 at a time: span Θ(|tickets|) → ⌈|tickets|/4⌉ calls", saves: null, savesText: "saving unpriced" });
    assert.equal(fix("fan-out.ts", 11), null);
    assert.match(view.fixes ?? "", /^Quick fixes on \d+ sites would save ≈ \$/);
    // Rows are ordered by file then line, as the CLI's report.
    const keys = view.rows.map((r) => `${r.file}\u0000${String(r.line).padStart(5, "0")}`);
    assert.deepEqual(keys, [...keys].sort((a, b) => a.localeCompare(b)));
  });

  it("exports the model through the CLI's renderers, SARIF's %SRCROOT% at the workspace folder", () => {
    const model = workspaceReport(files, { version: "0.0.0", assume: settings.assumptions, scale: null });
    const root = "file:///ws/";
    assert.equal(exportReport(model, "markdown", root, () => assert.fail("no page assets for Markdown")), reportMarkdown(model));
    assert.equal(exportReport(model, "json", root, () => assert.fail("no page assets for JSON")), JSON.stringify(reportJson(model), null, 2) + "\n");
    const sarif = exportReport(model, "sarif", root, () => assert.fail("no page assets for SARIF"));
    assert.equal(sarif, JSON.stringify(reportSarif(model, root), null, 2) + "\n");
    assert.equal((JSON.parse(sarif) as { runs: { originalUriBaseIds: Record<string, { uri: string }> }[] }).runs[0]!.originalUriBaseIds["%SRCROOT%"]!.uri, root);
    const html = exportReport(model, "html", root, () => ({ script: "/*page-script*/", style: "/*page-style*/" }));
    assert.ok(html.startsWith("<!doctype html>") && html.includes("/*page-script*/") && html.includes("/*page-style*/"), html.slice(0, 200));
    assert.equal(html.match(/<tr data-site=/g)?.length, model.sites.length);
  });

  it("finds a report site in a text edited since the report, by its identity", () => {
    const model = workspaceReport(files, { version: "0.0.0", assume: settings.assumptions, scale: null });
    const sites = model.sites.filter((s) => s.file === "debug-naive.ts");
    assert.deepEqual(sites.map((s) => `${s.site} ${s.line}:${s.column}`), ["debug-naive.ts › debugProgram › openai chat.completions.create #1 21:22", "debug-naive.ts › debugProgram › openai chat.completions.create #2 29:23"]);
    const file = files.find((f) => f.relative === "debug-naive.ts")!;
    const edited = analyzeDocument(file.fileName, `// one\n// two\n// three\n${file.text}`, settings);
    assert.deepEqual(sites.map((s) => sitePosition(edited, "debug-naive.ts", s.site)), [{ line: 24, column: 22 }, { line: 32, column: 23 }]);
    assert.equal(sitePosition(edited, "debug-naive.ts", "debug-naive.ts › debugProgram › openai chat.completions.create #3"), undefined);
    analyzeDocument(file.fileName, file.text, settings);
  });

  it("prices the sites at the user's defaults, as the lenses do, and says so", () => {
    const withDefaults: AalpSettings = { ...DEFAULT_SETTINGS, assumptions: { rounds: 20 }, defaults: { count: 20, size: 500, output: 300 } };
    const own = scanned(withDefaults);
    const model = workspaceReport(own, { version: "0.0.0", assume: withDefaults.assumptions, scale: null, defaults: withDefaults.defaults });
    const view = reportView(model, own, withDefaults.defaults);
    assert.equal(view.assumptions, "rounds=20, other loop counts 20, sizes 500 tokens, uncapped outputs 300 tokens (defaults)");
    // An exported report states the same sizes its dollars were computed at.
    assert.ok(exportReport(model, "markdown", "/ws/", () => assert.fail("no page assets for Markdown")).includes("Dollars at rounds=20, other loop counts 20, sizes 500 tokens, uncapped outputs 300 tokens (defaults)."));
    assert.equal(view.rows.find((r) => r.file === "debug-naive.ts" && r.line === 29)!.dollarsText, "≈ $0.47");
    assert.deepEqual(view.assumptionInputs.find((a) => a.name === "|program|"), { name: "|program|", kind: "size", value: 500, given: false, setInFiles: 0 });
  });

  it("the plot's data: the six sites costliest at 10⁴, their projections and where each stands now", () => {
    const view = reportView(workspaceReport(files, { version: "0.0.0", assume: settings.assumptions, scale: null }), files);
    assert.ok("series" in view.plot, JSON.stringify(view.plot));
    const plot = view.plot;
    assert.deepEqual([plot.metric, plot.sizes, plot.xLabel, plot.yLabel], ["dollars", [1, 10, 100, 1000, 10000], "each site's main loop count (other sizes at the assumptions)", "$ (input and output)"]);
    assert.deepEqual(
      plot.series.map((s) => [s.label, s.function, s.symbol, s.current]),
      [
        ["class-history.ts:32", "walkThroughPlan", "|steps|", { size: 10, value: 0.1191 }],
        ["wrapper-agent.ts:16", "interview", "|questions|", { size: 10, value: 0.09165 }],
        ["debug-naive.ts:29", "debugProgram", "rounds", { size: 20, value: 0.2542 }],
        ["ai-sdk-steps.ts:29", "investigate", "steps", { size: 10, value: 0.07338 }],
        ["chat-history.ts:16", "tutor", "|questions|", { size: 10, value: 0.07334 }],
        ["responses-chain.ts:14", "followUps", "|questions|", { size: 10, value: 0.0562 }],
      ],
    );
    const naive = plot.series[2]!;
    assert.equal(naive.bound, "Θ(rounds²·|program|)");
    assert.deepEqual(naive.values, [0.0030675, 0.07635, 5.331, 510.06, 50775.6]);
    // Each site at its own value: no shared rule.
    assert.equal(plot.current, null);
    assert.equal(plot.note, "○ each site now, at its current assumptions");
    assert.equal(view.scale, null);
    assert.ok(view.scaleCandidates.includes("rounds"), view.scaleCandidates.join(", "));
  });

  it("re-scales the projections along a chosen symbol, leaving the sites that lack it flat", () => {
    const model = workspaceReport(files, { version: "0.0.0", assume: settings.assumptions, scale: "rounds" });
    assert.equal(model.scale, "rounds");
    const naive = model.sites.find((s) => s.file === "debug-naive.ts" && s.line === 29)!;
    assert.equal(naive.projection.symbol, "rounds");
    const [a, b] = [naive.projection.points[1]!.inputTokens!, naive.projection.points[2]!.inputTokens!];
    assert.ok(b / a > 50, `quadratic in rounds: ${a} → ${b}`);
    assert.ok(model.sites.filter((s) => !s.symbols.some((x) => x.name === "rounds")).every((s) => s.projection.symbol === null));
    const view = reportView(model, files);
    assert.equal(view.scale, "rounds");
    assert.ok("series" in view.plot);
    assert.deepEqual([view.plot.xLabel, view.plot.current, view.plot.note], ["rounds (other sizes at the assumptions)", { symbol: "rounds", size: 20 }, "○ each site now, at rounds=20"]);
    assert.deepEqual(view.plot.series.map((s) => [s.label, s.current]), [["debug-naive.ts:29", { size: 20, value: 0.2542 }], ["debug-naive.ts:21", { size: 20, value: 0.014655 }]]);
  });

  it("an input per loop count, size and output the sites mention; values set in the page re-price the sites", () => {
    const base = reportView(workspaceReport(files, { version: "0.0.0", assume: settings.assumptions, scale: null }), files);
    const inputs = base.assumptionInputs;
    assert.deepEqual(inputs.find((a) => a.name === "rounds"), { name: "rounds", kind: "count", value: 20, given: true, setInFiles: 0 });
    assert.deepEqual(inputs.find((a) => a.name === "|program|"), { name: "|program|", kind: "size", value: 200, given: false, setInFiles: 0 });
    const kinds = inputs.map((a) => a.kind);
    assert.deepEqual(kinds, [...kinds].sort((a, b) => ["count", "size", "output"].indexOf(a) - ["count", "size", "output"].indexOf(b)));
    assert.equal(new Set(inputs.map((a) => a.name)).size, inputs.length);
    const model = workspaceReport(files, { version: "0.0.0", assume: settings.assumptions, scale: "rounds", overrides: { rounds: 40, "|program|": 400 } });
    const view = reportView(model, files);
    const at = (v: typeof view) => v.rows.find((r) => r.file === "debug-naive.ts" && r.line === 29)!;
    // Θ(rounds²·|program|) input (plus lower terms): twice the rounds and the program, up to 8× the input tokens.
    const ratio = at(view).inputAt! / at(base).inputAt!;
    assert.ok(ratio > 4 && ratio <= 8, `${at(base).inputAt} → ${at(view).inputAt}`);
    assert.ok(at(view).dollars! > at(base).dollars!);
    assert.match(view.assumptions, /^rounds=40, \|program\|=400, other loop counts 10/);
    assert.deepEqual(view.assumptionInputs.find((a) => a.name === "|program|"), { name: "|program|", kind: "size", value: 400, given: true, setInFiles: 0 });
    assert.equal(model.sites.find((s) => s.file === "debug-naive.ts" && s.line === 29)!.projection.symbol, "rounds");
    // No values set: the same view as without overrides.
    assert.deepEqual(reportView(workspaceReport(files, { version: "0.0.0", assume: settings.assumptions, scale: null, overrides: {} }), files), base);
  });

  it("the page shell: strict CSP with the nonce, script and styles from the given webview URIs only", () => {
    const html = reportPageHtml({ cspSource: "https://file+.vscode-resource.test", nonce: "abc123+/=", scriptUri: "https://r.test/media/report.js", styleUri: "https://r.test/media/report.css" });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!.replace(/&#39;/g, "'");
    assert.equal(csp, "default-src 'none'; img-src https://file+.vscode-resource.test; style-src https://file+.vscode-resource.test; font-src https://file+.vscode-resource.test; script-src 'nonce-abc123+/='");
    assert.ok(!html.includes("unsafe-inline"));
    assert.deepEqual(html.match(/<script[^>]*>/g), ['<script nonce="abc123+/=" src="https://r.test/media/report.js">']);
    assert.ok(html.includes('<link rel="stylesheet" href="https://r.test/media/report.css">'));
    assert.ok(!/ style=|<style/.test(html));
  });
});

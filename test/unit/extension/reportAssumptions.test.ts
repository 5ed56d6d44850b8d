// Which value prices a site in the editor's report: the page's values replace the settings', a
// file's own `@aalp` value stays (and the table says so), and the plot sweeps its scaled symbol for
// every site alike. Two copies of one chat loop, one declaring `turns=5`, priced in exact dollars.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyzeDocument, reportView, workspaceReport, type ReportFile } from "../../../src/extension/view/engine";
import { DEFAULT_SETTINGS, type AalpSettings } from "../../../src/extension/view/settingsModel";

const loop = (annotation: string): string => `import OpenAI from "openai";
const client = new OpenAI();
${annotation}
export async function chat(turns: number, q: string) {
  for (let i = 0; i < turns; i++) {
    await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }], max_tokens: 100 });
  }
}
`;

describe("report assumptions: the more specific value wins", function () {
  this.timeout(60_000);
  const settings: AalpSettings = { ...DEFAULT_SETTINGS, assumptions: { turns: 20 } };
  let dir: string;
  let files: ReportFile[];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-assume-"));
    files = [
      ["declares.ts", loop("// @aalp turns=5")],
      ["plain.ts", loop("")],
    ].map(([relative, text]) => {
      const fileName = path.join(dir, relative!);
      fs.writeFileSync(fileName, text!);
      return { relative: relative!, fileName, text: text!, analysis: analyzeDocument(fileName, text!, settings), settings };
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const site = (model: ReturnType<typeof workspaceReport>, file: string) => model.sites.find((s) => s.file === file)!;

  it("with the settings only: the file's turns=5, the settings' turns=20 elsewhere", () => {
    const model = workspaceReport(files, { version: "0", assume: settings.assumptions, scale: null });
    assert.deepEqual(site(model, "declares.ts").estimate.at, [{ name: "turns", value: 5, source: "assumed" }, { name: "|q|", value: 200, source: "default" }]);
    assert.deepEqual(site(model, "plain.ts").estimate.at, [{ name: "turns", value: 20, source: "assumed" }, { name: "|q|", value: 200, source: "default" }]);
    // A call: |q| input tokens (a message's role is framing, not prompt) at $2.50/M, 100 output tokens at $10/M;
    // $0.0015 at |q|=200.
    assert.equal(site(model, "declares.ts").dollars, 0.0075);
    assert.equal(site(model, "plain.ts").dollars, 0.03);
  });

  it("values set in the page replace the settings', never a file's own", () => {
    const model = workspaceReport(files, { version: "0", assume: settings.assumptions, scale: null, overrides: { turns: 40, "|q|": 1000 } });
    assert.deepEqual(site(model, "declares.ts").estimate.at, [{ name: "turns", value: 5, source: "assumed" }, { name: "|q|", value: 1000, source: "assumed" }]);
    assert.deepEqual(site(model, "plain.ts").estimate.at, [{ name: "turns", value: 40, source: "assumed" }, { name: "|q|", value: 1000, source: "assumed" }]);
    // $0.0035 a call at |q|=1000: 5 calls in the declaring file, 40 in the other.
    assert.equal(site(model, "declares.ts").dollars, 0.0175);
    assert.equal(site(model, "plain.ts").dollars, 0.14);
    assert.deepEqual(model.assumptions, { turns: 40, "|q|": 1000 });
    const view = reportView(model, files);
    assert.deepEqual(view.rows.map((r) => [r.file, r.dollarsText, r.fromFile]), [
      ["declares.ts", "≈ $0.018", ["turns=5"]],
      ["plain.ts", "≈ $0.14", []],
    ]);
    assert.deepEqual(view.assumptionInputs.find((a) => a.name === "turns"), { name: "turns", kind: "count", value: 40, given: true, setInFiles: 1 });
  });

  it("a file's value spelled without bars (`q=50`) still wins over the page's `|q|`", () => {
    const text = loop("// @aalp q=50");
    const fileName = path.join(dir, "bare.ts");
    fs.writeFileSync(fileName, text);
    const bare: ReportFile = { relative: "bare.ts", fileName, text, analysis: analyzeDocument(fileName, text, settings), settings };
    const model = workspaceReport([bare], { version: "0", assume: settings.assumptions, scale: null, overrides: { "|q|": 1000 } });
    assert.deepEqual(site(model, "bare.ts").estimate.at, [{ name: "turns", value: 20, source: "assumed" }, { name: "|q|", value: 50, source: "assumed" }]);
    assert.deepEqual(reportView(model, [bare]).rows[0]!.fromFile, ["|q|=50"]);
  });

  it("the plot sweeps the scaled symbol for every site, the file's own value included", () => {
    const model = workspaceReport(files, { version: "0", assume: settings.assumptions, scale: "turns", overrides: { "|q|": 1000 } });
    const declares = site(model, "declares.ts").projection;
    const plain = site(model, "plain.ts").projection;
    assert.equal(declares.symbol, "turns");
    assert.deepEqual(declares, plain);
    // Linear in turns: $0.0035 a turn at |q|=1000.
    assert.deepEqual(declares.points.map((p) => p.dollars), [0.0035, 0.035, 0.35, 3.5, 35]);
    assert.deepEqual(declares.points.map((p) => p.inputTokens), [1000, 10000, 100000, 1000000, 10000000]);
  });
});

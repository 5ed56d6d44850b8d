// `aalp.analysis.fileBudgetMs`: the editor's per-file analysis budget reaches the core; a file past it
// is skipped with the function the analysis was in; bad values fall back to the default.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyzeDocument } from "../../../src/extension/view/documentAnalysis";
import { DEFAULT_SETTINGS, budgetSetting } from "../../../src/extension/view/settingsModel";
import { callTangle } from "../generatedPrograms";

describe("aalp.analysis.fileBudgetMs", () => {
  it("is contributed with the default the model uses", () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../../package.json"), "utf8"));
    const setting = manifest.contributes.configuration.properties["aalp.analysis.fileBudgetMs"];
    assert.deepEqual([setting.type, setting.default, setting.minimum, setting.scope], ["number", DEFAULT_SETTINGS.fileBudgetMs, 1, "resource"]);
    assert.equal(DEFAULT_SETTINGS.fileBudgetMs, 5000);
  });

  it("a file past the budget is skipped naming its function; a roomy one analyses it", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "aalp-budget-")), "tangle.ts");
    const text = callTangle(200, 1);
    // Budget 0: the first look at the clock (after 64 steps) is past it, so where it stops is fixed.
    const tight = analyzeDocument(file, text, { ...DEFAULT_SETTINGS, fileBudgetMs: 0 });
    assert.deepEqual([tight.skipped, tight.findings.length], ["analysis budget exceeded (in p29)", 0]);
    // Not the default 5 s: wall-clock time, which a loaded machine can pass on this file.
    const roomy = analyzeDocument(file, text, { ...DEFAULT_SETTINGS, fileBudgetMs: 600_000 });
    assert.deepEqual([roomy.skipped, roomy.findings.length], [undefined, 220]);
  });

  it("takes a positive number of milliseconds; anything else gives the default", () => {
    assert.deepEqual([250, 0, -1, NaN, Infinity, "9", null, 1e12].map((v) => budgetSetting(v, 5000)), [250, 5000, 5000, 5000, 5000, 5000, 5000, 86_400_000]);
  });
});

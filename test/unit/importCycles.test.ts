// Modules importing each other in one cycle: each export of the cycle is summarised once, each
// "does it reach an LLM" decided once, so time grows about linearly in the modules (issue 17).
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { Project, formatBound } from "../../src/core";
import { importCycle } from "./generatedPrograms";

function project(files: Record<string, string>): Project {
  return new Project(ts, { readFile: (p) => files[p], fileExists: (p) => p in files });
}

describe("import cycles", () => {
  for (let n = 7; n <= 12; n++) {
    it(`${n} modules in one cycle: every module analysed once, each export summarised once`, () => {
      const files = importCycle(n);
      const p = project(files);
      const results = Object.keys(files).map((f) => p.analyze(f));
      assert.deepEqual(results.map((r) => r.skipped), Array(n).fill(undefined));
      // m0's own SDK call and its loop call of step1; every other module a loop call reaching m0.
      assert.deepEqual(results.map((r) => r.findings.length), [2, ...Array(n - 1).fill(1)]);
      assert.deepEqual({ parsed: p.stats.parsed, analyzed: p.stats.analyzed }, { parsed: n, analyzed: n });
      // Each step_i asked of its module at most once (the earlier engine: thousands at 9).
      assert.ok(p.stats.exportedSummaries <= n, `${p.stats.exportedSummaries} summaries for ${n} modules`);
      const sdk = results[0]!.findings[0]!;
      assert.equal(formatBound(sdk.calls, sdk.rank), "Θ(1)");
    });
  }

  it("a cycle that reaches no LLM is decided without a parse", () => {
    const files = importCycle(12, false);
    const p = project(files);
    for (const f of Object.keys(files)) assert.deepEqual(p.analyze(f).findings, []);
    assert.deepEqual(p.stats, { parsed: 0, analyzed: 0, exportedSummaries: 0, textSearches: 0, importedNamesRead: 12 });
  });
});

// The per-file time budget (AnalysisOptions.timeBudgetMs): a file whose analysis passes it is
// skipped with the function it was in, never a hang; the clock is read every 64 steps.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { Project, analyzeFile } from "../../src/core";
import { callTangle, importCycle } from "./generatedPrograms";

describe("time budget", () => {
  it("a heavy file with a tiny budget is skipped, naming the function the analysis was in", () => {
    // Budget 0: the first look at the clock (after 64 steps) is past it, so where it stops is fixed.
    const r = analyzeFile(ts, "tangle.ts", callTangle(200, 1), { timeBudgetMs: 0 });
    assert.deepEqual(r.findings, []);
    assert.equal(r.skipped, "analysis budget exceeded (in p29)");
  });

  // Roomy budgets below: a wall-clock budget of 5 s (the default) can pass on a loaded machine.
  it("a roomy budget analyses the same file", () => {
    const r = analyzeFile(ts, "tangle.ts", callTangle(200, 1), { timeBudgetMs: 600_000 });
    assert.equal(r.skipped, undefined);
    assert.equal(r.findings.length, 220);
  });

  it("a project skips the file that passed the budget and leaves no half-solved state behind", () => {
    const files = importCycle(9);
    const cycle = Object.keys(files);
    files["/cycle/heavy.ts"] = callTangle(200, 1);
    const host = { readFile: (p: string) => files[p], fileExists: (p: string) => p in files };
    const p = new Project(ts, host, { timeBudgetMs: 0 });
    assert.equal(p.analyze("/cycle/heavy.ts").skipped, "analysis budget exceeded (in p29)");
    // The cycle's small files (under 64 steps each) in the same project, as a fresh project finds them.
    const fresh = new Project(ts, host);
    assert.deepEqual(cycle.map((f) => p.analyze(f).findings.length), cycle.map((f) => fresh.analyze(f).findings.length));
    assert.deepEqual(cycle.map((f) => p.analyze(f).findings.length), [2, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe("time budget while deciding whether a file needs analysing", () => {
  it("a module whose summary passes the budget, asked while deciding an importer, skips the importer with the reason (it threw out of analyze)", () => {
    const files: Record<string, string> = { "/p/heavy.ts": callTangle(200, 1), "/p/use.ts": `import { p7 } from "./heavy";\nexport const run = p7;\n` };
    const p = new Project(ts, { readFile: (f) => files[f], fileExists: (f) => f in files }, { timeBudgetMs: 0 });
    assert.deepEqual(p.analyze("/p/use.ts"), { file: "/p/use.ts", findings: [], skipped: "analysis budget exceeded (in p47)" });
  });
});

describe("time budget in the editor's incremental analysis", () => {
  it("analyzeStatements answers undefined past the budget, as for a file nested too deeply", () => {
    const files: Record<string, string> = { "/p/heavy.ts": callTangle(200, 1) };
    const p = new Project(ts, { readFile: (f) => files[f], fileExists: (f) => f in files }, { timeBudgetMs: 0 });
    assert.equal(p.analyzeStatements("/p/heavy.ts"), undefined);
    const roomy = new Project(ts, { readFile: (f) => files[f], fileExists: (f) => f in files }, { timeBudgetMs: 600_000 });
    assert.equal(roomy.analyzeStatements("/p/heavy.ts")?.findings.length, 220);
  });
});

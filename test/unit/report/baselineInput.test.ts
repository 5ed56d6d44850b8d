// A baseline report damaged in the fields the gate reads is refused with the reason (exit 2 in the
// CLI), never a crash: the 10,000-input fuzz run (seed 20, index 7547) found a null bound term.
import * as assert from "node:assert/strict";
import { baselineSites } from "../../../src/core/report/gate";

const finding = (patch: Record<string, unknown>): Record<string, unknown> => ({
  file: "a.ts",
  line: 3,
  function: "chat",
  sdk: "openai",
  api: "chat.completions.create",
  through: null,
  inputTokens: { text: "Θ(turns²)", terms: [{ coef: 1, factors: { turns: 2 } }] },
  calls: { text: "Θ(turns)", terms: [{ coef: 1, factors: { turns: 1 } }] },
  loops: [{ dataDependent: false }],
  symbols: [{ name: "turns", kind: "count" }],
  ...patch,
});
const report = (f: Record<string, unknown>): unknown => ({ schemaVersion: 1, findings: [f] });

describe("baseline input", () => {
  it("reads a well-formed finding's class", () => {
    assert.deepEqual(baselineSites(report(finding({}))).map((s) => [s.file, s.line, s.costClass, s.input]), [["a.ts", 3, "quadratic", "Θ(turns²)"]]);
  });

  for (const [what, patch] of [
    ["a null input term", { inputTokens: { text: "Θ(turns²)", terms: [null] } }],
    ["a term without factors", { inputTokens: { text: "Θ(turns²)", terms: [{ coef: 1 }] } }],
    ["a factor that is not a number", { inputTokens: { text: "Θ(turns²)", terms: [{ coef: 1, factors: { turns: "2" } }] } }],
    ["a null calls term", { calls: { text: "Θ(turns)", terms: [null] } }],
    ["calls that are null", { calls: null }],
    ["a null loop", { loops: [null] }],
    ["a null symbol", { symbols: [null] }],
  ] as const) {
    it(`refuses ${what} with the reason`, () => {
      assert.throws(() => baselineSites(report(finding(patch))), /^Error: finding 0 lacks file, line, function, sdk, api or bounds$/);
    });
  }
});

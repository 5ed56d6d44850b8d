// Functions that call each other: a tangle is solved once per pass (at most TANGLE_PASSES), not
// once per path, and a recursion through it that no shape bounds is unknown, with the reason.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { FileAnalyzer } from "../../src/core/analysis/fileAnalyzer";
import { analyze, summary } from "./analyze";
import { callTangle } from "./generatedPrograms";

function analyzer(code: string): FileAnalyzer {
  return new FileAnalyzer(ts, ts.createSourceFile("tangle.ts", code, ts.ScriptTarget.Latest, true));
}

describe("call tangles", () => {
  for (const m of [30, 35, 40, 200]) {
    it(`${m} functions each calling 3 others: each summarised at most 3 times (once per pass)`, () => {
      const a = analyzer(callTangle(m, 1));
      const findings = a.findings();
      // One SDK call per ten functions, one loop call per function.
      assert.equal(findings.length, m + Math.ceil(m / 10));
      assert.ok(a.summariesMade <= 3 * m, `${a.summariesMade} summaries for ${m} functions`);
    });
  }

  it("a recursion through two functions that re-enters the model's caller: unknown, with the functions named", () => {
    const code = `import OpenAI from "openai";
const client = new OpenAI();
export async function a(xs: string[], q: string) {
  await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 10, messages: [{ role: "user", content: q }] });
  for (const x of xs) await b(xs, x);
}
export async function b(xs: string[], q: string) {
  if (xs.length > 1) await a(xs.slice(1), q);
}
export async function c(xs: string[], q: string) {
  for (const x of xs) await a(xs, x);
}
`;
    const findings = analyze(code);
    assert.deepEqual(findings.map((f) => [f.line, f.functionName, summary(f).calls]), [
      [4, "a", "Θ(1)"],
      [5, "a", "unknown"],
      [11, "c", "unknown"],
    ]);
    const reason = "functions that call each other (b, a) with LLM costs that grow on every pass: a recursion of no recognised shape";
    assert.deepEqual(findings[1]!.calls, { kind: "unknown", reason });
    assert.equal(findings[2]!.explanation.at(-1), `a() (case.ts:3): ${reason}`);
  });

  it("a tangle that carries no LLM cost around settles, and its callers keep exact bounds", () => {
    const code = `import OpenAI from "openai";
const client = new OpenAI();
function even(n: number): boolean { return n === 0 ? true : odd(n - 1); }
function odd(n: number): boolean { return n === 0 ? false : even(n - 1); }
export async function ask(q: string, n: number) {
  if (even(n)) await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 10, messages: [{ role: "user", content: q }] });
}
export async function all(qs: string[]) {
  for (const q of qs) await ask(q, 2);
}
`;
    const a = analyzer(code);
    const findings = a.findings();
    assert.deepEqual(findings.map((f) => [f.line, f.functionName, summary(f).calls]), [
      [6, "ask", "O(1)"],
      [9, "all", "O(|qs|)"],
    ]);
  });
});

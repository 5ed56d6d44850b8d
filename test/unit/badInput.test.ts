// Bad input never crashes or hangs the analysis: it gives a finding where it can, a clear skip otherwise.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { analyzeFile, formatBound } from "../../src/core";

const HEAD = `import OpenAI from "openai";\nconst ai = new OpenAI();\n`;

describe("bad input", () => {
  it("a syntax error elsewhere keeps the findings it can", () => {
    const r = analyzeFile(ts, "a.ts", `${HEAD}export async function f(q: string) { await ai.chat.completions.create({ model: "m", messages: [{ role: "user", content: q }] }); }\nconst = ;\n`);
    assert.equal(r.skipped, undefined);
    assert.equal(r.findings.length, 1);
  });

  it("skips binary and oversized files with a reason", () => {
    assert.equal(analyzeFile(ts, "b.js", "import 'openai';\u0000\u0001").skipped, "binary file");
    const big = HEAD + "// x\n".repeat(100);
    assert.equal(analyzeFile(ts, "c.ts", big, { maxFileSize: 50 }).skipped, "larger than 50 characters");
  });

  it("minified code on one line is analysed", () => {
    const min = `const O=require("openai");const c=new O;async function f(x){for(const y of x)await c.chat.completions.create({model:"m",max_tokens:5,messages:[{role:"user",content:y}]})}module.exports=f;`;
    const r = analyzeFile(ts, "min.js", min);
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0]!.column, 84);
  });

  it("deep nesting is a skipped file with the reason, not a crash: 3,000 nested blocks, a 5,000-term concatenation", () => {
    const nested = `${HEAD}export async function f(q: string) {\n${"{".repeat(3000)} await ai.chat.completions.create({ model: "m", messages: [{ role: "user", content: q }] }); ${"}".repeat(3000)}\n}\n`;
    const r1 = analyzeFile(ts, "deep.ts", nested);
    assert.deepEqual([r1.findings.length, r1.skipped], [0, "analysis failed: nested too deeply to analyse"]);
    const concat = `${HEAD}export async function f(q: string) { const p = q${" + q".repeat(5000)}; await ai.chat.completions.create({ model: "m", messages: [{ role: "user", content: p }] }); }\n`;
    const r2 = analyzeFile(ts, "concat.ts", concat);
    assert.deepEqual([r2.findings.length, r2.skipped], [0, "analysis failed: nested too deeply to analyse"]);
  });

  it("a flat file of 500 top-level functions, each calling the next, is analysed (it is not nesting)", () => {
    const n = 500;
    const fns = Array.from({ length: n }, (_, i) =>
      i === 0
        ? `export async function f0(qs: string[]) { for (const q of qs) await f1(q); }`
        : i < n - 1
          ? `export async function f${i}(q: string) { return f${i + 1}(q); }`
          : `export async function f${i}(q: string) { return ai.chat.completions.create({ model: "gpt-4.1", max_tokens: 10, messages: [{ role: "user", content: q }] }); }`,
    );
    const r = analyzeFile(ts, "flat.ts", `${HEAD}${fns.join("\n")}\n`);
    assert.equal(r.skipped, undefined);
    // The SDK call in f499, and f0's loop over the call that reaches it through 498 functions.
    assert.deepEqual(r.findings.map((f) => [f.functionName, f.through ?? null, formatBound(f.calls, f.rank)]), [["f0", "f1", "Θ(|qs|)"], [`f${n - 1}`, null, "Θ(1)"]]);
  });

  it("self-referencing and mutually recursive values terminate", () => {
    const r = analyzeFile(ts, "cyc.ts", `${HEAD}export async function f(n: number) {
  let a = "x"; let b = "y";
  for (let i = 0; i < n; i++) { a = b + a; b = a + b; }
  await ai.chat.completions.create({ model: "m", messages: [{ role: "user", content: a + b }] });
}\n`);
    assert.equal(r.findings.length, 1);
  });
});

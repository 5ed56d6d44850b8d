// The analysis walks each node a bounded number of times, whatever the shape: counted, not timed.
// The engine takes the `typescript` module as a parameter, so a copy that counts its node tests and
// child walks measures the work; doubling the input must about double it (a quadratic walk makes
// it four times). Each shape here was quadratic (issue 21: minified code, fuzz inputs of seconds).
import * as assert from "node:assert/strict";
import ts = require("typescript");
import { FileAnalyzer } from "../../src/core/analysis/fileAnalyzer";
import { PATHOLOGICAL_SHAPES } from "../fuzz/generators";
import { countingTypeScript } from "./countingTypeScript";

const HEAD = `import OpenAI from "openai";\nconst ai = new OpenAI();\n`;
const ASK = (q: string): string => `ai.chat.completions.create({ model: "m", messages: [{ role: "user", content: ${q} }] })`;

/** The findings of `text`, and how many node tests (`ts.isX`) and child walks the analysis made. */
function work(text: string): { findings: number; steps: number } {
  const counting = countingTypeScript();
  const sourceFile = ts.createSourceFile("w.ts", text, ts.ScriptTarget.Latest, true);
  const findings = new FileAnalyzer(counting.ts, sourceFile).findings().length;
  return { findings, steps: counting.steps() };
}

/** The work for size 2n over the work for size n. */
function growth(make: (n: number) => string, n: number): { ratio: number; findings: number } {
  const small = work(make(n));
  const large = work(make(2 * n));
  assert.equal(large.findings, small.findings);
  return { ratio: large.steps / small.steps, findings: small.findings };
}

describe("linear walks: doubling the input about doubles the analysis's work", () => {
  it("a string concatenation q + q + … + q (resolving each q and asking whether each write is conditional walked to the top)", () => {
    const concatenation = PATHOLOGICAL_SHAPES.find((s) => s.name === "string concatenation")!;
    const { ratio, findings } = growth((n) => concatenation.make(n, () => 0), 400);
    assert.equal(findings, 1);
    assert.ok(ratio < 2.5, `work grew ${ratio.toFixed(2)}× for twice the terms`);
  });

  it("functions nested in functions, each calling the next (a summary walked every nested function's body too)", () => {
    const nested = (n: number): string => {
      let body = `return ${ASK("q")};`;
      for (let i = n; i > 0; i--) body = `function f${i}(q: string) { ${body} }\nreturn f${i}(q);`;
      return `${HEAD}export async function f0(q: string) { ${body} }\nexport async function main(qs: string[]) { for (const q of qs) await f0(q); }\n`;
    };
    const { ratio, findings } = growth(nested, 60);
    assert.equal(findings, 2);
    assert.ok(ratio < 2.5, `work grew ${ratio.toFixed(2)}× for twice the nesting`);
  });

  it("a long function called from as many places (its body was walked for a client factory at every call)", () => {
    const calls = (n: number): string => {
      const helper = `function helper(x: number) {\n${Array.from({ length: n }, (_, i) => `  if (x > ${i}) x = x - ${i};`).join("\n")}\n  return x;\n}\n`;
      const callers = Array.from({ length: n }, (_, i) => `  helper(${i});`).join("\n");
      return `${HEAD}${helper}export async function main(q: string) {\n${callers}\n  await ${ASK("q")};\n}\n`;
    };
    const { ratio, findings } = growth(calls, 150);
    assert.equal(findings, 1);
    assert.ok(ratio < 2.5, `work grew ${ratio.toFixed(2)}× for twice the calls and body`);
  });

  it("parameters typed by as many interfaces of the file (each interface walked the whole file for the functions returning it)", () => {
    const typed = (n: number): string =>
      HEAD +
      Array.from({ length: n }, (_, i) => `interface G${i} { create(q: string): Promise<string> }\nfunction make${i}(): G${i} { return { create: async (q) => q }; }\nexport async function use${i}(g: G${i}, q: string) { return g.create(q); }\n`).join("") +
      `export async function main(q: string) { return ${ASK("q")}; }\n`;
    const { ratio, findings } = growth(typed, 100);
    assert.equal(findings, 1);
    assert.ok(ratio < 2.5, `work grew ${ratio.toFixed(2)}× for twice the interfaces`);
  });

  it("a field grown by as many helper methods, each called in the method that sends it: that method is walked for their calls once, not once per helper's write", () => {
    // The walks that start at the sending method's node (its own subtrees are walked by other questions too).
    const walksOfRun = (n: number): number => {
      const methods = Array.from({ length: n }, (_, i) => `  record${i}(x: string) { this.history.push(x); }\n`).join("");
      const calls = Array.from({ length: n }, (_, i) => `      this.record${i}(q);`).join("\n");
      const text = `${HEAD}class Chat {\n  history: string[] = [];\n${methods}  async run(qs: string[]) {\n    for (const q of qs) {\n${calls}\n      await ai.chat.completions.create({ model: "m", messages: [{ role: "user", content: this.history.join("") }] });\n    }\n  }\n}\n`;
      const sourceFile = ts.createSourceFile("w.ts", text, ts.ScriptTarget.Latest, true);
      const run = (sourceFile.statements[2] as ts.ClassDeclaration).members.find((m) => m.name && ts.isIdentifier(m.name) && m.name.text === "run")!;
      let walks = 0;
      const counting: Record<string, unknown> = { ...ts };
      counting.forEachChild = (node: ts.Node, ...rest: unknown[]): unknown => {
        if (node === run) walks++;
        return (ts.forEachChild as (...a: unknown[]) => unknown)(node, ...rest);
      };
      const findings = new FileAnalyzer(counting as unknown as typeof ts, sourceFile).findings();
      assert.equal(findings.length, 1);
      assert.equal(findings[0]!.growth, "constant");
      return walks;
    };
    const few = walksOfRun(10);
    assert.equal(walksOfRun(40), few, "the sending method was walked once per helper's write");
  });
});

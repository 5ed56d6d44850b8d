import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { estimate, formatBound } from "../../src/core";
import { applyAnnotations, parseAnnotations } from "../../src/core/annotations";
import { analyze, summary } from "./analyze";

const CHAT = (annotation: string, before = ""): string => `import OpenAI from "openai";
const client = new OpenAI();
export async function chat(turns: number, q: string) {
  const messages: { role: "user"; content: string }[] = [];
  ${before}
  for (let t = 0; t < turns; t++) {
    messages.push({ role: "user", content: q });
    ${annotation}
    await client.chat.completions.create({ model: "gpt-4.1", max_tokens: 50, messages });
  }
}
`;

describe("@aalp annotations", () => {
  it("parses assumptions, bounds and ignores, in line and block comments", () => {
    const a = parseAnnotations(ts, ["// @aalp turns=20, |q|=300", "x(); /* @aalp rounds <= 12 */", "/**\n * @aalp ignore because", " */ // @aalp n ≤ 5 k=2"].join("\n"));
    assert.deepEqual(a.assumptions, [
      { line: 1, name: "turns", value: 20 },
      { line: 1, name: "|q|", value: 300 },
      { line: 5, name: "k", value: 2 },
    ]);
    assert.deepEqual(a.bounds, [
      { line: 2, name: "rounds", max: 12 },
      { line: 5, name: "n", max: 5 },
    ]);
    assert.deepEqual(a.ignores, [4]);
    assert.deepEqual(a.problems, []);
  });

  it("reports what it cannot read, and ignores text without annotations", () => {
    assert.deepEqual(parseAnnotations(ts, "// @aalp turns is twenty\n// @aalp\n").problems.map((p) => p.line), [1, 2]);
    assert.deepEqual(parseAnnotations(ts, "// @aalpine turns=3\nconst s = 1;"), { assumptions: [], bounds: [], ignores: [], problems: [] });
  });

  it("only comments annotate: `// @aalp ignore` inside a string, a template or a regex silences nothing", () => {
    for (const holder of [`const note = "see // @aalp ignore";`, "const note = `see /* @aalp ignore */`;", "const note = /x\\/\\/ @aalp ignore/;"]) {
      const code = CHAT(holder);
      assert.deepEqual(parseAnnotations(ts, code), { assumptions: [], bounds: [], ignores: [], problems: [] }, holder);
      assert.equal(applyAnnotations(analyze(code), parseAnnotations(ts, code)).findings.length, 1, holder);
    }
  });

  it("garbage values are problems with the reason, not silent drops", () => {
    const big = "9".repeat(400);
    const a = parseAnnotations(ts, `// @aalp questions=2O, |q|=abc\n// @aalp n=${big}, m[gpt-4.1]=3\n// @aalp turns=${" ".repeat(50_000)}x\n`);
    assert.deepEqual(a.assumptions, [{ line: 2, name: "m[gpt-4.1]", value: 3 }]);
    assert.deepEqual(a.problems, [
      { line: 1, message: "'questions=2O': '2O' is not a number (digits, with an optional decimal part)" },
      { line: 1, message: "'|q|=abc': 'abc' is not a number (digits, with an optional decimal part)" },
      { line: 2, message: `'n=${big.slice(0, 78)}…': ${big.slice(0, 80)}… is too large` },
      { line: 3, message: "'turns= x': 'x' is not a number (digits, with an optional decimal part)" },
    ]);
  });

  it("assumptions feed estimates and leave the bounds alone", () => {
    const code = CHAT("") + "// @aalp turns=20, q=300\n";
    const r = applyAnnotations(analyze(code), parseAnnotations(ts, code));
    assert.deepEqual(Object.entries(r.assumptions), [["turns", 20], ["q", 300]]);
    assert.equal(Object.getPrototypeOf(r.assumptions), null, "a table keyed by names from the code has no prototype");
    assert.equal(summary(r.findings[0]!).input, "Θ(turns²·|q|)");
  });

  it("a bound substitutes the symbol by its constant and turns Θ into O", () => {
    const code = CHAT("") + "// @aalp turns <= 20\n";
    const [f] = applyAnnotations(analyze(code), parseAnnotations(ts, code)).findings;
    assert.deepEqual([formatBound(f!.inputTokens, f!.rank), formatBound(f!.calls, f!.rank), formatBound(f!.inputPerCall, f!.rank)], ["O(|q|)", "O(1)", "O(|q|)"]);
    assert.deepEqual(f!.symbols.map((s) => s.name), ["m[gpt-4.1]", "|q|"]);
    assert.match(f!.explanation.at(-1)!, /^line 12: @aalp bounds turns ≤ 20/);
  });

  it("a bound on a data-dependent loop's line names that loop, whatever its generated symbol", () => {
    const code = `import OpenAI from "openai";
const client = new OpenAI();
export async function evolve(x: string, ok: (s: string) => boolean) {
  // @aalp attempts <= 50
  while (!ok(x)) {
    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: x }] });
    x = r.choices[0]!.message.content ?? x;
  }
}`;
    const raw = analyze(code);
    assert.equal(summary(raw[0]!).calls, "O(T[evolve])");
    const [f] = applyAnnotations(raw, parseAnnotations(ts, code)).findings;
    assert.equal(formatBound(f!.calls, f!.rank), "O(1)");
    assert.deepEqual(f!.loops.map((l) => [l.tripCount, l.dataDependent]), [["≤ 50", false]]);
  });

  it("a data-decided loop is named after its function: its assumption keeps applying when lines are added above", () => {
    const code = (above: string): string => `${above}import OpenAI from "openai";
const client = new OpenAI();
export async function evolve(x: string, ok: (s: string) => boolean) {
  // @aalp T[evolve]=7
  while (!ok(x)) {
    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: x }] });
    x = r.choices[0]!.message.content ?? x;
  }
}`;
    for (const above of ["", "// notes\n\n\n"]) {
      const text = code(above);
      const r = applyAnnotations(analyze(text), parseAnnotations(ts, text));
      const [f] = r.findings;
      assert.equal(formatBound(f!.calls, f!.rank), "O(T[evolve])");
      // The derivation says which line the loop is on now.
      assert.match(f!.explanation[0]!, new RegExp(`^line ${above ? 8 : 5}: while \\(!ok\\(x\\)\\) exits only when data says so → T\\[evolve\\] iterations, unbounded$`));
      assert.equal(estimate(f!, r.assumptions).calls, 7);
      assert.equal(estimate(f!, { "T[evolve]": 4 }).calls, 4);
    }
  });

  it("ignore silences the site on its own line or the next", () => {
    for (const [annotation, before] of [["// @aalp ignore", ""], ["", ""]] as const) {
      const code = CHAT(annotation, before);
      const r = applyAnnotations(analyze(code), parseAnnotations(ts, code));
      assert.equal(r.findings.length, annotation ? 0 : 1);
      assert.equal(r.ignored.length, annotation ? 1 : 0);
    }
    const trailing = CHAT("").replace("messages });", "messages }); // @aalp ignore");
    assert.equal(applyAnnotations(analyze(trailing), parseAnnotations(ts, trailing)).findings.length, 0);
  });
});

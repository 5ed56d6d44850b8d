// Lines in the analysis's text are marked until findings leave the engine, so that moved code can
// be renumbered instead of analysed again. If one line number were written without its mark, a
// renumbered finding would keep the old number: the property test below catches it.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { Project, analyzeFile, formatBound } from "../../src/core";
import { renderFinding, renumberFinding } from "../../src/core/findingLines";
import { compareNames, lineRef, renderLines, renumberLines } from "../../src/core/lineRefs";
import { visible } from "./findingView";

const EXAMPLES = path.resolve(__dirname, "../../../examples");

describe("marked lines", () => {
  it("render as digits, renumber in place, and fail on a line without a new number", () => {
    const text = `messages grows at line ${lineRef(15)} on every iteration of T${lineRef(9)} (while at line ${lineRef(9)})`;
    assert.equal(renderLines(text), "messages grows at line 15 on every iteration of T9 (while at line 9)");
    const seen: number[] = [];
    renderLines(text, (n) => seen.push(n));
    assert.deepEqual(seen, [15, 9, 9]);
    assert.equal(renderLines(renumberLines(text, (n) => n + 991)!), "messages grows at line 1006 on every iteration of T1000 (while at line 1000)");
    assert.equal(renumberLines(text, (n) => (n === 9 ? undefined : n)), undefined);
    assert.equal(renumberLines("no line here", () => undefined), "no line here");
  });

  it("leave text that only looks like a mark as it is", () => {
    const odd = "\uE000x\uE001 and \uE0007 and \uE000";
    assert.equal(renderLines(odd), odd);
    assert.equal(renderLines(`${odd}${lineRef(3)}`), `${odd}3`);
  });

  it("order names by their numbers' values, marked or not", () => {
    const names = [`T${lineRef(12)}`, "|q|", `T${lineRef(9)}`, "T10", "turns"];
    assert.deepEqual([...names].sort(compareNames).map((n) => renderLines(n)), ["|q|", "T9", "T10", "T12", "turns"]);
    // Renumbered alike, marked names keep their order.
    const renumbered = names.map((n) => renumberLines(n, (l) => l + 95)!);
    assert.deepEqual([...renumbered].sort(compareNames).map((n) => renderLines(n)), ["|q|", "T10", "T104", "T107", "turns"]);
  });

  it("a written T5 and a data-decided loop on line 5 are two symbols: the loop is named after its function", () => {
    const text = `import OpenAI from "openai";
const client = new OpenAI();
export async function rounds(q: string, T5: number) {
  for (let i = 0; i < T5; i++) {
    while (true) {
      const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: q }] });
      if (r.choices[0].message.content === "done") break;
    }
  }
}
`;
    const [f] = analyzeFile(ts, "/ws/r.ts", text).findings;
    assert.equal(formatBound(f!.calls, f!.rank), "O(T[rounds]·T5)");
    assert.equal(formatBound(f!.inputTokens, f!.rank), "O(T[rounds]·T5·|q|)");
    assert.deepEqual(f!.symbols.map((x) => x.name), ["T5", "T[rounds]", "m[gpt-4o]", "|q|"]);
  });

  // Every example, analysed after 1,000 blank lines were put above it, equals its findings
  // analysed in place and renumbered by 1,000: no line number escapes its mark.
  for (const name of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".ts"))) {
    it(`are all the lines an analysis writes: ${name}`, () => {
      const text = fs.readFileSync(path.join(EXAMPLES, name), "utf8");
      const file = path.join(EXAMPLES, name);
      const pad = "\n".repeat(1000);
      const analyse = (t: string): Project => new Project(ts, { readFile: (p) => (p === file ? t : fs.existsSync(p) ? fs.readFileSync(p, "utf8") : undefined), fileExists: (p) => p === file || fs.existsSync(p) });
      const marked = analyse(text).analyzeStatements(file)!.findings;
      const moved = analyse(pad + text).analyze(file).findings;
      assert.ok(marked.length > 0);
      assert.deepEqual(
        marked.map((f) => visible(renderFinding(renumberFinding(f, (o) => o + pad.length, (n) => n + 1000)!))),
        moved.map(visible),
      );
    });
  }
});

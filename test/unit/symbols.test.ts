// Which definition a finding's symbol stands for: never one chosen by another file's line numbers,
// nor by which statements happened to be analysed first.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { analyzeFile } from "../../src/core";
import { Bound } from "../../src/core/algebra/bound";
import { Poly } from "../../src/core/algebra/poly";
import { wholeInputOf } from "../../src/core/advice/diagnostics";
import { SymbolTable } from "../../src/core/symbols";

describe("symbol definitions", () => {
  it("a finding takes its statement's own definition, else the one its bounds used, never another file's by line", () => {
    const table = new SymbolTable();
    table.define({ name: "|q|", kind: "count", line: 5, origin: "a parameter of b.ts", file: "/ws/b.ts" });
    table.define({ name: "m[gpt-4o]", kind: "model", line: 40, origin: "a call further down" });
    const { definition } = table.within(4, 6, () => {
      table.define({ name: "m[gpt-4o]", kind: "model", line: 90, origin: "the call the bounds used" });
      table.define({ name: "|q|", kind: "size", line: 12, origin: "the size the bounds used" });
    });
    assert.equal(definition("|q|")?.origin, "the size the bounds used");
    assert.equal(definition("m[gpt-4o]")?.origin, "the call the bounds used");
  });

  it("a size from another file's summary is not a whole sent before the loop, wherever its line falls", () => {
    const text = `import OpenAI from "openai";
const client = new OpenAI();
export async function each(docs: string[], q: string) {
  for (const d of docs) await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q + d }] });
}
`;
    const f = analyzeFile(ts, "/ws/a.ts", text).findings[0]!;
    const counts = f.symbols.filter((s) => s.kind === "count").map((s) => s.name);
    assert.deepEqual(counts, ["|docs|"]);
    // |q| sent with every d: whole; the same |q| brought by b.ts's summary: per invocation.
    const input = Bound.of(Poly.symbol("|docs|").mul(Poly.symbol("|q|")).add(Poly.symbol("|d|")), true);
    const own = { ...f, inputPerCall: input, symbols: [...f.symbols.filter((s) => s.name !== "|q|"), { name: "|q|", kind: "size" as const, line: 3, origin: "the parameter q" }] };
    assert.deepEqual(wholeInputOf(own), { name: "q", everyVersion: true });
    const foreign = { ...own, symbols: own.symbols.map((s) => (s.name === "|q|" ? { ...s, file: "/ws/b.ts" } : s)) };
    assert.equal(wholeInputOf(foreign), undefined);
  });
});

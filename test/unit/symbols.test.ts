// Which definition a finding's symbol stands for: the one its own bounds used, not the one a
// statement analysed earlier made first; and another file's sizes are per invocation.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { analyzeFile } from "../../src/core";
import { Bound } from "../../src/core/algebra/bound";
import { Poly } from "../../src/core/algebra/poly";
import { wholeInputOf } from "../../src/core/advice/rules/wholeInputPerItem";
import { SymbolTable } from "../../src/core/symbols";

describe("symbol definitions", () => {
  it("a finding's symbols stand for its bounds' own definitions, then a summary's, not the first ones made", () => {
    const table = new SymbolTable();
    table.define({ name: "m[gpt-4o]", kind: "model", line: 5, origin: "a call further up" });
    const loop = table.record(() => table.define({ name: "|qs|", kind: "count", line: 9, origin: "a loop over qs" }));
    const { defined } = table.record(() => {
      table.offer([{ name: "m[gpt-4o]", kind: "model", line: 40, origin: "the call in ask()" }, { name: "|q|", kind: "size", line: 3, origin: "ask()'s parameter" }]);
      // A cached loop read again: its symbols are this finding's too.
      table.repeat(loop.defined);
      table.define({ name: "|q|", kind: "size", line: 12, origin: "the loop's element, passed to ask()" });
      table.define({ name: "|qs|", kind: "size", line: 30, origin: "a later definition" });
    });
    const definition = table.definitionIn(defined);
    assert.equal(definition("m[gpt-4o]")?.origin, "the call in ask()");
    assert.equal(definition("|q|")?.origin, "the loop's element, passed to ask()");
    assert.equal(definition("|qs|")?.origin, "a loop over qs");
    assert.equal(definition("never"), undefined);
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

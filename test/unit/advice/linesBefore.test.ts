// Which line before a fix each line of the fixed text shows: kept, shifted, re-indented, or new.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { applyEdits, type TextEdit } from "../../../src/core/advice";
import { linesBefore } from "../../../src/core/advice/fixes/linesBefore";

function mapped(before: string, edits: TextEdit[]): (number | undefined)[] {
  const after = applyEdits(before, edits);
  const sf = (text: string): ts.SourceFile => ts.createSourceFile("a.ts", text, ts.ScriptTarget.Latest, true);
  const back = linesBefore(sf(before), sf(after), edits);
  return after.split("\n").map((_, i) => back(i + 1));
}

describe("linesBefore", () => {
  const before = ["function f() {", "  while (a) {", "    g();", "  }", "}"].join("\n");

  it("shifts the lines below an inserted line; the inserted line has none", () => {
    const at = before.indexOf("while");
    assert.deepEqual(mapped(before, [{ start: at, end: at, newText: "const x = 1;\n  " }]), [1, undefined, 2, 3, 4, 5]);
  });

  it("maps a line whose first characters a fix wrote by the first character it kept", () => {
    const at = before.indexOf("g()");
    assert.deepEqual(mapped(before, [{ start: at, end: at, newText: "await " }]), [1, 2, 3, 4, 5]);
  });

  it("maps a line re-indented inside the replaced text by its text; the new lines have none", () => {
    const start = before.indexOf("while");
    const end = before.indexOf("}\n}") + 1;
    const newText = ["run(() => {", "    while (a) {", "      g();", "    }", "  });"].join("\n");
    assert.deepEqual(mapped(before, [{ start, end, newText }]), [1, undefined, 2, 3, 4, undefined, 5]);
  });

  it("names no line when two replaced lines read the same", () => {
    const twice = ["while (a) {", "  g();", "  g();", "}"].join("\n");
    const newText = ["run(() => {", "    g();", "    g();", "});"].join("\n");
    assert.deepEqual(mapped(twice, [{ start: 0, end: twice.length, newText }]), [undefined, undefined, undefined, undefined]);
  });
});

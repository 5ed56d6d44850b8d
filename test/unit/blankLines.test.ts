// Blank lines inside a statement: which edits only add or remove whole blank lines (blankChange),
// and where such lines change no token (betweenTokens). The incremental advice keeps a statement's
// advice across exactly these edits (see incrementalAdvice.test.ts for the advice itself).
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { betweenTokens, blankChange } from "../../src/core/project/blankLines";

describe("blank lines inside a statement", () => {
  describe("blankChange", () => {
    const before = "\nfunction f() {\n  a();\n  b();\n}";
    it("a blank line typed at a line start, with the editor's indentation", () => {
      assert.deepEqual(blankChange(before, "\nfunction f() {\n  a();\n  \n  b();\n}"), { at: 23, chars: 3, line: 3, lines: 1 });
    });
    it("two blank lines removed", () => {
      assert.deepEqual(blankChange("\nf(\n\n \n  x)", "\nf(\n  x)"), { at: 4, chars: -3, line: 2, lines: -2 });
    });
    it("a blank line with a carriage return (CRLF)", () => {
      assert.deepEqual(blankChange("\r\nf(\r\n  x)", "\r\nf(\r\n\r\n  x)"), { at: 6, chars: 2, line: 2, lines: 1 });
    });
    it("not a blank-line change: a line split between tokens, a character typed, lines both added and removed, the first or last line", () => {
      assert.equal(blankChange(before, "\nfunction f() {\n  a();\n  b(\n);\n}"), undefined);
      assert.equal(blankChange(before, "\nfunction f() {\n  a();\n  b(1);\n}"), undefined);
      assert.equal(blankChange("\nf(\n\n  x)", "\nf(\n \n\n  y)"), undefined);
      assert.equal(blankChange("f(\n  x)", "\nf(\n  x)"), undefined);
      assert.equal(blankChange("\nf(\n  x)", "\nf(\n  x)\n"), undefined);
      assert.equal(blankChange(before, before), undefined);
    });
  });

  describe("betweenTokens", () => {
    /** Whether a blank line at the start of the line holding `marker` (which is removed) changes no token. */
    function at(source: string, fileName = "/v/a.ts"): boolean {
      const pos = source.indexOf("@");
      const text = source.slice(0, pos) + source.slice(pos + 1);
      const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      return betweenTokens(ts, sf, sf.statements[0]!, pos);
    }
    it("between statements, arguments, properties and before a closing brace: yes", () => {
      assert.equal(at("function f() {\n  a();\n@  b();\n}"), true);
      assert.equal(at("f(1,\n@  2);"), true);
      assert.equal(at("const o = {\n  a: 1,\n@  b: 2,\n};"), true);
      assert.equal(at("function f() {\n  a();\n@}"), true);
      assert.equal(at("function f() {\n  a(); // note\n@  b();\n}"), true);
    });
    it("in a template's text, a string's continuation, a block comment or JSX text: no", () => {
      assert.equal(at("const s = `a\n@b`;"), false);
      assert.equal(at("const s = `${x}\n@b${y}`;"), false);
      assert.equal(at('const s = "a\\\n@b";'), false);
      assert.equal(at("function f() {\n  a(); /* one\n@two */ b();\n}"), false);
      assert.equal(at("function f() {\n  /* one\n@two */\n  b();\n}"), false);
      assert.equal(at("const e = <div>\n@  text\n</div>;", "/v/a.tsx"), false);
    });
    it("inside a template's expression: yes", () => {
      assert.equal(at("const s = `a${f(1,\n@  2)}b`;"), true);
    });
  });
});

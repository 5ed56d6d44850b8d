// The import scan reads the scanned repository's text before any parse: what it finds, and that
// no text makes it backtrack (each of these inputs took minutes with the earlier expressions).
import * as assert from "node:assert/strict";
import { importedNames, importedSpecifiers } from "../../src/core/project/modulePaths";

describe("import scan", () => {
  it("finds each form of import, re-export, require and dynamic import, with the names taken", () => {
    const text = [
      `import OpenAI from "openai";`,
      `import def, { a, b as c, type T } from "./named";`,
      `import type { U } from "./types";`,
      `import type V, { W as X } from "./typed-default";`,
      `import * as ns from "./ns";`,
      `import "./side";`,
      `export { x as y } from "./reexport";`,
      `export * from "./star";`,
      `export * as all from "./star-as";`,
      `const r = require("./req");`,
      `const d = await import("./dyn");`,
    ].join("\n");
    assert.deepEqual(importedNames(text), [
      { specifier: "openai", names: ["default"] },
      // Names imported as types are kept apart: they count only as interfaces that stand for a client.
      { specifier: "./named", names: ["a", "b", "default"], types: ["T"] },
      { specifier: "./types", names: [], types: ["U"] },
      { specifier: "./typed-default", names: [], types: ["W", "V"], defaultType: true },
      { specifier: "./ns", names: "*" },
      { specifier: "./side", names: "*" },
      { specifier: "./reexport", names: "*" },
      { specifier: "./star", names: "*" },
      { specifier: "./star-as", names: "*" },
      { specifier: "./req", names: "*" },
      { specifier: "./dyn", names: "*" },
    ]);
    assert.deepEqual(importedSpecifiers(text), ["openai", "./named", "./types", "./typed-default", "./ns", "./side", "./reexport", "./star", "./star-as", "./req", "./dyn"]);
  });

  // Under the 2 MB file limit; each is linear now (milliseconds), quadratic or worse before.
  const hostile: [string, string][] = [
    ["many `export` without `from` or `;`", "export a\n".repeat(200_000)],
    ["many `import {` without `}`", "import {\n".repeat(200_000)],
    ["a name list of blanks", `import { a${" ".repeat(1_500_000)}} from "./x";`],
    ["blanks after a default import", `import a${" ".repeat(1_500_000)}x`],
    ["blanks after `import`", `import${" ".repeat(1_500_000)}x`],
    ["many `export {` without `}`", "export {\n".repeat(200_000)],
  ];
  for (const [what, text] of hostile) {
    it(`scans ${what} in one pass`, () => {
      const names = importedNames(text);
      const specifiers = importedSpecifiers(text);
      assert.deepEqual([names.length, specifiers.length], what === "a name list of blanks" ? [1, 1] : [0, 0]);
    });
  }
});

// Module resolution shared between files (Project.sharedResolution): a relative specifier is resolved
// once per importing folder, any other once per path mapping, counted by the host's fileExists.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { Project } from "../../src/core";

const FILES: Record<string, string> = {
  "/w/llm.ts": `export async function ask(q: string) { return q; }\n`,
  "/w/lib/helper.ts": `export const helper = 1;\n`,
  "/w/other/helper.ts": `export const helper = 2;\n`,
  "/w/sub/llm.ts": `export async function ask(q: string) { return q; }\n`,
  // Three files of one folder importing the same three specifiers (one of them names no file).
  ...Object.fromEntries(["a", "b", "c"].map((n) => [`/w/${n}.ts`, `import { ask } from "./llm";\nimport { helper } from "@lib/helper";\nimport { gone } from "./gone";\n`])),
  // Another folder: its "./llm" is another file, and its nested mapping sends @lib elsewhere.
  "/w/sub/d.ts": `import { ask } from "./llm";\nimport { helper } from "@lib/helper";\nimport { up } from "../llm";\n`,
  "/w/sub/e.ts": `import { helper } from "@lib/helper";\n`,
};

describe("module resolution shared between files", () => {
  it("files of one folder resolve a relative specifier once, files under one mapping a bare one once", () => {
    const asked: string[] = [];
    const host = { readFile: (p: string) => FILES[p], fileExists: (p: string) => (asked.push(p), p in FILES) };
    const nested = { baseUrl: "/w", paths: { "@lib/*": ["other/*"] } };
    const project = new Project(ts, host, { files: Object.keys(FILES), baseUrl: "/w", paths: { "@lib/*": ["lib/*"] }, mappingFor: (f) => (f.startsWith("/w/sub/") ? { ...nested } : undefined) });
    const targets = ["a", "b", "c", "sub/d", "sub/e"].map((n) => project.importTargets(`/w/${n}.ts`));
    assert.deepEqual(targets, [
      ["/w/llm.ts", "/w/lib/helper.ts"],
      ["/w/llm.ts", "/w/lib/helper.ts"],
      ["/w/llm.ts", "/w/lib/helper.ts"],
      ["/w/sub/llm.ts", "/w/other/helper.ts", "/w/llm.ts"],
      ["/w/other/helper.ts"],
    ]);
    // /w: ./llm 1 candidate name, @lib/helper 1, ./gone all 16: once for a, b and c together (54 names before).
    // /w/sub: ./llm and ../llm 1 each; @lib/helper once per mapping object (d's and e's are equal, not the same object).
    const count = (p: string): number => asked.filter((x) => x === p).length;
    assert.deepEqual([count("/w/llm.ts"), count("/w/lib/helper.ts"), count("/w/gone.ts"), count("/w/sub/llm.ts"), count("/w/other/helper.ts")], [2, 1, 1, 1, 2]);
    assert.equal(asked.length, 22);
  });
});

// What other modules ask of a module's exports (where a name is declared, which classes implement an
// interface, whether an export is a factory) is read once per module and kept when a batch run lets
// its syntax tree go: asked again for another name, the module is not parsed again. Counted, not timed.
import * as assert from "node:assert/strict";
import ts = require("typescript");
import { FileAnalyzer } from "../../src/core/analysis/fileAnalyzer";
import { Project } from "../../src/core";
import { collectUntil } from "../support/collectGarbage";
import { memoryProject } from "./project";

const LLM = `import OpenAI from "openai";\nconst ai = new OpenAI();\nexport async function ask(q: string) {\n  return ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });\n}\n`;

describe("exports kept when a module's tree is let go", () => {
  it("a name found through a barrel after the declaring module's tree was let go: no parse again", () => {
    // The barrel reaches an LLM through llm.ts, and so does consts.ts (by its import of llm.ts; a module
    // that reaches none is not searched for a client), which declares the names asked.
    const { project } = memoryProject({
      "/p/llm.ts": LLM,
      "/p/consts.ts": `import "./llm";\nexport const LIMIT = 3;\nexport const NAME = "x";\nexport class Box {}\n`,
      "/p/index.ts": `export * from "./consts";\nexport * from "./llm";\n`,
      "/p/a.ts": `import { LIMIT } from "./index";\nexport const a = LIMIT;\n`,
      "/p/b.ts": `import { NAME } from "./index";\nexport const b = NAME;\n`,
      "/p/c.ts": `import { Box } from "./index";\nexport const c = new Box();\n`,
    });
    assert.deepEqual(project.analyze("/p/a.ts").findings, []);
    // index.ts to follow its re-exports, consts.ts to find LIMIT there (and whether it is a client).
    assert.equal(project.stats.parsed, 2);
    assert.deepEqual(project.releaseTrees(0), ["/p/index.ts", "/p/consts.ts"]);
    assert.deepEqual(project.analyze("/p/b.ts").findings, []);
    assert.deepEqual(project.analyze("/p/c.ts").findings, []);
    // NAME and Box are found from what was kept of both, without parsing index.ts again; consts.ts is
    // parsed once more, to answer whether each is a client (the answers are kept per name).
    assert.equal(project.stats.parsed, 3);
    assert.equal(project.stats.analyzed, 0);
  });

  it("a module that may export any name (module.exports = { … }) is read from its tree each time, with the same answers", () => {
    const { project } = memoryProject({
      "/p/llm.ts": LLM,
      "/p/consts.js": `require("./llm");\nconst LIMIT = 3;\nconst NAME = "x";\nmodule.exports = { LIMIT, NAME };\n`,
      "/p/index.ts": `export * from "./consts.js";\nexport * from "./llm";\n`,
      "/p/a.ts": `import { LIMIT } from "./index";\nexport const a = LIMIT;\n`,
      "/p/b.ts": `import { NAME } from "./index";\nexport const b = NAME;\n`,
    });
    assert.deepEqual(project.analyze("/p/a.ts").findings, []);
    assert.equal(project.stats.parsed, 2);
    project.releaseTrees(0);
    assert.deepEqual(project.analyze("/p/b.ts").findings, []);
    // index.ts's exports were kept; consts.js is asked for NAME through its tree.
    assert.equal(project.stats.parsed, 3);
  });

  it("implementations of an interface of another module, in a module whose tree was let go: its heritage clauses were kept", () => {
    const method = `async review(q: string) {\n    return ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });\n  }`;
    const { project } = memoryProject({
      "/p/types.ts": `export interface Reviewer {\n  review(q: string): Promise<unknown>;\n}\n`,
      "/p/types2.ts": `export interface Checker {\n  review(q: string): Promise<unknown>;\n}\n`,
      "/p/impl.ts": `import OpenAI from "openai";\nimport type { Reviewer } from "./types";\nimport type { Checker } from "./types2";\nconst ai = new OpenAI();\nexport class Both implements Reviewer, Checker {\n  ${method}\n}\n`,
      "/p/u1.ts": `import type { Reviewer } from "./types";\nexport async function run(r: Reviewer, qs: string[]) {\n  for (const q of qs) await r.review(q);\n}\n`,
      "/p/u2.ts": `import type { Checker } from "./types2";\nexport async function run(c: Checker, qs: string[]) {\n  for (const q of qs) await c.review(q);\n}\n`,
    });
    const lines = (f: string): number[] => project.analyze(f).findings.map((x) => x.line);
    assert.deepEqual(lines("/p/u1.ts"), [3]);
    assert.equal(project.stats.parsed, 3);
    assert.deepEqual(project.releaseTrees(0), ["/p/impl.ts", "/p/u1.ts", "/p/types.ts"]);
    assert.deepEqual(lines("/p/u2.ts"), [3]);
    // u2.ts and types2.ts; impl.ts is not parsed again: Both.review's summary and its heritage clauses were kept.
    assert.equal(project.stats.parsed, 5);
  });

  it("a module's heritage clauses are read when it is parsed: asked after its release, it is not parsed again", () => {
    const { project } = memoryProject({
      "/p/types.ts": `export interface Reviewer {\n  review(q: string): Promise<unknown>;\n}\n`,
      // A class implementing another Reviewer (a package's), in a module that makes LLM calls of its own.
      "/p/impl.ts": `import OpenAI from "openai";\nimport type { Reviewer } from "some-package";\nconst ai = new OpenAI();\nexport class Mine implements Reviewer {\n  async review(q: string) {\n    return ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });\n  }\n}\n`,
      "/p/u1.ts": `import type { Reviewer } from "./types";\nexport async function run(r: Reviewer, qs: string[]) {\n  for (const q of qs) await r.review(q);\n}\n`,
    });
    assert.deepEqual(project.analyze("/p/impl.ts").findings.map((f) => f.line), [6]);
    assert.equal(project.stats.parsed, 1);
    project.release("/p/impl.ts");
    // u1.ts asks which classes implement types.ts's Reviewer: impl.ts's clause names the package's,
    // read when impl.ts was parsed for its own report. Only types.ts is parsed (to find Reviewer there).
    assert.deepEqual(project.analyze("/p/u1.ts").findings, []);
    assert.equal(project.stats.parsed, 2);
  });

  it("a name asked again whether it is a factory (load().*): answered from what was kept", () => {
    const { project } = memoryProject({
      "/p/llm.ts": `${LLM}export const MODEL = "gpt-4.1";\n`,
      "/p/a.ts": `import { MODEL } from "./llm";\nexport const a = MODEL;\n`,
      "/p/b.ts": `import { MODEL } from "./llm";\nexport const b = MODEL;\n`,
    });
    assert.deepEqual(project.analyze("/p/a.ts").findings, []);
    assert.equal(project.stats.parsed, 1);
    project.releaseTrees(0);
    assert.deepEqual(project.analyze("/p/b.ts").findings, []);
    // MODEL's summaries and client were kept; whether it is a factory is too.
    assert.equal(project.stats.parsed, 1);
  });
});

describe("what is kept of a module holds none of its syntax tree", () => {
  it("trees let go past the cap are collected, the exports, heritage clauses and factories kept of them notwithstanding", async () => {
    const files: Record<string, string> = {
      "/p/llm.ts": `${LLM}export const MODEL = "gpt-4.1";\n`,
      "/p/consts.ts": `import "./llm";\nexport const LIMIT = 3;\nexport class Box implements Shape {}\ninterface Shape {}\n`,
      "/p/index.ts": `export * from "./consts";\nexport * from "./llm";\n`,
      "/p/a.ts": `import { LIMIT, MODEL } from "./index";\nexport const a = [LIMIT, MODEL];\n`,
    };
    const trees = new Map<string, WeakRef<ts.SourceFile>>();
    const recording = { ...ts, createSourceFile: (...args: Parameters<typeof ts.createSourceFile>): ts.SourceFile => {
      const tree = ts.createSourceFile(...args);
      trees.set(args[0], new WeakRef(tree));
      return tree;
    } };
    const project = new Project(recording as typeof ts, { readFile: (p) => files[p], fileExists: (p) => p in files }, { files: Object.keys(files) });
    assert.deepEqual(project.analyze("/p/a.ts").findings, []);
    assert.deepEqual([...trees.keys()].sort(), ["/p/consts.ts", "/p/index.ts", "/p/llm.ts"]);
    assert.equal(project.releaseTrees(0).length, 3);
    await collectUntil(() => [...trees.values()].every((t) => t.deref() === undefined));
    assert.deepEqual([...trees].filter(([, t]) => t.deref() !== undefined).map(([f]) => f), []);
  });
});

describe("a module's exports are found in one pass", () => {
  /** Node tests and child walks made to ask a module of n exports about each of them. */
  function work(n: number): number {
    let steps = 0;
    const counting: Record<string, unknown> = { ...ts };
    for (const [k, v] of Object.entries(ts)) {
      if (typeof v === "function" && (/^is[A-Z]/.test(k) || k === "forEachChild" || k === "getModifiers" || k === "canHaveModifiers")) {
        counting[k] = (...args: unknown[]): unknown => {
          steps++;
          return (v as (...a: unknown[]) => unknown)(...args);
        };
      }
    }
    const text = Array.from({ length: n }, (_, i) => `export function f${i}(x: number) { return x + ${i}; }`).join("\n");
    const analyzer = new FileAnalyzer(counting as unknown as typeof ts, ts.createSourceFile("m.ts", text, ts.ScriptTarget.Latest, true));
    for (let i = 0; i < n; i++) assert.equal(analyzer.declaresExport(`f${i}`), true);
    assert.equal(analyzer.declaresExport("missing"), false);
    return steps;
  }

  it("asking each of twice the exports about doubles the work (each name read every statement)", () => {
    const ratio = work(400) / work(200);
    assert.ok(ratio < 2.5, `work grew ${ratio.toFixed(2)}× for twice the exports`);
  });
});

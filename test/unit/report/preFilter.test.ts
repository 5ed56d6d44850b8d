// The file-level pre-filter a report runs before any parse (Project.analyze: `reachesLlm` and
// `usesLlm` over the text scans of the import graph): a file that cannot reach an LLM is reported
// with no site unparsed, and one that reaches a site by any way the scan sees is analysed. The
// ways counted here are a re-export chain, `require`, a dynamic `import()`, an endpoint with no
// import, and a path-mapped specifier. Parses are counted, not timed (docs/performance.md, tenth pass).
import * as assert from "node:assert/strict";
import { memoryProject, sitesOf } from "../project";

const LLM = `import OpenAI from "openai";\nconst ai = new OpenAI();\nexport async function ask(q: string) {\n  return ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });\n}\n`;

describe("the report's pre-filter: files that cannot reach an LLM are not parsed", () => {
  it("an unrelated file (a package outside the catalog, a project module reaching no LLM) is reported with no site and not parsed", () => {
    const { project } = memoryProject({
      "/p/llm.ts": LLM,
      "/p/util.ts": `export const pad = (s: string) => s.padStart(8);\n`,
      "/p/page.ts": `import { chunk } from "lodash";\nimport { pad } from "./util";\nexport function rows(xs: string[]) {\n  for (const x of chunk(xs, 2)) console.log(pad(x.join()));\n}\n`,
    });
    assert.deepEqual(project.analyze("/p/page.ts"), { file: "/p/page.ts", findings: [] });
    assert.deepEqual({ parsed: project.stats.parsed, analyzed: project.stats.analyzed }, { parsed: 0, analyzed: 0 });
  });

  it("a site reached only through a chain of re-exports is found; the barrel's unrelated module is not parsed", () => {
    const { project } = memoryProject({
      "/p/llm.ts": LLM,
      "/p/mid.ts": `export { ask as askModel } from "./llm";\n`,
      "/p/other.ts": `export const LIMIT = 3;\n`,
      "/p/index.ts": `export * from "./other";\nexport * from "./mid";\n`,
      "/p/run.ts": `import { askModel } from "./index";\nexport async function run(qs: string[]) {\n  for (const q of qs) await askModel(q);\n}\n`,
    });
    assert.deepEqual(sitesOf(project, "/p/run.ts", ["calls", "api"]), [{ line: 3, calls: "Θ(|qs|)", api: "openai askModel() → chat.completions.create" }]);
    // run.ts, index.ts, mid.ts and llm.ts; other.ts reaches no LLM.
    assert.equal(project.stats.parsed, 4);
  });

  it("a site reached through require is found", () => {
    const { project } = memoryProject({
      "/p/llm.ts": LLM,
      "/p/run.js": `const { ask } = require("./llm");\nasync function run(qs) {\n  for (const q of qs) await ask(q);\n}\nmodule.exports = { run };\n`,
    });
    assert.deepEqual(sitesOf(project, "/p/run.js", ["calls", "api"]), [{ line: 3, calls: "Θ(|qs|)", api: "openai ask() → chat.completions.create" }]);
  });

  it("a file reaching an LLM only through a dynamic import() is analysed", () => {
    const { project } = memoryProject({
      "/p/llm.ts": LLM,
      "/p/run.ts": `export async function run(qs: string[]) {\n  const { ask } = await import("./llm");\n  for (const q of qs) await ask(q);\n}\n`,
    });
    project.analyze("/p/run.ts");
    // The pre-filter's part: run.ts is parsed and analysed. (The analysis does not follow the value
    // of an `import()` yet, so it finds no site there: a gap of the analysis, not of the filter.)
    assert.deepEqual({ parsed: project.stats.parsed, analyzed: project.stats.analyzed }, { parsed: 1, analyzed: 1 });
  });

  it("a fetch of an LLM endpoint, with no import, is analysed", () => {
    const { project } = memoryProject({
      "/p/run.ts": `export async function run(qs: string[]) {\n  for (const q of qs)\n    await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ model: "gpt-4.1", messages: [{ role: "user", content: q }] }) });\n}\n`,
    });
    assert.deepEqual(sitesOf(project, "/p/run.ts", ["calls", "api"]), [{ line: 3, calls: "Θ(|qs|)", api: "http:openai POST /v1/chat/completions" }]);
  });

  it("a site reached through a path-mapped specifier is found", () => {
    const { project } = memoryProject(
      {
        "/p/src/lib/llm.ts": LLM,
        "/p/src/run.ts": `import { ask } from "@lib/llm";\nexport async function run(qs: string[]) {\n  for (const q of qs) await ask(q);\n}\n`,
      },
      { baseUrl: "/p/src", paths: { "@lib/*": ["lib/*"] } },
    );
    assert.deepEqual(sitesOf(project, "/p/src/run.ts", ["calls", "api"]), [{ line: 3, calls: "Θ(|qs|)", api: "openai ask() → chat.completions.create" }]);
  });
});

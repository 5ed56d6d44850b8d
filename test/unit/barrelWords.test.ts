// A name imported through a barrel's `export *` lines is looked for only in the re-exported modules
// that write it as a whole word (Project.mentions): a module naming `ConfigParameters` cannot export
// `Config`. The lookup used to match any substring, and each module so matched was decided (its
// imports summarised) and parsed for its exports: on gemini-cli, 81 of the core barrel's 188 modules
// for `Config`, of which 47 write the word. Counted, not timed.
import * as assert from "node:assert/strict";
import { memoryProject } from "./project";

const NEIGHBOURS = 5;

function barrelProject(): ReturnType<typeof memoryProject> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= NEIGHBOURS; i++) {
    files[`/p/core/p${i}.ts`] = `import OpenAI from "openai";\nconst ai = new OpenAI();\nexport interface ConfigParameters${i} { model: string }\nexport async function helper${i}(q: string) {\n  return ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });\n}\n`;
  }
  files["/p/core/config.ts"] = `import OpenAI from "openai";\nconst ai = new OpenAI();\nexport class Config {\n  async ask(q: string) {\n    return ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });\n  }\n}\n`;
  files["/p/core/index.ts"] = [...Array.from({ length: NEIGHBOURS }, (_, i) => `export * from "./p${i + 1}";`), `export * from "./config";`].join("\n") + "\n";
  files["/p/app.ts"] = `import { Config } from "./core";\nexport async function run(qs: string[]) {\n  const c = new Config();\n  for (const q of qs) {\n    await c.ask(q);\n  }\n}\n`;
  return memoryProject(files);
}

describe("names looked up through a barrel's export * as whole words", () => {
  it("skip the re-exported modules that write the name only inside a longer identifier", () => {
    const { project } = barrelProject();
    const r = project.analyze("/p/app.ts");
    assert.deepEqual(r.findings.map((f) => [f.line, f.api]), [[5, "c.ask() → chat.completions.create"]]);
    // app.ts, the barrel and config.ts; none of the five modules naming `ConfigParametersN`.
    assert.equal(project.stats.parsed, 3);
    assert.equal(project.stats.textSearches, NEIGHBOURS + 1);
  });
});

// A name imported through a barrel of `export * from` lines is looked for in each re-exported
// module until one declares it (Project.mentions). The lookups came once per kind of answer asked
// (summary, class methods, client, declaring module), each searching the modules' texts again:
// gemini-cli's core barrel re-exports ~200 modules. Counted, not timed.
import * as assert from "node:assert/strict";
import { memoryProject } from "./project";

const MODULES = 20;

function barrelProject(): ReturnType<typeof memoryProject> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= MODULES; i++) {
    files[`/p/lib/m${i}.ts`] = `import OpenAI from "openai";\nconst ai = new OpenAI();\nexport async function ask${i}x(q: string) {\n  return ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });\n}\n`;
  }
  files["/p/lib/index.ts"] = Array.from({ length: MODULES }, (_, i) => `export * from "./m${i + 1}";`).join("\n") + "\n";
  files["/p/app.ts"] = `import { ask3x, ask7x, ask15x, ask20x } from "./lib";\nexport async function run(qs: string[]) {\n  for (const q of qs) {\n    await ask3x(q);\n    await ask7x(q);\n    await ask15x(q);\n    await ask20x(q);\n  }\n}\n`;
  return memoryProject(files);
}

describe("names looked up through a barrel's export *", () => {
  it("search each re-exported module's text once per name, whatever is asked about the name", () => {
    const { project } = barrelProject();
    const r = project.analyze("/p/app.ts");
    assert.equal(r.findings.length, 4);
    assert.deepEqual(r.findings.map((f) => f.line), [4, 5, 6, 7]);
    // ask3x is looked for in m1, m2 and found in m3: 3 searches; then 7, 15 and 20.
    assert.equal(project.stats.textSearches, 3 + 7 + 15 + 20);
  });
});

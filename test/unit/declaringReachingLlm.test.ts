// The client, factory and declared-type questions want the module declaring an imported name only
// when that module reaches an LLM: the search through a barrel passes by the modules that reach
// none without parsing them, and gives the full search's answer. Counted, not timed.
import * as assert from "node:assert/strict";
import { memoryProject, sitesOf } from "./project";

const CLIENT = `import OpenAI from "openai";\nexport const ai = new OpenAI();\n`;
const LOOP = `import { ai } from "./index";\nexport async function run(qs: string[]) {\n  for (const q of qs) await ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });\n}\n`;

describe("the declaring module of a name, asked only if it reaches an LLM", () => {
  it("a name a barrel re-exports from a module that reaches no LLM: that module is not parsed", () => {
    const { project } = memoryProject({
      "/p/client.ts": CLIENT,
      "/p/consts.ts": `export const LIMIT = 3;\n`,
      "/p/index.ts": `export * from "./consts";\nexport * from "./client";\n`,
      "/p/a.ts": `import { LIMIT } from "./index";\nexport const a = LIMIT;\n`,
    });
    assert.deepEqual(project.analyze("/p/a.ts").findings, []);
    // index.ts only, to follow its re-exports (consts.ts was parsed too, to find LIMIT there, and dropped: it reaches no LLM).
    assert.equal(project.stats.parsed, 1);
  });

  it("a module that reaches no LLM and mentions the name before the one declaring it: the client is found", () => {
    const { project } = memoryProject({
      "/p/client.ts": CLIENT,
      "/p/notes.ts": `export const note = "the ai client";\n`,
      "/p/index.ts": `export * from "./notes";\nexport * from "./client";\n`,
      "/p/run.ts": LOOP,
    });
    assert.deepEqual(sitesOf(project, "/p/run.ts", ["calls", "api"]), [{ line: 3, calls: "Θ(|qs|)", api: "openai chat.completions.create" }]);
  });

  it("a module that reaches no LLM declaring the name before one that reaches one: the search stops there, as the full search does", () => {
    const { project } = memoryProject({
      "/p/client.ts": CLIENT,
      "/p/fake.ts": `export const ai = { chat: { completions: { create: async (x: unknown) => x } } };\n`,
      "/p/index.ts": `export * from "./fake";\nexport * from "./client";\n`,
      "/p/run.ts": LOOP,
    });
    assert.deepEqual(project.analyze("/p/run.ts").findings, []);
  });
});

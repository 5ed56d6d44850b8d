// Memory in a batch run: a file's syntax tree is let go once it and every file of the run importing
// it are reported (src/cli/fileReporter.ts releaser), and a released file analysed again gives the same.
import * as assert from "node:assert/strict";
import { releaser } from "../../../src/cli/fileReporter";
import { memoryProject } from "../project";

describe("releasing reported files", () => {
  it("lets a file go when it and its importers are reported, in any order", () => {
    // a imports b and c; b imports c; d imports nothing and nothing imports it; e is outside the run.
    const imports: Record<string, string[]> = { "/a.ts": ["/b.ts", "/c.ts", "/e.ts"], "/b.ts": ["/c.ts", "/b.ts"], "/c.ts": [], "/d.ts": [] };
    const released: string[] = [];
    const release = releaser({ importTargets: (f) => imports[f] ?? [], release: (f) => void released.push(f) }, ["/c.ts", "/b.ts", "/a.ts", "/d.ts"], false);
    release("/c.ts");
    assert.deepEqual(released, []);
    release("/b.ts");
    assert.deepEqual(released, []);
    release("/a.ts");
    assert.deepEqual(released, ["/a.ts", "/b.ts", "/c.ts"]);
    release("/d.ts");
    assert.deepEqual(released, ["/a.ts", "/b.ts", "/c.ts", "/d.ts"]);
  });

  it("keeps everything in type-aware mode or without the run's files", () => {
    const released: string[] = [];
    const project = { importTargets: () => [], release: (f: string) => void released.push(f) };
    releaser(project, ["/a.ts"], true)("/a.ts");
    releaser(project, undefined, false)("/a.ts");
    assert.deepEqual(released, []);
  });

  it("a released file is parsed again when asked, with the same findings; its importers' answers are kept", () => {
    const files = {
      "/w/llm.ts": `import OpenAI from "openai";\nconst ai = new OpenAI();\nexport async function ask(q: string) {\n  return ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });\n}\n`,
      "/w/use.ts": `import { ask } from "./llm";\nexport async function run(xs: string[]) {\n  for (const x of xs) await ask(x);\n}\n`,
    };
    const { project } = memoryProject(files);
    const before = project.analyze("/w/use.ts").findings.map((f) => [f.line, f.calls.kind === "poly" ? f.calls.poly.toString() : f.calls.kind]);
    assert.equal(project.stats.parsed, 2);
    project.release("/w/llm.ts");
    project.release("/w/use.ts");
    assert.deepEqual(project.importTargets("/w/use.ts"), ["/w/llm.ts"]);
    const after = project.analyze("/w/use.ts").findings.map((f) => [f.line, f.calls.kind === "poly" ? f.calls.poly.toString() : f.calls.kind]);
    assert.deepEqual(after, before);
    // use.ts is parsed again; llm.ts's summary was kept, so llm.ts is not.
    assert.equal(project.stats.parsed, 3);
  });
});

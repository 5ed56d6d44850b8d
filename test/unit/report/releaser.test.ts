// Memory in a batch run: a file's syntax tree is let go once it and every file of the run importing
// it are reported (src/cli/fileReporter.ts releaser), and a released file analysed again gives the same.
import * as assert from "node:assert/strict";
import { releaser } from "../../../src/cli/fileReporter";
import ts = require("typescript");
import { Project } from "../../../src/core";
import { memoryProject } from "../project";

describe("releasing reported files", () => {
  it("lets a file go when it and its importers are reported, in any order", () => {
    // a imports b and c; b imports c; d imports nothing and nothing imports it; e is outside the run.
    const imports: Record<string, string[]> = { "/a.ts": ["/b.ts", "/c.ts", "/e.ts"], "/b.ts": ["/c.ts", "/b.ts"], "/c.ts": [], "/d.ts": [] };
    const released: string[] = [];
    const release = releaser({ importTargets: (f) => imports[f] ?? [], release: (f) => void released.push(f), releaseTrees: () => [], holdTrees: () => {} }, ["/c.ts", "/b.ts", "/a.ts", "/d.ts"], false);
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
    const project = { importTargets: () => [], release: (f: string) => void released.push(f), releaseTrees: () => [], holdTrees: () => {} };
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

  it("a released file's text is let go too: asked again, it is read again; a tree let go past the cap keeps its text", () => {
    const texts: Record<string, string> = {
      "/w/llm.ts": `import OpenAI from "openai";\nconst ai = new OpenAI();\nexport async function ask(q: string) {\n  return ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });\n}\n`,
      "/w/use.ts": `import { ask } from "./llm";\nexport async function run(xs: string[]) {\n  for (const x of xs) await ask(x);\n}\n`,
    };
    const reads: string[] = [];
    const host = { readFile: (p: string) => (reads.push(p), texts[p]), fileExists: (p: string) => p in texts };
    const project = new Project(ts, host, { files: Object.keys(texts) });
    const before = sites(project.analyze("/w/use.ts"));
    assert.deepEqual(reads, ["/w/use.ts", "/w/llm.ts"]);
    assert.deepEqual(project.releaseTrees(0), ["/w/use.ts", "/w/llm.ts"]);
    assert.deepEqual(sites(project.analyze("/w/use.ts")), before);
    assert.deepEqual(reads, ["/w/use.ts", "/w/llm.ts"]);
    project.release("/w/use.ts");
    project.release("/w/llm.ts");
    assert.deepEqual(sites(project.analyze("/w/use.ts")), before);
    // Both are read again (llm.ts's text for its import scan), and only use.ts is parsed again: llm.ts's summary was kept.
    assert.deepEqual(reads, ["/w/use.ts", "/w/llm.ts", "/w/use.ts", "/w/llm.ts"]);
    assert.equal(project.stats.parsed, 4);
  });

  const wrapper = (i: number): string => `import OpenAI from "openai";\nconst ai = new OpenAI();\nexport async function ask${i}(q: string) {\n  return ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });\n}\n`;
  const user = (i: number): string => `import { ask${i} } from "./l${i}";\nexport async function run(xs: string[]) {\n  for (const x of xs) await ask${i}(x);\n}\n`;
  const threeWrappers = (): Record<string, string> => Object.fromEntries([1, 2, 3].flatMap((i) => [[`/w/l${i}.ts`, wrapper(i)], [`/w/u${i}.ts`, user(i)]]));
  const sites = (r: ReturnType<Project["analyze"]>): string[] => r.findings.map((f) => `${f.line} ${f.api} ${JSON.stringify(f.calls)}`);

  it("past a cap, the trees asked for least recently are let go; a file asked again is parsed again, its modules' answers kept", () => {
    const { project } = memoryProject(threeWrappers());
    const before = [1, 2, 3].map((i) => sites(project.analyze(`/w/u${i}.ts`)));
    assert.equal(project.stats.parsed, 6);
    assert.deepEqual(project.releaseTrees(2), ["/w/u1.ts", "/w/l1.ts", "/w/u2.ts", "/w/l2.ts"]);
    assert.deepEqual(project.releaseTrees(2), []);
    assert.deepEqual(sites(project.analyze("/w/u1.ts")), before[0]);
    // u1.ts is parsed again, l1.ts's summary was kept; u1.ts is now the most recent, l3.ts the least.
    assert.equal(project.stats.parsed, 7);
    assert.deepEqual(project.releaseTrees(2), ["/w/u3.ts"]);
    assert.deepEqual(project.releaseTrees(0), ["/w/l3.ts", "/w/u1.ts"]);
  });

  // u.ts calls four wrappers in a loop, each in its own module: each summary is asked, and answered, in turn.
  const fourWrappers = (): Record<string, string> => ({
    ...Object.fromEntries([1, 2, 3, 4].map((i) => [`/w/l${i}.ts`, wrapper(i)])),
    "/w/u.ts": `${[1, 2, 3, 4].map((i) => `import { ask${i} } from "./l${i}";`).join("\n")}\nexport async function run(xs: string[]) {\n  for (const x of xs) {\n    await ask1(x);\n    await ask2(x);\n    await ask3(x);\n    await ask4(x);\n  }\n}\n`,
  });
  // u.ts → c1.run → c2.run → c3.run → the SDK: every module's analyser is in use at once.
  const chain = (): Record<string, string> => ({
    "/w/c3.ts": wrapper(3).replace("ask3", "run"),
    "/w/c2.ts": `import { run as next } from "./c3";\nexport async function run(q: string) {\n  return next(q);\n}\n`,
    "/w/c1.ts": `import { run as next } from "./c2";\nexport async function run(q: string) {\n  return next(q);\n}\n`,
    "/w/u.ts": `import { run } from "./c1";\nexport async function all(xs: string[]) {\n  for (const x of xs) await run(x);\n}\n`,
  });

  it("inside a file's analysis, past the cap, the trees no question is using are let go; the findings are the same", () => {
    const { project: uncapped } = memoryProject(fourWrappers());
    const expected = sites(uncapped.analyze("/w/u.ts"));
    assert.deepEqual(expected.map((l) => l.slice(0, l.indexOf(" {"))), [1, 2, 3, 4].map((i) => `${6 + i} ask${i}() → chat.completions.create`));
    // Without a cap, the five trees stay until the file is done.
    assert.deepEqual(uncapped.releaseTrees(0), ["/w/u.ts", "/w/l1.ts", "/w/l2.ts", "/w/l3.ts", "/w/l4.ts"]);
    const { project } = memoryProject(fourWrappers());
    project.holdTrees(2);
    assert.deepEqual(sites(project.analyze("/w/u.ts")), expected);
    // Each wrapper was let go once the next was parsed (u.ts, in use throughout, and the last one stay); none was parsed twice.
    assert.deepEqual(project.releaseTrees(0), ["/w/u.ts", "/w/l4.ts"]);
    assert.equal(project.stats.parsed, 5);
  });

  it("a tree whose analyser is answering a question stays past the cap", () => {
    const { project: uncapped } = memoryProject(chain());
    const expected = sites(uncapped.analyze("/w/u.ts"));
    assert.deepEqual(expected.map((l) => l.slice(0, l.indexOf(" {"))), ["3 run() → next() → next() → chat.completions.create"]);
    const { project } = memoryProject(chain());
    project.holdTrees(1);
    assert.deepEqual(sites(project.analyze("/w/u.ts")), expected);
    // u.ts, whose findings are being made throughout, is never let go (7 parses and c1.ts held if it were: it would be
    // parsed again under its own analysis); each module goes between the questions asked of it, and is parsed again for the next.
    assert.equal(project.stats.parsed, 6);
    assert.deepEqual(project.releaseTrees(0), ["/w/u.ts"]);
  });

  it("a batch run holds at most its cap of trees between two files, with the same findings", () => {
    const { project } = memoryProject(threeWrappers());
    const run = ["/w/u1.ts", "/w/u2.ts", "/w/u3.ts"];
    const letGo: string[][] = [];
    const release = releaser({ importTargets: (f) => project.importTargets(f), release: (f) => project.release(f), releaseTrees: (keep) => (letGo.push(project.releaseTrees(keep)), letGo[letGo.length - 1]!), holdTrees: () => {} }, run, false, 2);
    const found = run.map((f) => {
      const r = sites(project.analyze(f));
      release(f);
      return r;
    });
    // Each user is let go once reported (nothing imports it); its wrapper, outside the run, is held until the cap.
    assert.deepEqual(letGo, [[], [], ["/w/l1.ts"]]);
    assert.equal(project.stats.parsed, 6);
    const { project: uncapped } = memoryProject(threeWrappers());
    assert.deepEqual(found, run.map((f) => sites(uncapped.analyze(f))));
    assert.deepEqual(found.map((r) => r.map((l) => l.slice(0, l.indexOf(" {")))), [1, 2, 3].map((i) => [`3 ask${i}() → chat.completions.create`]));
  });
});

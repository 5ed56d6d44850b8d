// The core's one entry for a file, analyzeDocument: the project's analysis with the file's
// `// @aalp` comments applied, the sizes to assume, and the advice only when asked for.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { Project, analyzeDocument } from "../../src/core";

const FILES: Record<string, string> = {
  "/ws/chat.ts": `import OpenAI from "openai";
const client = new OpenAI();
// @aalp turns=20, |q|=300
export async function chat(turns: number, q: string) {
  const messages: { role: "user"; content: string }[] = [];
  for (let t = 0; t < turns; t++) {
    messages.push({ role: "user", content: q });
    await client.chat.completions.create({ model: "gpt-4.1", max_tokens: 50, messages });
  }
  // @aalp ignore
  await client.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });
  // @aalp nonsense here
}
`,
};

function project(): Project {
  return new Project(ts, { readFile: (p) => FILES[p], fileExists: (p) => Object.hasOwn(FILES, p) });
}

describe("analyzeDocument (the core's entry for one file)", () => {
  it("applies the file's comments: the ignored call leaves, its sizes win over those given, bad comments are problems", () => {
    const doc = analyzeDocument(ts, project(), "/ws/chat.ts", { assume: { turns: 5, rounds: 3 } });
    assert.equal(doc.analysis.findings.length, 2);
    assert.deepEqual(doc.findings.map((f) => f.line), [8]);
    // Tables of names from the code have no prototype.
    assert.deepEqual({ ...doc.declared }, { turns: 20, "|q|": 300 });
    assert.deepEqual({ ...doc.assumptions }, { turns: 20, rounds: 3, "|q|": 300 });
    assert.deepEqual(doc.problems.map((p) => p.line), [12]);
    assert.deepEqual(doc.advice, []);
  });

  it("advises on the annotated findings when given advice settings; the analysis is the project's cached one", () => {
    const p = project();
    const doc = analyzeDocument(ts, p, "/ws/chat.ts", { advice: { warnDegree: 2, severity: "warning", windowSize: 8, summarizeBudgetTokens: 4000, concurrency: 4 } });
    assert.deepEqual(doc.advice.map((a) => `${a.code} ${a.finding.line}`), ["aalp.growing-history 8"]);
    assert.equal(doc.analysis, p.analyze("/ws/chat.ts"));
  });

  it("a file the project cannot read has no findings, sizes as given", () => {
    const doc = analyzeDocument(ts, project(), "/ws/missing.ts", { assume: { turns: 5 } });
    assert.deepEqual([doc.findings, doc.assumptions, doc.advice, doc.problems], [[], { turns: 5 }, [], []]);
  });
});

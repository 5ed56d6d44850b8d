// Shapes a ninth reader met (issue 17). Each test is a small program of the shape, with its exact sites and bounds.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { Project, formatBound } from "../../src/core";
import { expectSites } from "./analyze";

describe("ninth reader: a function wrapped by langsmith's traceable is called where its wrapper is", () => {
  it("a traceable-wrapped function called in two loops: one request per element of each", () => {
    // social-media-agent src/agents/ingest-repurposed-data/nodes/extract.ts: `extractContents = traceable(extractContentsFunc)`.
    expectSites(`import { ChatAnthropic } from "@langchain/anthropic";
import { traceable } from "langsmith/traceable";
async function extractContentsFunc(messageText: string) {
  const model = new ChatAnthropic({ model: "claude-sonnet-4-5" });
  return model.invoke(messageText); // @site
}
const extractContents = traceable(extractContentsFunc, { name: "extract_contents" });
export async function extract(slackMessages: string[], messages: string[]) {
  const out: unknown[] = [];
  for (const m of slackMessages) out.push(await extractContents(m)); // @site
  for (const m of messages) out.push(await extractContents(m)); // @site
  return out;
}
`, [
      { calls: "Θ(1)", input: "Θ(|messageText|)", loops: "" },
      { calls: "Θ(|slackMessages|)", input: "Θ(|slackMessages|·|m|)", loops: "for-of@10:|slackMessages|" },
      { calls: "Θ(|messages|)", input: "Θ(|messages|·|m|)", loops: "for-of@11:|messages|" },
    ]);
  });

  it("a traceable that may take its config out of the arguments (argsConfigPath), or a traceable not langsmith's, is not followed", () => {
    expectSites(`import OpenAI from "openai";
import { traceable as traced } from "langsmith/traceable";
declare function wrap<F>(f: F, o?: object): F;
const client = new OpenAI();
async function askFunc(q: string) {
  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }); // @site
}
const ask = traced(askFunc, { argsConfigPath: [1] });
const other = wrap(askFunc, { name: "x" });
export async function run(qs: string[]) {
  for (const q of qs) await ask(q, {});
  for (const q of qs) await other(q);
}
`, [{ calls: "Θ(1)", loops: "" }]);
  });

  it("an exported traceable-wrapped function is followed from another module", () => {
    // social-media-agent src/agents/shared/nodes/verify-content.ts: `export const verifyContentIsRelevant = traceable(verifyContentIsRelevantFunc, …)`.
    const files: Record<string, string> = {
      "/p/verify.ts": `import { ChatOpenAI } from "@langchain/openai";
import { traceable as trace } from "langsmith/traceable";
async function verifyFunc(content: string) {
  return new ChatOpenAI({ model: "gpt-4o" }).invoke(content);
}
export const verify = trace(verifyFunc, { name: "verify" });
`,
      "/p/main.ts": `import { verify } from "./verify";
export async function run(pages: string[]) {
  for (const p of pages) await verify(p);
}
`,
    };
    const project = new Project(ts, { readFile: (f) => files[f], fileExists: (f) => f in files });
    const r = project.analyze("/p/main.ts");
    assert.equal(r.skipped, undefined);
    const [f] = r.findings;
    assert.ok(f, "a site in main.ts");
    assert.equal(f.line, 3);
    assert.equal(formatBound(f.calls, f.rank), "Θ(|pages|)");
    assert.equal(formatBound(f.inputTokens, f.rank), "Θ(|pages|·|p|)");
  });
});

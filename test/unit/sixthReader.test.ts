// Shapes a sixth reader met (issue 17): clients given a stand-in transport in tests. Each test is a
// small program of the shape, with its exact sites, bounds, classes and growth.
import * as assert from "node:assert/strict";
import { estimate } from "../../src/core";
import { costClass } from "../../src/core/report/costClass";
import { analyze, expectSites } from "./analyze";

describe("sixth reader: a client given a stand-in fetch sends nothing", () => {
  it("vi.fn / jest.fn, a function written in place that fetches nothing, a double's name: no site; a forwarding or unread fetch still sends", () => {
    // anthropic tests/abort-listener-cleanup.test.ts, openai-node tests/lib/data-residency.test.ts.
    expectSites(`import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";
import { customFetch } from "./transport";
declare const vi: any, jest: any, endpoints: string[];
const jsonResponse = () => new Response("{}");
function answer() { return Promise.resolve(jsonResponse()); }
const mockFetch = (url: string) => Promise.resolve(jsonResponse());
export async function cases() {
  for (let i = 0; i < 3; i++) await new Anthropic({ apiKey: "x", fetch: () => Promise.resolve(jsonResponse()) }).messages.create({ model: "m", max_tokens: 16, messages: [] });
  for (const dataResidency of endpoints) {
    const fetch = vi.fn(async () => Response.json({ id: "r", output: [] }));
    const client = new OpenAI({ apiKey: "k", fetch, dataResidency } as any);
    await client.responses.create({ model: "test-model", input: "Hello" });
  }
  await new OpenAI({ fetch: jest.fn() }).chat.completions.create({ model: "m", messages: [] });
  await new OpenAI({ fetch: answer }).chat.completions.create({ model: "m", messages: [] });
  await new OpenAI({ fetch: mockFetch }).chat.completions.create({ model: "m", messages: [] });
  await new Anthropic({ fetch: async (url: any, init: any) => { console.log(url); return await fetch(url, init); } }).messages.create({ model: "logged", max_tokens: 16, messages: [] }); // @site
  await new OpenAI({ fetch: (u: any, i: any) => globalThis.fetch(u, i) }).chat.completions.create({ model: "global", messages: [] }); // @site
  await new OpenAI({ fetch: customFetch }).chat.completions.create({ model: "custom", messages: [] }); // @site
  await new OpenAI({ fetch: (u: any, i: any) => routes[u](i) }).chat.completions.create({ model: "routed", messages: [] }); // @site
  // A spy wrapping a real fetch, and a proxy that sends through another client (review: both sent).
  await new OpenAI({ fetch: vi.fn(globalThis.fetch) }).chat.completions.create({ model: "spy", messages: [] }); // @site
  await new OpenAI({ fetch: proxyFetch }).chat.completions.create({ model: "proxy", messages: [] }); // @site
}
declare const routes: any, axios: any;
async function proxyFetch(url: string, init: any) { const r = await axios.post(url, init.body); return new Response(JSON.stringify(r.data)); }
`, [
      { api: "@anthropic-ai/sdk messages.create", model: "logged", calls: "Θ(1)" },
      { api: "openai chat.completions.create", model: "global", calls: "Θ(1)" },
      { api: "openai chat.completions.create", model: "custom", calls: "Θ(1)" },
      { api: "openai chat.completions.create", model: "routed", calls: "Θ(1)" },
      { api: "openai chat.completions.create", model: "spy", calls: "Θ(1)" },
      { api: "openai chat.completions.create", model: "proxy", calls: "Θ(1)" },
    ]);
  });
});

describe("sixth reader: LlamaCloud's managed index", () => {
  it("a LlamaCloudIndex (llama-cloud-services, or llamaindex's own) answers asQueryEngine().query with the compact synthesizer: one request a query", () => {
    // LlamaIndexTS examples/cloud/from-documents.ts: while (true) queryEngine.query({ query }) of LlamaCloudIndex.fromDocuments(…).
    expectSites(`import { LlamaCloudIndex } from "llama-cloud-services";
import { LlamaCloudIndex as Legacy, getResponseSynthesizer } from "llamaindex";
export async function main(docs: any[], questions: string[], next: () => Promise<string>) {
  const index = await LlamaCloudIndex.fromDocuments({ documents: docs, name: "p", projectName: "Default" });
  const engine = index.asQueryEngine({ similarityTopK: 5 });
  while (true) await engine.query({ query: await next() }); // @site
}
export async function legacy(q: string) {
  const index = new Legacy({ name: "test", projectName: "Default" });
  await index.asQueryEngine({ similarityTopK: 5, responseSynthesizer: getResponseSynthesizer("refine") }).query({ query: q }); // @site
  await index.asRetriever({ similarityTopK: 3 }).retrieve({ query: q });
}
`, [
      { api: "llamaindex query", calls: "O(T[main])", growth: "none" },
      { api: "llamaindex query", calls: "O(steps[legacy/query])", growth: "output" },
    ]);
  });
});

describe("sixth reader: a client's type written as what a method returns", () => {
  it("Awaited<ReturnType<Harness[\"createSession\"]>> is a Harness session: its sendMessage runs the agent's loop", () => {
    // mastra-ai/workshops examples/07-harness-workshop/simple-tui.ts: a TUI class keeps the session in a field of that type.
    expectSites(`import type { Harness } from "@mastra/core/harness";
type AnySession = Awaited<ReturnType<Harness["createSession"]>>;
type Made = ReturnType<Harness["sendMessage"]>;
export class SimpleTUI {
  private readonly session: AnySession;
  constructor(options: { session: AnySession; other: Made; wrapped: Awaited<Promise<AnySession>> }) {
    this.session = options.session;
    void options.other.sendMessage({ content: "not a session" });
  }
  async handleLine(input: string) {
    await this.session.sendMessage({ content: input }); // @site
  }
  async direct(session: ReturnType<typeof harness.createSession> extends Promise<infer S> ? S : never, text: string) {
    await session.sendMessage({ content: text });
  }
}
declare const harness: Harness;
export async function viaTypeof(session: Awaited<ReturnType<typeof harness.createSession>>, text: string) {
  await session.sendMessage({ content: text }); // @site
}
`, [
      { api: "@mastra/core sendMessage", calls: "O(steps[SimpleTUI.handleLine/sendMessage])", growth: "output" },
      { api: "@mastra/core sendMessage", calls: "O(steps[viaTypeof/sendMessage])", growth: "output" },
    ]);
  });
});

describe("sixth reader: the AI SDK's step loop with tools that run nowhere here", () => {
  it("stopWhen with only provider-executed tools, or tools without execute, takes one step; a tool with execute, or a provider's client-side tool (bash, run by the sandbox), loops", () => {
    // vercel/ai examples/ai-functions/src/generate-text/anthropic/chatbot-websearch.ts: isStepCount(3) with web search only.
    expectSites(`import { generateText, isStepCount, tool } from "ai";
import { anthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
const openai = createOpenAI({});
declare const z: any, run: (c: string) => Promise<string>, tools: any;
export async function main(messages: any[]) {
  await generateText({ model: anthropic("claude-3-5-sonnet-latest"), messages, tools: { web_search: anthropic.tools.webSearch_20250305({ onInputAvailable: async () => {} }) }, stopWhen: isStepCount(3) }); // @site
  await generateText({ model: openai("gpt-5"), messages, tools: { search: openai.tools.webSearch(), ask: tool({ description: "ask the user", inputSchema: z.object({}) }) }, stopWhen: isStepCount(4) }); // @site
  await generateText({ model: anthropic("claude-sonnet-4-5"), messages, tools: { bash: anthropic.tools.bash_20250124({ execute: async ({ command }: any) => run(command) }) }, stopWhen: isStepCount(5) }); // @site
  await generateText({ model: openai("gpt-5"), messages, tools: { add: tool({ inputSchema: z.object({}), execute: async () => 1 }) }, stopWhen: isStepCount(6) }); // @site
  await generateText({ model: openai("gpt-5"), messages, tools, stopWhen: isStepCount(7) }); // @site
  // vercel/ai generate-text/anthropic/bash-tool.ts: a client-side provider tool the call's sandbox runs.
  await generateText({ model: anthropic("claude-opus-4-7"), prompt: "ls", tools: { bash: anthropic.tools.bash_20250124() }, experimental_sandbox: {} as any, stopWhen: isStepCount(2) }); // @site
}
`, [
      { model: "claude-3-5-sonnet-latest", calls: "Θ(1)" },
      { model: "gpt-5", calls: "Θ(1)" },
      { model: "claude-sonnet-4-5", calls: "O(steps[main/generateText#3])" },
      { model: "gpt-5", calls: "O(steps[main/generateText#4])" },
      { model: "gpt-5", calls: "O(steps[main/generateText#5])" },
      { model: "claude-opus-4-7", calls: "O(steps[main/generateText#6])" },
    ]);
  });
});

describe("sixth reader: a loop over a list written out in a const", () => {
  it("for … of a const array literal nothing changes runs its length (9 models: 9 requests, constant); one exported, pushed to, handed on or assigned into is a size", () => {
    // vercel/ai examples/ai-functions/src/stream-text/amazon-bedrock/anthropic-all-models.ts: a streamText per model of nine.
    const code = `import { streamText } from "ai";
import { bedrock } from "@ai-sdk/amazon-bedrock";
const models = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"] as const;
const grown = ["a", "b"];
const byName = ["a", "b"];
const handedToCallback = ["a", "b"];
const handed = ["a", "b"];
const assigned = ["a", "b"];
export const shared = ["a", "b"];
declare function register(xs: string[]): void;
export async function main() {
  console.log(models.length, models.join(","), models[0], [...models].includes("m1"));
  for (const id of models) streamText({ model: bedrock(id), prompt: "Say hello" }); // @site
  await Promise.all(models.map((id) => streamText({ model: bedrock(id), prompt: "Say hi" }))); // @site
  grown.push("c");
  byName["push"]("c");
  handedToCallback.forEach((x, i, all) => all.push(x));
  register(handed);
  assigned[2] = "c";
  for (const id of grown) streamText({ model: bedrock(id), prompt: "grown" }); // @site
  for (const id of byName) streamText({ model: bedrock(id), prompt: "byName" }); // @site
  for (const id of handedToCallback) streamText({ model: bedrock(id), prompt: "handedToCallback" }); // @site
  for (const id of handed) streamText({ model: bedrock(id), prompt: "handed" }); // @site
  for (const id of assigned) streamText({ model: bedrock(id), prompt: "assigned" }); // @site
  for (const id of shared) streamText({ model: bedrock(id), prompt: "shared" }); // @site
}
`;
    expectSites(code, [
      { calls: "Θ(1)", loops: "for-of@13:9" },
      { calls: "Θ(1)", loops: "map@14:9" },
      { calls: "Θ(|grown|)" },
      { calls: "Θ(|byName|)" },
      { calls: "Θ(|handedToCallback|)" },
      { calls: "Θ(|handed|)" },
      { calls: "Θ(|assigned|)" },
      { calls: "Θ(|shared|)" },
    ]);
    const [first] = analyze(code);
    assert.equal(estimate(first!, {}).calls, 9);
    assert.equal(costClass(first!), "constant");
  });
});

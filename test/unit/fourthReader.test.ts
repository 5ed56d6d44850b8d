// Shapes a fourth reader met (issue 17): LlamaIndex's query engines and LLM classes, Inngest
// AgentKit's server, LangGraph's streamEvents, test doubles given as `llm`. Each test is a small
// program of the shape, with its exact bounds, classes and growth.
import * as assert from "node:assert/strict";
import { estimate } from "../../src/core";
import { costClass } from "../../src/core/report/costClass";
import { analyze, expectSites } from "./analyze";
import { memoryProject, sitesOf } from "./project";

describe("fourth reader: LlamaIndex query engines and LLM classes", () => {
  it("an index's query engine answers each query with one request; its chat engine keeps the conversation", () => {
    // LlamaIndexTS examples/index/*: VectorStoreIndex.fromDocuments(docs).asQueryEngine().query({ query }).
    expectSites(`import { RetrieverQueryEngine, SummaryIndex, VectorStoreIndex } from "llamaindex";
export async function main(docs: any[], questions: string[], retriever: any) {
  const index = await VectorStoreIndex.fromDocuments(docs);
  const engine = index.asQueryEngine();
  for (const q of questions) await engine.query({ query: q }); // @site
  const chat = index.asChatEngine();
  for (const q of questions) await chat.chat({ message: q }); // @site
  await new RetrieverQueryEngine(retriever).query({ query: "How many?" }); // @site
  const summary = await SummaryIndex.fromDocuments(docs);
  await summary.queryEngine().query("What is it about?"); // @site
  await index.asRetriever().retrieve({ query: "only retrieval" });
}
`, [
      { api: "llamaindex query", calls: "Θ(|questions|)", input: "Θ(|questions|·|q|)", growth: "none" },
      { api: "llamaindex chat", calls: "Θ(|questions|)", growth: "stateful" },
      { api: "llamaindex query", calls: "Θ(1)", growth: "none" },
      { api: "llamaindex query", calls: "Θ(1)", growth: "none" },
    ]);
  });

  it("a query engine given another synthesizer (refine, tree_summarize, one not read) sends up to similarityTopK requests, unbounded without it; compact stays one (issue 17, review finding)", () => {
    // Before: every query read Θ(1), though refine sends one request per retrieved chunk.
    expectSites(`import { RetrieverQueryEngine, VectorStoreIndex, getResponseSynthesizer } from "llamaindex";
export async function main(docs: any[], q: string, retriever: any, synth: any) {
  const index = await VectorStoreIndex.fromDocuments(docs);
  await index.asQueryEngine({ similarityTopK: 50, responseSynthesizer: getResponseSynthesizer("refine") }).query({ query: q }); // @site
  await index.asQueryEngine({ responseSynthesizer: synth }).query({ query: q }); // @site
  await index.asQueryEngine({ similarityTopK: 50, responseSynthesizer: "compact" as any }).query({ query: q }); // @site
  await new RetrieverQueryEngine(retriever, getResponseSynthesizer("tree_summarize")).query({ query: q }); // @site
  // LlamaIndexTS examples/index/vectorIndexAnthropic.ts: the compact synthesizer made by name, through a const.
  const responseSynthesizer = getResponseSynthesizer("compact");
  await index.asQueryEngine({ responseSynthesizer }).query({ query: q }); // @site
  await new RetrieverQueryEngine(retriever, getResponseSynthesizer("compact")).query({ query: q }); // @site
  // vectorIndexCustomize.ts: no synthesizer, node postprocessors after it.
  await new RetrieverQueryEngine(retriever, undefined, []).query({ query: q }); // @site
}
`, [
      { api: "llamaindex query", calls: "O(steps[main/query])" },
      { api: "llamaindex query", calls: "O(steps[main/query#2])" },
      { api: "llamaindex query", calls: "Θ(1)" },
      { api: "llamaindex query", calls: "O(steps[main/query#4])" },
      { api: "llamaindex query", calls: "Θ(1)" },
      { api: "llamaindex query", calls: "Θ(1)" },
      { api: "llamaindex query", calls: "Θ(1)" },
    ]);
    const [topK, unbounded] = analyze(`import { VectorStoreIndex, getResponseSynthesizer } from "llamaindex";
export async function main(docs: any[], q: string, synth: any) {
  const index = await VectorStoreIndex.fromDocuments(docs);
  await index.asQueryEngine({ similarityTopK: 50, responseSynthesizer: getResponseSynthesizer("refine") }).query({ query: q });
  await index.asQueryEngine({ responseSynthesizer: synth }).query({ query: q });
}
`);
    assert.deepEqual(topK!.symbols.filter((x) => x.name === "steps[main/query]").map((x) => [x.value, x.unbounded]), [[50, undefined]]);
    assert.deepEqual(unbounded!.symbols.filter((x) => x.name === "steps[main/query#2]").map((x) => [x.value, x.unbounded]), [[undefined, true]]);
  });

  it("OpenAIResponses, HuggingFaceLLM, HuggingFaceInferenceAPI, VercelLLM, the other providers' classes and their factories are LLMs", () => {
    // LlamaIndexTS examples/models/openai/responses/*, huggingface/local.ts, vercel/llm.ts.
    expectSites(`import { openaiResponses, OpenAIResponses } from "@llamaindex/openai";
import { HuggingFaceInferenceAPI, HuggingFaceLLM, huggingface } from "@llamaindex/huggingface";
import { VercelLLM, vercel } from "@llamaindex/vercel";
import { DeepSeekLLM } from "@llamaindex/deepseek";
import { ReplicateLLM } from "@llamaindex/replicate";
import { perplexity } from "@llamaindex/perplexity";
import { xai } from "@llamaindex/xai";
export async function main(model: any, prompts: string[]) {
  const llm = openaiResponses({ model: "gpt-4.1-mini", builtInTools: [{ type: "image_generation" }] });
  await llm.chat({ messages: [{ role: "user", content: "Draw a llama" }] }); // @site
  await new OpenAIResponses({ model: "gpt-4.1" }).complete({ prompt: "Hi" }); // @site
  await new HuggingFaceLLM().chat({ messages: [{ role: "user", content: "Rhyme" }] }); // @site
  await huggingface({ model: "Xenova/phi" }).complete({ prompt: "Hi" }); // @site
  await new HuggingFaceInferenceAPI({ model: "mistral" }).chat({ messages: [] }); // @site
  const v = new VercelLLM({ model });
  for (const p of prompts) await v.complete({ prompt: p }); // @site
  await vercel({ model }).chat({ messages: [] }); // @site
  await new DeepSeekLLM({ model: "deepseek-chat" }).chat({ messages: [] }); // @site
  await new ReplicateLLM({ model: "llama-3-70b-instruct" }).chat({ messages: [] }); // @site
  await perplexity({ model: "sonar" }).chat({ messages: [] }); // @site
  await xai({ model: "grok-3" }).complete({ prompt: "How are you?" }); // @site
}
`, [
      { api: "llamaindex chat", model: "gpt-4.1-mini", calls: "Θ(1)" },
      { api: "llamaindex complete", model: "gpt-4.1", calls: "Θ(1)" },
      { api: "llamaindex chat", calls: "Θ(1)" },
      { api: "llamaindex complete", model: "Xenova/phi", calls: "Θ(1)" },
      { api: "llamaindex chat", model: "mistral", calls: "Θ(1)" },
      { api: "llamaindex complete", calls: "Θ(|prompts|)", input: "Θ(|prompts|·|p|)" },
      { api: "llamaindex chat", calls: "Θ(1)" },
      { api: "llamaindex chat", model: "deepseek-chat", calls: "Θ(1)" },
      { api: "llamaindex chat", model: "llama-3-70b-instruct", calls: "Θ(1)" },
      { api: "llamaindex chat", model: "sonar", calls: "Θ(1)" },
      { api: "llamaindex complete", model: "grok-3", calls: "Θ(1)" },
    ]);
  });
});

describe("fourth reader: a value typed by LlamaIndex's LLM interface", () => {
  it("let llm: LLM = Settings.llm, a parameter typed LLM or BaseLLM: its chat and complete are requests", () => {
    // LlamaIndexTS e2e/node/claude.e2e.ts: let llm: LLM; beforeEach(() => { Settings.llm = new Anthropic(…); llm = Settings.llm }).
    expectSites(`import { Anthropic } from "@llamaindex/anthropic";
import { Settings, type LLM } from "llamaindex";
import type { BaseLLM } from "@llamaindex/core/llms";
let llm: LLM;
export function setUp() {
  Settings.llm = new Anthropic({ model: "claude-3.5-sonnet" });
  llm = Settings.llm;
}
export async function ask(q: string) {
  return llm.chat({ messages: [{ content: q, role: "user" }] }); // @site
}
export async function each(model: BaseLLM, qs: string[]) {
  for (const q of qs) await model.complete({ prompt: q }); // @site
}
`, [
      { api: "llamaindex chat", calls: "Θ(1)", input: "Θ(|q|)" },
      { api: "llamaindex complete", calls: "Θ(|qs|)", input: "Θ(|qs|·|q|)" },
    ]);
  });
});

describe("fourth reader: Inngest AgentKit's server", () => {
  it("createServer({ networks: [network] }) runs the network on each event: its maxIter, else unbounded", () => {
    // agent-kit examples/code-assistant-agent and mcp-neon-agent: the network is served, never run in the code.
    const code = `import { createAgent, createNetwork, openai } from "@inngest/agent-kit";
import { createServer } from "@inngest/agent-kit/server";
const coder = createAgent({ name: "coder", system: "Fix the bug.", tools: [] });
const open = createNetwork({ name: "open", agents: [coder], defaultModel: openai({ model: "gpt-4o" }) });
const capped = createNetwork({ name: "capped", agents: [coder], maxIter: 6, defaultModel: openai({ model: "gpt-4o" }) });
createServer({ networks: [open] }); // @site
createServer({ agents: [coder], networks: [capped] }); // @site
createServer({ functions: [] });
createServer({ networks: [] });
`;
    expectSites(code, [
      { api: "@inngest/agent-kit createServer", model: "gpt-4o", calls: "O(steps[<top level>/createServer])", growth: "output" },
      { api: "@inngest/agent-kit createServer", model: "gpt-4o", calls: "O(steps[<top level>/createServer#2])", growth: "output" },
    ]);
    const [open, capped] = analyze(code);
    assert.deepEqual([costClass(open!), costClass(capped!)], ["unbounded", "quadratic"]);
    assert.ok(capped!.explanation.some((l) => l.includes("line 5: 6 lets the SDK's loop run at most 6 steps: steps[<top level>/createServer#2] = 6")), capped!.explanation.join("\n"));
  });
});

describe("fourth reader: LangChain's streamEvents", () => {
  it("streamEvents runs what invoke runs: an agent's or a graph's steps, a model's one request", () => {
    // langgraphjs examples/streaming: agent.streamEvents(…, { version: "v3" }) of createAgent with a tool, graph.streamEvents.
    const code = `import { createAgent, tool } from "langchain";
import { StateGraph, MessagesAnnotation } from "@langchain/langgraph";
import { ChatAnthropic } from "@langchain/anthropic";
const model = new ChatAnthropic({ model: "claude-haiku-4-5" });
const send = tool(async () => "queued", { name: "send" });
const agent = createAgent({ model, tools: [send] });
const loop = new StateGraph(MessagesAnnotation)
  .addNode("agent", async (s) => ({ messages: [await model.invoke(s.messages)] })) // @site
  .addNode("tools", async () => ({ messages: [] }))
  .addEdge("__start__", "agent")
  .addConditionalEdges("agent", (s) => (s.messages.length ? "tools" : "__end__"), ["tools", "__end__"])
  .addEdge("tools", "agent")
  .compile();
export async function main(q: string) {
  await agent.streamEvents({ messages: [{ role: "user", content: q }] }, { version: "v3" }); // @site
  await loop.streamEvents({ messages: [] }, { version: "v3", recursionLimit: 8 }); // @site
  await model.streamEvents(q, { version: "v2" }); // @site
}
`;
    expectSites(code, [
      { api: "@langchain invoke", model: "claude-haiku-4-5", calls: "Θ(1)" },
      { api: "@langchain streamEvents", model: "claude-haiku-4-5", calls: "O(steps[main/streamEvents])", growth: "output" },
      { api: "@langchain streamEvents", calls: "O(steps[main/streamEvents#2])", growth: "output" },
      { api: "@langchain streamEvents", model: "claude-haiku-4-5", calls: "Θ(1)", growth: "none" },
    ]);
    const [, agentRun, graphRun] = analyze(code);
    assert.ok(agentRun!.explanation.includes("a LangGraph agent stops at recursionLimit supersteps, 25 by default; the model node runs in every other one (model, tools, …): at most ⌊25/2⌋ + 1 = 13 model requests: steps[main/streamEvents] = 13"), agentRun!.explanation.join("\n"));
    assert.ok(graphRun!.explanation.includes("line 16: 8 lets the SDK's loop run at most 8 steps: steps[main/streamEvents#2] = 8"), graphRun!.explanation.join("\n"));
  });
});

describe("fourth reader: createReactAgent's model is its llm", () => {
  it("createReactAgent({ llm }) names its model, and a test double given as llm sends nothing", () => {
    // langgraphjs internal/environment_tests: createReactAgent({ llm: new FakeListChatModel(…), tools }) then stream.
    expectSites(`import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { ChatOpenAI } from "@langchain/openai";
export async function main(tools: any[], q: string) {
  const fake = new FakeListChatModel({ responses: ["test response"] });
  await createReactAgent({ llm: fake, tools }).stream({ messages: [q] });
  await createReactAgent({ llm: new FakeListChatModel({ responses: [] }), tools }).invoke({ messages: [q] });
  const real = createReactAgent({ llm: new ChatOpenAI({ model: "gpt-4o" }), tools, prompt: "Be brief." });
  await real.invoke({ messages: [q] }); // @site
}
`, [{ api: "@langchain invoke", model: "gpt-4o", calls: "O(steps[main/invoke#2])", growth: "output" }]);
  });
});

describe("fourth reader: Genkit", () => {
  it("generate with tools runs up to maxTurns tool turns (5 by default) and the answer after them; without tools one request", () => {
    // chatgpt-api (agentic) examples/genkit/weather.ts: generate({ model, tools, prompt }) of @genkit-ai/ai.
    const code = `import { genkit } from "genkit";
import { generate } from "@genkit-ai/ai";
const ai = genkit({ plugins: [] });
export async function main(tools: any[], q: string) {
  await generate({ model: "gpt-4o", tools, prompt: q }); // @site
  await ai.generate({ model: "gemini-2.5-flash", prompt: q, tools, maxTurns: 3 }); // @site
  await ai.generate({ model: "gemini-2.5-flash", prompt: q }); // @site
}
`;
    expectSites(code, [
      { api: "genkit generate", model: "gpt-4o", calls: "O(steps[main/generate])", growth: "output" },
      { api: "genkit generate", model: "gemini-2.5-flash", calls: "O(steps[main/generate#2])", growth: "output" },
      { api: "genkit generate", model: "gemini-2.5-flash", calls: "Θ(1)", input: "Θ(|q|)", growth: "none" },
    ]);
    const [defaults, capped] = analyze(code);
    assert.deepEqual([estimate(defaults!, { "|q|": 10 }).calls, estimate(capped!, { "|q|": 10 }).calls], [6, 4]);
    assert.ok(capped!.explanation.includes("line 6: 3 lets the SDK's loop run at most 3 tool turns, then the answer, 4 requests: steps[main/generate#2] = 4"), capped!.explanation.join("\n"));
  });
});

describe("fourth reader: a test double handed to a project's factory as llm", () => {
  it("createSupervisor({ agents, llm: fake }) of the project sends nothing; with a real llm it loops", () => {
    // langgraphjs libs/langgraph-supervisor/src/tests: createSupervisor (the package's own factory) with FakeChatModel.
    const { project } = memoryProject({
      "/p/supervisor.ts": `import { createReactAgent } from "@langchain/langgraph/prebuilt";
export function createSupervisor(opts: { agents: unknown[]; llm: any }) {
  return createReactAgent({ llm: opts.llm, tools: opts.agents as any[] });
}
`,
      "/p/use.test.ts": `import { FakeChatModel } from "@langchain/core/utils/testing";
import { ChatOpenAI } from "@langchain/openai";
import { createSupervisor } from "./supervisor";
const model = new FakeChatModel({});
export async function run(q: string) {
  await createSupervisor({ agents: [], llm: model }).invoke({ messages: [q] });
  await createSupervisor({ agents: [], llm: new FakeChatModel({}) }).invoke({ messages: [q] });
  await createSupervisor({ agents: [], llm: new ChatOpenAI({ model: "gpt-4o" }) }).invoke({ messages: [q] });
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.test.ts", ["api", "calls"]), [{ line: 8, api: "@langchain invoke", calls: "O(steps[run/invoke#3])" }]);
  });
});

describe("fourth reader: a graph whose nodes call nothing", () => {
  it("a compiled StateGraph of nodes written in place with no call sends nothing; a node that calls anything keeps the request", () => {
    // langgraphjs internal/environment_tests: new StateGraph(…).addNode("test", async () => {}).compile().invoke(…).
    expectSites(`import { StateGraph, START, END } from "@langchain/langgraph";
import { ChatOpenAI } from "@langchain/openai";
const model = new ChatOpenAI({ model: "gpt-4o-mini" });
const noop = new StateGraph({ channels: {} }).addNode("test", async () => {}).addEdge(START, "test").addEdge("test", END).compile();
const echo = new StateGraph({ channels: {} }).addNode("echo", async (s: any) => ({ messages: [s.q] })).addEdge(START, "echo").addEdge("echo", END).compile();
const asks = new StateGraph({ channels: {} }).addNode("ask", async (s: any) => ({ messages: [await model.invoke(s.q)] })).addEdge(START, "ask").addEdge("ask", END).compile(); // @site
export async function main(q: string) {
  await noop.invoke({ messages: [] });
  await echo.invoke({ q });
  await asks.invoke({ q }); // @site
}
`, [
      { api: "@langchain invoke", model: "gpt-4o-mini", calls: "Θ(1)" },
      { api: "@langchain invoke", calls: "Θ(1)" },
    ]);
  });
});

describe("fourth reader: a graph's router (issue 17, review finding)", () => {
  it("a graph whose nodes call nothing but whose router asks a model sends requests; a router written in place with no call keeps it silent, one named elsewhere is not read", () => {
    // Before: only addNode bodies were read, so the graph routed by model.invoke "sent nothing".
    expectSites(`import { StateGraph, START, END } from "@langchain/langgraph";
import { ChatOpenAI } from "@langchain/openai";
const model = new ChatOpenAI({ model: "gpt-4o-mini" });
const routed = new StateGraph({ channels: {} })
  .addNode("test", async () => {})
  .addEdge(START, "test")
  .addConditionalEdges("test", async (s: any) => ((await model.invoke(s.q)).content === "again" ? "test" : END)) // @site
  .compile();
const quiet = new StateGraph({ channels: {} }).addNode("test", async () => {}).addEdge(START, "test").addConditionalEdges("test", (s: any) => (s.done ? END : "test"), ["test", END]).compile();
declare function route(s: any): Promise<string>;
const named = new StateGraph({ channels: {} }).addNode("test", async () => {}).addEdge(START, "test").addConditionalEdges("test", route).compile();
export async function main(q: string) {
  await routed.invoke({ q }); // @site
  await quiet.invoke({ q });
  await named.invoke({ q }); // @site
}
`, [
      { api: "@langchain invoke", model: "gpt-4o-mini", calls: "Θ(1)" },
      { api: "@langchain invoke", calls: "O(steps[main/invoke])" },
      { api: "@langchain invoke", calls: "O(steps[main/invoke#3])" },
    ]);
  });

  it("a reducer that only calls its own arguments' methods, in a state kept in a const, keeps a call-free graph silent; one that asks a model does not", () => {
    // langgraphjs's export smoke tests: { channels: graphState } with value: (x, y) => x.concat(y).
    expectSites(`import { StateGraph, START, END } from "@langchain/langgraph";
import { ChatOpenAI } from "@langchain/openai";
const model = new ChatOpenAI({ model: "gpt-4o-mini" });
export async function main() {
  const graphState = { messages: { value: (x: string[], y: string[]) => x.concat(y), default: () => [] } };
  const quiet = new StateGraph({ channels: graphState }).addNode("test", async () => {}).addEdge(START, "test").addEdge("test", END).compile();
  await quiet.invoke({ messages: [] });
  const asking = { messages: { value: async (x: string[], y: string[]) => x.concat(String((await model.invoke(y.join())).content)), default: () => [] } }; // @site
  const loud = new StateGraph({ channels: asking }).addNode("test", async () => {}).addEdge(START, "test").addEdge("test", END).compile();
  await loud.invoke({ messages: [] }); // @site
}
`, [
      { api: "@langchain invoke", model: "gpt-4o-mini", calls: "Θ(1)" },
      { api: "@langchain invoke", calls: "Θ(1)" },
    ]);
  });

  it("START and END destructured from require(\"@langchain/langgraph\") are the graph's ends", () => {
    expectSites(`const { StateGraph, START, END } = require("@langchain/langgraph");
async function test() {
  const graph = new StateGraph({ channels: {} }).addNode("test", async () => {}).addEdge(START, "test").addEdge("test", END).compile();
  await graph.invoke({ messages: [] });
}
`, []);
  });
});

describe("a graph's router asking a model held in its state (issue 17, item 3)", () => {
  it("(s) => s.model.invoke(…) calls a method of a parameter's field that may be a model: the graph sends; s.messages.at(-1) and x.concat(y) stay silent", () => {
    expectSites(`import { StateGraph, START, END } from "@langchain/langgraph";
export async function main(state: { q: string; model: { invoke(q: string): Promise<{ content: string }> } }) {
  const routed = new StateGraph({ channels: {} }).addNode("test", async () => {}).addEdge(START, "test").addConditionalEdges("test", async (s: any) => ((await s.model.invoke(s.q)).content === "again" ? "test" : END)).compile();
  await routed.invoke(state); // @site
  const quiet = new StateGraph({ channels: {} }).addNode("test", async () => {}).addEdge(START, "test").addConditionalEdges("test", (s: any) => (s.messages.at(-1).content.includes("done") ? END : "test")).compile();
  await quiet.invoke(state);
}
`, [{ api: "@langchain invoke", calls: "O(steps[main/invoke#2])" }]);
  });
});

describe("fourth reader: dexter's runner", () => {
  it("createAIRunner({ chatModel, functions }) returns a function: each call loops up to maxIterations (5 by default); without functions one request", () => {
    // chatgpt-api (agentic) examples/dexter/*.ts: const runner = createAIRunner({…}); await runner(prompt).
    const code = `import { ChatModel, createAIRunner } from "@dexaai/dexter";
const chatModel = new ChatModel({ params: { model: "gpt-4o" } });
export async function main(functions: any[], topics: string[]) {
  const runner = createAIRunner({ chatModel, functions, systemMessage: "Cite your sources." });
  for (const t of topics) await runner(t); // @site
  const capped = createAIRunner({ chatModel, functions, maxIterations: 3 });
  await capped("one"); // @site
  const plain = createAIRunner({ chatModel });
  await plain("hi"); // @site
  await chatModel.run({ messages: [{ role: "user", content: "hi" }] }); // @site
}
`;
    expectSites(code, [
      { api: "@dexaai/dexter runner", calls: "O(|topics|·steps[main/runner])", growth: "output" },
      { api: "@dexaai/dexter capped", calls: "O(steps[main/capped])", growth: "output" },
      { api: "@dexaai/dexter plain", calls: "Θ(1)", growth: "none" },
      { api: "@dexaai/dexter run", model: "gpt-4o", calls: "Θ(1)", growth: "none" },
    ]);
    const [looped, capped] = analyze(code);
    assert.deepEqual([estimate(looped!, { "|topics|": 2, "|t|": 10 }).calls, estimate(capped!, {}).calls], [10, 3]);
  });
});

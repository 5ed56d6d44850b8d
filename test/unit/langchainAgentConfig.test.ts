// A LangChain agent's configuration the estimate reads (issue 17, review of the LangChain agents):
// withConfig's defaults, call options handed in, a structured answer's retries, middleware that sends
// requests of its own.
import * as assert from "node:assert/strict";
import { estimate, formatBound } from "../../src/core";
import { analyze } from "./analyze";
import { memoryProject } from "./project";

const at = (sites: ReturnType<typeof analyze>, line: number) => {
  const s = sites.find((x) => x.line === line);
  assert.ok(s, `no site at line ${line}: ${sites.map((x) => x.line).join(", ")}`);
  return s;
};

describe("a LangChain agent's recursionLimit set by withConfig or by options not read here", () => {
  const code = `import { createAgent, tool } from "langchain";
import { StateGraph } from "@langchain/langgraph";
const search = tool(async () => "", { name: "search" });
const agent = createAgent({ model: "openai:gpt-4o", tools: [search] });
const deep = agent.withConfig({ recursionLimit: 100 });
const tagged = agent.withConfig({ recursionLimit: 100 }).withConfig({ tags: ["x"] });
export async function f(q: string, config: object, opts: { recursionLimit?: number }, call: any) {
  const graph = new StateGraph({}).addNode("a", call).addEdge("a", "a").compile();
  await agent.invoke({ messages: [q] });
  await deep.invoke({ messages: [q] });
  await tagged.invoke({ messages: [q] });
  await deep.invoke({ messages: [q] }, { recursionLimit: 6 });
  await agent.invoke({ messages: [q] }, config);
  await agent.invoke({ messages: [q] }, { ...opts });
  await agent.withConfig(opts).invoke({ messages: [q] });
  await deep.withConfig({ tags: [] }).invoke({ messages: [q] }, { configurable: {} });
  await graph.withConfig({ recursionLimit: 40 }).invoke({});
  await graph.invoke({}, config);
  await agent.invoke({ messages: [q] }, { ...threadConfig, streamMode: "values" });
}
const threadConfig = { configurable: { thread_id: "1" } };
`;

  it("withConfig's recursionLimit is the default of the calls after it (chained too); a call's own wins", () => {
    const sites = analyze(code);
    const calls = (line: number) => estimate(at(sites, line), {}).calls;
    // ⌊100/2⌋ + 1 = 51 model requests; the call's own 6 supersteps: 4; a compiled graph's 40 supersteps.
    assert.deepEqual([9, 10, 11, 12, 16, 17].map(calls), [13, 51, 51, 4, 51, 40]);
    assert.ok(at(sites, 10).explanation.includes("line 5: 100 lets the SDK's loop run at most 100 supersteps; the model node runs in every other one (model, tools, …): at most ⌊100/2⌋ + 1 = 51 model requests: steps[f/invoke#2] = 51"), at(sites, 10).explanation.join("\n"));
  });

  it("options handed in (a parameter, a spread, withConfig of one) may set it: the default is only assumed", () => {
    const sites = analyze(code);
    for (const line of [13, 14, 15, 18]) {
      const e = estimate(at(sites, line), {});
      const steps = e.at.find((a) => a.name.startsWith("steps["))!;
      assert.equal(steps.source, "default", `line ${line}`);
      assert.equal(e.exact, false);
    }
    assert.deepEqual([13, 14, 15, 18].map((line) => estimate(at(sites, line), {}).calls), [13, 13, 13, 25]);
    assert.equal(formatBound(at(sites, 13).calls, at(sites, 13).rank), "O(steps[f/invoke#5])");
    assert.ok(at(sites, 13).explanation.includes("line 13: the call's options config may set recursionLimit (not read here): steps[f/invoke#5] requests, not bounded in the code; a LangGraph agent stops at recursionLimit supersteps, 25 by default; the model node runs in every other one (model, tools, …): at most ⌊25/2⌋ + 1 = 13 model requests: steps[f/invoke#5] = 13 only by default"), at(sites, 13).explanation.join("\n"));
    assert.ok(at(sites, 15).explanation.some((l) => l.startsWith("line 15: withConfig(opts) may set recursionLimit (not read here)")), at(sites, 15).explanation.join("\n"));
    // An assumption still sets it.
    assert.equal(estimate(at(sites, 13), { "steps[f/invoke#5]": 40 }).calls, 40);
    // Read options that do not give it leave the SDK's default, as stated (line 9), also spread from a const read whole (line 19).
    for (const line of [9, 19]) assert.equal(estimate(at(sites, line), {}).at.find((a) => a.name.startsWith("steps["))!.source, "code", `line ${line}`);
    assert.equal(estimate(at(sites, 19), {}).calls, 13);
  });

  it("withConfig's context may replace a runLimit; one read here is used", () => {
    const sites = analyze(`import { createAgent, modelCallLimitMiddleware, tool } from "langchain";
const search = tool(async () => "", { name: "search" });
const limited = createAgent({ model: "openai:gpt-4o", tools: [search], middleware: [modelCallLimitMiddleware({ runLimit: 3 })] });
export async function f(q: string, context: object) {
  await limited.invoke({ messages: [q] });
  await limited.withConfig({ context: { runLimit: 5 } }).invoke({ messages: [q] });
  await limited.withConfig({ context }).invoke({ messages: [q] });
  await limited.withConfig({ tags: [] }).invoke({ messages: [q] });
}
`);
    assert.deepEqual([5, 6, 7, 8].map((line) => estimate(at(sites, line), {}).calls), [3, 5, 13, 3]);
  });

  it("an agent given withConfig in another module carries the limit it states, or that one is not read", () => {
    const { project } = memoryProject({
      "/p/agent.ts": `import { createAgent, tool } from "langchain";
const search = tool(async () => "", { name: "search" });
const base = createAgent({ model: "openai:gpt-4o", tools: [search] });
export const deep = base.withConfig({ recursionLimit: 60 });
export function configured(o: object) { return base.withConfig(o); }
`,
      "/p/use.ts": `import { deep, configured } from "./agent";
export async function f(q: string) {
  await deep.invoke({ messages: [q] });
  await configured({}).invoke({ messages: [q] });
}
`,
    });
    const sites = project.analyze("/p/use.ts").findings;
    // Made elsewhere, whether its model node alternates is not read: recursionLimit's 60 supersteps, 60 calls.
    assert.deepEqual(sites.map((s) => [s.line, estimate(s, {}).calls, estimate(s, {}).at.find((a) => a.name.startsWith("steps["))?.source]), [
      [3, 60, "code"],
      [4, 25, "default"],
    ]);
  });
});

describe("a LangChain agent's structured answer whose failed parse goes back to the model node", () => {
  it("a tool strategy (or a bare schema) loops up to recursionLimit even without tools; providerStrategy and handleError: false do not", () => {
    const sites = analyze(`import { createAgent, toolStrategy, providerStrategy, tool } from "langchain";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { z } from "zod";
const search = tool(async () => "", { name: "search" });
const Answer = z.object({ a: z.string() });
const once = toolStrategy(Answer, { handleError: false });
export async function f(q: string) {
  await createAgent({ model: "openai:gpt-4o", tools: [], responseFormat: toolStrategy(Answer) }).invoke({ messages: [q] });
  await createAgent({ model: "openai:gpt-4o", responseFormat: Answer }).invoke({ messages: [q] });
  await createAgent({ model: "openai:gpt-4o", tools: [], responseFormat: providerStrategy(Answer) }).invoke({ messages: [q] });
  await createAgent({ model: "openai:gpt-4o", responseFormat: once }).invoke({ messages: [q] });
  await createAgent({ model: "openai:gpt-4o", tools: [search], responseFormat: providerStrategy(Answer) }).invoke({ messages: [q] });
  await createAgent({ model: "openai:gpt-4o", tools: [search], responseFormat: toolStrategy(Answer, { handleError: false }) }).invoke({ messages: [q] });
  await createAgent({ model: "openai:gpt-4o", tools: [search], responseFormat: toolStrategy(Answer, { handleError: "try again" }) }).invoke({ messages: [q] });
  await createReactAgent({ llm: new ChatOpenAI({ model: "gpt-4o" }), tools: [], responseFormat: Answer }).invoke({ messages: [q] });
}
`);
    // Each retry is a superstep of the model node alone: recursionLimit's 25 calls; alternating with the tools node, 13.
    assert.deepEqual([9, 10, 11, 12, 13, 14, 15, 16].map((line) => estimate(at(sites, line), {}).calls), [25, 25, 1, 1, 13, 13, 25, 25]);
    assert.equal(formatBound(at(sites, 9).calls, at(sites, 9).rank), "O(steps[f/invoke])");
    assert.ok(at(sites, 9).explanation.includes("a LangGraph agent stops at recursionLimit supersteps, 25 by default: steps[f/invoke] = 25"), at(sites, 9).explanation.join("\n"));
  });
});

describe("a LangChain agent's middleware that repeats the model's requests or sends its own", () => {
  const code = `import { createAgent, tool, modelRetryMiddleware, modelFallbackMiddleware, llmToolSelectorMiddleware, summarizationMiddleware, toolEmulatorMiddleware, piiMiddleware } from "langchain";
const search = tool(async () => "", { name: "search" });
const model = "openai:gpt-4o";
export async function f(q: string, mw: any[]) {
  await createAgent({ model, tools: [search], middleware: [modelRetryMiddleware()] }).invoke({ messages: [q] });
  await createAgent({ model, middleware: [modelRetryMiddleware({ maxRetries: 4 })] }).invoke({ messages: [q] });
  await createAgent({ model, tools: [search], middleware: [llmToolSelectorMiddleware({ maxTools: 2 })] }).invoke({ messages: [q] });
  await createAgent({ model, tools: [search], middleware: [summarizationMiddleware({ model: "openai:gpt-4o-mini" })] }).invoke({ messages: [q] });
  await createAgent({ model, tools: [search], middleware: [modelFallbackMiddleware("openai:gpt-4o-mini", "openai:gpt-4.1")] }).invoke({ messages: [q] });
  await createAgent({ model, tools: [search], middleware: [modelRetryMiddleware({ maxRetries: 1 }), llmToolSelectorMiddleware({}), summarizationMiddleware({ model })] }).invoke({ messages: [q] });
  await createAgent({ model, tools: [search], middleware: [piiMiddleware("email")] }).invoke({ messages: [q] });
  await createAgent({ model, tools: [search], middleware: [toolEmulatorMiddleware()] }).invoke({ messages: [q] });
  await createAgent({ model, tools: [search], middleware: mw }).invoke({ messages: [q] });
  await createAgent({ model, middleware: [llmToolSelectorMiddleware({ systemPrompt: q })] }).invoke({ messages: [q] });
}
`;

  it("counts k requests a model step: retries and fallbacks repeat it, a selector or summarizer adds its own", () => {
    const sites = analyze(code);
    // None re-enters the model node, which still alternates with the tools node: 13 model steps × 3, 1 × 5, × 2, × 2, × 3,
    // × (2·2 + 1); piiMiddleware's hooks send nothing but are not read as alternating: 25 supersteps, 25 model steps.
    assert.deepEqual([5, 6, 7, 8, 9, 10, 11].map((line) => estimate(at(sites, line), {}).calls), [39, 5, 26, 26, 39, 65, 25]);
    assert.ok(at(sites, 10).explanation.includes("modelRetryMiddleware sends a failed request again up to 1 times (maxRetries); llmToolSelectorMiddleware: a tool selection request before each attempt; summarizationMiddleware: at most one summary request before each model step: at most 5 requests a model step, each sending at most what the step sends and its own prompt"), at(sites, 10).explanation.join("\n"));
    // The selector's prompt (55 tokens) joins what each of the step's requests is priced at; retries are at most.
    assert.equal(formatBound(at(sites, 7).calls, at(sites, 7).rank), "O(steps[f/invoke#3])");
    assert.equal(formatBound(at(sites, 6).calls, at(sites, 6).rank), "O(1)");
    assert.equal(estimate(at(sites, 6), { "|q|": 100 }).inputTokens, 5 * 100);
    // A selector given its own prompt: that prompt and maxTools' note, with the step's input, twice.
    assert.equal(estimate(at(sites, 14), { "|q|": 100 }).inputTokens, 2 * (100 + 100 + 40));
    assert.equal(estimate(at(sites, 14), { "|q|": 100 }).calls, 2);
  });

  it("a runLimit counts model steps, each with its middleware's requests", () => {
    const sites = analyze(`import { createAgent, tool, modelRetryMiddleware, modelCallLimitMiddleware } from "langchain";
const search = tool(async () => "", { name: "search" });
export async function f(q: string) {
  await createAgent({ model: "openai:gpt-4o", tools: [search], middleware: [modelRetryMiddleware({ maxRetries: 5 }), modelCallLimitMiddleware({ runLimit: 3 })] }).invoke({ messages: [q] });
}
`);
    assert.equal(estimate(sites[0]!, {}).calls, 3 * 6);
  });

  it("a tool emulator's requests, or middleware not read here, leave the site unknown with the reason", () => {
    const sites = analyze(code);
    assert.equal(at(sites, 12).calls.kind, "unknown");
    assert.ok(at(sites, 12).explanation.includes("line 12: toolEmulatorMiddleware asks a model for each tool call it emulates, as many as the model's answers hold"), at(sites, 12).explanation.join("\n"));
    assert.equal(at(sites, 13).inputTokens.kind, "unknown");
    assert.ok(at(sites, 13).explanation.includes("line 13: the middleware mw is not read here: it may repeat the model's requests or send its own"), at(sites, 13).explanation.join("\n"));
  });
});

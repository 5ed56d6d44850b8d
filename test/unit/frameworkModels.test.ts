// Issue 17, framework internals: the model as a value typed by the framework's model interface
// (no client constructed in sight), sequential chains, and Assistants runs on one thread.
import * as assert from "node:assert/strict";
import { memoryProject, sitesOf } from "./project";

const AGENTS_CORE = "/r/packages/agents-core/src";

/** agents-core's shape: `interface Model` in model.ts, a retrying caller, the runner's turn loop (relative imports). */
const agentsCore = (): Record<string, string> => ({
  [`${AGENTS_CORE}/model.ts`]: `export interface ModelRequest { input: string[]; systemInstructions?: string }
export interface Model {
  getResponse(request: ModelRequest): Promise<{ output: string; done: boolean }>;
  getStreamedResponse(request: ModelRequest): AsyncIterable<string>;
}
`,
  [`${AGENTS_CORE}/runner/modelRetry.ts`]: `import type { Model, ModelRequest } from "../model";
export async function getResponseWithRetry(model: Model, request: ModelRequest, maxRetries = 3) {
  let attempt = 0;
  while (true) {
    try {
      return await model.getResponse(request);
    } catch (e) {
      if (++attempt > maxRetries) throw e;
    }
  }
}
`,
  [`${AGENTS_CORE}/run.ts`]: `import type { Model } from "./model";
import { getResponseWithRetry } from "./runner/modelRetry";
export async function runTurns(model: Model, input: string, maxTurns = 10) {
  const history: string[] = [input];
  for (let turn = 0; turn < maxTurns; turn++) {
    const response = await getResponseWithRetry(model, { input: history });
    history.push(response.output);
    if (response.done) return response;
  }
}
`,
});

describe("framework models: a value typed by the framework's model interface is a request", () => {
  it("agents-core's own Model, imported by a relative path inside the framework, is not taken for a request", () => {
    // Its runner's `while (true)` turn loop, bounded by a maxTurns check the engine does not read,
    // made every run() of the repository's own tests an unbounded claim: the catalog declares no
    // path for this interface (the package import, below, is what users write).
    const { project } = memoryProject(agentsCore());
    assert.deepEqual(sitesOf(project, `${AGENTS_CORE}/runner/modelRetry.ts`, ["api"]), []);
    assert.deepEqual(sitesOf(project, `${AGENTS_CORE}/run.ts`, ["api"]), []);
  });

  it("agents' Model imported from the package in user code: one request per call", () => {
    const { project } = memoryProject({
      "/p/use.ts": `import type { Model } from "@openai/agents";
export async function ask(model: Model, qs: string[]) {
  for (const q of qs) await model.getResponse({ input: [q], systemInstructions: "Be brief." });
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["api", "calls", "input", "growth"]), [{ line: 3, api: "@openai/agents getResponse", calls: "Θ(|qs|)", input: "Θ(|qs|·|q|)", growth: "none" }]);
  });

  it("LangChain: BaseChatModel and BaseLanguageModelInterface values, a class's type parameter bound by a union with a Runnable of a model", () => {
    const { project } = memoryProject({
      "/p/chain.ts": `import { BaseLanguageModelInterface, BaseLanguageModelInput } from "@langchain/core/language_models/base";
import { Runnable } from "@langchain/core/runnables";
type LLMType = BaseLanguageModelInterface | Runnable<BaseLanguageModelInput, string>;
export class Chain<Model extends LLMType = LLMType> {
  llm: Model;
  constructor(fields: { llm: Model }) {
    this.llm = fields.llm;
  }
  async _call(values: string) {
    return this.llm.invoke(values);
  }
}
`,
      "/p/helper.ts": `import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
export async function summarize(model: BaseChatModel, docs: string[]) {
  return Promise.all(docs.map((d) => model.invoke(d)));
}
export class Critic {
  constructor(private llm: BaseChatModel) {}
  async review(drafts: string[]) {
    for (const d of drafts) await this.llm.withRetry().invoke(d);
  }
}
`,
      // A runnable of something else (a retriever's input) is not a model.
      "/p/other.ts": `import { Runnable } from "@langchain/core/runnables";
export async function fetchAll(retriever: Runnable<string, string[]>, qs: string[]) {
  for (const q of qs) await retriever.invoke(q);
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/chain.ts", ["api", "calls", "input"]), [{ line: 10, api: "@langchain invoke", calls: "Θ(1)", input: "Θ(|values|)" }]);
    assert.deepEqual(sitesOf(project, "/p/helper.ts", ["api", "calls", "span", "loops"]), [
      { line: 3, api: "@langchain invoke", calls: "Θ(|docs|)", span: "Θ(1)", loops: "map@3:|docs|" },
      { line: 8, api: "@langchain invoke", calls: "Θ(|drafts|)", span: "Θ(|drafts|)", loops: "for-of@8:|drafts|" },
    ]);
    assert.deepEqual(sitesOf(project, "/p/other.ts", ["api"]), []);
  });

  it("langchain-classic's own chains: LLMChain imported by a relative path, apply() once per input (MapReduceDocumentsChain's map step)", () => {
    const CLASSIC = "/r/libs/langchain-classic/src/chains";
    const { project } = memoryProject({
      [`${CLASSIC}/llm_chain.ts`]: `import { BaseLanguageModelInterface } from "@langchain/core/language_models/base";
export class LLMChain {
  llm: BaseLanguageModelInterface;
  constructor(fields: { llm: BaseLanguageModelInterface }) { this.llm = fields.llm; }
  async _call(values: string) {
    const { generations } = await this.llm.generatePrompt([values]);
    return generations[0];
  }
}
`,
      [`${CLASSIC}/combine_docs_chain.ts`]: `import { LLMChain } from "./llm_chain.js";
export class MapReduceDocumentsChain {
  llmChain: LLMChain;
  constructor(fields: { llmChain: LLMChain }) { this.llmChain = fields.llmChain; }
  async _call(docs: string[]) {
    const inputs = docs.map((d) => ({ text: d }));
    return this.llmChain.apply(inputs);
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, `${CLASSIC}/llm_chain.ts`, ["api", "calls", "loops"]), [{ line: 6, api: "@langchain generatePrompt", calls: "Θ(1)", loops: "batch@6:1" }]);
    assert.deepEqual(sitesOf(project, `${CLASSIC}/combine_docs_chain.ts`, ["api", "calls", "span", "loops"]), [{ line: 7, api: "@langchain apply", calls: "Θ(|inputs|)", span: "Θ(1)", loops: "batch@7:|inputs|" }]);
  });

  it("the AI SDK's LanguageModelV3: doGenerate in a step loop re-sending the grown prompt", () => {
    const { project } = memoryProject({
      "/p/resolve.ts": `import type { LanguageModelV3 } from "@ai-sdk/provider";
export function resolveLanguageModel(model: LanguageModelV3 | string): LanguageModelV3 {
  if (typeof model === "string") return lookup(model);
  return model;
}
`,
      "/p/steps.ts": `import type { LanguageModelV3Prompt } from "@ai-sdk/provider";
import { resolveLanguageModel } from "./resolve";
export async function loop(modelArg: string, prompt: LanguageModelV3Prompt, maxSteps = 5) {
  const messages = [...prompt];
  for (let step = 0; step < maxSteps; step++) {
    const stepModel = resolveLanguageModel(modelArg);
    const result = await stepModel.doStream({ prompt: messages });
    messages.push(result.content);
    if (result.finishReason !== "tool-calls") break;
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/steps.ts", ["api", "calls", "input", "growth", "loops"]), [
      { line: 7, api: "@ai-sdk/provider doStream", calls: "O(maxSteps)", input: "O(maxSteps²·out + maxSteps·|prompt|)", growth: "output", loops: "for@5:maxSteps" },
    ]);
  });
});

describe("framework models made from a test double", () => {
  it("a model a factory makes of a test double (wrapLanguageModel({ model: mockModel })) sends no request; of another model it does", () => {
    const { project } = memoryProject({
      "/p/wrap.ts": `import type { LanguageModelV4 } from "@ai-sdk/provider";
export function wrapLanguageModel({ model, middleware }: { model: LanguageModelV4; middleware: unknown }): LanguageModelV4 {
  return model;
}
`,
      "/p/wrap.test.ts": `import { MockLanguageModelV4 } from "ai/test";
import { wrapLanguageModel } from "./wrap";
const mockModel = new MockLanguageModelV4({});
export async function t(real: any) {
  await wrapLanguageModel({ model: mockModel, middleware: {} }).doGenerate({ prompt: [] });
  const w = wrapLanguageModel({ model: new MockLanguageModelV4(), middleware: {} });
  await w.doStream({ prompt: [] });
  await wrapLanguageModel({ model: real, middleware: {} }).doGenerate({ prompt: [] });
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/wrap.test.ts", ["api", "calls"]), [{ line: 8, api: "@ai-sdk/provider doGenerate", calls: "Θ(1)" }]);
  });

  it("a framework's own test model, a class extending its chat model (new FakeTextStreamModel({})), sends no request, piped or not", () => {
    const { project } = memoryProject({
      "/r/libs/langchain-core/src/language_models/chat_models.ts": `export abstract class BaseChatModel {}
`,
      "/r/libs/langchain-core/src/tests/stream.test.ts": `import { BaseChatModel } from "../language_models/chat_models.js";
class FakeTextStreamModel extends BaseChatModel {}
class EchoModel extends BaseChatModel {}
export async function t(parser: any) {
  const model = new FakeTextStreamModel({});
  await model.invoke("Hello");
  await model.pipe(parser).invoke("Hello");
  await new EchoModel().invoke("Hello");
}
`,
    });
    assert.deepEqual(sitesOf(project, "/r/libs/langchain-core/src/tests/stream.test.ts", ["api", "calls"]), [{ line: 8, api: "@langchain invoke", calls: "Θ(1)" }]);
  });
});

describe("sequential chains and Assistants runs", () => {
  it("SimpleSequentialChain of two LLMChains: two requests per run, the model the first chain's", () => {
    const { project } = memoryProject({
      "/p/seq.ts": `import { OpenAI } from "@langchain/openai";
import { PromptTemplate } from "@langchain/core/prompts";
import { LLMChain, SimpleSequentialChain, SequentialChain } from "langchain/chains";
const llm = new OpenAI({ model: "gpt-3.5-turbo-instruct", temperature: 0 });
const synopsis = new LLMChain({ llm, prompt: PromptTemplate.fromTemplate("Synopsis of {title}") });
const review = new LLMChain({ llm, prompt: PromptTemplate.fromTemplate("Review of {synopsis}") });
const overall = new SimpleSequentialChain({ chains: [synopsis, review] });
const three = new SequentialChain({ chains: [synopsis, review, synopsis], inputVariables: ["title"] });
export async function run(titles: string[], chains: LLMChain[]) {
  for (const t of titles) await overall.run(t);
  await three.call({ title: "Tragedy at sunset" });
  await new SimpleSequentialChain({ chains }).run("unknown list");
}
`,
    });
    const r = project.analyze("/p/seq.ts");
    assert.deepEqual(sitesOf(project, "/p/seq.ts", ["api", "model", "calls", "growth"]), [
      { line: 10, api: "@langchain run", model: "gpt-3.5-turbo-instruct", calls: "Θ(|titles|)", growth: "output" },
      { line: 11, api: "@langchain call", model: "gpt-3.5-turbo-instruct", calls: "Θ(1)", growth: "output" },
    ]);
    assert.ok(r.findings[0]!.explanation.includes("the sequential chain runs its 2 chains in turn, each on the previous one's answer: 2 requests"), r.findings[0]!.explanation.join("\n"));
    assert.ok(r.findings[1]!.explanation.includes("the sequential chain runs its 3 chains in turn, each on the previous one's answer: 3 requests"), r.findings[1]!.explanation.join("\n"));
  });

  it("runs.createAndPoll on one thread in a turn loop: the thread re-sent, quadratic; a thread per turn: linear", () => {
    const { project } = memoryProject({
      "/p/assist.ts": `import OpenAI from "openai";
const openai = new OpenAI();
export async function chat(questions: string[], assistantId: string) {
  const thread = await openai.beta.threads.create();
  for (const q of questions) {
    await openai.beta.threads.messages.create(thread.id, { role: "user", content: q });
    await openai.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistantId, additional_instructions: q });
  }
  for (const q of questions) {
    const fresh = await openai.beta.threads.create();
    const run = openai.beta.threads.runs.createAndStream(fresh.id, { assistant_id: assistantId, additional_instructions: q });
  }
  for (const q of questions) await openai.beta.threads.createAndRunPoll({ assistant_id: assistantId, thread: { messages: [{ role: "user", content: q }] } });
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/assist.ts", ["api", "calls", "input", "growth"]), [
      { line: 7, api: "openai beta.threads.runs.createAndPoll", calls: "Θ(|questions|)", input: "Θ(|questions|²·|q| + |questions|²·out)", growth: "stateful" },
      { line: 11, api: "openai beta.threads.runs.createAndStream", calls: "Θ(|questions|)", input: "Θ(|questions|·|q|)", growth: "none" },
      { line: 13, api: "openai beta.threads.createAndRunPoll", calls: "Θ(|questions|)", input: "Θ(|questions|·|q|)", growth: "none" },
    ]);
  });
});

describe("precision on the frameworks' own chains", () => {
  it("a field set from an option with itself as the fallback (this.queryCount = fields.queryCount ?? this.queryCount) does not grow", () => {
    const { project } = memoryProject({
      "/p/q.ts": `import { ChatOpenAI } from "@langchain/openai";
export class Retriever {
  queryCount = 3;
  llm = new ChatOpenAI({ model: "gpt-4o" });
  constructor(fields: { queryCount?: number; verbose?: boolean }) {
    this.queryCount = fields.queryCount ?? this.queryCount;
    this.queryCount = fields.verbose ? this.queryCount : 1;
  }
  async generate(question: string) {
    return this.llm.invoke(\`Write \${this.queryCount} queries for: \${question}\`);
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/q.ts", ["calls", "input", "growth"]), [{ line: 10, calls: "Θ(1)", input: "Θ(|queryCount| + |question|)", growth: "none" }]);
  });
});

describe("the cost of a module of model interfaces", () => {
  it("a provider that implements LanguageModelV4 does not make its importers reach an LLM; a function returning the interface still hands the model on", () => {
    const { project } = memoryProject({
      "/p/provider.ts": `import type { LanguageModelV4, LanguageModelV4CallOptions } from "@ai-sdk/provider";
export class ChatModel implements LanguageModelV4 {
  async doGenerate(options: LanguageModelV4CallOptions) { return post(options); }
}
`,
      "/p/app.ts": `import { ChatModel } from "./provider";
export const model = new ChatModel();
`,
    });
    assert.deepEqual(sitesOf(project, "/p/app.ts", ["api"]), []);
    assert.equal(project.stats.parsed, 0);
  });
});

// The agent code people actually write (issue 17): each class of miss as a small program of its shape.
import * as assert from "node:assert/strict";
import { classOfJson, costClass, estimate, findingJson, formatBound, isTestPath } from "../../src/core";
import { renderFinding } from "../../src/core/findingLines";
import { analyze, expectSites, summary as summaryOf, type Expected } from "./analyze";
import { memoryProject, sitesOf } from "./project";

const USE_CLIENT = (from: string, name: string, call: string) => `import ${name} from "${from}";
export async function run(questions: string[]) {
  const history: { role: "user"; content: string }[] = [];
  for (const q of questions) {
    history.push({ role: "user", content: q });
    await ${call}.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: history });
  }
}
`;

describe("agent shapes: clients and wrappers made in another module", () => {
  it("export const client = new OpenAI(), export default openai, export function getClient()", () => {
    const { project } = memoryProject({
      "/p/client.ts": `import OpenAI from "openai";\nexport const client = new OpenAI();\n`,
      "/p/openai.ts": `import OpenAI from "openai";\nconst openai = new OpenAI();\nexport default openai;\n`,
      "/p/factory.ts": `import OpenAI from "openai";\nexport function getClient() {\n  return new OpenAI();\n}\n`,
      "/p/a.ts": USE_CLIENT("./client", "{ client }", "client"),
      "/p/b.ts": USE_CLIENT("./openai", "openai", "openai"),
      "/p/c.ts": USE_CLIENT("./factory", "{ getClient }", "getClient()"),
    });
    const want = [{ line: 6, api: "openai chat.completions.create", model: "gpt-4o", calls: "Θ(|questions|)", input: "Θ(|questions|²·|q|)", growth: "constant" }];
    for (const f of ["/p/a.ts", "/p/b.ts", "/p/c.ts"]) assert.deepEqual(sitesOf(project, f, ["api", "model", "calls", "input", "growth"]), want, f);
  });

  it("CommonJS: module.exports = client and exports.client, taken by require", () => {
    const { project } = memoryProject({
      "/p/openai.js": `const OpenAI = require("openai");\nconst openai = new OpenAI();\nmodule.exports = openai;\n`,
      "/p/named.js": `const OpenAI = require("openai");\nexports.client = new OpenAI();\n`,
      "/p/use.js": `const openai = require("./openai");
const { client } = require("./named");
async function run(qs) {
  for (const q of qs) await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });
  for (const q of qs) await client.responses.create({ model: "gpt-4.1", input: q });
}
module.exports = { run };
`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.js", ["api", "calls"]), [
      { line: 4, api: "openai chat.completions.create", calls: "Θ(|qs|)" },
      { line: 5, api: "openai responses.create", calls: "Θ(|qs|)" },
    ]);
  });

  it("a client's model and output cap come with it from the module that made it", () => {
    const { project } = memoryProject({
      "/p/llm.ts": `import { ChatOpenAI } from "@langchain/openai";\nexport const model = new ChatOpenAI({ model: "gpt-4o-mini", maxTokens: 50 });\n`,
      "/p/use.ts": `import { model } from "./llm";\nexport async function run(docs: string[]) {\n  for (const d of docs) await model.invoke(d);\n}\n`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["api", "model", "calls", "output"]), [{ line: 3, api: "@langchain invoke", model: "gpt-4o-mini", calls: "Θ(|docs|)", output: "Θ(|docs|)" }]);
  });

  it("a member of a client made in another module (the models of a GoogleGenAI), returned by a factory", () => {
    const { project } = memoryProject({
      "/p/generator.ts": `import { GoogleGenAI } from "@google/genai";\nexport async function createGenerator(key: string) {\n  const ai = new GoogleGenAI({ apiKey: key });\n  return ai.models;\n}\n`,
      "/p/turns.ts": `import { createGenerator } from "./generator";
export async function run(prompts: string[]) {
  const generator = await createGenerator("k");
  for (const p of prompts) await generator.generateContent({ model: "gemini-2.5-pro", contents: p });
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/turns.ts", ["api", "model", "calls"]), [{ line: 4, api: "@google/genai models.generateContent", model: "gemini-2.5-pro", calls: "Θ(|prompts|)" }]);
  });

  it("instances made from each other (two variables, a field from itself) end the search instead of overflowing", () => {
    expectSites(`import OpenAI from "openai";
const ai = new OpenAI();
class Node {
  private cur = this.cur.next();
  next(): Node { return this; }
  walk() {
    this.other = this.other.next();
    return this.cur.next().walk();
  }
}
export async function f(xs: string[]) {
  const a: any = b.next();
  const b: any = a.next();
  for (const x of xs) await a.ask(x);
  await ai.chat.completions.create({ model: "gpt-4o", messages: [] }); // @site
}
`, [{ calls: "Θ(1)" }]);
  });

  it("a local factory function or method that returns a client", () => {
    expectSites(`import OpenAI from "openai";
function makeClient() { return new OpenAI(); }
const fromArrow = () => new OpenAI();
class Bot {
  private client() { return new OpenAI(); }
  async go(xs: string[]) {
    for (const x of xs) await this.client().responses.create({ model: "gpt-4.1", input: x }); // @site
  }
}
export async function run(xs: string[]) {
  const c = makeClient();
  for (const x of xs) await c.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: x }] }); // @site
  await fromArrow().chat.completions.create({ model: "gpt-4o", messages: [] }); // @site
}
`, [{ calls: "Θ(|xs|)" }, { calls: "Θ(|xs|)" }, { calls: "Θ(1)" }]);
  });

  it("a wrapper instance from a factory (Reviewer | null), called with ?. in a loop", () => {
    const REVIEWER = `import OpenAI from "openai";
export class Reviewer {
  private client = new OpenAI();
  async review(p: string) {
    const r = await this.client.chat.completions.create({ model: "gpt-4o", max_tokens: 300, messages: [{ role: "user", content: p }] });
    return r.choices[0].message.content;
  }
}
`;
    const { project } = memoryProject({
      "/p/reviewer.ts": REVIEWER,
      "/p/load.ts": `import { Reviewer } from "./reviewer";\nexport async function load(): Promise<Reviewer | null> {\n  if (!process.env.KEY) return null;\n  return new Reviewer();\n}\n`,
      "/p/main.ts": `import { load } from "./load";
export async function main(patches: string[]) {
  const reviewer = await load();
  for (const p of patches) await reviewer?.review(p);
}
`,
      "/p/local.ts": `import { Reviewer } from "./reviewer";
async function make() {
  const r = new Reviewer();
  return r;
}
export async function main(patches: string[]) {
  const reviewer: Reviewer | null = null;
  const other = await make();
  for (const p of patches) {
    await other.review(p);
    await reviewer?.review(p);
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/main.ts", ["api", "calls", "input"]), [{ line: 4, api: "openai reviewer?.review() → chat.completions.create", calls: "Θ(|patches|)", input: "Θ(|patches|·|p|)" }]);
    assert.deepEqual(sitesOf(project, "/p/local.ts", ["calls"]).map((s) => s.line), [10, 11]);
  });

  it("a wrapper held in a class field: initialised, typed, a parameter property, assigned in the constructor or from a factory", () => {
    const { project } = memoryProject({
      "/p/wrapper.ts": `import OpenAI from "openai";
export class Wrapper {
  constructor() {
    this.client = new OpenAI();
  }
  async ask(p: string) {
    const r = await this.client.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: [{ role: "user", content: p }] });
    return r.choices[0].message.content ?? "";
  }
}
export async function load(): Promise<Wrapper | null> {
  return process.env.KEY ? new Wrapper() : null;
}
`,
      "/p/bot.ts": `import { Wrapper, load } from "./wrapper";
class Local {
  async note(x: string) { return x; }
}
export class Bot {
  private llm = new Wrapper();
  private typed: Wrapper;
  #hidden = new Wrapper();
  private loaded: Wrapper | null = null;
  private local = new Local();
  constructor(private readonly param: Wrapper) {
    this.typed = new Wrapper();
  }
  async run(xs: string[]) {
    this.loaded = await load();
    for (const x of xs) await this.llm.ask(x);
    for (const x of xs) await this.typed.ask(x);
    for (const x of xs) await this.#hidden.ask(x);
    for (const x of xs) await this.param.ask(x);
    for (const x of xs) await this.loaded?.ask(x);
    for (const x of xs) await this.local.note(x);
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/bot.ts", ["api", "calls", "input", "growth"]), [
      { line: 16, api: "openai this.llm.ask() → chat.completions.create", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", growth: "none" },
      { line: 17, api: "openai this.typed.ask() → chat.completions.create", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", growth: "none" },
      { line: 18, api: "openai this.#hidden.ask() → chat.completions.create", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", growth: "none" },
      { line: 19, api: "openai this.param.ask() → chat.completions.create", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", growth: "none" },
      { line: 20, api: "openai this.loaded?.ask() → chat.completions.create", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", growth: "none" },
    ]);
  });
});

describe("agent shapes: an interface that stands for a client (gemini-cli's ContentGenerator)", () => {
  const GENERATOR = `import { GoogleGenAI } from "@google/genai";
import { LoggingGenerator } from "./logging";
export interface ContentGenerator {
  generateContent(request: { model: string; contents: string }, id: string): Promise<{ text: string }>;
}
class FakeGenerator implements ContentGenerator {
  async generateContent() { return { text: "" }; }
}
export async function createContentGenerator(key: string): Promise<ContentGenerator> {
  const generator = await (async () => {
    if (!key) return new LoggingGenerator(new FakeGenerator());
    const googleGenAI = new GoogleGenAI({ apiKey: key });
    return new LoggingGenerator(googleGenAI.models);
  })();
  return generator;
}
`;
  const LOGGING = `import type { ContentGenerator } from "./generator";
export class LoggingGenerator implements ContentGenerator {
  constructor(private readonly wrapped: ContentGenerator) {}
  async generateContent(req: { model: string; contents: string }, id: string) {
    console.log(id);
    return this.wrapped.generateContent(req, id);
  }
}
`;

  it("a field typed by it, a method declared to return it, a parameter of its type (import type): calls through it are the client's", () => {
    const { project } = memoryProject({
      "/p/generator.ts": GENERATOR,
      "/p/logging.ts": LOGGING,
      "/p/base.ts": `import type { ContentGenerator } from "./generator";
export class BaseLlmClient {
  constructor(private readonly contentGenerator: ContentGenerator) {}
  async generateJson(prompts: string[]) {
    for (const p of prompts) await this.contentGenerator.generateContent({ model: "gemini-2.5-flash", contents: p }, "id");
  }
}
`,
      "/p/client.ts": `import { type ContentGenerator } from "./generator";
export class GeminiClient {
  constructor(private readonly config: { getContentGenerator(): ContentGenerator }) {}
  private generatorOrFail(): ContentGenerator {
    return this.config.getContentGenerator();
  }
  async ask(q: string) {
    return this.generatorOrFail().generateContent({ model: "gemini-2.5-pro", contents: q }, "id");
  }
}
export async function each(g: ContentGenerator | undefined, qs: string[]) {
  for (const q of qs) await g?.generateContent({ model: "gemini-2.5-pro", contents: q }, "id");
}
`,
      "/p/user.ts": `import { createContentGenerator } from "./generator";
export async function run(qs: string[]) {
  const g = await createContentGenerator("k");
  for (const q of qs) await g.generateContent({ model: "gemini-2.5-pro", contents: q }, "id");
}
`,
    });
    const keys: (keyof Expected)[] = ["api", "model", "calls", "input"];
    // The factory declared to return it makes that client too.
    assert.deepEqual(sitesOf(project, "/p/user.ts", keys), [{ line: 4, api: "@google/genai models.generateContent", model: "gemini-2.5-pro", calls: "Θ(|qs|)", input: "Θ(|qs|·|q|)" }]);
    assert.deepEqual(sitesOf(project, "/p/logging.ts", keys), [{ line: 6, api: "@google/genai models.generateContent", model: null, calls: "Θ(1)", input: "Θ(|req|)" }]);
    assert.deepEqual(sitesOf(project, "/p/base.ts", keys), [{ line: 5, api: "@google/genai models.generateContent", model: "gemini-2.5-flash", calls: "Θ(|prompts|)", input: "Θ(|prompts|·|p|)" }]);
    assert.deepEqual(sitesOf(project, "/p/client.ts", keys), [
      { line: 8, api: "@google/genai models.generateContent", model: "gemini-2.5-pro", calls: "Θ(1)", input: "Θ(|q|)" },
      { line: 12, api: "@google/genai models.generateContent", model: "gemini-2.5-pro", calls: "Θ(|qs|)", input: "Θ(|qs|·|q|)" },
    ]);
  });

  it("not when its factories make two different clients, nor when they make none", () => {
    const { project } = memoryProject({
      "/p/two.ts": `import OpenAI from "openai";
import { GoogleGenAI } from "@google/genai";
export interface Generator { generateContent(r: unknown): Promise<unknown>; }
export function make(kind: string): Generator {
  return kind === "g" ? wrap(new GoogleGenAI({}).models) : wrap(new OpenAI().chat.completions);
}
function wrap(x: any): Generator { return x; }
export function makeOther(kind: string): Generator {
  if (kind === "g") return new GoogleGenAI({}).models;
  return new OpenAI().chat.completions as any;
}
`,
      "/p/none.ts": `import OpenAI from "openai";\nexport const ai = new OpenAI();\nexport interface Store { generateContent(r: unknown): Promise<unknown>; }\nexport function open(): Store { return { generateContent: async () => 1 }; }\n`,
      "/p/use.ts": `import type { Generator } from "./two";
import type { Store } from "./none";
export async function f(g: Generator, s: Store, xs: string[]) {
  for (const x of xs) await g.generateContent({ model: "gemini-2.5-pro", contents: x });
  for (const x of xs) await s.generateContent({ model: "gemini-2.5-pro", contents: x });
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["api"]), []);
  });
});

const HEAD = `import OpenAI from "openai";
import { GoogleGenAI } from "@google/genai";
const ai = new OpenAI();
type Msg = OpenAI.ChatCompletionMessageParam;
`;

describe("agent shapes: counted right", () => {
  it("growth through a derived copy: history.map(…), attempts.map(…).join, spread and slice of a growing array", () => {
    expectSites(`${HEAD}export async function f(turns: number, task: string) {
  const history: { role: "user" | "assistant"; content: string }[] = [];
  for (let i = 0; i < turns; i++) {
    const r = await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: history.map((m) => ({ role: m.role, content: m.content })) }); // @site
    history.push({ role: "assistant", content: r.choices[0].message.content ?? "" });
  }
  const attempts: string[] = [];
  for (let i = 0; i < turns; i++) {
    const r = await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: [{ role: "user", content: task + attempts.map((a) => a.trim()).join("\\n") }] }); // @site
    attempts.push(r.choices[0].message.content ?? "");
  }
  const log: Msg[] = [];
  for (let i = 0; i < turns; i++) {
    const r = await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: [...log.slice(1), { role: "user", content: task }] }); // @site
    log.push({ role: "assistant", content: r.choices[0].message.content ?? "" });
  }
}
`, [
      { input: "O(turns²)", growth: "output" },
      { input: "O(turns² + turns·|task|)", growth: "output" },
      { input: "O(turns² + turns·|task|)", growth: "output" },
    ]);
  });

  it("a loop over a response's items that pushes and calls is quadratic, not a streamed answer", () => {
    expectSites(`${HEAD}export async function f(task: string) {
  const history: any[] = [{ role: "user", content: task }];
  const first = await ai.responses.create({ model: "gpt-4.1", max_output_tokens: 100, input: history }); // @site
  for (const item of first.output) {
    history.push(item);
    await ai.responses.create({ model: "gpt-4.1", max_output_tokens: 100, input: history }); // @site
  }
}
`, [{ calls: "Θ(1)" }, { calls: "Θ(|first.output|)", input: "Θ(|first.output|²·|item| + |first.output|·|task|)", growth: "constant" }]);
  });

  it("a reset inside an if that tests the same array keeps it from accumulating across the loop", () => {
    expectSites(`${HEAD}export async function f(turns: string[]) {
  const messages: Msg[] = [];
  let pending: Msg[] = [];
  for (const t of turns) {
    pending.push({ role: "user", content: t });
    if (pending.length) {
      messages.push(...pending);
      pending = [];
    }
    await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages }); // @site
  }
}
`, [{ input: "O(|turns|²·|t|)", growth: "constant" }]);
  });

  it("method recursion up to a cap (await this.loop() while count < maxLoops)", () => {
    expectSites(`${HEAD}export class Agent {
  private count = 0;
  constructor(private readonly maxLoops: number) {}
  async loop(task: string): Promise<void> {
    await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: task }] }); // @site
    if (this.count++ < this.maxLoops) await this.loop(task);
  }
  async run(task: string) {
    if (this.count >= this.maxLoops) return;
    this.count += 1;
    await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: task }] }); // @site
    await this.run(task);
  }
  async step(task: string, depth = 0): Promise<void> {
    await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: task }] }); // @site
    if (depth < this.maxLoops) await this.step(task, depth + 1);
  }
}
export async function main(a: Agent) {
  for (const t of ["x", "y"]) await a.loop(t); // @site
  for (const t of ["x", "y"]) await a.run(t); // @site
  for (const t of ["x", "y"]) await a.step(t); // @site
}
`, [{ calls: "O(maxLoops)" }, { calls: "O(maxLoops)" }, { calls: "Θ(maxLoops)" }, { calls: "O(maxLoops)" }, { calls: "O(maxLoops)" }, { calls: "Θ(maxLoops)" }]);
  });

  it("one call over nested maps in one prompt is constant in loop counts", () => {
    const code = `${HEAD}export async function f(contents: { parts: { text: string }[] }[]) {
  return ai.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: contents.map((c) => c.parts.map((p) => p.text).join(" ")).join("\\n") }] }); // @site
}
`;
    expectSites(code, [{ calls: "Θ(1)", input: "Θ(|contents|·|c.parts|·|p.text|)" }]);
    const [f] = analyze(code);
    assert.equal(costClass(f!), "constant");
    assert.equal(classOfJson(findingJson(f!, "case.ts")), "constant");
  });

  it("a spread request keeps its input and model", () => {
    expectSites(`${HEAD}const request = { model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user" as const, content: "Summarise the weather." }] };
export async function f() {
  return ai.chat.completions.create({ ...request, stream: false }); // @site
}
`, [{ model: "gpt-4o-mini", input: "Θ(1)", output: "Θ(1)" }]);
  });

  it("a Gemini chat made with tools counts automatic function calling like generateContent", () => {
    expectSites(`${HEAD}const genai = new GoogleGenAI({});
export async function f(tools: any[], q: string) {
  const chat = genai.chats.create({ model: "gemini-2.5-flash", config: { tools } });
  await chat.sendMessage({ message: q }); // @site
  const plain = genai.chats.create({ model: "gemini-2.5-flash" });
  await plain.sendMessage({ message: q }); // @site
}
`, [{ calls: "O(steps[f/sendMessage])", input: "O(steps[f/sendMessage]²·tool[f/sendMessage] + steps[f/sendMessage]²·out[gemini-2.5-flash] + steps[f/sendMessage]·|q|)", growth: "output" }, { calls: "Θ(1)", growth: "none" }]);
  });

  it("a chained rewrite over steps is a rewrite", () => {
    expectSites(`${HEAD}async function ask(p: string) {
  const r = await ai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: p }] }); // @site
  return { text: r.choices[0].message.content ?? "" };
}
export async function chain(steps: string[], start: string) {
  let result = start;
  for (const step of steps) result = (await ask(step + result)).text; // @site
  return result;
}
`, [{ calls: "Θ(1)" }, { calls: "Θ(|steps|)", growth: "rewrite" }]);
  });
});

describe("agent shapes: LangChain beyond Chat*, Mastra, SDKs new to the catalog", () => {
  it("createAgent from bare langchain, the completion class OpenAI, LLMChain and a subclass", () => {
    expectSites(`import { createAgent } from "langchain";
import { OpenAI } from "@langchain/openai";
import { LLMChain } from "langchain/chains";
import { PromptTemplate } from "@langchain/core/prompts";
const llm = new OpenAI({ model: "gpt-3.5-turbo-instruct", maxTokens: 40 });
const chain = new LLMChain({ llm, prompt: PromptTemplate.fromTemplate("Name {x}") });
class Namer extends LLMChain {}
export async function run(xs: string[]) {
  const agent = createAgent({ model: "openai:gpt-4o", tools: [] });
  await agent.invoke({ messages: [{ role: "user", content: "hi" }] }); // @site
  for (const x of xs) await llm.invoke(x); // @site
  for (const x of xs) await chain.call({ x }); // @site
  await chain.predict({ x: "y" }); // @site
  await new Namer({ llm, prompt: PromptTemplate.fromTemplate("{x}") }).call({ x: "z" }); // @site
}
`, [
      // An agent made without tools (an empty list) answers in one model call.
      { api: "@langchain invoke", model: "openai:gpt-4o", calls: "Θ(1)" },
      { api: "@langchain invoke", model: "gpt-3.5-turbo-instruct", calls: "Θ(|xs|)", output: "Θ(|xs|)" },
      { api: "@langchain call", model: "gpt-3.5-turbo-instruct", calls: "Θ(|xs|)" },
      { api: "@langchain predict", calls: "Θ(1)" },
      { api: "@langchain call", calls: "Θ(1)" },
    ]);
  });

  it("LCEL: prompt.pipe(model), model.pipe(parser) and RunnableSequence.from([prompt, model, parser]) invoke the model", () => {
    expectSites(`import { ChatOpenAI } from "@langchain/openai";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { RunnableSequence } from "@langchain/core/runnables";
const model = new ChatOpenAI({ model: "gpt-4o-mini", maxTokens: 60 });
const prompt = ChatPromptTemplate.fromMessages([["user", "Tell me about {topic}"]]);
const chain = prompt.pipe(model).pipe(new StringOutputParser());
const seq = RunnableSequence.from([prompt, model, new StringOutputParser()]);
export async function run(topics: string[]) {
  for (const topic of topics) await chain.invoke({ topic }); // @site
  for (const topic of topics) await seq.invoke({ topic }); // @site
  await prompt.pipe(new StringOutputParser()).invoke({ topic: "x" });
}
`, [
      { api: "@langchain invoke", model: "gpt-4o-mini", calls: "Θ(|topics|)", output: "Θ(|topics|)" },
      { api: "@langchain invoke", model: "gpt-4o-mini", calls: "Θ(|topics|)" },
    ]);
  });

  it("RunnablePassthrough.assign({ x: chainA }).pipe(chainB) and RunnableSequence.from([RunnablePassthrough.assign(…), prompt, model]): two requests per invoke", () => {
    const src = `import { ChatOpenAI } from "@langchain/openai";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { RunnablePassthrough, RunnableSequence } from "@langchain/core/runnables";
const model = new ChatOpenAI({ model: "gpt-4o-mini", maxTokens: 60 });
const tablesChain = ChatPromptTemplate.fromTemplate("Tables for {question}?").pipe(model).pipe(new StringOutputParser());
const answer = ChatPromptTemplate.fromTemplate("Answer {question} from {tables}");
const queryChain = answer.pipe(model);
const full = RunnablePassthrough.assign({ tables: tablesChain }).pipe(queryChain);
const piped = RunnablePassthrough.assign({ tables: tablesChain }).pipe(answer).pipe(model);
const seq = RunnableSequence.from([RunnablePassthrough.assign({ tables: tablesChain, again: tablesChain }), answer, model]);
const plain = RunnablePassthrough.assign({ n: () => 1 }).pipe(queryChain);
export async function run(questions: string[]) {
  for (const question of questions) await full.invoke({ question });
  for (const question of questions) await piped.invoke({ question });
  for (const question of questions) await seq.invoke({ question });
  for (const question of questions) await plain.invoke({ question });
}
`;
    const findings = analyze(src);
    // A fixed number of requests per invoke: exact, linear in the loop (no step count to set).
    assert.deepEqual(findings.map((f) => [f.line, f.model, formatBound(f.calls, f.rank), costClass(f), estimate(f, { "|questions|": 10 }).calls]), [
      [14, "gpt-4o-mini", "Θ(|questions|)", "linear", 20],
      [15, "gpt-4o-mini", "Θ(|questions|)", "linear", 20],
      [16, "gpt-4o-mini", "Θ(|questions|)", "linear", 30],
      [17, "gpt-4o-mini", "Θ(|questions|)", "linear", 10],
    ]);
    const explanation = renderFinding(findings[0]!).explanation;
    assert.ok(explanation.includes("RunnablePassthrough.assign sends its assigned model runnable's request, then the piped chain's with that answer added to its input: 2 requests per invoke: 2 requests"), explanation.join("\n"));
    assert.ok(explanation.includes("each step (2 of them) re-sends the conversation grown by the previous answers: Σ_{j<2} (in + j·out) = 2·|question| + 60 input per call"), explanation.join("\n"));
  });

  it("loadSummarizationChain and loadQARefineChain hide a loop over the documents; stuff does not", () => {
    expectSites(`import { loadSummarizationChain, loadQARefineChain } from "langchain/chains";
import { ChatOpenAI } from "@langchain/openai";
const model = new ChatOpenAI({ model: "gpt-4o-mini", maxTokens: 200 });
export async function run(docs: { pageContent: string }[]) {
  await loadSummarizationChain(model, { type: "map_reduce" }).invoke({ input_documents: docs }); // @site
  await loadQARefineChain(model).call({ input_documents: docs, question: "q" }); // @site
  await loadSummarizationChain(model, { type: "stuff" }).invoke({ input_documents: docs }); // @site
}
`, [
      { calls: "O(|docs|)", input: "O(|docs|·|docs[]| + |docs|·out)", growth: "output" },
      { calls: "O(|docs|)", input: "O(|docs|·|docs[]| + |docs|·out)" },
      { calls: "Θ(1)", input: "Θ(|docs|·|docs[]|)" },
    ]);
  });

  it("a LangGraph StateGraph with a cycle, compiled and invoked, runs up to recursionLimit steps", () => {
    expectSites(`import { StateGraph, START, END } from "@langchain/langgraph";
export async function run(State: any, call: any, tools: any, route: any, input: string) {
  const graph = new StateGraph(State).addNode("agent", call).addNode("tools", tools).addEdge(START, "agent").addConditionalEdges("agent", route, ["tools", END]).addEdge("tools", "agent").compile();
  await graph.invoke({ messages: [input] }); // @site
  await graph.invoke({ messages: [input] }, { recursionLimit: 5 }); // @site
}
`, [{ calls: "O(steps[run/invoke])", api: "@langchain invoke" }, { calls: "O(steps[run/invoke#2])" }]);
  });

  it("a LangGraph pipeline (edges with no cycle) runs each node once: its invoke is no agent loop", () => {
    expectSites(`import { StateGraph, START, END } from "@langchain/langgraph";
const a = async (s: any) => s;
async function b(s: any) { return s; }
export async function run(State: any, check: any, input: string) {
  const chained = new StateGraph(State).addNode("agent", a).addEdge(START, "agent").addEdge("agent", END).compile();
  await chained.invoke({ messages: [input] }); // @site
  const builder = new StateGraph(State);
  builder.addNode("draft", a).addNode("review", b, { input: State });
  builder.addEdge(START, "draft");
  builder.addConditionalEdges("draft", check, { ok: "review", stop: END });
  builder.addEdge("review", END);
  const graph = builder.compile();
  await graph.invoke({ messages: [input] }); // @site
}
`, [{ calls: "Θ(1)", api: "@langchain invoke" }, { calls: "Θ(1)" }]);
  });

  it("a LangGraph pipeline compiled in another module: its invoke in a loop is one pass per element, a cyclic one keeps its steps", () => {
    const { project } = memoryProject({
      "/p/graphs.ts": `import { StateGraph, START, END } from "@langchain/langgraph";
const builder = new StateGraph({} as any).addNode("verify", async (s: any) => s).addEdge(START, "verify").addEdge("verify", END);
export const pipeline = builder.compile();
export const agent = new StateGraph({} as any).addNode("agent", async (s: any) => s).addEdge(START, "agent").addEdge("agent", "agent").compile();
`,
      "/p/use.ts": `import { pipeline, agent } from "./graphs";
export async function each(posts: string[]) {
  for (const post of posts) await pipeline.invoke({ post });
  for (const post of posts) await agent.invoke({ post });
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["calls"]), [
      { line: 3, calls: "Θ(|posts|)" },
      { line: 4, calls: "O(|posts|·steps[each/invoke#2])" },
    ]);
  });

  it("a LangGraph graph whose edges are not all stated keeps the recursionLimit loop", () => {
    expectSites(`import { StateGraph, START, END } from "@langchain/langgraph";
const a = async (s: any) => s;
async function b(s: any) { return s; }
export async function run(State: any, route: any, extend: (g: any) => void, sub: any, input: string) {
  const open = new StateGraph(State).addNode("agent", a).addEdge(START, "agent").addConditionalEdges("agent", route).compile();
  await open.invoke({ messages: [input] }); // @site
  const builder = new StateGraph(State).addNode("agent", a).addEdge(START, "agent").addEdge("agent", END);
  extend(builder);
  await builder.compile().invoke({ messages: [input] }); // @site
  const routed = new StateGraph(State).addNode("agent", a, { ends: ["agent", END] }).addEdge(START, "agent").compile();
  await routed.invoke({ messages: [input] }); // @site
  const nested = new StateGraph(State).addNode("agent", sub).addEdge(START, "agent").addEdge("agent", END).compile();
  await nested.invoke({ messages: [input] }); // @site
  const seq = new StateGraph(State).addSequence([["a", a], ["b", b]]).addEdge(START, "a").addEdge("b", "a").compile();
  await seq.invoke({ messages: [input] }); // @site
}
`, [{ calls: "O(steps[run/invoke])" }, { calls: "O(steps[run/invoke#2])" }, { calls: "O(steps[run/invoke#3])" }, { calls: "O(steps[run/invoke#4])" }, { calls: "O(steps[run/invoke#5])" }]);
  });

  it("a LangGraph Send fan-out runs its node once per element; a node added without one does not loop", () => {
    expectSites(`import { StateGraph, Send, START, END } from "@langchain/langgraph";
import { ChatOpenAI } from "@langchain/openai";
const model = new ChatOpenAI({ model: "gpt-4o-mini", maxTokens: 100 });
async function summarize(state: { doc: string }) {
  const r = await model.invoke(\`Summarize: \${state.doc}\`); // @site
  return { summaries: [r.content] };
}
async function combine(state: { summaries: string[] }) {
  return { final: await model.invoke(state.summaries.join("\\n")) }; // @site
}
const fanOut = (state: { docs: string[] }) => state.docs.map((doc) => new Send("summarize", { doc }));
export const graph = new StateGraph({} as any)
  .addNode("summarize", summarize)
  .addNode("combine", combine)
  .addConditionalEdges(START, fanOut, ["summarize"])
  .addEdge("summarize", "combine")
  .addEdge("combine", END)
  .compile();
`, [
      { calls: "Θ(|state.docs|)", loops: "map@11:|state.docs|", span: "Θ(1)" },
      { calls: "Θ(1)", loops: "" },
    ]);
  });

  it("a LangGraph Send fan-out of a node imported from another module: a site at addNode, once per element", () => {
    const { project } = memoryProject({
      "/p/nodes.ts": `import { ChatOpenAI } from "@langchain/openai";
const model = new ChatOpenAI({ model: "gpt-4o-mini", maxTokens: 100 });
export async function summarize(state: { doc: string }) {
  const r = await model.invoke(\`Summarize: \${state.doc}\`);
  return { summaries: [r.content] };
}
export async function combine(state: { summaries: string[] }) {
  return { final: await model.invoke(state.summaries.join("\\n")) };
}
`,
      "/p/graph.ts": `import { StateGraph, Send, START, END } from "@langchain/langgraph";
import { summarize, combine } from "./nodes";
const fanOut = (state: { docs: string[] }) => state.docs.map((doc) => new Send("summarize", { doc }));
export const graph = new StateGraph({} as any)
  .addNode("summarize", summarize)
  .addNode("combine", combine)
  .addConditionalEdges(START, fanOut, ["summarize"])
  .addEdge("summarize", "combine")
  .addEdge("combine", END)
  .compile();
`,
    });
    // The site is the addNode call, which starts where its chain starts (line 4).
    assert.deepEqual(sitesOf(project, "/p/graph.ts", ["api", "model", "calls", "loops", "span"]), [
      { line: 4, api: "@langchain summarize() → invoke", model: "gpt-4o-mini", calls: "Θ(|state.docs|)", loops: "map@3:|state.docs|", span: "Θ(1)" },
    ]);
    assert.deepEqual(sitesOf(project, "/p/nodes.ts", ["calls", "loops"]), [
      { line: 4, calls: "Θ(1)", loops: "" },
      { line: 8, calls: "Θ(1)", loops: "" },
    ]);
  });

  it("a LangGraph Send fan-out from a third module: node in one, graph in another, the routing function in a third", () => {
    const { project } = memoryProject({
      "/p/nodes.ts": `import { ChatOpenAI } from "@langchain/openai";
const model = new ChatOpenAI({ model: "gpt-4o-mini", maxTokens: 100 });
export async function summarize(state: { doc: string }) {
  const r = await model.invoke(\`Summarize: \${state.doc}\`);
  return { summaries: [r.content] };
}
`,
      "/p/routing.ts": `import { Send } from "@langchain/langgraph";
export const fanOut = (state: { docs: string[] }) =>
  state.docs.map((doc) => new Send("summarize", { doc }));
`,
      "/p/graph.ts": `import { StateGraph, START, END } from "@langchain/langgraph";
import { summarize } from "./nodes";
import { fanOut } from "./routing";
export const graph = new StateGraph({} as any)
  .addNode("summarize", summarize)
  .addConditionalEdges(START, fanOut, ["summarize"])
  .addEdge("summarize", END)
  .compile();
`,
    });
    assert.deepEqual(sitesOf(project, "/p/graph.ts", ["api", "model", "calls", "input", "loops", "span"]), [
      { line: 4, api: "@langchain summarize() → invoke", model: "gpt-4o-mini", calls: "Θ(|state.docs|)", input: "Θ(|state.docs|·|state.doc|)", loops: "map@4:|state.docs|", span: "Θ(1)" },
    ]);
    const [site] = project.analyze("/p/graph.ts").findings;
    assert.ok(site!.explanation.includes("line 4: the routing function (fanOut at routing.ts:3) sends each element of state.docs to this node → |state.docs| iterations, in parallel"), site!.explanation.join("\n"));
    assert.deepEqual(sitesOf(project, "/p/routing.ts", ["api"]), []);
  });

  it("Mastra: mastra.getAgent, an Agent imported from another module, a memory thread capped by lastMessages", () => {
    const { project } = memoryProject({
      "/p/agents.ts": `import { Agent } from "@mastra/core/agent";
import { Memory } from "@mastra/memory";
export const helper = new Agent({ name: "helper", instructions: "help", model: "openai/gpt-4o", memory: new Memory() });
export const windowed = new Agent({ name: "w", instructions: "help", model: "openai/gpt-4o", memory: new Memory({ options: { lastMessages: 3 } }) });
`,
      "/p/mastra.ts": `import { Mastra } from "@mastra/core";\nimport { helper } from "./agents";\nexport const mastra = new Mastra({ agents: { helper } });\n`,
      "/p/chat.ts": `import { mastra } from "./mastra";
import { helper, windowed } from "./agents";
export async function chat(turns: string[]) {
  const agent = mastra.getAgent("helper");
  for (const t of turns) await agent.generate(t, { maxSteps: 1 });
  for (const t of turns) await helper.generate(t, { maxSteps: 1, memory: { thread: "t1", resource: "u1" } });
  for (const t of turns) await windowed.generate(t, { maxSteps: 1, memory: { thread: "t1", resource: "u1" } });
}
`,
    });
    // The thread re-sends at most lastMessages earlier messages: 10 by default, 3 here. The agent looked up
    // by name is the one mastra.ts registers under it: its model is known.
    assert.deepEqual(sitesOf(project, "/p/chat.ts", ["api", "model", "calls", "input", "growth"]), [
      { line: 5, api: "@mastra/core generate", model: "openai/gpt-4o", calls: "Θ(|turns|)", input: "Θ(|turns|·|t|)", growth: "none" },
      { line: 6, api: "@mastra/core generate", model: "openai/gpt-4o", calls: "Θ(|turns|)", input: "Θ(|turns|·|t| + |turns|·out[openai/gpt-4o])", growth: "none" },
      { line: 7, api: "@mastra/core generate", model: "openai/gpt-4o", calls: "Θ(|turns|)", input: "Θ(|turns|·|t| + |turns|·out[openai/gpt-4o])", growth: "none" },
    ]);
    const explained = project.analyze("/p/chat.ts").findings.map((f) => f.explanation.find((l) => l.includes("earlier messages")));
    assert.deepEqual(explained, [
      undefined,
      "Mastra's memory sends the thread's last lastMessages messages (10 by default): at most 10 earlier messages (prompts or answers) are billed again with each request",
      "Mastra's memory sends the thread's last lastMessages messages (10 by default): at most 3 earlier messages (prompts or answers) are billed again with each request",
    ]);
  });

  it("the Responses WebSocket client, Inngest AgentKit networks, the chatgpt package, LlamaIndex agents", () => {
    expectSites(`import OpenAI from "openai";
import { ResponsesWS } from "openai/resources/responses/ws";
import { createNetwork, createAgent } from "@inngest/agent-kit";
import { ChatGPTAPI } from "chatgpt";
import { agent } from "@llamaindex/workflow";
import { OpenAIAgent } from "llamaindex";
export async function run(turns: string[], searcher: any) {
  const ws = new ResponsesWS(new OpenAI());
  let prev: string | undefined;
  for (const t of turns) ws.send({ type: "response.create", model: "gpt-4.1", input: t, previous_response_id: prev }); // @site
  const writer = createAgent({ name: "w", system: "write", model: "gpt-4o" });
  await writer.run("x"); // @site
  await createNetwork({ agents: [searcher], maxIter: 4 }).run("task"); // @site
  await createNetwork({ agents: [searcher] }).run("task"); // @site
  const api = new ChatGPTAPI({ apiKey: "k", completionParams: { model: "gpt-4o" } });
  let res = await api.sendMessage("hi"); // @site
  for (const t of turns) res = await api.sendMessage(t, { parentMessageId: res.id }); // @site
  await agent({ llm: searcher, tools: [] }).run("q"); // @site
  const classic = new OpenAIAgent({ tools: [] });
  for (const t of turns) await classic.chat({ message: t }); // @site
}
`, [
      { api: "openai send", model: "gpt-4.1", calls: "Θ(|turns|)", growth: "stateful" },
      { api: "@inngest/agent-kit run", calls: "Θ(1)" },
      { api: "@inngest/agent-kit run", calls: "O(steps[run/run#2])" },
      { api: "@inngest/agent-kit run", calls: "O(steps[run/run#3])" },
      { api: "chatgpt sendMessage", model: "gpt-4o", calls: "Θ(1)", growth: "none" },
      { api: "chatgpt sendMessage", model: "gpt-4o", calls: "Θ(|turns|)", growth: "stateful" },
      { api: "llamaindex run", calls: "O(steps[run/run#4])" },
      { api: "llamaindex chat", growth: "stateful" },
    ]);
  });
});

describe("agent shapes: catalog entries of the newest packages", () => {
  it("SqlDatabaseChain (@langchain/classic): a query request and an answer request, one with returnDirect", () => {
    const code = `import { OpenAI } from "@langchain/openai";
import { SqlDatabaseChain } from "@langchain/classic/chains/sql_db";
export async function ask(db: any, questions: string[]) {
  const chain = new SqlDatabaseChain({ llm: new OpenAI({ model: "gpt-4o-mini" }), database: db });
  for (const q of questions) await chain.run(q); // @site
  const direct = new SqlDatabaseChain({ llm: new OpenAI({ model: "gpt-4o-mini" }), database: db, returnDirect: true });
  await direct.invoke({ query: "How many tracks?" }); // @site
}
`;
    expectSites(code, [
      // Two requests per run, whatever the options: a constant, not a step count to set.
      { api: "@langchain run", model: "gpt-4o-mini", calls: "Θ(|questions|)", input: "Θ(|questions|·|q| + |questions|·out[gpt-4o-mini])" },
      { api: "@langchain invoke", model: "gpt-4o-mini", calls: "Θ(1)", input: "Θ(1)" },
    ]);
    const [run] = analyze(code);
    assert.ok(run!.explanation.some((l) => l.endsWith("(2 requests; 1 with returnDirect): 2 requests")), run!.explanation.join("\n"));
  });

  it("WorkflowAgent (@ai-sdk/workflow) loops with no cap unless stopWhen; HarnessAgent (@ai-sdk/harness) keeps its session", () => {
    const code = `import { WorkflowAgent } from "@ai-sdk/workflow";
import { HarnessAgent } from "@ai-sdk/harness/agent";
import { stepCountIs } from "ai";
export async function chat(messages: any[], turns: string[], harness: any) {
  const agent = new WorkflowAgent({ model: "anthropic/claude-sonnet-4", tools: {} });
  await agent.stream({ messages }); // @site
  const capped = new WorkflowAgent({ model: "anthropic/claude-sonnet-4", tools: {}, stopWhen: stepCountIs(5) });
  await capped.stream({ messages }); // @site
  const coder = new HarnessAgent({ harness });
  const session = await coder.createSession();
  for (const t of turns) await coder.generate({ prompt: t, session }); // @site
}
`;
    expectSites(code, [
      { api: "ai stream", model: "anthropic/claude-sonnet-4", calls: "O(steps[chat/stream])" },
      { api: "ai stream", model: "anthropic/claude-sonnet-4", calls: "O(steps[chat/stream#2])" },
      { api: "ai generate", calls: "O(|turns|·steps[chat/generate])", growth: "stateful" },
    ]);
    const [open, capped, harness] = analyze(code);
    assert.ok(open!.explanation.includes("WorkflowAgent loops while the model calls tools, with no step cap unless stopWhen is given: steps[chat/stream] steps, unbounded"), open!.explanation.join("\n"));
    assert.ok(capped!.explanation.some((l) => l.endsWith("lets the SDK's loop run at most 5 steps: steps[chat/stream#2] = 5")), capped!.explanation.join("\n"));
    assert.ok(harness!.explanation.some((l) => l.endsWith("steps[chat/generate] steps, unbounded")), harness!.explanation.join("\n"));
  });
});

describe("agent shapes: misses found re-judging the repositories' examples", () => {
  it("a SandboxAgent always has tools (its filesystem and shell); the Anthropic Google Cloud, AWS and Foundry clients; createSqlQueryChain", () => {
    expectSites(`import { Agent, run } from "@openai/agents";
import { SandboxAgent } from "@openai/agents/sandbox";
import AnthropicGoogleCloud from "@anthropic-ai/google-cloud-sdk";
import { AnthropicAws } from "@anthropic-ai/aws-sdk";
import { ChatOpenAI } from "@langchain/openai";
import { createSqlQueryChain } from "@langchain/classic/chains/sql_db";
export async function f(db: any, q: string) {
  await run(new SandboxAgent({ name: "inspector", model: "gpt-5", instructions: "Inspect." }), "Inspect the repo."); // @site
  await run(new Agent({ name: "plain", model: "gpt-5", instructions: "Answer." }), q); // @site
  await new AnthropicGoogleCloud({}).messages.create({ model: "claude-haiku-4-5", max_tokens: 100, messages: [{ role: "user", content: q }] }); // @site
  await new AnthropicAws({}).messages.create({ model: "claude-haiku-4-5", max_tokens: 100, messages: [{ role: "user", content: q }] }); // @site
  const chain = await createSqlQueryChain({ llm: new ChatOpenAI({ model: "gpt-4o" }), db, dialect: "sqlite" });
  await chain.invoke({ question: q }); // @site
}
`, [
      { api: "@openai/agents run", calls: "O(steps[f/run])" },
      { api: "@openai/agents run", calls: "Θ(1)" },
      { api: "@anthropic-ai/sdk messages.create", model: "claude-haiku-4-5", calls: "Θ(1)", input: "Θ(|q|)" },
      { api: "@anthropic-ai/sdk messages.create", model: "claude-haiku-4-5", calls: "Θ(1)", input: "Θ(|q|)" },
      { api: "@langchain invoke", model: "gpt-4o", calls: "Θ(1)" },
    ]);
  });

  it("createAgentUIStreamResponse runs the agent passed: its steps (20 by default, or its stopWhen) and model, also for an agent of another module", () => {
    const { project } = memoryProject({
      "/p/agent.ts": `import { ToolLoopAgent } from "ai";\nexport const searchAgent = new ToolLoopAgent({ model: "xai/grok-4", tools: {} });\n`,
      "/p/route.ts": `import { createAgentUIStreamResponse, ToolLoopAgent, stepCountIs } from "ai";
import { searchAgent } from "./agent";
const capped = new ToolLoopAgent({ model: "openai/gpt-4.1", tools: {}, stopWhen: stepCountIs(3) });
export async function POST(messages: unknown[], agent: any) {
  await createAgentUIStreamResponse({ agent: searchAgent, uiMessages: messages });
  await createAgentUIStreamResponse({ agent: capped, uiMessages: messages });
  await createAgentUIStreamResponse({ agent, uiMessages: messages });
}
`,
    });
    const findings = project.analyze("/p/route.ts").findings;
    assert.deepEqual(sitesOf(project, "/p/route.ts", ["api", "model", "calls", "input"]), [
      { line: 5, api: "ai createAgentUIStreamResponse", model: "xai/grok-4", calls: "O(steps[POST/createAgentUIStreamResponse])", input: "O(|messages|·steps[POST/createAgentUIStreamResponse]·|messages[]| + steps[POST/createAgentUIStreamResponse]²·tool[POST/createAgentUIStreamResponse] + steps[POST/createAgentUIStreamResponse]²·out[xai/grok-4])" },
      { line: 6, api: "ai createAgentUIStreamResponse", model: "openai/gpt-4.1", calls: "O(steps[POST/createAgentUIStreamResponse#2])", input: "O(|messages|·steps[POST/createAgentUIStreamResponse#2]·|messages[]| + steps[POST/createAgentUIStreamResponse#2]²·tool[POST/createAgentUIStreamResponse#2] + steps[POST/createAgentUIStreamResponse#2]²·out[openai/gpt-4.1])" },
      { line: 7, api: "ai createAgentUIStreamResponse", model: null, calls: "O(steps[POST/createAgentUIStreamResponse#3])", input: "O(|messages|·steps[POST/createAgentUIStreamResponse#3]·|messages[]| + steps[POST/createAgentUIStreamResponse#3]²·tool[POST/createAgentUIStreamResponse#3] + steps[POST/createAgentUIStreamResponse#3]²·out)" },
    ]);
    const stepLine = (i: number): string | undefined => findings[i]!.explanation.find((l) => l.includes(": steps[") && !l.startsWith("each"));
    assert.deepEqual([0, 1, 2].map(stepLine), [
      "ToolLoopAgent stops after 20 steps by default: steps[POST/createAgentUIStreamResponse] = 20",
      "line 3: stepCountIs(3) lets the SDK's loop run at most 3 steps: steps[POST/createAgentUIStreamResponse#2] = 3",
      "the agent passed is not known here, nor its step cap: steps[POST/createAgentUIStreamResponse#3] steps, unbounded",
    ]);
  });

  it("a summarization chain's requests repeat once per document: linear in the documents", () => {
    const [f] = analyze(`import { OpenAI } from "@langchain/openai";
import { loadSummarizationChain } from "@langchain/classic/chains";
export async function f(docs: { pageContent: string }[]) {
  return loadSummarizationChain(new OpenAI({ model: "gpt-4o-mini" }), { type: "map_reduce" }).invoke({ input_documents: docs });
}
`);
    assert.deepEqual([summaryOf(f!).calls, costClass(f!)], ["O(|docs|)", "linear"]);
  });
});

describe("agent shapes: Gemini's automatic function calling runs only over callable tools", () => {
  it("function declarations (a literal list, a const, a field or parameter typed Tool[]) send one request; mcpToTool and unknown tools loop", () => {
    expectSites(`import { GoogleGenAI, mcpToTool, type Tool } from "@google/genai";
const ai = new GoogleGenAI({});
const declared = [{ functionDeclarations: [{ name: "lookup" }] }];
export class Chat {
  constructor(private tools: Tool[] = []) {}
  async ask(q: string, mcp: any, anyTools: any[], typed: Array<Tool>) {
    await ai.models.generateContent({ model: "gemini-2.5-flash", contents: q, config: { tools: [{ functionDeclarations: [] }] } }); // @site
    await ai.models.generateContent({ model: "gemini-2.5-flash", contents: q, config: { tools: declared } }); // @site
    await ai.models.generateContent({ model: "gemini-2.5-flash", contents: q, config: { tools: this.tools } }); // @site
    await ai.models.generateContent({ model: "gemini-2.5-flash", contents: q, config: { tools: typed } }); // @site
    await ai.models.generateContent({ model: "gemini-2.5-flash", contents: q, config: { tools: [mcpToTool(mcp)] } }); // @site
    await ai.models.generateContent({ model: "gemini-2.5-flash", contents: q, config: { tools: anyTools } }); // @site
    const chat = ai.chats.create({ model: "gemini-2.5-flash", config: { tools: this.tools } });
    await chat.sendMessage({ message: q }); // @site
  }
}
`, [
      { calls: "Θ(1)", growth: "none" },
      { calls: "Θ(1)", growth: "none" },
      { calls: "Θ(1)", growth: "none" },
      { calls: "Θ(1)", growth: "none" },
      { calls: "O(steps[Chat.ask/generateContent#5])", growth: "output" },
      { calls: "O(steps[Chat.ask/generateContent#6])", growth: "output" },
      { calls: "Θ(1)", growth: "none" },
    ]);
  });
});

describe("agent shapes: tests and fixtures", () => {
  it("paths under test folders and *.test/*.spec files are test code; others are not", () => {
    const yes = ["test/agent.ts", "packages/core/__tests__/run.ts", "src/fixtures/chat.js", "e2e/flow.ts", "src/agent.test.ts", "src\\tool.spec.tsx", "a/__mocks__/openai.ts", "integration-tests/node/index.mjs", "ecosystem-tests/vercel-edge/src/pages/api/response.ts", "environment_tests/test-exports-cf/src/index.ts", "packages/a/test-utils/llm.ts", "e2e-tests/chat.ts", "src/generate-object.test-d.ts"];
    const no = ["src/agent.ts", "src/testing.ts", "src/latest/agent.ts", "contest/run.ts", "src/spec.ts", "src/test.ts", "examples/docs/testing/fixedResponse.ts", "src/attest-run/a.ts", "src/latest-tests.ts", "examples/ai-e2e-next/app/api/chat/route.ts", "examples/harness-e2e-tui/lib/run-tui.ts"];
    assert.deepEqual(yes.filter(isTestPath), yes);
    assert.deepEqual(no.filter(isTestPath), []);
    const [f] = analyze(`import OpenAI from "openai";\nnew OpenAI().chat.completions.create({ model: "gpt-4o", messages: [] });\n`);
    assert.equal(findingJson(f!, "test/case.ts").testCode, true);
    assert.equal("testCode" in findingJson(f!, "src/case.ts"), false);
  });

  it("a call inside describe.each(models) runs once per model", () => {
    expectSites(`import OpenAI from "openai";
const ai = new OpenAI();
const models = ["gpt-4o", "gpt-4.1", "o3"];
describe.each(models)("with %s", (model) => {
  it("answers", async () => {
    await ai.chat.completions.create({ model, max_tokens: 5, messages: [{ role: "user", content: "hi" }] }); // @site
  });
});
test.each([["a"], ["b"]])("case %s", async (x) => {
  await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: x }] }); // @site
});
`, [{ calls: "Θ(|models|)", loops: "each@4:|models|" }, { calls: "Θ(1)", loops: "each@9:2" }], "agent.test.ts");
  });
});

/** A wrapper class around one request, in its own module. */
const LLM_CLASS = `import OpenAI from "openai";
export class Llm {
  private client = new OpenAI();
  async ask(q: string): Promise<string> {
    const r = await this.client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: q }] });
    return r.choices[0]!.message.content ?? "";
  }
}
`;

describe("agent shapes: misses found judging framework code and more examples (second reader)", () => {
  it("a wrapper class imported as a type only (import type { Llm }) held in a parameter property: its calls in a loop", () => {
    const { project } = memoryProject({
      "/p/llm.ts": LLM_CLASS,
      "/p/tool.ts": `import type { Llm } from "./llm";
export class Tool {
  constructor(private readonly llm: Llm) {}
  async all(items: string[]) {
    const out: string[] = [];
    for (const item of items) out.push(await this.llm.ask(item));
    return out;
  }
}
`,
      "/p/types.ts": `import type { Llm } from "./llm";\nexport type Answer = { llm: Llm; text: string };\n`,
    });
    assert.deepEqual(sitesOf(project, "/p/tool.ts", ["api", "model", "calls", "input", "growth"]), [
      { line: 6, api: "openai this.llm.ask() → chat.completions.create", model: "gpt-4o", calls: "Θ(|items|)", input: "Θ(|items|·|item|)", growth: "none" },
    ]);
    assert.deepEqual(sitesOf(project, "/p/types.ts", ["api"]), []);
  });
  it("question-answering chains: loadQAStuffChain and createStuffDocumentsChain send one request, loadQAMapReduceChain one per document, loadQAChain by its type (stuff by default)", () => {
    expectSites(`import { loadQAStuffChain, loadQAMapReduceChain, loadQAChain } from "@langchain/classic/chains";
import { createStuffDocumentsChain } from "@langchain/classic/chains/combine_documents";
import { OpenAI } from "@langchain/openai";
const llm = new OpenAI({ model: "gpt-4o-mini" });
export async function ask(docs: { pageContent: string }[], question: string, prompt: any) {
  await loadQAStuffChain(llm).invoke({ input_documents: docs, question }); // @site
  await loadQAMapReduceChain(llm).call({ input_documents: docs, question }); // @site
  await loadQAChain(llm).invoke({ input_documents: docs, question }); // @site
  await loadQAChain(llm, { type: "map_reduce" }).invoke({ input_documents: docs, question }); // @site
  await loadQAChain(llm, { type: "stuff" }).invoke({ input_documents: docs, question }); // @site
  const chain = await createStuffDocumentsChain({ llm, prompt });
  await chain.invoke({ context: docs }); // @site
}
`, [
      { calls: "Θ(1)", input: "Θ(|docs|·|docs[]| + |question|)", growth: "none" },
      { calls: "O(|docs|)", input: "O(|docs|·|docs[]| + |docs|·out)", growth: "output" },
      { calls: "Θ(1)", input: "Θ(|docs|·|docs[]|)", growth: "none" },
      { calls: "O(|docs|)", input: "O(|docs|·|docs[]| + |docs|·out)", growth: "output" },
      { calls: "Θ(1)", input: "Θ(|docs|·|docs[]|)", growth: "none" },
      { calls: "Θ(1)", input: "Θ(|docs|·|docs[]|)", growth: "none" },
    ]);
  });

  it("the beta Responses API of openai (client.beta.responses.create) is one request", () => {
    expectSites(`import OpenAI from "openai";
const client = new OpenAI();
export async function main(input: string) {
  const stream = await client.beta.responses.create({ model: "gpt-5", input, stream: true, max_output_tokens: 500 }); // @site
  for await (const event of stream) console.log(event);
}
`, [{ api: "openai beta.responses.create", model: "gpt-5", calls: "Θ(1)", input: "Θ(|input|)", output: "Θ(1)" }]);
  });
  it("a client passed in an options object: destructured from a parameter typed by an object literal type or a local alias, or read as opts.client", () => {
    expectSites(`import OpenAI from "openai";
type Options = { client: OpenAI; model: string };
const ask = async ({ client, q }: { client: OpenAI; q: string }) =>
  client.chat.completions.create({ model: "gpt-4o", max_tokens: 20, messages: [{ role: "user", content: q }] }); // @site
async function viaAlias(opts: Options, q: string) {
  return opts.client.chat.completions.create({ model: "gpt-4o", max_tokens: 20, messages: [{ role: "user", content: q }] }); // @site
}
async function viaLiteral(opts: { readonly client: OpenAI }, q: string) {
  return opts.client.responses.create({ model: "gpt-4.1", input: q }); // @site
}
export async function all(client: OpenAI, qs: string[]) {
  for (const q of qs) await ask({ client, q }); // @site
}
`, [
      { api: "openai chat.completions.create", model: "gpt-4o", calls: "Θ(1)", input: "Θ(|q|)" },
      { api: "openai chat.completions.create", model: "gpt-4o", calls: "Θ(1)", input: "Θ(|q|)" },
      { api: "openai responses.create", model: "gpt-4.1", calls: "Θ(1)", input: "Θ(|q|)" },
      { api: "openai ask() → chat.completions.create", model: "gpt-4o", calls: "Θ(|qs|)", input: "Θ(|qs|·|q|)" },
    ]);
  });
  it("a LangChain model with fallbacks (withFallbacks, also of a completion model) sends the first model's request", () => {
    expectSites(`import { ChatOpenAI, OpenAI } from "@langchain/openai";
const short = new ChatOpenAI({ model: "gpt-4o-mini", maxRetries: 0 });
const long = new ChatOpenAI({ model: "gpt-4o" });
export async function ask(input: string) {
  await short.withFallbacks([long]).invoke(input); // @site
  await new OpenAI({ model: "gpt-3.5-turbo-instruct" }).withFallbacks([long]).invoke(input); // @site
}
`, [
      { api: "@langchain invoke", model: "gpt-4o-mini", calls: "Θ(1)", input: "Θ(|input|)" },
      { api: "@langchain invoke", model: "gpt-3.5-turbo-instruct", calls: "Θ(1)", input: "Θ(|input|)" },
    ]);
  });
  it("a call on a test double (ai/test's MockLanguageModelV3, directly or through a const) sends no request; a real model beside it does", () => {
    expectSites(`import { generateText, streamText, stepCountIs } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { openai } from "@ai-sdk/openai";
const mock = new MockLanguageModelV3({ doGenerate: async () => ({ content: [], finishReason: "stop", usage: {}, warnings: [] }) });
export async function f(prompt: string) {
  await generateText({ model: new MockLanguageModelV3({}), prompt, stopWhen: stepCountIs(5) });
  for (let i = 0; i < 100; i++) streamText({ model: mock, prompt: "Test prompt " + i });
  await generateText({ model: openai("gpt-4o"), prompt }); // @site
}
`, [{ api: "ai generateText", model: "gpt-4o", calls: "Θ(1)", input: "Θ(|prompt|)" }]);
    expectSites(`import { Agent, Runner, run, tool } from "@openai/agents";
import { ScriptedModel, assistantMessage } from "@openai/agents/testing";
const lookup = tool({ name: "lookup", description: "d", parameters: {} as any, execute: async () => "x" });
const model = new ScriptedModel([[assistantMessage("Paris.")]]);
export async function f(q: string) {
  await new Runner().run(new Agent({ name: "scripted", model, tools: [lookup] }), q);
  await run(new Agent({ name: "real", model: "gpt-5", tools: [lookup] }), q); // @site
}
`, [{ api: "@openai/agents run", calls: "O(steps[f/run#2])" }]);
  });
  it("a wrapper reached through declared types (this.context.llm.ask(p), config.getLlm().ask(p)): its calls at the caller's loop", () => {
    const { project } = memoryProject({
      "/p/llm.ts": LLM_CLASS,
      "/p/config.ts": `import { Llm } from "./llm";
export class Config {
  private llm = new Llm();
  getLlm(): Llm {
    return this.llm;
  }
}
`,
      "/p/context.ts": `import type { Llm } from "./llm";
import type { Config } from "./config";
export interface Context {
  readonly llm: Llm;
  readonly config: Config;
}
`,
      "/p/tool.ts": `import type { Context } from "./context";
import type { Llm } from "./llm";
export class Tool {
  constructor(private readonly context: Context, private readonly fallback?: Llm) {}
  async each(items: string[]) {
    for (const item of items) await this.context.llm.ask(item);
    for (const item of items) await this.context.config.getLlm().ask(item);
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/tool.ts", ["api", "model", "calls", "input"]), [
      { line: 6, api: "openai this.context.llm.ask() → chat.completions.create", model: "gpt-4o", calls: "Θ(|items|)", input: "Θ(|items|·|item|)" },
      { line: 7, api: "openai this.context.config.getLlm().ask() → chat.completions.create", model: "gpt-4o", calls: "Θ(|items|)", input: "Θ(|items|·|item|)" },
    ]);
  });
  it("a prompt piped into a map of runnables holding the model (prompt.pipe({ llm: model })) invokes the model once", () => {
    expectSites(`import { OpenAI } from "@langchain/openai";
import { PromptTemplate } from "@langchain/core/prompts";
const model = new OpenAI({ model: "gpt-3.5-turbo-instruct", temperature: 0 });
const prompt = PromptTemplate.fromTemplate("What is a good name for a company that makes {product}?");
export async function name(product: string) {
  await prompt.pipe({ llm: model }).invoke({ product }); // @site
  await prompt.pipe({ model }).invoke({ product }); // @site
  await prompt.pipe({ text: (x: unknown) => String(x) }).invoke({ product });
}
`, [
      { api: "@langchain invoke", model: "gpt-3.5-turbo-instruct", calls: "Θ(1)", input: "Θ(|product|)" },
      { api: "@langchain invoke", model: "gpt-3.5-turbo-instruct", calls: "Θ(1)", input: "Θ(|product|)" },
    ]);
  });
});

// Shapes a third reader met in repositories not read before (issue 17): code-review bots, LangChain
// apps (open-canvas, social-media-agent), Mastra workflows, VoltAgent, the OpenAI realtime agents.
// Each test is a small program of the shape, with its exact bounds, classes and growth.
import * as assert from "node:assert/strict";
import { estimate } from "../../src/core";
import { analyze, expectSites } from "./analyze";
import { memoryProject, sitesOf } from "./project";
import { fetchedRoutes, nearestRoute, routeKey, servedPath } from "../../src/core/project/apiRoutes";

describe("more repositories: prompt templates and batches", () => {
  it("a template filled by replace() sends what is put in: a thread whose posts go back in grows", () => {
    // social-media-agent generate-thread-posts.ts: each post's prompt is a template with the posts so far.
    expectSites(`import { ChatAnthropic } from "@langchain/anthropic";
const PROMPT = "Write the next post. Posts so far: {BODY}. Plan: {PLAN}";
export async function thread(parts: string[], plan: string) {
  const model = new ChatAnthropic({ model: "claude-sonnet-4-5", maxTokens: 100 });
  const posts: string[] = [];
  for (const part of parts) {
    const r = await model.invoke(PROMPT.replace("{BODY}", posts.join("\\n")).replaceAll("{PLAN}", part)); // @site
    posts.push(r.content as string);
  }
  await model.invoke(PROMPT.replace("{PLAN}", plan)); // @site
  await model.invoke(PROMPT.replace(/\\{PLAN\\}/g, (m) => m + plan)); // @site
}
`, [
      { calls: "Θ(|parts|)", input: "Θ(|parts|² + |parts|·|part|)", growth: "output" },
      { calls: "Θ(1)", input: "Θ(|plan|)", growth: "none" },
      // A function replacement: what it returns is not read (the template's size).
      { calls: "Θ(1)", input: "Θ(1)", growth: "none" },
    ]);
  });

  it("a builder called with a growing array maps it: the prompt grows with the array", () => {
    // social-media-agent: formatBodyPostsForPrompt(bodyPosts) inside the prompt of a loop that pushes the answers.
    expectSites(`import OpenAI from "openai";
const client = new OpenAI();
function formatPosts(posts: string[]) {
  return posts.map((p) => "<post>" + p + "</post>").join("\\n");
}
export async function thread(n: number) {
  const posts: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: "Post " + String(i) + " after " + formatPosts(posts) }] }); // @site
    posts.push(r.choices[0]!.message.content ?? "");
  }
}
`, [{ calls: "Θ(n)", input: "O(n²)", growth: "output" }]);
  });

  it("a formatter of another module handed the growing posts: the prompt grows with them", () => {
    // social-media-agent generate-thread-posts.ts: formatBodyPostsForPrompt(bodyPosts) is imported from ../utils.js.
    const { project } = memoryProject({
      "/p/utils.ts": `export function formatPosts(posts: string[]): string {\n  return posts.map((p, i) => "<post " + i + ">" + p).join("\\n");\n}\n`,
      "/p/thread.ts": `import OpenAI from "openai";
import { formatPosts } from "./utils";
const client = new OpenAI();
export async function thread(parts: string[], plan: string) {
  const posts: string[] = [];
  for (const part of parts) {
    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: part + formatPosts(posts) }] });
    posts.push(r.choices[0]!.message.content ?? "");
  }
  await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: formatPosts([plan]) }] });
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/thread.ts", ["calls", "input", "growth"]), [
      { line: 7, calls: "Θ(|parts|)", input: "O(|parts|² + |parts|·|formatPosts()| + |parts|·|part|)", growth: "output" },
      { line: 10, calls: "Θ(1)", input: "Θ(|formatPosts()|)", growth: "none" },
    ]);
  });

  it("a counter stepped by a constant (i += 10) loops once per batch, and a numeric counter is no growing text", () => {
    // coderabbit ai-pr-reviewer review.ts: for (let i = 0; i < summaries.length; i += batchSize), batchSize = 10.
    expectSites(`import OpenAI from "openai";
const client = new OpenAI();
const batchSize = 10;
export async function summarise(summaries: string[]) {
  for (let i = 0; i < summaries.length; i += batchSize) {
    const batch = summaries.slice(i, i + batchSize);
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: batch.join("\\n") }] }); // @site
  }
  for (let i = 0; i < 100; i += 25) {
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: "part " + String(i) }] }); // @site
  }
}
`, [
      { calls: "O(|summaries|)", loops: "for@5:⌈|summaries|/10⌉" },
      { calls: "Θ(1)", input: "Θ(1)", growth: "none", loops: "for@9:4" },
    ]);
    const [batched, fixed] = analyze(`import OpenAI from "openai";
const client = new OpenAI();
export async function summarise(summaries: string[]) {
  for (let i = 0; i < summaries.length; i += 10) {
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: summaries.slice(i, i + 10).join("\\n") }] });
  }
  for (let i = 0; i < 100; i += 25) await client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: "part " + String(i) }] });
}
`);
    // 100 summaries in batches of ten: ten requests, valued at (n + 9)/10 = 10.9, never below ⌈n/10⌉
    // whatever n is (n/10 was: 1.3 for 13 summaries, which take 2); four parts of 25.
    assert.equal(estimate(batched!, { "|summaries|": 100 }).calls, 10.9);
    assert.equal(estimate(batched!, { "|summaries|": 13 }).calls, 2.2);
    assert.equal(estimate(fixed!, {}).calls, 4);
  });
});

describe("more repositories: agents a framework hands to a callback", () => {
  it("Mastra: the mastra of a workflow step's or a tool's execute context gives its agents (getAgent, getAgentById)", () => {
    // mastra-ai/template-github-review-agent pr-review-workflow.ts, the weather workflow of Mastra's starter.
    expectSites(`import { createStep } from "@mastra/core/workflows";
import { createTool } from "@mastra/core/tools";
export const review = createStep({
  id: "review",
  execute: async ({ inputData, mastra }) => {
    const agent = mastra?.getAgentById("reviewer");
    const notes: string[] = [];
    for (const f of inputData.files) notes.push((await agent.generate(f, { maxSteps: 1 })).text); // @site
    return { notes };
  },
});
export const summarise = createStep({
  id: "summarise",
  execute: async (ctx) => ({ text: (await ctx.mastra.getAgent("writer").generate("sum up", { maxSteps: 1 })).text }), // @site
});
export const ask = createTool({
  id: "ask",
  execute: async (input: { q: string }, context) => (await context.mastra.getAgent("helper").generate(input.q, { maxSteps: 1 })).text, // @site
});
export const aggregate = createStep({
  id: "aggregate",
  execute: async ({ mastra }) => (await mastra.getAgentById("reviewer").generate("sum up")).text, // @site
});
export const committee = (agentId: string) => createStep({
  id: agentId,
  execute: async ({ mastra }) => (await mastra?.getAgent(agentId).generate("review")).text, // @site
});
export const capped = createStep({
  id: "capped",
  execute: async ({ mastra }) => (await mastra.getAgent("researcher").generate("dig", { maxSteps: 4 })).text, // @site
});
export const other = someFramework({ execute: async ({ mastra }: any) => mastra.getAgent("x").generate("not Mastra's", { maxSteps: 1 }) });
declare function someFramework(o: unknown): unknown;
`, [
      { api: "@mastra/core generate", calls: "Θ(|inputData.files|)", input: "Θ(|inputData.files|·|f|)", growth: "none" },
      { api: "@mastra/core generate", calls: "Θ(1)" },
      { api: "@mastra/core generate", calls: "Θ(1)", input: "Θ(|input.q|)" },
      // An agent looked up by name: its tools are not known here, so no tool loop is claimed.
      { api: "@mastra/core generate", calls: "Θ(1)", growth: "none" },
      { api: "@mastra/core generate", calls: "Θ(1)", growth: "none" },
      // …unless the call caps its steps: it means a tool loop.
      { api: "@mastra/core generate", calls: "O(steps[<top level>/generate])", growth: "output" },
    ]);
  });
});

describe("more repositories: VoltAgent", () => {
  it("an Agent of @voltagent/core loops up to maxSteps (5 by default) when it has tools, and answers in one request without", () => {
    // VoltAgent examples: github-star-stories (tools, default cap), with-research-assistant (maxSteps: 50).
    expectSites(`import { Agent, createTool } from "@voltagent/core";
const lookup = createTool({ name: "lookup", description: "d", parameters: {} as any, execute: async () => "x" });
const teller = new Agent({ name: "t", instructions: "tell", model: "openai/gpt-4o-mini", tools: [lookup] });
const writer = new Agent({ name: "w", instructions: "write", model: "openai/gpt-4o", tools: [lookup], maxSteps: 50 });
const plain = new Agent({ name: "p", instructions: "answer", model: "openai/gpt-4o-mini" });
export async function run(users: string[]) {
  for (const u of users) await teller.generateText("celebrate " + u); // @site
  await writer.streamText("report"); // @site
  await plain.generateText("hi"); // @site
  await teller.generateText("x", { maxSteps: 2 }); // @site
  await plain.generateObject("extract", {} as any); // @site
}
`, [
      { api: "@voltagent/core generateText", model: "openai/gpt-4o-mini", calls: "O(|users|·steps[run/generateText])", growth: "output" },
      { api: "@voltagent/core streamText", model: "openai/gpt-4o", calls: "O(steps[run/streamText])", growth: "output" },
      { api: "@voltagent/core generateText", calls: "Θ(1)", growth: "none" },
      { api: "@voltagent/core generateText", calls: "O(steps[run/generateText#3])" },
      { api: "@voltagent/core generateObject", calls: "Θ(1)", growth: "none" },
    ]);
    const caps = analyze(`import { Agent, createTool } from "@voltagent/core";
const lookup = createTool({ name: "lookup", description: "d", parameters: {} as any, execute: async () => "x" });
const a = new Agent({ name: "t", instructions: "tell", model: "openai/gpt-4o-mini", tools: [lookup] });
const b = new Agent({ name: "w", instructions: "write", model: "openai/gpt-4o", tools: [lookup], maxSteps: 50 });
export async function run() {
  await a.generateText("go");
  await b.streamText("go");
  await a.generateText("go", { maxSteps: 2 });
}
`).map((f) => estimate(f, {}).calls);
    assert.deepEqual(caps, [5, 50, 2]);
  });
});

describe("more repositories: a model assigned after its declaration", () => {
  it("let model: T; if (…) model = getModel(a); else model = getModel(b): the model is what it is assigned", () => {
    // open-canvas updateArtifact.ts and updateHighlightedText.ts.
    expectSites(`import { ChatOpenAI } from "@langchain/openai";
function getModel(name: string) {
  return new ChatOpenAI({ model: name });
}
export async function update(big: boolean, qs: string[]) {
  let model: ReturnType<typeof getModel>;
  if (big) model = getModel("gpt-4o");
  else model = getModel("gpt-4o-mini");
  for (const q of qs) await model.invoke(q); // @site
  let other;
  other = new ChatOpenAI({ model: "gpt-4o" }).withConfig({ runName: "x" });
  await other.invoke("hi"); // @site
  let notAModel: { invoke(q: string): Promise<string> };
  notAModel = { invoke: async (q: string) => q };
  await notAModel.invoke("hi");
}
`, [
      { api: "@langchain invoke", calls: "Θ(|qs|)", input: "Θ(|qs|·|q|)" },
      { api: "@langchain invoke", model: "gpt-4o", calls: "Θ(1)" },
    ]);
  });
});

describe("more repositories: a test that mocks the SDK module", () => {
  it("jest.mock(\"openai\") and vi.mock(\"ai\"): the file's calls, and the project code they run, reach the mock", () => {
    // anc95/ChatGPT-CodeReview test/chat.test.ts: jest.mock("openai", …) then chat.codeReview(patch).
    const chat = `import { OpenAI } from "openai";
export class Chat {
  private openai = new OpenAI();
  async codeReview(patch: string) {
    return this.openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: patch }] });
  }
}
`;
    const use = (mock: string) => `import { Chat } from "../src/chat";
import { generateText } from "ai";
${mock}
export async function all(patches: string[]) {
  const chat = new Chat();
  for (const p of patches) await chat.codeReview(p);
  await generateText({ model: "openai/gpt-4o", prompt: "hi" });
}
`;
    const { project } = memoryProject({
      "/p/src/chat.ts": chat,
      "/p/test/jest.test.ts": use(`jest.mock("openai", () => ({ OpenAI: jest.fn() }));`),
      "/p/test/vitest.test.ts": use(`vi.mock("ai");`),
      // A sub-path the file takes nothing from (openai-agents-js mocks openai/helpers/zod): the client stays real.
      "/p/test/real.test.ts": use(`jest.mock("./other");\nvi.mock("openai/helpers/zod");`),
    });
    assert.deepEqual(sitesOf(project, "/p/test/jest.test.ts", ["api"]), [{ line: 7, api: "ai generateText" }]);
    assert.deepEqual(sitesOf(project, "/p/test/vitest.test.ts", ["api", "calls"]), [{ line: 6, api: "openai chat.codeReview() → chat.completions.create", calls: "Θ(|patches|)" }]);
    assert.deepEqual(sitesOf(project, "/p/test/real.test.ts", ["api"]), [
      { line: 7, api: "openai chat.codeReview() → chat.completions.create" },
      { line: 8, api: "ai generateText" },
    ]);
  });
});

describe("more repositories: a request body passed through", () => {
  it("create({ ...(body as any), stream: false }): the prompt is in the body spread in, not nothing", () => {
    // openai/openai-realtime-agents src/app/api/responses/route.ts, a proxy for the Responses API.
    expectSites(`import OpenAI from "openai";
const defaults = { model: "gpt-4.1", temperature: 0 };
export async function proxy(openai: OpenAI, body: any, input: string) {
  await openai.responses.create({ ...(body as any), stream: false }); // @site
  await openai.responses.create({ ...defaults, input }); // @site
  await openai.responses.create({ ...body, input }); // @site
}
`, [
      { calls: "Θ(1)", input: "Θ(|body|)" },
      { calls: "Θ(1)", input: "Θ(|input|)", model: "gpt-4.1" },
      { calls: "Θ(1)", input: "Θ(|input|)" },
    ]);
  });
});

describe("more repositories: a fetch of the app's own API route", () => {
  it("fetch(\"/api/chat\", { method: \"POST\", body }) runs the route handler with the body sent: a turn loop re-sending its history is quadratic", () => {
    // openai-realtime-agents supervisorAgent.ts: a while (true) tool loop through fetch('/api/responses'), body.input pushed each turn.
    const { project } = memoryProject({
      "/p/src/app/api/responses/route.ts": `import OpenAI from "openai";
export async function POST(req: Request) {
  const body = await req.json();
  return Response.json(await new OpenAI().responses.create({ ...(body as any), stream: false }));
}
`,
      "/p/src/agents/supervisor.ts": `async function fetchResponse(payload: any) {
  const response = await fetch("/api/responses", { method: "POST", body: JSON.stringify({ ...payload, parallel_tool_calls: false }) });
  return response.json();
}
export async function handleToolCalls(body: any, first: any) {
  let current = first;
  while (true) {
    if (!current.output.length) return current;
    body.input.push({ type: "function_call_output", output: current.output[0].text });
    current = await fetchResponse(body);
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/src/app/api/responses/route.ts", ["calls", "input"]), [{ line: 4, calls: "Θ(1)", input: "Θ(|req|)" }]);
    assert.deepEqual(sitesOf(project, "/p/src/agents/supervisor.ts", ["api", "calls", "input", "growth"]), [
      { line: 10, api: "openai fetchResponse() → POST /api/responses → responses.create", calls: "O(T[handleToolCalls])", input: "O(T[handleToolCalls]²·|current.output[0].text| + T[handleToolCalls]·|body|)", growth: "constant" },
    ]);
  });

  it("the route served by the path: app router (route groups left out) by method, pages router by its default export, the nearest app's in a monorepo", () => {
    const route = (model: string) => `import OpenAI from "openai";
const openai = new OpenAI();
export async function POST(req: Request) {
  const { messages } = await req.json();
  return Response.json(await openai.chat.completions.create({ model: "${model}", max_tokens: 100, messages }));
}
`;
    const { project } = memoryProject({
      "/p/apps/web/app/api/chat/route.ts": route("gpt-4o"),
      "/p/apps/admin/app/api/chat/route.ts": route("gpt-4o-mini"),
      "/p/apps/web/app/(chat)/api/title/route.ts": `import OpenAI from "openai";
export async function GET() {
  return Response.json(await new OpenAI().chat.completions.create({ model: "gpt-4o-mini", max_tokens: 10, messages: [{ role: "user", content: "title" }] }));
}
`,
      "/p/apps/web/pages/api/summarize.ts": `import OpenAI from "openai";
export default async function handler(req: any, res: any) {
  res.json(await new OpenAI().chat.completions.create({ model: "gpt-4.1", max_tokens: 100, messages: [{ role: "user", content: req.body.text }] }));
}
`,
      "/p/apps/web/lib/client.ts": `export async function converse(questions: string[]) {
  const messages: { role: string; content: string }[] = [];
  for (const q of questions) {
    messages.push({ role: "user", content: q });
    const r = await fetch("/api/chat", { method: "POST", body: JSON.stringify({ messages }) });
    messages.push({ role: "assistant", content: await r.text() });
  }
  for (const q of questions) await fetch("/api/title");
  for (const q of questions) await fetch("/api/summarize/?x=1", { method: "post", body: JSON.stringify({ text: q }) });
  for (const q of questions) await fetch("/api/missing", { method: "POST", body: q });
  for (const q of questions) await fetch("/api/chat", { body: q });
  for (const q of questions) await fetch(\`/api/chat/\${q}\`, { method: "POST", body: q });
}
`,
    });
    // No route for /api/missing, no GET handler of /api/chat, a path with a substitution: no site.
    assert.deepEqual(sitesOf(project, "/p/apps/web/lib/client.ts", ["api", "model", "calls", "input", "growth"]), [
      { line: 5, api: "openai POST /api/chat → chat.completions.create", model: "gpt-4o", calls: "Θ(|questions|)", input: "Θ(|questions|²·|q| + |questions|²·|r.text()|)", growth: "constant" },
      { line: 8, api: "openai GET /api/title → chat.completions.create", model: "gpt-4o-mini", calls: "Θ(|questions|)", input: "Θ(|questions|)", growth: "none" },
      { line: 9, api: "openai POST /api/summarize/?x=1 → chat.completions.create", model: "gpt-4.1", calls: "Θ(|questions|)", input: "Θ(|questions|·|req.body.text|)", growth: "none" },
    ]);
  });

  it("the text scan finds the paths fetched, and each route module's path", () => {
    assert.deepEqual(fetchedRoutes(`fetch('/api/a', {}); fetch ( "/api/b/c?x" ); fetch(\`/api/d/\${id}\`); fetch("/other"); fetch("/api/a/")`), ["/api/a", "/api/b/c"]);
    assert.equal(servedPath("/r/src/app/api/responses/route.ts"), "/api/responses");
    assert.equal(servedPath("/r/app/(chat)/api/chat/route.js"), "/api/chat");
    assert.equal(servedPath("/r/app/dashboard/route.ts"), undefined);
    assert.equal(servedPath("/r/pages/api/chat/index.ts"), "/api/chat");
    assert.equal(servedPath("/r/pages/api/chat.tsx"), "/api/chat");
    assert.equal(servedPath("/r/src/api/chat.ts"), undefined);
    // A project kept under a folder named `app` (a container's work directory), or `pages`.
    assert.equal(servedPath("/app/src/app/api/chat/route.ts"), "/api/chat");
    assert.equal(servedPath("/home/u/app/web/app/(chat)/api/chat/route.ts"), "/api/chat");
    assert.equal(servedPath("/pages/site/pages/api/chat.ts"), "/api/chat");
    assert.equal(servedPath("/r/app/api/app/route.ts"), "/api/app");
    assert.equal(servedPath("/r/pages/api/index.ts"), "/api");
    assert.equal(routeKey("/api/chat/?a=b#c"), "/api/chat");
    assert.equal(nearestRoute(["/m/apps/a/app/api/x/route.ts", "/m/apps/b/app/api/x/route.ts"], "/m/apps/b/lib/use.ts"), "/m/apps/b/app/api/x/route.ts");
  });
});

describe("more repositories: a history grown in another method", () => {
  it("a helper that pushes into its parameter, a field of it or this.history grows the history sent after it in the loop: quadratic", () => {
    // VoltAgent groq-ai provider: executeToolCalls(…, state.groqMessages) pushes the tool results, then a follow-up request over them.
    expectSites(`import OpenAI from "openai";
interface State { messages: any[] }
export class Runner {
  private client = new OpenAI();
  private history: any[] = [];
  async run(state: State, results: string[]) {
    for (const r of results) {
      this.addResult(state, r);
      await this.client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: state.messages }); // @site
    }
  }
  async again(results: string[]) {
    for (const r of results) {
      this.record(r);
      await this.client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: this.history }); // @site
    }
  }
  async viaField(state: State, results: string[]) {
    for (const r of results) {
      append(state.messages, r);
      await this.client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: state.messages }); // @site
    }
  }
  async untouched(state: State, results: string[]) {
    for (const r of results) {
      this.log(state, r);
      await this.client.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: state.messages }); // @site
    }
  }
  private addResult(s: State, r: string) {
    s.messages.push({ role: "tool", content: r });
  }
  private record(r: string) {
    this.history.push({ role: "tool", content: r });
  }
  private log(s: State, r: string) {
    console.log(s.messages.length, r);
  }
}
function append(m: any[], r: string) {
  m.push({ role: "tool", content: r });
}
`, [
      { calls: "Θ(|results|)", input: "Θ(|results|²·|r| + |results|·|state.messages|)", growth: "constant" },
      { calls: "Θ(|results|)", input: "O(|results|·calls[Runner]·|r| + |results|²·|r|)", growth: "constant" },
      { calls: "Θ(|results|)", input: "Θ(|results|²·|r| + |results|·|state.messages|)", growth: "constant" },
      { calls: "Θ(|results|)", input: "Θ(|results|·|state.messages|)", growth: "none" },
    ]);
  });
});

describe("more repositories: a Mastra agent looked up by its registered name", () => {
  it("mastra.getAgent(\"weatherAgent\") is the agent new Mastra({ agents: { weatherAgent } }) registers in another module: its tools, model and steps", () => {
    // mastra-ai/workshops 00-personal-assistant-agent weather-workflow.ts: mastra?.getAgent('weatherAgent').stream(…).
    const { project } = memoryProject({
      "/p/src/mastra/agents/weather.ts": `import { Agent } from "@mastra/core/agent";
import { createTool } from "@mastra/core/tools";
const weatherTool = createTool({ id: "w", description: "d", execute: async () => "sunny" });
export const weatherAgent = new Agent({ name: "Weather", instructions: "help", model: "openai/gpt-4o", tools: { weatherTool } });
export const plainAgent = new Agent({ name: "Plain", instructions: "help", model: "openai/gpt-4o-mini" });
export const cappedAgent = new Agent({ name: "Capped", instructions: "help", model: "openai/gpt-4o", tools: { weatherTool }, defaultOptions: { maxSteps: 3 } });
`,
      "/p/src/mastra/index.ts": `import { Mastra } from "@mastra/core/mastra";
import { weatherAgent, plainAgent, cappedAgent } from "./agents/weather";
import { plan } from "./workflows/plan";
export const mastra = new Mastra({ workflows: { plan }, agents: { weatherAgent, writer: plainAgent, capped: cappedAgent } });
`,
      "/p/src/mastra/workflows/plan.ts": `import { createStep } from "@mastra/core/workflows";
export const plan = createStep({
  id: "plan",
  execute: async ({ inputData, mastra }) => {
    const agent = mastra?.getAgent("weatherAgent");
    const r = await agent.stream([{ role: "user", content: inputData.city }]);
    const w = await mastra.getAgent("writer").generate("title");
    const c = await mastra.getAgent("capped").generate("go");
    const u = await mastra.getAgent("unknown").generate("x");
    const v = await mastra.getAgent(inputData.agentId).generate("y");
    return { r, w, c, u, v };
  },
});
`,
    });
    assert.deepEqual(sitesOf(project, "/p/src/mastra/workflows/plan.ts", ["model", "calls", "growth"]), [
      // The registered agent has a tool and Mastra sets no default step cap: an unbounded tool loop.
      { line: 6, model: "openai/gpt-4o", calls: "O(steps[<top level>/stream])", growth: "output" },
      // Registered under another key, with no tools: one request.
      { line: 7, model: "openai/gpt-4o-mini", calls: "Θ(1)", growth: "none" },
      { line: 8, model: "openai/gpt-4o", calls: "O(steps[<top level>/generate#2])", growth: "output" },
      // No agent of that name, or a name not written in the code: its tools not known, one request.
      { line: 9, model: null, calls: "Θ(1)", growth: "none" },
      { line: 10, model: null, calls: "Θ(1)", growth: "none" },
    ]);
    const capped = project.analyze("/p/src/mastra/workflows/plan.ts").findings[2]!;
    assert.equal(estimate(capped, {}).calls, 3);
  });
});

describe("more repositories: a Mastra agent looked up by the id it was made with", () => {
  it("mastra.getAgentById(\"weather-agent\") is the registered agent made with id: \"weather-agent\" (template-github-review-agent's workflow): its model, tools and caps", () => {
    const { project } = memoryProject({
      "/p/src/mastra/agents/weather.ts": `import { Agent } from "@mastra/core/agent";
import { createTool } from "@mastra/core/tools";
const weatherTool = createTool({ id: "w", description: "d", execute: async () => "sunny" });
export const weatherAgent = new Agent({ id: "weather-agent", name: "Weather", instructions: "help", model: "openai/gpt-4o", tools: { weatherTool } });
export const plainAgent = new Agent({ id: "plain-agent", name: "Plain", instructions: "help", model: "openai/gpt-4o-mini" });
export const hiddenAgent = new Agent({ id: "hidden-agent", name: "Hidden", instructions: "help", model: "openai/gpt-4.1" });
`,
      "/p/src/mastra/index.ts": `import { Mastra } from "@mastra/core/mastra";
import { weatherAgent, plainAgent } from "./agents/weather";
import { plan } from "./workflows/plan";
export const mastra = new Mastra({ workflows: { plan }, agents: { weatherAgent, writer: plainAgent } });
`,
      "/p/src/mastra/workflows/plan.ts": `import { createStep } from "@mastra/core/workflows";
export const plan = createStep({
  id: "plan",
  execute: async ({ inputData, mastra }) => {
    const r = await mastra.getAgentById("weather-agent").stream([{ role: "user", content: inputData.city }]);
    const w = await mastra.getAgentById("plain-agent").generate("title");
    const h = await mastra.getAgentById("hidden-agent").generate("x");
    const k = await mastra.getAgentById("weatherAgent").generate("y");
    return { r, w, h, k };
  },
});
`,
    });
    assert.deepEqual(sitesOf(project, "/p/src/mastra/workflows/plan.ts", ["model", "calls", "growth"]), [
      // The registered agent of that id has a tool and no step cap: an unbounded tool loop.
      { line: 5, model: "openai/gpt-4o", calls: "O(steps[<top level>/stream])", growth: "output" },
      // Registered under another key (writer), found by its id: no tools, one request.
      { line: 6, model: "openai/gpt-4o-mini", calls: "Θ(1)", growth: "none" },
      // Made with that id but not registered, or a registered key that is not an id: the lookup's answer (one request, model unknown).
      { line: 7, model: null, calls: "Θ(1)", growth: "none" },
      { line: 8, model: null, calls: "Θ(1)", growth: "none" },
    ]);
  });
});

describe("more repositories: an agent made in another module without tools", () => {
  it("answers in one request (VoltAgent's viteval agents); tools given at the call loop all the same", () => {
    const { project } = memoryProject({
      "/p/agents.ts": `import { Agent, createTool } from "@voltagent/core";
export const plain = new Agent({ name: "p", instructions: "answer", model: "openai/gpt-4o-mini" });
export const lookup = createTool({ name: "lookup", description: "d", parameters: {} as any, execute: async () => "x" });
`,
      "/p/use.ts": `import { plain, lookup } from "./agents";
export async function run(inputs: string[]) {
  for (const x of inputs) await plain.generateText(x);
  for (const x of inputs) await plain.streamText(x, { tools: [lookup] });
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["model", "calls", "growth"]), [
      { line: 3, model: "openai/gpt-4o-mini", calls: "Θ(|inputs|)", growth: "none" },
      { line: 4, model: "openai/gpt-4o-mini", calls: "O(|inputs|·steps[run/streamText])", growth: "output" },
    ]);
  });
});

describe("more repositories: LlamaIndex's Settings.withLLM", () => {
  it("Settings.withLLM(llm, async () => createChatEngine(…)) is the engine the callback returns: one chat request per POST", () => {
    // run-llama/chat-llamaindex app/api/chat/route.ts: the engine made in Settings.withLLM, its chat in withCallbackManager.
    const { project } = memoryProject({
      "/p/app/api/chat/engine/chat.ts": `import { ContextChatEngine, Settings } from "llamaindex";
export async function createChatEngine(retriever: any) {
  return new ContextChatEngine({ chatModel: Settings.llm, retriever });
}
`,
      "/p/app/api/chat/route.ts": `import { OpenAI, Settings } from "llamaindex";
import { createChatEngine } from "./engine/chat";
const Other = { withLLM: async (_l: unknown, f: () => Promise<unknown>) => f() };
export async function POST(req: Request) {
  const { message, retriever, questions } = await req.json();
  const llm = new OpenAI({ model: "gpt-4o" });
  const chatEngine = await Settings.withLLM(llm, async () => {
    return await createChatEngine(retriever);
  });
  const response = await Settings.withCallbackManager({} as any, () => {
    return chatEngine.chat({ message, stream: true });
  });
  const nested = await Settings.withEmbedModel({} as any, () => Settings.withLLM(llm, () => createChatEngine(retriever)));
  for (const q of questions) await nested.chat({ message: q });
  const other = (await Other.withLLM(llm, () => createChatEngine(retriever))) as any;
  await other.chat({ message });
  return new Response(String(response));
}
`,
    });
    // The engine keeps its chat history: the loop over one engine re-sends it (stateful).
    assert.deepEqual(sitesOf(project, "/p/app/api/chat/route.ts", ["api", "calls", "growth"]), [
      { line: 11, api: "llamaindex chat", calls: "Θ(1)", growth: "none" },
      { line: 14, api: "llamaindex chat", calls: "Θ(|questions|)", growth: "stateful" },
    ]);
  });
});

describe("more repositories: lookups by name after an edit", () => {
  it("a module that starts registering the agent is where mastra.getAgent(\"x\") leads after the edit", () => {
    const agents = `import { Agent } from "@mastra/core/agent";
import { createTool } from "@mastra/core/tools";
const t = createTool({ id: "t", description: "d", execute: async () => "x" });
export const helper = new Agent({ name: "h", instructions: "help", model: "openai/gpt-4o", tools: { t } });
`;
    const files: Record<string, string> = {
      "/p/agents.ts": agents,
      "/p/index.ts": `export const settings = { port: 3000 };\n`,
      "/p/step.ts": `import { createStep } from "@mastra/core/workflows";
export const s = createStep({ id: "s", execute: async ({ mastra }) => mastra.getAgent("helper").generate("go") });
`,
    };
    const { project } = memoryProject(files);
    assert.deepEqual(sitesOf(project, "/p/step.ts", ["model", "calls"]), [{ line: 2, model: null, calls: "Θ(1)" }]);
    assert.deepEqual(sitesOf(project, "/p/index.ts", []), []);
    files["/p/index.ts"] = `import { Mastra } from "@mastra/core";\nimport { helper } from "./agents";\nexport const mastra = new Mastra({ agents: { helper } });\n`;
    project.invalidate("/p/index.ts");
    assert.deepEqual(sitesOf(project, "/p/step.ts", ["model", "calls"]), [{ line: 2, model: "openai/gpt-4o", calls: "O(steps[<top level>/generate])" }]);
  });
});

// Shapes a fifth reader met (issue 17): VoltAgent's PlanAgent, the AI SDK harness agent's continued
// turns, LangChain agents whose tools come from a middleware, Mastra's Harness. Each test is a small
// program of the shape, with its exact bounds, classes and growth.
import * as assert from "node:assert/strict";
import { estimate } from "../../src/core";
import { costClass } from "../../src/core/report/costClass";
import { analyze, expectSites } from "./analyze";

describe("fifth reader: VoltAgent's PlanAgent", () => {
  it("a PlanAgent always has tools (planning, filesystem, task): its generateText loops up to maxSteps, 5 by default", () => {
    // VoltAgent examples/with-planagents: new PlanAgent({ tools, maxSteps: 100 }), three turns on one conversation.
    const code = `import { PlanAgent } from "@voltagent/core";
const deep = new PlanAgent({ name: "deep", systemPrompt: "research", model: "openai/gpt-4o-mini", tools: [], maxSteps: 100 });
const plain = new PlanAgent({ name: "plain", systemPrompt: "plan", model: "openai/gpt-4o" });
export async function run(questions: string[]) {
  for (const q of questions) await deep.generateText(q, { conversationId: "c" }); // @site
  await plain.streamText("outline"); // @site
  await plain.generateText("short", { maxSteps: 2 }); // @site
}
`;
    expectSites(code, [
      { api: "@voltagent/core generateText", model: "openai/gpt-4o-mini", calls: "O(|questions|·steps[run/generateText])", growth: "output" },
      { api: "@voltagent/core streamText", model: "openai/gpt-4o", calls: "O(steps[run/streamText])", growth: "output" },
      { api: "@voltagent/core generateText", calls: "O(steps[run/generateText#2])", growth: "output" },
    ]);
    const found = analyze(code);
    assert.deepEqual(found.map((f) => estimate(f, { "|questions|": 3 }).calls), [300, 5, 2]);
    // The loop over questions re-sends each run's steps: |questions|·steps² input, cubic.
    assert.deepEqual(found.map((f) => costClass(f)), ["cubic+", "quadratic", "quadratic"]);
  });
});

describe("fifth reader: the AI SDK harness agent's continued turn", () => {
  it("continueStream and continueGenerate run the harness's loop again on the session, as stream and generate do", () => {
    // vercel/ai examples/ai-functions/src/harness-agent/codex/with-client-side-tool.ts.
    expectSites(`import { HarnessAgent } from "@ai-sdk/harness/agent";
export async function main(harness: any, name: string) {
  const agent = new HarnessAgent({ harness });
  const session = await agent.createSession();
  const first = await agent.stream({ session, prompt: "Ask the user their name" }); // @site
  await agent.continueStream({ session, toolResultContinuations: [{ toolCallId: "t", output: { name } }] }); // @site
  await agent.continueGenerate({ session }); // @site
  return first;
}
`, [
      { api: "ai stream", calls: "O(steps[main/stream])", growth: "output" },
      { api: "ai continueStream", calls: "O(steps[main/continueStream])", growth: "output" },
      { api: "ai continueGenerate", calls: "O(steps[main/continueGenerate])", growth: "output" },
    ]);
    const [, continued] = analyze(`import { HarnessAgent } from "@ai-sdk/harness/agent";
export async function main(harness: any, name: string) {
  const agent = new HarnessAgent({ harness });
  const session = await agent.createSession();
  await agent.stream({ session, prompt: "Ask the user their name" });
  await agent.continueStream({ session, toolResultContinuations: [{ toolCallId: "t", output: { name } }] });
}
`);
    assert.equal(costClass(continued!), "unbounded");
    assert.deepEqual(continued!.symbols.filter((s) => s.name === "steps[main/continueStream]").map((s) => s.unbounded), [true]);
  });
});

describe("fifth reader: a LangChain agent's tools given by its middleware", () => {
  it("createAgent loops when a middleware brings tools (createMiddleware({ tools }), todoListMiddleware), not for middleware without", () => {
    // langchainjs examples/src/multi-agent/skills-sql-assistant.ts: no tools option, a skill middleware with a load_skill tool.
    expectSites(`import { ChatOpenAI } from "@langchain/openai";
import { createAgent, createMiddleware, summarizationMiddleware, todoListMiddleware, tool } from "langchain";
const loadSkill = tool(async () => "skill", { name: "load_skill", description: "d", schema: {} as any });
const skills = createMiddleware({ name: "skills", tools: [loadSkill] });
const prompter = createMiddleware({ name: "prompter", wrapModelCall: async (req: any, handler: any) => handler(req) });
const model = new ChatOpenAI({ model: "gpt-4o-mini" });
export async function main(q: string, custom: any) {
  await createAgent({ model, middleware: [skills] }).invoke({ messages: [q] }); // @site
  await createAgent({ model, middleware: [todoListMiddleware()] }).invoke({ messages: [q] }); // @site
  await createAgent({ model, middleware: [custom] }).invoke({ messages: [q] }); // @site
  await createAgent({ model, middleware: [prompter, summarizationMiddleware({ model })] }).invoke({ messages: [q] }); // @site
  await createAgent({ model, tools: [], middleware: [createMiddleware({ name: "empty", tools: [] })] }).invoke({ messages: [q] }); // @site
}
`, [
      { api: "@langchain invoke", calls: "O(steps[main/invoke])", growth: "output" },
      { api: "@langchain invoke", calls: "O(steps[main/invoke#2])", growth: "output" },
      // A middleware not read may bring tools, repeat the model's request or send its own (h-lc5): no bound.
      { api: "@langchain invoke", calls: "unknown", growth: "unknown" },
      // summarizationMiddleware's summary request before the one model step: at most 2 (h-lc5).
      { api: "@langchain invoke", calls: "O(1)", growth: "none" },
      { api: "@langchain invoke", calls: "Θ(1)", growth: "none" },
    ]);
    const [skilled] = analyze(`import { ChatOpenAI } from "@langchain/openai";
import { createAgent, createMiddleware, tool } from "langchain";
const loadSkill = tool(async () => "skill", { name: "load_skill", description: "d", schema: {} as any });
const skills = createMiddleware({ name: "skills", tools: [loadSkill] });
export async function main(q: string) {
  await createAgent({ model: new ChatOpenAI({ model: "gpt-4o-mini" }), middleware: [skills] }).invoke({ messages: [q] });
}
`);
    // 25 supersteps, the model node in every other one: 13 requests.
    assert.equal(estimate(skilled!, {}).calls, 13);
    assert.equal(costClass(skilled!), "quadratic");
  });

  it("a middleware made here whose wrapModelCall calls its handler twice sends the step's request twice; in a loop, or passed on, it is not read", () => {
    expectSites(`import { ChatOpenAI } from "@langchain/openai";
import { createAgent, createMiddleware } from "langchain";
const twice = createMiddleware({ name: "twice", wrapModelCall: async (req: any, handler: any) => { const first = await handler(req); return first.content ? first : handler(req); } });
const once = createMiddleware({ name: "once", async wrapModelCall(req: any, handler: any) { return handler(req); } });
const looped = createMiddleware({ name: "looped", wrapModelCall: async (req: any, handler: any) => { for (let i = 0; i < 3; i++) { try { return await handler(req); } catch { /* again */ } } throw new Error("no"); } });
// langchainjs examples/src/createAgent/updateModelBeforeCall.ts: one return or the other, one request.
const routed = createMiddleware({ name: "routed", wrapModelCall: (req: any, handler: any) => { if (req.runtime.context?.model) return handler({ ...req }); return handler(req); } });
const model = new ChatOpenAI({ model: "gpt-4o-mini" });
export async function main(q: string) {
  await createAgent({ model, tools: [], middleware: [twice] }).invoke({ messages: [q] }); // @site
  await createAgent({ model, tools: [], middleware: [once] }).invoke({ messages: [q] }); // @site
  await createAgent({ model, tools: [], middleware: [looped] }).invoke({ messages: [q] }); // @site
  await createAgent({ model, tools: [], middleware: [routed] }).invoke({ messages: [q] }); // @site
}
`, [
      // Counted once before (Θ(1)): the hook runs the model twice when the first answer is empty.
      { api: "@langchain invoke", calls: "O(1)", growth: "none" },
      { api: "@langchain invoke", calls: "Θ(1)", growth: "none" },
      { api: "@langchain invoke", calls: "unknown", growth: "unknown" },
      { api: "@langchain invoke", calls: "Θ(1)", growth: "none" },
    ]);
    const [twice] = analyze(`import { ChatOpenAI } from "@langchain/openai";
import { createAgent, createMiddleware } from "langchain";
const twice = createMiddleware({ name: "twice", wrapModelCall: async (req: any, handler: any) => { const first = await handler(req); return first.content ? first : handler(req); } });
export async function main(q: string) {
  await createAgent({ model: new ChatOpenAI({ model: "gpt-4o-mini" }), tools: [], middleware: [twice] }).invoke({ messages: [q] });
}
`);
    assert.equal(estimate(twice!, {}).calls, 2);
  });

  it("a middleware whose wrapModelCall returns its handler's answer in a try and calls it again in the catch sends the step's request up to twice", () => {
    // review6: counted as one return's run before (Θ(1)); a failed first request goes on to the catch's.
    const code = `import { ChatOpenAI } from "@langchain/openai";
import { createAgent, createMiddleware } from "langchain";
const retry = createMiddleware({ name: "retry", wrapModelCall: async (req: any, handler: any) => { try { return await handler(req); } catch { return await handler(req); } } });
export async function main(q: string) {
  await createAgent({ model: new ChatOpenAI({ model: "gpt-4o-mini" }), tools: [], middleware: [retry] }).invoke({ messages: [q] }); // @site
}
`;
    expectSites(code, [{ api: "@langchain invoke", calls: "O(1)", growth: "none" }]);
    assert.equal(estimate(analyze(code)[0]!, {}).calls, 2);
  });
});

describe("fifth reader: Mastra's Harness", () => {
  it("a Harness (or a session it makes) runs its agent's loop on each message, with no step cap", () => {
    // mastra-ai/workshops examples/07-harness-workshop/server.ts: one session per client, a message per POST.
    const code = `import { Agent } from "@mastra/core/agent";
import { Harness } from "@mastra/core/harness";
const agent = new Agent({ id: "orchestrator", name: "O", instructions: "delegate", model: "anthropic/claude-sonnet-4-5" });
const harness = new Harness({ id: "h", agent, modes: [{ id: "chat", name: "Chat", default: true }] });
const sessions = new Map<string, any>();
async function getSession(resourceId: string) {
  let session = sessions.get(resourceId);
  if (!session) {
    session = await harness.createSession({ resourceId });
    sessions.set(resourceId, session);
  }
  return session;
}
export async function onMessage(resourceId: string, content: string) {
  const session = await getSession(resourceId);
  void session.sendMessage({ content }); // @site
}
export async function cli(prompts: string[]) {
  for (const p of prompts) await harness.sendMessage({ content: p }); // @site
}
export async function once(prompt: string) {
  await harness.sendMessage(prompt); // @site
}
`;
    expectSites(code, [
      { api: "@mastra/core sendMessage", calls: "O(steps[onMessage/sendMessage])", input: "O(steps[onMessage/sendMessage]²·tool[onMessage/sendMessage] + steps[onMessage/sendMessage]²·out + steps[onMessage/sendMessage]·|content|)", growth: "output" },
      { api: "@mastra/core sendMessage", calls: "O(|prompts|·steps[cli/sendMessage])", growth: "output" },
      // mastra-ai/workshops examples/03-mastra-code/basic.ts: the message given as a string.
      { api: "@mastra/core sendMessage", calls: "O(steps[once/sendMessage])", input: "O(steps[once/sendMessage]²·tool[once/sendMessage] + steps[once/sendMessage]²·out + steps[once/sendMessage]·|prompt|)" },
    ]);
    assert.deepEqual(analyze(code).map((f) => costClass(f)), ["unbounded", "unbounded", "unbounded"]);
  });
});

describe("fifth reader: a model chosen by a command-line flag", () => {
  it("getStringArg('--model', DEFAULT_MODEL) names the flag, not the model: the model is the flag's default", () => {
    // openai-agents-js examples/sandbox/memory-generation.ts: the model read as "--model".
    expectSites(`import { Agent, run } from "@openai/agents";
const DEFAULT_MODEL = "gpt-5.4";
function getStringArg(flag: string, fallback: string): string {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}
export async function main() {
  const model = getStringArg("--model", DEFAULT_MODEL);
  const agent = new Agent({ name: "a", instructions: "Answer.", model });
  await run(agent, "Inspect the workspace."); // @site
  await run(new Agent({ name: "b", instructions: "Answer.", model: getStringArg("--fast-model", process.env.MODEL!) }), "Again."); // @site
}
`, [
      { api: "@openai/agents run", model: "gpt-5.4", calls: "Θ(1)" },
      { api: "@openai/agents run", model: null, calls: "Θ(1)" },
    ]);
  });
});

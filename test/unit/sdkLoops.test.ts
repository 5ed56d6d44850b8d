// Loops inside the SDKs (multi-step tool loops) and conversation state kept between requests.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { costClass, estimate, formatBound } from "../../src/core";
import { countTokens } from "../../src/core/tokens";
import { memoryProject } from "./project";
import { aalp } from "./report/support";
import { renderFinding } from "../../src/core/findingLines";
import { analyze, expectSites, summary } from "./analyze";
import { adviceFor } from "./advice/harness";
import { sitesOf } from "./project";

describe("SDK-internal loops", () => {
  it("AI SDK stopWhen / maxSteps: Θ(s²·δ) input per call; one step by default", () => {
    expectSites(`import { generateText, stepCountIs, hasToolCall } from "ai";
import { openai } from "@ai-sdk/openai";
export async function f(task: string, steps: number) {
  await generateText({ model: openai("gpt-4.1"), prompt: task, stopWhen: stepCountIs(5) }); // @site
  await generateText({ model: openai("gpt-4.1"), prompt: task, stopWhen: stepCountIs(steps) }); // @site
  await generateText({ model: openai("gpt-4.1"), prompt: task, maxSteps: 8 }); // @site
  await generateText({ model: openai("gpt-4.1"), prompt: task }); // @site
  await generateText({ model: openai("gpt-4.1"), prompt: task, stopWhen: hasToolCall("done") }); // @site
}
`, [
      { calls: "O(steps[f/generateText])", input: "O(steps[f/generateText]²·tool[f/generateText] + steps[f/generateText]²·out[gpt-4.1] + steps[f/generateText]·|task|)", growth: "output" },
      { calls: "O(steps)", input: "O(steps²·tool[f/generateText#2] + steps²·out[gpt-4.1] + steps·|task|)", span: "O(steps)" },
      { calls: "O(steps[f/generateText#3])", input: "O(steps[f/generateText#3]²·tool[f/generateText#3] + steps[f/generateText#3]²·out[gpt-4.1] + steps[f/generateText#3]·|task|)" },
      { calls: "Θ(1)", input: "Θ(|task|)", growth: "none" },
      { calls: "O(steps[f/generateText#5])", input: "O(steps[f/generateText#5]²·tool[f/generateText#5] + steps[f/generateText#5]²·out[gpt-4.1] + steps[f/generateText#5]·|task|)" },
    ]);
  });

  it("OpenAI runTools (10), Anthropic toolRunner (unbounded unless max_iterations), Agents run (maxTurns 10)", () => {
    expectSites(`import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";
import { Agent, run } from "@openai/agents";
const oa = new OpenAI();
const an = new Anthropic();
export async function f(q: string) {
  await oa.chat.completions.runTools({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: q }], tools: [] }); // @site
  const runner = an.beta.messages.toolRunner({ model: "claude-sonnet-4-5", max_tokens: 50, messages: [{ role: "user", content: q }], tools: [] }); // @site
  for await (const message of runner) console.log(message);
  an.beta.messages.toolRunner({ model: "claude-sonnet-4-5", max_tokens: 50, max_iterations: 4, messages: [{ role: "user", content: q }], tools: [] }); // @site
  const agent = new Agent({ name: "a", model: "gpt-4.1", instructions: "x" });
  await run(agent, q); // @site
  await run(agent, q, { maxTurns: 3 }); // @site
}
`, [
      { calls: "O(steps[f/runTools])", input: "O(steps[f/runTools]²·tool[f/runTools] + steps[f/runTools]·|q|)" },
      { calls: "O(steps[f/toolRunner])", input: "O(steps[f/toolRunner]²·tool[f/toolRunner] + steps[f/toolRunner]·|q|)" },
      { calls: "O(steps[f/toolRunner#2])", input: "O(steps[f/toolRunner#2]²·tool[f/toolRunner#2] + steps[f/toolRunner#2]·|q|)" },
      // An agent with no tools and no handoffs answers in one turn, whatever maxTurns allows.
      { calls: "Θ(1)", input: "Θ(|q|)" },
      { calls: "Θ(1)", input: "Θ(|q|)" },
    ]);
  });

  it("a literal or conditional cap is the step count's value, never \"1 steps\"; an uncapped runner is unbounded", () => {
    const findings = analyze(`import { generateText, isStepCount, tool } from "ai";
import { openai } from "@ai-sdk/openai";
import Anthropic from "@anthropic-ai/sdk";
import { Agent, run } from "@openai/agents";
const an = new Anthropic();
const lookup = tool({ description: "d", execute: async () => "r" });
const helper = new Agent({ name: "h", model: "gpt-4.1", instructions: "x", tools: [lookup] });
export async function g(task: string, replay: boolean) {
  await generateText({ model: openai("gpt-4.1"), prompt: task, tools: { lookup }, stopWhen: isStepCount(replay ? 5 : 1) });
  await an.beta.messages.toolRunner({ model: "claude-sonnet-4-5", max_tokens: 50, messages: [{ role: "user", content: task }], tools: [] });
  await run(helper, task);
}
`).map((f) => renderFinding(f));
    const [ai, runner, agent] = findings;
    assert.ok(ai!.explanation.includes("line 9: isStepCount(replay ? 5 : 1) lets the SDK's loop run at most 5 steps: steps[g/generateText] = 5"), ai!.explanation.join("\n"));
    assert.ok(!ai!.explanation.some((e) => / 1 steps/.test(e)));
    // Σ_{j<5} (|task| + j·(out + tool)) at |task| = 100, out = 20, tool results 30: 5·100 + 50·10 = 1000; five requests.
    const e = estimate(ai!, { "|task|": 100, "out[gpt-4.1]": 20, "tool[g/generateText]": 30 });
    assert.deepEqual([e.calls, e.inputTokens, e.exact], [5, 1000, false]);
    assert.deepEqual(e.at.find((a) => a.name === "steps[g/generateText]"), { name: "steps[g/generateText]", value: 5, source: "code" });
    // Settable like any count.
    assert.equal(estimate(ai!, { "|task|": 100, "out[gpt-4.1]": 20, "steps[g/generateText]": 2 }).calls, 2);
    assert.equal(costClass(ai!), "quadratic");
    assert.equal(costClass(runner!), "unbounded");
    // An agent with tools loops: run()'s default of 10 turns.
    assert.deepEqual(estimate(agent!, {}).at.find((a) => a.name === "steps[g/run]"), { name: "steps[g/run]", value: 10, source: "code" });
  });
});

describe("a tool runner that compacts its conversation", () => {
  it("compactionControl: each step re-sends at most the threshold, linear in the steps; the compactions are calls", () => {
    const [capped, compacted, off] = analyze(`import Anthropic from "@anthropic-ai/sdk";
const an = new Anthropic();
export async function f(q: string) {
  await an.beta.messages.toolRunner({ model: "claude-sonnet-4-5", max_tokens: 100, max_iterations: 10, messages: [{ role: "user", content: q }], tools: [] });
  await an.beta.messages.toolRunner({ model: "claude-sonnet-4-5", max_tokens: 100, max_iterations: 10, messages: [{ role: "user", content: q }], tools: [], compactionControl: { enabled: true, contextTokenThreshold: 2000 } });
  await an.beta.messages.toolRunner({ model: "claude-sonnet-4-5", max_tokens: 100, max_iterations: 10, messages: [{ role: "user", content: q }], tools: [], compactionControl: { enabled: false } });
}
`).map((x) => renderFinding(x));
    assert.deepEqual([costClass(capped!), costClass(compacted!), costClass(off!)], ["quadratic", "linear", "quadratic"]);
    assert.ok(compacted!.explanation.includes("line 5: the conversation is compacted at 2000 tokens: each step re-sends at most that much, and each compaction is a summary call"), compacted!.explanation.join("\n"));
    // 10 steps and 10·100/2000 = 0.5 summary calls at most.
    assert.equal(estimate(compacted!, { "|q|": 50 }).calls, 10.5);
  });
});

describe("conversation state kept between requests", () => {
  it("a Gemini chat session and an OpenAI previous_response_id chain: Θ(k²) billed input", () => {
    expectSites(`import { GoogleGenAI } from "@google/genai";
import OpenAI from "openai";
const ai = new GoogleGenAI({ apiKey: "k" });
const oa = new OpenAI();
export async function f(questions: string[]) {
  const chat = ai.chats.create({ model: "gemini-2.5-flash", config: { maxOutputTokens: 200 } });
  for (const q of questions) await chat.sendMessage({ message: q }); // @site
  let previous: string | undefined;
  for (const q of questions) {
    const r = await oa.responses.create({ model: "gpt-4.1", input: q, max_output_tokens: 100, previous_response_id: previous }); // @site
    previous = r.id;
  }
  for (const q of questions) {
    const fresh = ai.chats.create({ model: "gemini-2.5-flash" });
    await fresh.sendMessage({ message: q }); // @site
  }
}
`, [
      { calls: "Θ(|questions|)", input: "Θ(|questions|²·|q|)", growth: "stateful" },
      { calls: "Θ(|questions|)", input: "Θ(|questions|²·|q|)", growth: "stateful" },
      { calls: "Θ(|questions|)", input: "Θ(|questions|·|q|)", growth: "none" },
    ]);
  });
});

describe("previous_response_id through a helper's parameter (issue 17)", () => {
  const HELPER = `import OpenAI from "openai";
const client = new OpenAI();
async function ask(q: string, prev?: string) {
  return client.responses.create({ model: "gpt-4.1", max_output_tokens: 100, input: q, previous_response_id: prev });
}
async function askAgain(q: string, state: { prev?: string }) {
  return ask(q, state.prev);
}
`;

  it("the answer's id passed back each turn (the response's, the id the helper returns, a field of its options) is a chain the server keeps: quadratic, stateful, priced as the same chain written inline", () => {
    const findings = analyze(`${HELPER}export async function chat(questions: string[]) {
  let prev: string | undefined;
  for (const q of questions) {
    prev = (await ask(q, prev)).id;
  }
}
export async function inline(questions: string[]) {
  let prev: string | undefined;
  for (const q of questions) {
    prev = (await client.responses.create({ model: "gpt-4.1", max_output_tokens: 100, input: q, previous_response_id: prev })).id;
  }
}
export async function twoDeep(questions: string[]) {
  const state: { prev?: string } = {};
  for (const q of questions) state.prev = (await askAgain(q, state)).id;
}
async function one(q: string, prev?: string) {
  return (await client.responses.create({ model: "gpt-4.1", max_output_tokens: 100, input: q, previous_response_id: prev })).id;
}
export async function idOnly(questions: string[]) {
  let prev: string | undefined;
  for (const q of questions) prev = await one(q, prev);
}
async function turn({ input, previousResponseID }: { input: string; previousResponseID?: string }) {
  return client.responses.create({ model: "gpt-4.1", max_output_tokens: 100, input, previous_response_id: previousResponseID });
}
export async function options(questions: string[]) {
  let previousResponseID: string | undefined;
  for (const q of questions) previousResponseID = (await turn({ input: q, previousResponseID })).id;
}
`);
    const at = (line: number) => findings.find((f) => f.line === line)!;
    for (const line of [12, 18, 23, 30, 37]) {
      const f = at(line);
      assert.deepEqual([costClass(f), summary(f).calls, summary(f).input, summary(f).growth], ["quadratic", "Θ(|questions|)", "Θ(|questions|²·|q|)", "stateful"], `line ${line}`);
    }
    // 7 questions of 25 tokens, answers of 100: the helper's chain bills what the inline one does.
    const sizes = { "|questions|": 7, "|q|": 25 };
    assert.deepEqual(estimate(at(12), sizes), estimate(at(18), sizes));
    assert.equal(estimate(at(12), sizes).inputTokens, 7 * 25 + 21 * (25 + 100));
    assert.ok(renderFinding(at(12)).explanation.includes("previous_response_id chains each request to the conversation kept on the server, which is billed again every time (the id ask() is passed back): the billed input grows by the prompt and the answer on every iteration of |questions| (line 11)"), renderFinding(at(12)).explanation.join("\n"));
  });

  it("a fresh chain per turn, a fixed id, or an id made inside the loop: no growth", () => {
    const findings = analyze(`${HELPER}export async function f(questions: string[], start: string) {
  for (const q of questions) {
    let prev: string | undefined;
    prev = (await ask(q, prev)).id;
    await ask(q, start);
    await ask(q);
  }
}
`);
    assert.deepEqual(findings.map((f) => [f.line, costClass(f), summary(f).input, summary(f).growth]), [
      [4, "constant", "Θ(|prev's conversation| + |q|)", "none"],
      [12, "linear", "Θ(|questions|·|prev's conversation| + |questions|·|q|)", "none"],
      [13, "linear", "Θ(|questions|·|prev's conversation| + |questions|·|q|)", "none"],
      [14, "linear", "Θ(|questions|·|prev's conversation| + |questions|·|q|)", "none"],
    ]);
  });

  it("the Responses WebSocket's chain (openai-node's websocket example): the id read off the helper's result (result.responseID) is passed on, not the answer rewriting it; no whole-input advice on a chain the server keeps", () => {
    const code = `import OpenAI from "openai";
import { ResponsesWS } from "openai/resources/responses/ws";
type Result = { text: string; responseID: string; calls: string[] };
const runResponse = ({ ws, previousResponseID, input }: { ws: ResponsesWS; previousResponseID: string | null; input: string | string[] }): Promise<Result> =>
  new Promise((resolve) => {
    ws.on("event", (event: any) => {
      if (event.type === "response.completed") resolve({ text: event.text, responseID: event.response.id, calls: event.calls });
    });
    ws.send({ type: "response.create", model: "gpt-4.1", input, previous_response_id: previousResponseID });
  });
const runTurn = async ({ ws, previousResponseID, turnPrompt }: { ws: ResponsesWS; previousResponseID: string | null; turnPrompt: string }) => {
  let currentInput: string | string[] = turnPrompt;
  let currentPreviousResponseID = previousResponseID;
  while (true) {
    const responseResult = await runResponse({ ws, previousResponseID: currentPreviousResponseID, input: currentInput });
    currentPreviousResponseID = responseResult.responseID;
    if (responseResult.calls.length === 0) break;
    const outputs: string[] = [];
    for (const call of responseResult.calls) outputs.push(JSON.stringify({ call, output: "42" }));
    currentInput = outputs;
  }
  return { responseID: currentPreviousResponseID };
};
export async function main(prompts: string[]) {
  const ws = new ResponsesWS(new OpenAI());
  let previousResponseID: string | null = null;
  for (const turnPrompt of prompts) {
    const turnResult = await runTurn({ ws, previousResponseID, turnPrompt });
    previousResponseID = turnResult.responseID;
  }
}
`;
    const findings = analyze(code);
    assert.deepEqual(findings.map((f) => [f.line, costClass(f), summary(f).calls, summary(f).input, summary(f).growth]), [
      [9, "constant", "Θ(1)", "Θ(|input| + |previousResponseID's conversation|)", "none"],
      // Before: "line 15 rewrites currentPreviousResponseID whole", its output |previousResponseID|, in the input too.
      // The loop's chain starts at runTurn's own previousResponseID (not empty): what that conversation holds goes with each request (review8).
      [15, "unbounded", "O(T[runTurn])", "O(T[runTurn]²·|previousResponseID's conversation| + T[runTurn]²·|turnPrompt| + T[runTurn]²·out[gpt-4.1])", "stateful"],
      // The turn's last id seeds the next turn's chain (let currentPreviousResponseID = previousResponseID):
      // each of a turn's requests bills every earlier turn's. Before: O(T²·|prompts|·…), each turn's chain alone.
      [28, "unbounded", "O(|prompts|·case.ts:T[runTurn])", "O(|prompts|²·case.ts:T[runTurn]²·|turnPrompt| + |prompts|²·case.ts:T[runTurn]²·out[gpt-4.1])", "stateful"],
    ]);
    assert.ok(!findings[1]!.explanation.some((l) => l.includes("rewrites")), findings[1]!.explanation.join("\n"));
    assert.ok(findings[2]!.explanation.includes("previous_response_id chains each request to the conversation kept on the server, which is billed again every time (the id runTurn() is passed back): the billed input grows by the prompts and answers of its case.ts:T[runTurn] requests on every iteration of |prompts| (line 27)"), findings[2]!.explanation.join("\n"));
    // responseID, like userId: an id of a few tokens where it is sent.
    assert.deepEqual(analyze(`import OpenAI from "openai";\nconst client = new OpenAI();\nexport async function f(r: { responseID: string }) {\n  await client.responses.create({ model: "gpt-4.1", input: r.responseID });\n}\n`).map((f) => summary(f).input), ["Θ(1)"]);
    assert.deepEqual(adviceFor("case.ts", code).map((a) => [a.finding.line, a.code]), [[15, "aalp.unbounded-loop"]]);
  });
});

describe("memories that grow and memories that do not", () => {
  it("LangChain ConversationChain: BufferMemory grows, a window memory does not", () => {
    expectSites(`import { ConversationChain } from "@langchain/classic/chains";
import { BufferMemory, BufferWindowMemory } from "@langchain/classic/memory";
import { ChatOpenAI } from "@langchain/openai";
export async function f(questions: string[]) {
  const llm = new ChatOpenAI({ model: "gpt-4o-mini", maxTokens: 100 });
  const kept = new ConversationChain({ llm, memory: new BufferMemory() });
  for (const q of questions) await kept.invoke({ input: q }); // @site
  const windowed = new ConversationChain({ llm, memory: new BufferWindowMemory({ k: 4 }) });
  for (const q of questions) await windowed.invoke({ input: q }); // @site
}
`, [
      { calls: "Θ(|questions|)", input: "Θ(|questions|²·|q| + |questions|²·out)", growth: "stateful" },
      { calls: "Θ(|questions|)", input: "Θ(|questions|·|q|)", growth: "none" },
    ]);
  });
});

describe("a session's instructions", () => {
  it("a Gemini chat's systemInstruction goes with every request, outside the history it re-sends", () => {
    const SYSTEM = "You are a careful tutor for a first course in organic chemistry.";
    const [f] = analyze(`import { GoogleGenAI } from "@google/genai";
const ai = new GoogleGenAI({});
export async function tutor(questions: string[]) {
  const chat = ai.chats.create({ model: "gemini-2.5-flash", config: { systemInstruction: "${SYSTEM}", maxOutputTokens: 20 } });
  for (const q of questions) await chat.sendMessage({ message: q });
}
`);
    // Σ_{i<3} (S + |q| + i·(|q| + 20)) = 3·S + 3·10 + 3·30.
    const e = estimate(f!, { "|questions|": 3, "|q|": 10 });
    assert.deepEqual([e.calls, e.inputTokens, e.exact], [3, 3 * countTokens(SYSTEM) + 30 + 90, true]);
  });

  it("instructions stated at construction go with every request, and every step of an SDK loop", () => {
    const SYSTEM = "You are a meticulous reviewer of pull requests in a large TypeScript monorepo.";
    const S = countTokens(SYSTEM);
    const sites = analyze(`import { ToolLoopAgent, stepCountIs } from "ai";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { StateGraph } from "@langchain/langgraph";
import { createAgent } from "@inngest/agent-kit";
import { Agent } from "@mastra/core/agent";
import { ChatOpenAI } from "@langchain/openai";
const SYSTEM = "${SYSTEM}";
const loop = new ToolLoopAgent({ model: "openai/gpt-4.1", instructions: SYSTEM, tools: { search }, stopWhen: stepCountIs(4) });
const react = createReactAgent({ llm: new ChatOpenAI({ model: "gpt-4o" }), tools: [], prompt: SYSTEM });
const kit = createAgent({ name: "k", system: SYSTEM, model: "gpt-4o" });
const mastra = new Agent({ name: "m", instructions: SYSTEM, model: "gpt-4o", tools: { search } });
const graph = new StateGraph({}).compile({ checkpointer });
export async function f(q: string) {
  await loop.generate({ prompt: q });
  await react.invoke({ messages: [{ role: "user", content: q }] });
  await kit.run(q);
  await mastra.generate(q, { maxSteps: 2 });
  await graph.invoke({ messages: [q] });
}
`);
    const at = (line: number) => estimate(sites.find((s) => s.line === line)!, { "|q|": 10, "out[openai/gpt-4.1]": 20, "out[gpt-4o]": 20, "tool[f/generate]": 30, "tool[f/generate#2]": 30 });
    // ToolLoopAgent, 4 steps: Σ_{j<4} (S + 10 + j·(20 + 30)), the tools' results 30 a step.
    assert.deepEqual([at(14).calls, at(14).inputTokens], [4, 4 * (S + 10) + 50 * 6]);
    // createReactAgent without tools (an empty list): one call with its prompt; AgentKit's system.
    assert.deepEqual([at(15).calls, at(15).inputTokens, at(15).exact], [1, S + 10, true]);
    assert.deepEqual([at(16).calls, at(16).inputTokens], [1, S + 10]);
    // Mastra with a tool loops (maxSteps 2), the instructions in each step.
    assert.deepEqual([at(17).calls, at(17).inputTokens], [2, 2 * (S + 10) + 50]);
    // A compiled graph's loop is its nodes', up to recursionLimit (25): no instructions of its own.
    assert.equal(at(18).calls, 25);
  });
});

describe("a LangChain agent whose model node may run twice in a row, or whose limit a call may replace (review)", () => {
  it("a structured answer or a middleware hook keeps recursionLimit's supersteps; options not read here drop the runLimit", () => {
    const sites = analyze(`import { createAgent, toolStrategy, modelCallLimitMiddleware, modelRetryMiddleware, createMiddleware, tool } from "langchain";
import { z } from "zod";
const search = tool(async () => "", { name: "search" });
const Answer = z.object({ a: z.string() });
const structured = createAgent({ model: "openai:gpt-4o", tools: [search], responseFormat: toolStrategy(Answer) });
const retried = createAgent({ model: "openai:gpt-4o", tools: [search], middleware: [modelRetryMiddleware({ maxRetries: 5 }), modelCallLimitMiddleware({ runLimit: 3 })] });
const capped = createAgent({ model: "openai:gpt-4o", tools: [search], middleware: [createMiddleware({ name: "t", tools: [search] }), modelCallLimitMiddleware({ runLimit: 3 })] });
export async function f(q: string, config: object, context: object) {
  await structured.invoke({ messages: [q] });
  await retried.invoke({ messages: [q] });
  await capped.invoke({ messages: [q] });
  await capped.invoke({ messages: [q] }, config);
  await capped.invoke({ messages: [q] }, { context });
  await capped.invoke({ messages: [q] }, { context: { runLimit: 2 } });
}
`);
    // toolStrategy sends a failed parse back to the model node: 25 supersteps, 25 calls; a retry repeats a model step's
    // request inside the node (maxRetries 5: 6 requests each of runLimit's 3 steps).
    assert.deepEqual(sites.map((s) => estimate(s, {}).calls), [25, 18, 3, 13, 13, 2]);
  });
});

describe("ollama's generate with the context of the previous answer", () => {
  it("re-sends the conversation's tokens: quadratic input, told as tokens handed back, not a server's state", () => {
    const [site] = analyze(`import ollama from "ollama";
export async function f(turns: string[]) {
  let context: number[] | undefined;
  for (const t of turns) {
    const r = await ollama.generate({ model: "llama3", prompt: t, context });
    context = r.context;
  }
}
`);
    assert.equal(formatBound(site!.inputTokens, site!.rank), "Θ(|turns|²·|t| + |turns|²·out[llama3])");
    assert.ok(site!.explanation.includes("context hands back the tokens of the conversation so far (ollama-js `src/interfaces.ts`, GenerateRequest.context), which the model reads again every time: the billed input grows by the prompt and the answer on every iteration of |turns| (line 4)"), site!.explanation.join("\n"));
  });
});

describe("a LangChain agent's model calls within recursionLimit and modelCallLimitMiddleware", () => {
  const code = `import { createAgent, modelCallLimitMiddleware, tool } from "langchain";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
const search = tool(async () => "", { name: "search" });
const capped = modelCallLimitMiddleware({ runLimit: 4, exitBehavior: "end" });
const agent = createAgent({ model: "openai:gpt-4o", tools: [search] });
const limited = createAgent({ model: "openai:gpt-4o", tools: [search], middleware: [capped] });
const react = createReactAgent({ llm: new ChatOpenAI({ model: "gpt-4o" }), tools: [search] });
export async function f(q: string, n: number, ctx: object) {
  await agent.invoke({ messages: [q] });
  await agent.invoke({ messages: [q] }, { recursionLimit: 8 });
  await agent.invoke({ messages: [q] }, { recursionLimit: n });
  await react.stream({ messages: [q] });
  await limited.invoke({ messages: [q] });
  await limited.invoke({ messages: [q] }, { context: { runLimit: 9 } });
  await limited.invoke({ messages: [q] }, { context: ctx });
  await limited.invoke({ messages: [q] }, { context: { runLimit: 1 } });
  await createAgent({ model: "openai:gpt-4o", tools: [search], middleware: [modelCallLimitMiddleware({ runLimit: 40 })] }).invoke({ messages: [q] });
}
`;

  it("counts the model node in every other superstep, and a middleware's runLimit when it is fewer", () => {
    const sites = analyze(code);
    const at = (line: number) => sites.find((s) => s.line === line)!;
    const calls = (line: number) => estimate(at(line), { n: 10 }).calls;
    // recursionLimit supersteps: model, tools, model, …: ⌊S/2⌋ + 1 model calls (25 → 13, 8 → 5).
    assert.deepEqual([10, 11, 13, 14, 15, 16, 17, 18].map(calls), [13, 5, 13, 4, 9, 13, 1, 13]);
    assert.equal(formatBound(at(12).calls, at(12).rank), "O(n)");
    assert.ok(at(12).explanation.includes("line 12: n lets the SDK's loop run at most n supersteps; the model node runs in every other one (model, tools, …): at most 1/2·n + 1 model requests"), at(12).explanation.join("\n"));
    assert.equal(estimate(at(12), { n: 10 }).calls, 6);
    assert.ok(at(10).explanation.includes("a LangGraph agent stops at recursionLimit supersteps, 25 by default; the model node runs in every other one (model, tools, …): at most ⌊25/2⌋ + 1 = 13 model requests: steps[f/invoke] = 13"), at(10).explanation.join("\n"));
    assert.ok(at(14).explanation.includes("line 5: runLimit: 4 (modelCallLimitMiddleware) stops each run after 4 model requests: steps[f/invoke#4] = 4"), at(14).explanation.join("\n"));
    assert.ok(at(15).explanation.includes("line 15: runLimit: 9 (modelCallLimitMiddleware) stops each run after 9 model requests: steps[f/invoke#5] = 9"), at(15).explanation.join("\n"));
  });
});

describe("step caps read from settings", () => {
  it("maxSteps: config.maxSteps with config a const object literal, here or imported (by name, nested, namespace); not a let", () => {
    const { project } = memoryProject({
      "/p/settings.ts": `export const config = { maxSteps: 5, limits: { turns: 3 } } as const;\nexport const MAX_TURNS = 7;\nexport let mutable = { maxSteps: 9 };\n`,
      "/p/index.ts": `export { config as agentConfig } from "./settings";\n`,
      "/p/use.ts": `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import { config, MAX_TURNS, mutable } from "./settings";
import * as settings from "./settings";
import { agentConfig } from "./index";
const local = { maxSteps: 4 };
export async function f(task: string) {
  await generateText({ model: openai("gpt-4.1"), prompt: task, maxSteps: local.maxSteps });
  await generateText({ model: openai("gpt-4.1"), prompt: task, maxSteps: config.maxSteps });
  await generateText({ model: openai("gpt-4.1"), prompt: task, maxSteps: config.limits.turns });
  await generateText({ model: openai("gpt-4.1"), prompt: task, maxSteps: MAX_TURNS });
  await generateText({ model: openai("gpt-4.1"), prompt: task, maxSteps: settings.config.maxSteps });
  await generateText({ model: openai("gpt-4.1"), prompt: task, maxSteps: agentConfig.limits.turns });
  await generateText({ model: openai("gpt-4.1"), prompt: task, maxSteps: mutable.maxSteps });
}
`,
    });
    const findings = project.analyze("/p/use.ts").findings;
    const stated = findings.map((f, i) => estimate(f, {}).at.find((a) => a.name === `steps[f/generateText${i ? `#${i + 1}` : ""}]`)?.value);
    assert.deepEqual(stated, [4, 5, 3, 7, 5, 3, undefined]);
    assert.ok(renderFinding(findings[1]!).explanation.includes("line 9: config.maxSteps lets the SDK's loop run at most 5 steps: steps[f/generateText#2] = 5"));
    assert.deepEqual(findings.map((f) => formatBound(f.calls, f.rank)).slice(-1), ["O(mutable.maxSteps)"]);
  });
});

describe("Anthropic Managed Agents sessions (issue 17)", () => {
  it("an agent made without tools answers each event in one request: a turn loop over one session re-sends its history (quadratic input); a session per turn does not", () => {
    const code = `import Anthropic from "@anthropic-ai/sdk";
const client = new Anthropic();
export async function chat(questions: string[]) {
  const agent = await client.beta.agents.create({ name: "helper", model: "claude-haiku-4-5", system: "Answer briefly." });
  const session = await client.beta.sessions.create({ agent: agent.id, environment_id: "env_1" });
  for (const q of questions) {
    await client.beta.sessions.events.send(session.id, { events: [{ type: "user.message", content: [{ type: "text", text: q }] }] }); // @site
  }
  for (const q of questions) {
    const fresh = await client.beta.sessions.create({ agent: { type: "agent", id: agent.id }, environment_id: "env_1" });
    await client.beta.sessions.events.send(fresh.id, { events: [{ type: "user.message", content: [{ type: "text", text: q }] }] }); // @site
  }
}
`;
    expectSites(code, [
      { api: "@anthropic-ai/sdk beta.sessions.events.send", calls: "Θ(|questions|)", input: "Θ(|questions|²·|q| + |questions|²·out)", growth: "stateful" },
      { api: "@anthropic-ai/sdk beta.sessions.events.send", calls: "Θ(|questions|)", input: "Θ(|questions|·|q|)", growth: "none" },
    ]);
    const [turns, fresh] = analyze(code);
    assert.deepEqual([costClass(turns!), costClass(fresh!)], ["quadratic", "linear"]);
    assert.ok(turns!.explanation.some((l) => l.includes("the Managed Agents session keeps every event on the server, and each event sent runs the agent on the whole session again")), turns!.explanation.join("\n"));
  });

  it("an agent with tools, or one not traced, runs its turn on the server until the model ends it: unbounded; over one session, every earlier turn's steps are re-sent", () => {
    const code = `import Anthropic from "@anthropic-ai/sdk";
const client = new Anthropic();
export async function chat(questions: string[], sessionId: string) {
  const agent = await client.beta.agents.create({ name: "helper", model: "claude-haiku-4-5", tools: [{ type: "agent_toolset_20260401" }] });
  const session = await client.beta.sessions.create({ agent: agent.id, environment_id: "env_1" });
  for (const q of questions) {
    await client.beta.sessions.events.send(session.id, { events: [{ type: "user.message", content: [{ type: "text", text: q }] }] }); // @site
  }
  await client.beta.sessions.events.send(sessionId, { events: [{ type: "user.message", content: [{ type: "text", text: "hi" }] }] }); // @site
}
`;
    expectSites(code, [
      {
        api: "@anthropic-ai/sdk beta.sessions.events.send",
        calls: "O(|questions|·steps[chat/send])",
        input: "O(|questions|²·steps[chat/send]²·tool[chat/send] + |questions|²·steps[chat/send]²·out + |questions|²·steps[chat/send]·|q|)",
        growth: "stateful",
      },
      { api: "@anthropic-ai/sdk beta.sessions.events.send", calls: "O(steps[chat/send#2])", input: "O(steps[chat/send#2]²·tool[chat/send#2] + steps[chat/send#2]²·out + steps[chat/send#2]·|sessionId's conversation|)", growth: "output" },
    ]);
    const [turns, untraced] = analyze(code);
    assert.deepEqual([costClass(turns!), costClass(untraced!)], ["unbounded", "unbounded"]);
    assert.ok(turns!.explanation.includes("the Managed Agents session keeps every event on the server, and each event sent runs the agent on the whole session again: the billed input grows by the prompt and every step's answer and tool results on every iteration of |questions| (line 6)"), turns!.explanation.join("\n"));
    assert.ok(turns!.explanation.includes("the event starts the session agent's turn on the server, a model request per tool use until the model ends it; the client sets no cap (a session's budget caps cost, not requests): steps[chat/send] steps, unbounded"), turns!.explanation.join("\n"));
  });

  it("a run chained to the previous one (previousResponseId) carries every step's answer and tool results of the earlier turns, not one answer", () => {
    expectSites(`import { Agent, run, tool } from "@openai/agents";
import { z } from "zod";
const look = tool({ name: "look", description: "d", parameters: z.object({}), execute: async () => "x" });
const agent = new Agent({ name: "a", model: "gpt-4o", tools: [look] });
export async function main(qs: string[]) {
  let prev: string | undefined;
  for (const q of qs) {
    const r = await run(agent, q, { previousResponseId: prev }); // @site
    prev = r.lastResponseId;
  }
}
`, [
      {
        calls: "O(|qs|·steps[main/run])",
        input: "O(|qs|²·steps[main/run]²·tool[main/run] + |qs|²·steps[main/run]²·out[gpt-4o] + |qs|²·steps[main/run]·|q|)",
        growth: "stateful",
      },
    ]);
  });
});

describe("a step cap stated where another module makes the agent (issue 17)", () => {
  it("export const agent = new ToolLoopAgent({ stopWhen: stepCountIs(8) }), agent.generate() in a loop in another file: 8 steps, not the default 20", () => {
    const { project } = memoryProject({
      "/p/agent.ts": `import { ToolLoopAgent, stepCountIs, tool } from "ai";
import { z } from "zod";
const search = tool({ description: "search", inputSchema: z.object({ q: z.string() }), execute: async ({ q }) => q });
export const researcher = new ToolLoopAgent({
  model: "openai/gpt-4.1",
  tools: { search },
  stopWhen: [stepCountIs(8)],
});
export const drafter = new ToolLoopAgent({ model: "openai/gpt-4.1", tools: { search } });
`,
      "/p/run.ts": `import { researcher, drafter } from "./agent";
export async function all(topics: string[]) {
  for (const t of topics) await researcher.generate({ prompt: t });
  for (const t of topics) await drafter.generate({ prompt: t });
}
`,
    });
    const findings = project.analyze("/p/run.ts").findings;
    assert.deepEqual(findings.map((f) => estimate(f, {}).at.find((a) => a.name.startsWith("steps["))), [
      { name: "steps[all/generate]", value: 8, source: "code" },
      { name: "steps[all/generate#2]", value: 20, source: "code" },
    ]);
    assert.deepEqual(findings.map((f) => [f.line, formatBound(f.calls, f.rank), costClass(f)]), [
      // As when the agent is made in the same file: each generate re-sends its own steps' history.
      [3, "O(|topics|·steps[all/generate])", "cubic+"],
      [4, "O(|topics|·steps[all/generate#2])", "cubic+"],
    ]);
    const explanation = renderFinding(findings[0]!).explanation;
    assert.ok(explanation.includes("stopWhen: [stepCountIs(8)] at agent.ts:7 lets the SDK's loop run at most 8 steps: steps[all/generate] = 8"), explanation.join("\n"));
  });
  it("Mastra: new Agent({ defaultOptions: { maxSteps: 5 } }) exported, generate() in another file's loop: 5 steps", () => {
    const { project } = memoryProject({
      "/p/agent.ts": `import { Agent } from "@mastra/core/agent";
import { openai } from "@ai-sdk/openai";
import { search } from "./tools";
export const helper = new Agent({ name: "h", instructions: "help", model: openai("gpt-4o"), tools: { search }, defaultOptions: { maxSteps: 5 } });
`,
      "/p/run.ts": `import { helper } from "./agent";\nexport async function all(topics: string[]) {\n  for (const t of topics) await helper.generate(t);\n}\n`,
    });
    const [f] = project.analyze("/p/run.ts").findings;
    assert.deepEqual(estimate(f!, {}).at.find((a) => a.name.startsWith("steps[")), { name: "steps[all/generate]", value: 5, source: "code" });
    assert.ok(renderFinding(f!).explanation.includes("maxSteps: 5 at agent.ts:4 lets the SDK's loop run at most 5 steps: steps[all/generate] = 5"));
  });
});

describe("literal and default caps are told as their step counts, with the history the steps re-send (issue 17)", () => {
  it("isStepCount(5), max_iterations: 10, runTools (10), run() of an agent with tools (10), Gemini automatic function calling (10)", () => {
    const findings = analyze(`import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import { Agent, run, tool } from "@openai/agents";
import { generateText, isStepCount, tool as aiTool } from "ai";
import { openai } from "@ai-sdk/openai";
const oa = new OpenAI();
const an = new Anthropic();
const genai = new GoogleGenAI({});
const lookup = tool({ name: "l", description: "d", parameters: {} as any, execute: async () => "r" });
const helper = new Agent({ name: "h", model: "gpt-4.1", instructions: "x", tools: [lookup] });
export async function g(q: string, tools: any[]) {
  await generateText({ model: openai("gpt-4.1"), prompt: q, tools: { a: aiTool({} as any) }, stopWhen: isStepCount(5) });
  await an.beta.messages.toolRunner({ model: "claude-sonnet-4-5", max_tokens: 50, max_iterations: 10, messages: [{ role: "user", content: q }], tools: [] });
  await oa.chat.completions.runTools({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: q }], tools: [] });
  await run(helper, q);
  await genai.models.generateContent({ model: "gemini-2.5-flash", contents: q, config: { tools } });
}
`);
    const lines = findings.map((f) => renderFinding(f).explanation.find((e) => e.includes("= 5") || e.includes("= 10")));
    assert.deepEqual(lines, [
      "line 13: isStepCount(5) lets the SDK's loop run at most 5 steps: steps[g/generateText] = 5",
      "line 14: 10 lets the SDK's loop run at most 10 steps: steps[g/toolRunner] = 10",
      "runTools sends at most maxChatCompletions requests, 10 by default: steps[g/runTools] = 10",
      "run() takes at most maxTurns turns, 10 by default: steps[g/run] = 10",
      "automatic function calling makes at most maximumRemoteCalls requests, 10 by default: steps[g/generateContent] = 10",
    ]);
    for (const f of findings) assert.ok(!renderFinding(f).explanation.some((e) => / 1 steps/.test(e)), f.api);
    // The class keeps the history the steps re-send: quadratic in the steps, growing by the answers.
    assert.deepEqual(findings.map((f) => [costClass(f), f.growth]), Array(5).fill(["quadratic", "output"]));
    // Σ_{j<S} (|q| + j·(out + tool)) at |q| = 100, each step's tool results 30: the estimates count
    // every step (the agent's instructions, "x", one token, with each of its turns).
    const sizes = (f: (typeof findings)[number]) => ({ "|q|": 100, "out[gpt-4.1]": 20, "out[gemini-2.5-flash]": 20, [`tool[g/${f.api.split(" ").pop()!.split(".").pop()}]`]: 30 });
    assert.deepEqual(findings.map((f) => estimate(f, sizes(f)).calls), [5, 10, 10, 10, 10]);
    assert.deepEqual(findings.map((f) => estimate(f, sizes(f)).inputTokens), [5 * 100 + 50 * 10, 10 * 100 + 80 * 45, 10 * 100 + 80 * 45, 10 * 101 + 50 * 45, 10 * 100 + 50 * 45]);
  });

  it("an uncapped tool runner fails --fail-on unbounded; the same runner with max_iterations passes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-runner-"));
    try {
      const runner = (cap: string) => `import Anthropic from "@anthropic-ai/sdk";\nconst an = new Anthropic();\nexport async function f(q: string) {\n  await an.beta.messages.toolRunner({ model: "claude-sonnet-4-5", max_tokens: 50,${cap} messages: [{ role: "user", content: q }], tools: [] });\n}\n`;
      fs.writeFileSync(path.join(dir, "uncapped.ts"), runner(""));
      fs.writeFileSync(path.join(dir, "capped.ts"), runner(" max_iterations: 4,"));
      const uncapped = aalp(["report", "uncapped.ts", "--quiet", "--fail-on", "unbounded"], dir);
      assert.equal(uncapped.code, 1, uncapped.stderr);
      assert.match(uncapped.stderr, /uncapped\.ts:4/);
      const capped = aalp(["report", "capped.ts", "--quiet", "--fail-on", "unbounded"], dir);
      assert.equal(capped.code, 0, capped.stderr);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("@openai/agents hosted tools: the provider runs them inside one response (issue 17)", () => {
  const AGENTS = `import { Agent, run, tool, webSearchTool, codeInterpreterTool, hostedMcpTool, fileSearchTool, imageGenerationTool, toolSearchTool, shellTool } from "@openai/agents";
const lookup = tool({ name: "l", description: "d", parameters: {} as any, execute: async () => "r" });
const search = webSearchTool();
const hosted = [fileSearchTool("vs_1"), imageGenerationTool()];
const researcher = new Agent({ name: "r", model: "gpt-4.1", instructions: "x", tools: [search, codeInterpreterTool({ container: { type: "auto" } })] });
const wiki = new Agent({ name: "w", model: "gpt-4.1", instructions: "x", tools: [hostedMcpTool({ serverLabel: "deepwiki", serverUrl: "https://mcp.deepwiki.com/mcp" })] });
const files = new Agent({ name: "f", model: "gpt-4.1", instructions: "x", tools: hosted });
const finder = new Agent({ name: "s", model: "gpt-4.1", instructions: "x", tools: [toolSearchTool(), shellTool({ environment: { type: "container_auto" } })] });
const mixed = new Agent({ name: "m", model: "gpt-4.1", instructions: "x", tools: [webSearchTool(), lookup] });
const approving = new Agent({ name: "a", model: "gpt-4.1", instructions: "x", tools: [hostedMcpTool({ serverLabel: "d", serverUrl: "https://x", requireApproval: "always" })] });
const clientSearch = new Agent({ name: "c", model: "gpt-4.1", instructions: "x", tools: [toolSearchTool({ execution: "client" })] });
const localShell = new Agent({ name: "l", model: "gpt-4.1", instructions: "x", tools: [shellTool({ shell: {} as any })] });
const servers = new Agent({ name: "v", model: "gpt-4.1", instructions: "x", mcpServers: [{} as any] });
const handing = new Agent({ name: "h", model: "gpt-4.1", instructions: "x", tools: [webSearchTool()], handoffs: [researcher] });
const grown = [webSearchTool()];
grown.push(lookup);
const growing = new Agent({ name: "g", model: "gpt-4.1", instructions: "x", tools: grown });
export async function f(q: string) {
  await run(researcher, q); // @site
  await run(wiki, q); // @site
  await run(files, q); // @site
  await run(finder, q); // @site
  await run(mixed, q); // @site
  await run(approving, q); // @site
  await run(clientSearch, q); // @site
  await run(localShell, q); // @site
  await run(servers, q); // @site
  await run(handing, q); // @site
  await run(growing, q); // @site
}
`;

  it("an agent whose tools are all hosted answers in one turn; a function tool (also pushed into a const list), an approval, a client tool search, a local shell, MCP servers or handoffs keep the runner's turns", () => {
    const one = { calls: "Θ(1)", input: "Θ(|q|)", growth: "none" };
    const turns = (n: string) => ({ calls: `O(steps[f/run${n}])`, input: `O(steps[f/run${n}]²·tool[f/run${n}] + steps[f/run${n}]²·out[gpt-4.1] + steps[f/run${n}]·|q|)`, growth: "output" });
    expectSites(AGENTS, [one, one, one, one, turns("#5"), turns("#6"), turns("#7"), turns("#8"), turns("#9"), turns("#10"), turns("#11")]);
    // The Responses API's own hosted tools were one request already: a create is one response.
    const direct = analyze(`import OpenAI from "openai";\nconst client = new OpenAI();\nexport async function g(q: string) {\n  await client.responses.create({ model: "gpt-4.1", input: q, tools: [{ type: "web_search" }, { type: "code_interpreter", container: { type: "auto" } }] });\n}\n`);
    assert.deepEqual(direct.map((f) => [summary(f).calls, summary(f).input]), [["Θ(1)", "Θ(|q|)"]]);
  });

  it("an agent another module exports with a hosted tool, run in a loop here: one request a run (agents-js's hostedAgent.ts, the financial research agent's search)", () => {
    const { project } = memoryProject({
      "/p/agents.ts": `import { Agent, webSearchTool, tool } from "@openai/agents";
import { hostedMcpTool } from "@openai/agents-core";
export const searchAgent = new Agent({ name: "search", model: "gpt-4.1", instructions: "Search.", tools: [webSearchTool()] });
export const wikiAgent = new Agent({ name: "wiki", model: "gpt-4.1", instructions: "Ask.", tools: [hostedMcpTool({ serverLabel: "deepwiki", serverUrl: "https://mcp.deepwiki.com/mcp" })] });
export const writer = new Agent({ name: "writer", model: "gpt-4.1", instructions: "Write.", tools: [tool({ name: "t", description: "d", parameters: {} as any, execute: async () => "" })] });
export default new Agent({ name: "plain", model: "gpt-4.1", instructions: "Answer." });
`,
      "/p/manager.ts": `import { run } from "@openai/agents";
import plain, { searchAgent, wikiAgent as wiki, writer } from "./agents";
export async function research(searches: string[]) {
  await Promise.all(searches.map(async (s) => run(searchAgent, s)));
  for (const s of searches) await run(wiki, s);
  for (const s of searches) await run(writer, s);
  for (const s of searches) await run(plain, s);
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/manager.ts", ["calls", "growth"]), [
      { line: 4, calls: "Θ(|searches|)", growth: "none" },
      { line: 5, calls: "Θ(|searches|)", growth: "none" },
      { line: 6, calls: "O(|searches|·steps[research/run#3])", growth: "output" },
      { line: 7, calls: "Θ(|searches|)", growth: "none" },
    ]);
  });

  it("agents that are each other's, across two modules, are asked once each way round and keep the turns", () => {
    const { project } = memoryProject({
      "/p/a.ts": `import { b } from "./b";\nexport const a = b;\n`,
      "/p/b.ts": `import { a } from "./a";\nexport const b = a;\n`,
      "/p/use.ts": `import { run } from "@openai/agents";\nimport { a } from "./a";\nexport async function f(q: string) {\n  await run(a, q);\n}\n`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["calls"]), [{ line: 4, calls: "O(steps[f/run])" }]);
  });
});

describe("a history carried into the next run: run(agent, [...result.history, next]) (issue 17)", () => {
  const CARRY = `import { Agent, run, tool } from "@openai/agents";
const lookup = tool({ name: "l", description: "d", parameters: {} as any, execute: async () => "r" });
const plain = new Agent({ name: "p", model: "gpt-4.1", instructions: "Be concise." });
const tooled = new Agent({ name: "t", model: "gpt-4.1", instructions: "Use the tool.", tools: [lookup] });
export async function carried(a: string, b: string, c: string, d: string) {
  let result = await run(plain, a);
  result = await run(plain, [...result.history, { role: "user", content: b }]);
  result = await run(plain, [...result.history, { role: "user", content: c }]);
  const next = await run(tooled, [...result.history, { role: "user", content: d }]);
  return run(plain, [...next.history, { role: "user", content: "Thanks." }]);
}
export async function chat(questions: string[]) {
  let result = await run(plain, "Hello.");
  for (const q of questions) result = await run(plain, [...result.history, { role: "user", content: q }]);
}
export async function branch(a: string, b: string, again: boolean) {
  let result = await run(plain, a);
  if (again) result = await run(plain, b);
  return run(plain, [...result.history, { role: "user", content: "More." }]);
}
`;

  it("each run's input holds every earlier run's input and answer (four runs in sequence); after a run with tool turns, their items too; in a loop, quadratic", () => {
    assert.deepEqual(analyze(CARRY).map((f) => [f.line, costClass(f), summary(f).input, summary(f).growth]), [
      [6, "constant", "Θ(|a|)", "none"],
      // Before: Θ(|b| + out[gpt-4.1]) and Θ(|c| + out[gpt-4.1]) (the first run's answer alone, at both).
      [7, "constant", "Θ(|a| + |b| + out[gpt-4.1])", "none"],
      [8, "constant", "Θ(|a| + |b| + |c| + out[gpt-4.1])", "none"],
      [9, "quadratic", "O(steps[carried/run#4]²·tool[carried/run#4] + steps[carried/run#4]²·out[gpt-4.1] + steps[carried/run#4]·|a| + steps[carried/run#4]·|b| + steps[carried/run#4]·|c| + steps[carried/run#4]·|d|)", "output"],
      [10, "constant", "Θ(|a| + |b| + |c| + |d| + |tool turns@9| + out[gpt-4.1])", "none"],
      [13, "constant", "Θ(1)", "none"],
      // Before: linear, growth none (the loop's result taken for a rewrite).
      [14, "quadratic", "Θ(|questions|²·|q| + |questions|²·out[gpt-4.1])", "output"],
      [17, "constant", "Θ(|a|)", "none"],
      [18, "constant", "O(|b|)", "none"],
      // A result assigned in an if: which run's history reaches here is not known, the answer is.
      [19, "constant", "Θ(out[gpt-4.1])", "none"],
    ]);
    const [, second] = analyze(CARRY);
    assert.ok(second!.explanation.includes("result.history is the history of line 6: its input and its answer"), second!.explanation.join("\n"));
    // 1 + 1 + 1 tokens of "Be concise." aside: |a| = |b| = 30, out = 20 at the second run.
    assert.equal(estimate(second!, { "|a|": 30, "|b|": 30, "out[gpt-4.1]": 20 }).inputTokens, 30 + 30 + 20 + 3);
  });
});

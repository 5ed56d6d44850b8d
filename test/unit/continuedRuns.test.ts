// Runs continued across sites of one function (issue 17, carry9): a later request on the conversation an
// earlier site left (its result's state or id, or one session or thread) re-sends that site's prompt,
// answers and tool results; and an AI SDK call's response messages pushed to a history hold its tool
// results too. Each test is the shape, with its exact sites and bounds.
import * as assert from "node:assert/strict";
import ts = require("typescript");
import { expectSites } from "./analyze";
import { FileAnalyzer } from "../../src/core/analysis/fileAnalyzer";
import { formatBound } from "../../src/core";
import { countingTypeScript } from "./countingTypeScript";

describe("a run continued from an earlier site's result, in straight-line code", () => {
  it("previous_response_id: r1.id chains to r1's conversation; a chain of three carries both; a second chain from r1 carries r1 only", () => {
    expectSites(`import OpenAI from "openai";
const client = new OpenAI();
export async function main(q1: string, q2: string, q3: string, q4: string) {
  const r1 = await client.responses.create({ model: "gpt-4o", input: q1, max_output_tokens: 100 }); // @site
  const r2 = await client.responses.create({ model: "gpt-4o", input: q2, previous_response_id: r1.id, max_output_tokens: 100 }); // @site
  const r3 = await client.responses.create({ model: "gpt-4o", input: q3, previous_response_id: r2.id, max_output_tokens: 100 }); // @site
  const other = await client.responses.create({ model: "gpt-4o", input: q4, previous_response_id: r1.id, max_output_tokens: 100 }); // @site
  return [r3.output_text, other.output_text];
}
`, [
      { calls: "Θ(1)", input: "Θ(|q1|)", growth: "none" },
      { calls: "Θ(1)", input: "Θ(|q1| + |q2|)", growth: "none" },
      { calls: "Θ(1)", input: "Θ(|q1| + |q2| + |q3|)", growth: "none" },
      { calls: "Θ(1)", input: "Θ(|q1| + |q4|)", growth: "none" },
    ]);
  });

  it("a LlamaIndex agent run from the state of the run before (LlamaIndexTS single-agent.ts): the first run's prompt, answers and tool results; a later run on that state object also what the runs before it on it added", () => {
    expectSites(`import { agent } from "@llamaindex/workflow";
import { openai } from "@llamaindex/openai";
declare const getWeatherTool: any;
async function main(q1: string, q2: string, q3: string) {
  const weatherAgent = agent({ llm: openai({ model: "gpt-4o" }), tools: [getWeatherTool] });
  const result = await weatherAgent.run(q1); // @site
  const caResult = await weatherAgent.run(q2, { state: result.data.state }); // @site
  const fresh = await weatherAgent.run(q2); // @site
  const again = await weatherAgent.run(q3, { state: result.data.state }); // @site
  return [caResult, fresh, again];
}
`, [
      { calls: "O(steps[main/run])", input: "O(steps[main/run]²·tool[main/run] + steps[main/run]²·out + steps[main/run]·|q1|)", growth: "output" },
      {
        calls: "O(steps[main/run#2])",
        input: "O(steps[main/run]·steps[main/run#2]·tool[main/run] + steps[main/run#2]²·tool[main/run#2] + steps[main/run]·steps[main/run#2]·out + steps[main/run#2]²·out + steps[main/run#2]·|q1| + steps[main/run#2]·|q2|)",
        growth: "output",
      },
      { calls: "O(steps[main/run#3])", input: "O(steps[main/run#3]²·tool[main/run#3] + steps[main/run#3]²·out + steps[main/run#3]·|q2|)", growth: "output" },
      {
        calls: "O(steps[main/run#4])",
        input:
          "O(steps[main/run]·steps[main/run#4]·tool[main/run] + steps[main/run#2]·steps[main/run#4]·tool[main/run#2] + steps[main/run#4]²·tool[main/run#4] + steps[main/run]·steps[main/run#4]·out + steps[main/run#2]·steps[main/run#4]·out + steps[main/run#4]²·out + steps[main/run#4]·|q1| + steps[main/run#4]·|q2| + steps[main/run#4]·|q3|)",
        growth: "output",
      },
    ]);
  });
});

describe("runs on one session or thread, in straight-line code and loops", () => {
  it("two invokes of a checkpointed agent on one config's thread (langchainjs router-knowledge-base.ts, no tools: one request each); another thread, or none, carries nothing", () => {
    expectSites(`import { createAgent } from "langchain";
import { MemorySaver } from "@langchain/langgraph";
const kept = createAgent({ model: "openai:gpt-4o", tools: [], checkpointer: new MemorySaver() });
export async function main(q1: string, q2: string) {
  const config = { configurable: { thread_id: "user-123" } };
  await kept.invoke({ messages: [{ role: "user", content: q1 }] }, config); // @site
  await kept.invoke({ messages: [{ role: "user", content: q2 }] }, config); // @site
  await kept.invoke({ messages: [{ role: "user", content: q2 }] }, { configurable: { thread_id: "user-456" } }); // @site
  await kept.invoke({ messages: [{ role: "user", content: q2 }] }); // @site
}
`, [
      { calls: "Θ(1)", input: "Θ(|q1|)" },
      { calls: "Θ(1)", input: "Θ(|q1| + |q2| + out[openai:gpt-4o])" },
      { calls: "Θ(1)", input: "Θ(|q2|)" },
      { calls: "Θ(1)", input: "Θ(|q2|)" },
    ]);
  });

  it("a chat session's messages before, under a condition (at most), around and after a loop: each carries every earlier one", () => {
    expectSites(`import { GoogleGenAI } from "@google/genai";
const ai = new GoogleGenAI({});
export async function main(q1: string, qs: string[], again: boolean) {
  const chat = ai.chats.create({ model: "gemini-2.0-flash" });
  await chat.sendMessage({ message: q1 }); // @site
  if (again) await chat.sendMessage({ message: q1 }); // @site
  for (const q of qs) {
    await chat.sendMessage({ message: q }); // @site
    await chat.sendMessage({ message: "Summarise." }); // @site
  }
  const last = await chat.sendMessage({ message: "Done?" }); // @site
  return last.text;
}
`, [
      { calls: "Θ(1)", input: "Θ(|q1|)", growth: "none" },
      { calls: "O(1)", input: "O(|q1| + out[gemini-2.0-flash])", growth: "none" },
      { calls: "Θ(|qs|)", input: "O(|qs|²·|q| + |qs|²·out[gemini-2.0-flash] + |qs|·|q1|)", growth: "stateful" },
      { calls: "Θ(|qs|)", input: "O(|qs|²·|q| + |qs|²·out[gemini-2.0-flash] + |qs|·|q1|)", growth: "stateful" },
      { calls: "Θ(1)", input: "O(|qs|·|q| + |qs|·out[gemini-2.0-flash] + |q1|)", growth: "none" },
    ]);
  });

  it("an Agents SDK run on the first's lastResponseId, and two runs on one session", () => {
    expectSites(`import { Agent, run, MemorySession } from "@openai/agents";
const a = new Agent({ name: "a", instructions: "be brief" });
export async function main(q1: string, q2: string) {
  const r1 = await run(a, q1); // @site
  const r2 = await run(a, q2, { previousResponseId: r1.lastResponseId }); // @site
  const session = new MemorySession();
  await run(a, q1, { session }); // @site
  await run(a, q2, { session }); // @site
  return r2.finalOutput;
}
`, [
      { calls: "Θ(1)", input: "Θ(|q1|)" },
      { calls: "Θ(1)", input: "Θ(|q1| + |q2| + out)" },
      { calls: "Θ(1)", input: "Θ(|q1|)" },
      { calls: "Θ(1)", input: "Θ(|q1| + |q2| + out)" },
    ]);
  });
});

describe("a ConversationChain's memory across two invokes", () => {
  it("a BufferMemory held in a const carries the first invoke into the second; a bounded memory held in a const (ConversationSummaryBufferMemory, langchainjs summary_buffer.ts) keeps nothing counted, as when made in place", () => {
    expectSites(`import { ConversationChain } from "@langchain/classic/chains";
import { ConversationSummaryBufferMemory, BufferMemory } from "@langchain/classic/memory";
import { ChatOpenAI } from "@langchain/openai";
const model = new ChatOpenAI({ model: "gpt-4o-mini" });
const memory = new ConversationSummaryBufferMemory({ llm: model, maxTokenLimit: 10 });
const chain = new ConversationChain({ llm: model, memory });
const buffer = new BufferMemory();
const kept = new ConversationChain({ llm: model, memory: buffer });
export async function main(q1: string, q2: string) {
  await chain.invoke({ input: q1 }); // @site
  await chain.invoke({ input: q2 }); // @site
  await kept.invoke({ input: q1 }); // @site
  await kept.invoke({ input: q2 }); // @site
}
`, [
      { calls: "Θ(1)", input: "Θ(|q1|)" },
      { calls: "Θ(1)", input: "Θ(|q2|)" },
      { calls: "Θ(1)", input: "Θ(|q1|)" },
      { calls: "Θ(1)", input: "Θ(|q1| + |q2| + out)" },
    ]);
  });
});

describe("an AI SDK call's response messages pushed to the history: the answer and the tool results", () => {
  it("while (true) pushing ...responseMessages of generateText with a tool (vercel/ai lmstudio-chatbot.ts), ...result.response.messages in a for loop; without tools, the answer alone", () => {
    expectSites(`import { generateText, tool, type ModelMessage } from "ai";
import { openai } from "@ai-sdk/openai";
import { z } from "zod";
declare function ask(): Promise<string>;
const weatherTool = tool({ description: "d", inputSchema: z.object({}), execute: async () => "sunny" });
export async function main() {
  const messages: ModelMessage[] = [];
  let toolResponseAvailable = false;
  while (true) {
    if (!toolResponseAvailable) {
      const userInput = await ask();
      messages.push({ role: "user", content: userInput });
    }
    const { text, toolCalls, responseMessages } = await generateText({ model: openai("gpt-4o"), tools: { weatherTool }, messages }); // @site
    console.log(text);
    messages.push(...responseMessages);
    toolResponseAvailable = toolCalls.length > 0;
  }
}
export async function other(qs: string[]) {
  const messages: ModelMessage[] = [];
  for (const q of qs) {
    messages.push({ role: "user", content: q });
    const result = await generateText({ model: openai("gpt-4o"), tools: { weatherTool }, messages }); // @site
    messages.push(...result.response.messages);
  }
  const plain: ModelMessage[] = [];
  for (const q of qs) {
    plain.push({ role: "user", content: q });
    const result = await generateText({ model: openai("gpt-4o"), messages: plain }); // @site
    plain.push(...result.response.messages);
  }
}
`, [
      { calls: "O(T[main])", input: "O(T[main]²·|userInput| + T[main]²·tool[main/generateText] + T[main]²·out[gpt-4o])", growth: "output" },
      { calls: "Θ(|qs|)", input: "Θ(|qs|²·|q| + |qs|²·tool[other/generateText] + |qs|²·out[gpt-4o])", growth: "output" },
      { calls: "Θ(|qs|)", input: "Θ(|qs|²·|q| + |qs|²·out[gpt-4o])", growth: "output" },
    ]);
  });
});

// review7 (fixF): each site worked out every earlier site's bounds again (a chain of n sites: n² site bounds, nested
// loops: a subtree walk per pair), and none of it counted against the budget. Counted here as the typescript
// module's node tests and child walks (linearWalks.test.ts's measure), not timed.
describe("the work of continued runs grows with the sites, not their square", () => {
  /** Node tests and child walks the analysis of `text` made, and its findings' inputs. */
  function work(text: string): { steps: number; inputs: string[] } {
    const counting = countingTypeScript();
    const findings = new FileAnalyzer(counting.ts, ts.createSourceFile("w.ts", text, ts.ScriptTarget.Latest, true), { timeBudgetMs: 600_000 }).findings();
    const steps = counting.steps();
    return { steps, inputs: findings.map((f) => (f.inputTokens.kind === "unknown" ? `unknown: ${f.inputTokens.reason}` : formatBound(f.inputTokens, f.rank))) };
  }
  // The same files with requests that continue nothing (no previous_response_id, a stateless generateContent): the
  // work of everything but the continued runs.
  const chain = (n: number, chained = true): string =>
    `import OpenAI from "openai";\nconst client = new OpenAI();\nexport async function run(q: string) {\n  const r0 = await client.responses.create({ model: "m", input: q });\n` +
    Array.from({ length: n - 1 }, (_, i) => `  const r${i + 1} = await client.responses.create({ model: "m", input: q${chained ? `, previous_response_id: r${i}.id` : ""} });\n`).join("") +
    "}\n";
  const nested = (n: number, chat = true): string =>
    `import { GoogleGenAI } from "@google/genai";\nconst ai = new GoogleGenAI({});\nexport async function deep(q: string, xs: string[]) {\n  const chat = ai.chats.create({ model: "m" });\n` +
    Array.from({ length: n }, (_, i) => `for (const x${i} of xs) { await ${chat ? "chat.sendMessage({ message: q })" : `ai.models.generateContent({ model: "m", contents: q })`};\n`).join("") +
    "}\n".repeat(n) +
    "}\n";

  it("400 requests chained by previous_response_id: about the work of 400 unchained ones (carry9: 5 times it)", () => {
    const continued = work(chain(400));
    const plain = work(chain(400, false));
    assert.equal(continued.inputs.length, 400);
    assert.ok(continued.steps < 1.5 * plain.steps, `${continued.steps} steps, ${plain.steps} unchained`);
    assert.equal(continued.inputs[399], "Θ(|q| + out[m])");
  });

  // sound8: a `let` moved on between the requests; its writes are found once, the one before each site by bisection.
  const letChain = (n: number, chained = true): string =>
    `import OpenAI from "openai";\nconst client = new OpenAI();\nexport async function run(q: string) {\n  const r0 = await client.responses.create({ model: "m", input: q });\n  let prev = r0.id;\n` +
    Array.from({ length: n - 1 }, (_, i) => `  const r${i + 1} = await client.responses.create({ model: "m", input: q${chained ? ", previous_response_id: prev" : ""} });\n  prev = r${i + 1}.id;\n`).join("") +
    "}\n";

  it("400 requests moving one let on (let prev = r0.id; … prev = rK.id): about the work of 400 unchained ones, the last carrying the whole chain exactly (sound8)", () => {
    const continued = work(letChain(400));
    const plain = work(letChain(400, false));
    assert.equal(continued.inputs.length, 400);
    assert.ok(continued.steps < 1.5 * plain.steps, `${continued.steps} steps, ${plain.steps} unchained`);
    assert.equal(continued.inputs[399], "Θ(|q| + out[m])");
  });

  it("150 nested loops each sending on one chat: about the work of 150 stateless requests, each site continuing more than 32 others unknown with the reason (carry9: over 100 times it at 75 loops)", () => {
    const continued = work(nested(150));
    const plain = work(nested(150, false));
    assert.equal(continued.inputs.length, 150);
    assert.ok(continued.steps < 1.5 * plain.steps, `${continued.steps} steps, ${plain.steps} stateless`);
    // Each site continues the 149 others (those before it, and the deeper ones in the loops around it): none is added up.
    assert.deepEqual([...new Set(continued.inputs)], ["unknown: more than 32 sites of this function send on the same conversation before it: what they leave there is not added up"]);
  });
});

describe("review7: runs on one thread handed to one Promise.all", () => {
  it("two invokes of one checkpointed agent with one config in Promise.all: either may run first, so each carries the other, at most (carry9: the second claimed exact with the first)", () => {
    expectSites(`import { createAgent } from "langchain";
import { MemorySaver } from "@langchain/langgraph";
import { ChatOpenAI } from "@langchain/openai";
const a1 = createAgent({ model: new ChatOpenAI({ model: "s1", maxTokens: 10 }), tools: [], checkpointer: new MemorySaver() });
export async function run(items: string[], q: string): Promise<void> {
  const config = { configurable: { thread_id: "t1" } };
  await Promise.all([
    a1.invoke({ messages: [{ role: "user", content: items[0] }] }, config), // @site
    a1.invoke({ messages: [{ role: "user", content: items[1] }] }, config), // @site
  ]);
}
`, [
      { calls: "Θ(1)", input: "O(|items[]| + out[s1])", growth: "none" },
      { calls: "Θ(1)", input: "O(|items[]| + out[s1])", growth: "none" },
    ]);
  });
});

describe("review7: one config handed to two agents, each with its own checkpointer", () => {
  it("a thread id in a variable names a thread of each agent's own MemorySaver: the second agent's run does not carry the first's (carry9: claimed exact with it)", () => {
    expectSites(`import { createAgent } from "langchain";
import { MemorySaver } from "@langchain/langgraph";
import { ChatOpenAI } from "@langchain/openai";
const a1 = createAgent({ model: new ChatOpenAI({ model: "s1", maxTokens: 10 }), tools: [], checkpointer: new MemorySaver() });
const a2 = createAgent({ model: new ChatOpenAI({ model: "s1", maxTokens: 10 }), tools: [], checkpointer: new MemorySaver() });
export async function run(items: string[], q: string): Promise<void> {
  const config = { configurable: { thread_id: q } };
  await a1.invoke({ messages: [{ role: "user", content: items[0] }] }, config); // @site
  await a2.invoke({ messages: [{ role: "user", content: items[1] }] }, config); // @site
  await a1.invoke({ messages: [{ role: "user", content: items[2] }] }, config); // @site
}
`, [
      // The threads a parameter names on module-level savers may hold earlier calls' messages (sound8): a size of their own.
      { calls: "Θ(1)", input: "Θ(|items[]| + |q's conversation|)", growth: "none" },
      { calls: "Θ(1)", input: "Θ(|items[]| + |q's conversation|)", growth: "none" },
      { calls: "Θ(1)", input: "Θ(|items[]| + |q's conversation| + out[s1])", growth: "none" },
    ]);
  });
});

describe("review7: requests in a loop each continuing one earlier response", () => {
  it("previous_response_id: r1.id in a loop: every request continues r1 only, linear (carry9: quadratic, stateful, and r1's conversation on top)", () => {
    expectSites(`import OpenAI from "openai";
const client = new OpenAI();
export async function run(items: string[], q: string): Promise<void> {
  const r1 = await client.responses.create({ model: "s1", max_output_tokens: 10, input: q }); // @site
  for (const item of items) await client.responses.create({ model: "s1", max_output_tokens: 10, input: item, previous_response_id: r1.id }); // @site
}
`, [
      { calls: "Θ(1)", input: "Θ(|q|)", growth: "none" },
      { calls: "Θ(|items|)", input: "Θ(|items|·|item| + |items|·|q|)", growth: "none" },
    ]);
  });
});

describe("review7: a chat engine whose memory is cut to a token limit", () => {
  it("two chats on one SimpleChatEngine: the second carries the first's prompt and answer at most, since the memory may drop them (carry9: Θ with them)", () => {
    expectSites(`import { SimpleChatEngine } from "llamaindex";
export async function talk(q1: string, q2: string) {
  const engine = new SimpleChatEngine();
  const a = await engine.chat({ message: q1 }); // @site
  const b = await engine.chat({ message: q2 }); // @site
  return [a, b];
}
`, [
      { calls: "Θ(1)", input: "Θ(|q1|)", growth: "none" },
      { calls: "Θ(1)", input: "O(|q1| + |q2| + out)", growth: "none" },
    ]);
  });
});

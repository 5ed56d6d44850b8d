// Loops inside the SDKs (multi-step tool loops) and conversation state kept between requests.
import { expectSites } from "./analyze";

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
      { calls: "O(1)", input: "O(|task| + out[gpt-4.1])", growth: "output" },
      { calls: "O(steps)", input: "O(steps²·out[gpt-4.1] + steps·|task|)", span: "O(steps)" },
      { calls: "O(1)", input: "O(|task| + out[gpt-4.1])" },
      { calls: "Θ(1)", input: "Θ(|task|)", growth: "none" },
      { calls: "O(S8)", input: "O(S8²·out[gpt-4.1] + S8·|task|)" },
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
      { calls: "O(1)", input: "O(|q|)" },
      { calls: "O(S8)", input: "O(S8² + S8·|q|)" },
      { calls: "O(1)", input: "O(|q|)" },
      { calls: "O(1)", input: "O(|q| + out[gpt-4.1])" },
      { calls: "O(1)", input: "O(|q| + out[gpt-4.1])" },
    ]);
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

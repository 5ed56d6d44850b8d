// Shapes a tenth reader met (issue 17). Each test is a small program of the shape, with its exact sites and bounds.
import { expectSites } from "./analyze";

describe("tenth reader: a test table chosen by a condition", () => {
  it("(live ? test.each(models) : test.skip.each(models))(…) inside describe.each(modes): at most |modes|·|models| requests", () => {
    // openai-node tests/live/bedrock.live.test.ts: the live cases run per model only for one endpoint mode.
    expectSites(`import OpenAI from "openai";
const ai = new OpenAI();
const modes = (process.env.MODES ?? "a,b").split(",");
const models = (process.env.MODELS ?? "m1,m2,m3").split(",");
const live = process.env.ENDPOINT === "runtime";
describe.each(modes)("mode %s", () => {
  (live ? test.each(models) : test.skip.each(models))("model %s", async (model) => {
    await ai.chat.completions.create({ model, max_tokens: 5, messages: [{ role: "user", content: "hi" }] }); // @site
  });
});
`, [{ calls: "O(|models|·|modes|)", loops: "each@6:|modes| each@7:|models|" }], "live.test.ts");
  });

  it("test.skip.each(rows)(…) runs no row: at most |rows|, not exactly", () => {
    expectSites(`import OpenAI from "openai";
const ai = new OpenAI();
const rows = (process.env.ROWS ?? "a,b").split(",");
test.skip.each(rows)("row %s", async (x) => {
  await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: x }] }); // @site
});
`, [{ calls: "O(|rows|)", loops: "each@4:|rows|" }], "skip.test.ts");
  });

  it("branches over two different tables are not read as one: the larger of them is not known", () => {
    expectSites(`import OpenAI from "openai";
const ai = new OpenAI();
const a = (process.env.A ?? "x").split(",");
const b = (process.env.B ?? "y").split(",");
(process.env.C ? test.each(a) : test.each(b))("row %s", async (x) => {
  await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: x }] }); // @site
});
`, [{ calls: "O(|a| + |b|)" }], "two.test.ts");
  });
});

describe("fixH (review8 #10): a test table through a const alias", () => {
  it("const runner = test.each(rows); runner(…): once per row, exact (before: 1 call, exact)", () => {
    expectSites(`import OpenAI from "openai";
const ai = new OpenAI();
const rows = (process.env.ROWS ?? "a,b").split(",");
const runner = test.each(rows);
runner("row %s", async (x) => {
  await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: x }] }); // @site
});
`, [{ calls: "Θ(|rows|)", loops: "each@5:|rows|" }], "alias.test.ts");
  });
});

describe("tenth reader's misses: LlamaIndex's context-aware agents (place 32)", () => {
  it("OpenAIContextAwareAgent with tools: [] answers a chat in one request; with tools it loops", () => {
    // LlamaIndexTS examples/deprecated/contextAwareAgent.js: no tool, a context retriever (an embedding, no LLM request).
    expectSites(`import { OpenAI, OpenAIContextAwareAgent, AnthropicContextAwareAgent, OpenAIAgent, ReActAgent } from "llamaindex";
export async function ask(retriever: any, tools: any[], message: string, turns: string[]) {
  const a = new OpenAIContextAwareAgent({ llm: new OpenAI({ model: "gpt-4o-mini" }), tools: [], contextRetriever: retriever });
  await a.chat({ message }); // @site
  const b = new AnthropicContextAwareAgent({ tools, contextRetriever: retriever });
  await b.chat({ message }); // @site
  const c = new OpenAIAgent({ tools: [] });
  for (const t of turns) await c.chat({ message: t }); // @site
  const d = new OpenAIAgent({ tools: [], toolRetriever: retriever });
  await d.chat({ message }); // @site
  const e = new ReActAgent({ tools: [] });
  await e.chat({ message }); // @site
  const f = new OpenAIAgent({ tools: [], systemPrompt: "Answer in one word." });
  await f.chat({ message, chatHistory: turns }); // @site
}
`, [
      { api: "llamaindex chat", calls: "Θ(1)", input: "Θ(|message| + |retrieved[retriever]|)" },
      { api: "llamaindex chat", calls: "O(steps[ask/chat#2])" },
      { api: "llamaindex chat", calls: "Θ(|turns|)", growth: "stateful" },
      { api: "llamaindex chat", calls: "O(steps[ask/chat#4])" },
      { api: "llamaindex chat", calls: "O(steps[ask/chat#5])" },
      // A history given at the call is sent; so is the system prompt (a constant).
      { api: "llamaindex chat", calls: "Θ(1)", input: "Θ(|turns|·|turns[]| + |message|)" },
    ]);
  });
});

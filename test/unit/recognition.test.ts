// Recognising LLM calls by import provenance, never by method name alone.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { analyzeFile, formatBound } from "../../src/core";
import { analyze, expectSites } from "./analyze";

describe("recognition by import provenance", () => {
  const one = (api: string, model: string | null) => [{ api, model }];

  it("openai: default, named, namespace and require imports, Azure", () => {
    expectSites(`import OpenAI from "openai";
const client = new OpenAI();
export const f = () => client.chat.completions.create({ model: "gpt-4o", messages: [] }); // @site
`, one("openai chat.completions.create", "gpt-4o"));
    expectSites(`import { AzureOpenAI as Az } from "openai";
const c = new Az({ endpoint: "x" });
c.responses.create({ model: "gpt-4.1", input: "hi" }); // @site
`, one("openai responses.create", "gpt-4.1"));
    expectSites(`import * as oa from "openai";
const c = new oa.OpenAI();
c.completions.create({ model: "gpt-3.5-turbo-instruct", prompt: "x" }); // @site
`, one("openai completions.create", "gpt-3.5-turbo-instruct"));
    expectSites(`const OpenAI = require("openai");
const c = new OpenAI();
c.chat.completions.parse({ model: "gpt-4o-mini", messages: [] }); // @site
const D = require("openai").default;
new D().chat.completions.stream({ model: "gpt-4o", messages: [] }); // @site
`, [{ api: "openai chat.completions.parse" }, { api: "openai chat.completions.stream" }], "case.js");
  });

  it("follows aliases, destructuring, fields, parameter types and constructor parameter properties", () => {
    expectSites(`import OpenAI from "openai";
const client = new OpenAI();
const alias = client;
const { chat } = alias;
const { completions: comp } = chat;
comp.create({ model: "gpt-4o", messages: [] }); // @site
class Bot {
  private llm = new OpenAI();
  constructor(private readonly other: OpenAI) {}
  private third: OpenAI;
  a() { return this.llm.chat.completions.create({ model: "a", messages: [] }); } // @site
  b() { return this.other.chat.completions.create({ model: "b", messages: [] }); } // @site
  c() { return this.third.chat.completions.create({ model: "c", messages: [] }); } // @site
}
class Later { c: any; constructor() { this.c = new OpenAI(); } go() { return this.c.responses.create({ model: "d", input: "x" }); } } // @site
export async function typed(api: OpenAI) { return api.chat.completions.create({ model: "e", messages: [] }); } // @site
`, [{ model: "gpt-4o" }, { model: "a" }, { model: "b" }, { model: "c" }, { model: "d" }, { model: "e" }]);
  });

  it("anthropic, AI SDK with any provider, LangChain chat models", () => {
    expectSites(`import Anthropic from "@anthropic-ai/sdk";
import { generateText as gt, streamObject } from "ai";
import { anthropic } from "@ai-sdk/anthropic";
import { ChatAnthropic } from "@langchain/anthropic";
const a = new Anthropic();
a.messages.create({ model: "claude-sonnet-4-5", max_tokens: 10, messages: [] }); // @site
a.beta.messages.stream({ model: "claude-opus-4", max_tokens: 10, messages: [] }); // @site
gt({ model: anthropic("claude-3-5-haiku-latest"), prompt: "x" }); // @site
streamObject({ model: anthropic("claude-3-5-haiku-latest"), prompt: "x", schema: {} }); // @site
const lc = new ChatAnthropic({ model: "claude-3-7-sonnet", maxTokens: 64 });
lc.invoke("hello"); // @site
lc.bindTools([]).stream("hello"); // @site
`, [
      { api: "@anthropic-ai/sdk messages.create", model: "claude-sonnet-4-5", output: "Θ(1)" },
      { api: "@anthropic-ai/sdk beta.messages.stream", model: "claude-opus-4" },
      { api: "ai generateText", model: "claude-3-5-haiku-latest" },
      { api: "ai streamObject", model: "claude-3-5-haiku-latest" },
      { api: "@langchain invoke", model: "claude-3-7-sonnet", output: "Θ(1)" },
      { api: "@langchain stream", model: "claude-3-7-sonnet" },
    ]);
  });

  it("Google GenAI, the legacy Gemini SDK, ollama, Mistral, Groq, Cohere", () => {
    expectSites(`import { GoogleGenAI } from "@google/genai";
import { GoogleGenerativeAI } from "@google/generative-ai";
import ollama, { Ollama } from "ollama";
import { Mistral } from "@mistralai/mistralai";
import Groq from "groq-sdk";
import { CohereClientV2 } from "cohere-ai";
const ai = new GoogleGenAI({ apiKey: "k" });
ai.models.generateContent({ model: "gemini-2.5-flash", contents: "x" }); // @site
const chat = ai.chats.create({ model: "gemini-2.5-pro" });
chat.sendMessage({ message: "hi" }); // @site
const legacy = new GoogleGenerativeAI("k").getGenerativeModel({ model: "gemini-1.5-flash" });
legacy.generateContent("x"); // @site
legacy.startChat().sendMessage("x"); // @site
ollama.generate({ model: "llama3.2", prompt: "x" }); // @site
new Ollama({ host: "h" }).chat({ model: "qwen3", messages: [] }); // @site
new Mistral({ apiKey: "k" }).chat.complete({ model: "mistral-small", messages: [] }); // @site
new Groq().chat.completions.create({ model: "llama-3.3-70b", messages: [] }); // @site
new CohereClientV2({}).chat({ model: "command-r", messages: [] }); // @site
`, [
      { api: "@google/genai models.generateContent", model: "gemini-2.5-flash" },
      { api: "@google/genai sendMessage", model: "gemini-2.5-pro" },
      { api: "@google/generative-ai generateContent", model: "gemini-1.5-flash" },
      { api: "@google/generative-ai sendMessage", model: "gemini-1.5-flash" },
      { api: "ollama generate", model: "llama3.2" },
      { api: "ollama chat", model: "qwen3" },
      { api: "@mistralai/mistralai chat.complete", model: "mistral-small" },
      { api: "groq-sdk chat.completions.create", model: "llama-3.3-70b" },
      { api: "cohere-ai chat", model: "command-r" },
    ]);
  });

  it("OpenAI Agents, LlamaIndex, Mastra", () => {
    expectSites(`import { Agent, run } from "@openai/agents";
import { openai } from "@llamaindex/openai";
import { Agent as MAgent } from "@mastra/core/agent";
const agent = new Agent({ name: "a", model: "gpt-4.1-mini", instructions: "x" });
run(agent, "question"); // @site
const llm = openai({ model: "gpt-4o" });
llm.chat({ messages: [] }); // @site
const m = new MAgent({ name: "m", instructions: "x", model: "openai/gpt-4o" });
m.generate("hello"); // @site
`, [
      { api: "@openai/agents run", model: "gpt-4.1-mini" },
      { api: "llamaindex chat", model: "gpt-4o" },
      { api: "@mastra/core generate", model: "openai/gpt-4o" },
    ]);
  });

  it("raw fetch and axios POSTs to known LLM endpoints", () => {
    expectSites(`import axios from "axios";
const BASE = "https://api.openai.com";
export async function f(q: string) {
  await fetch(\`\${BASE}/v1/chat/completions\`, { method: "POST", body: JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: q }] }) }); // @site
  await axios.post("https://api.anthropic.com/v1/messages", { model: "claude-sonnet-4-5", max_tokens: 100, messages: [{ role: "user", content: q }] }); // @site
  await fetch("http://localhost:11434/api/chat", { method: "POST", body: JSON.stringify({ model: "llama3.2", messages: [] }) }); // @site
  await fetch("https://example.com/v2/users", { method: "POST", body: JSON.stringify({ q }) });
}
`, [
      { api: "http:openai POST /v1/chat/completions", model: "gpt-4o", input: "Θ(|q|)" },
      { api: "http:anthropic POST /v1/messages", model: "claude-sonnet-4-5", input: "Θ(|q|)", output: "Θ(1)" },
      { api: "http:ollama POST /api/chat", model: "llama3.2" },
    ]);
  });

  it("is not fooled by lookalikes", () => {
    const code = `import { PrismaClient } from "@prisma/client";
import { ChatPromptTemplate } from "@langchain/core/prompts";
const db = new PrismaClient();
interface Repo { completions: { create(x: { text: string }): Promise<void> } }
class OpenAI { chat = { completions: { create: (x: unknown) => x } } }
export async function f(repo: Repo, texts: string[]) {
  for (const text of texts) {
    await db.user.create({ data: { text } });
    await repo.completions.create({ text });
    new OpenAI().chat.completions.create({ messages: [] });
  }
  const tpl = ChatPromptTemplate.fromMessages([["user", "{q}"]]);
  await tpl.invoke({ q: "x" });
  const fake = { chat: { completions: { create: async () => 1 } } };
  await fake.chat.completions.create();
}
`;
    assert.deepEqual(analyze(code), []);
  });
});

describe("user extensions", () => {
  it("counts calls of the user's own wrapper names, with all arguments as the prompt", () => {
    const code = `import { callModel } from "./llm";
export async function f(turns: number, q: string) {
  let history = "";
  for (let i = 0; i < turns; i++) {
    history += q;
    await callModel(history, { model: "gpt-4o", max_tokens: 10 });
  }
}
`;
    assert.deepEqual(analyze(code), []);
    const [f] = analyzeFile(ts, "w.ts", code, { wrappers: ["callModel"] }).findings;
    assert.ok(f);
    assert.deepEqual([f.line, f.sdk, f.api, f.model, formatBound(f.inputTokens, f.rank), formatBound(f.outputPerCall, f.rank)], [6, "wrapper", "callModel", "gpt-4o", "Θ(turns²·|q|)", "Θ(1)"]);
  });
});

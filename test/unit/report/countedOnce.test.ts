// A request that passes through the user's functions is counted once in a report's totals: at the
// outermost site that sends it (a loop's call of a wrapper), while every site stays listed.
import * as assert from "node:assert/strict";
import { buildReport, sitesOfFile, summarySentence } from "../../../src/core";
import { CONTENT_GENERATOR, configModule } from "../fixtures/geminiGenerator";
import { memoryProject } from "../project";

const LLM = `import OpenAI from "openai";
const client = new OpenAI();
export async function b(q: string) {
  return client.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: [{ role: "user", content: q }] });
}
export async function a(q: string) {
  return b(\`Answer: \${q}\`);
}
export async function each(qs: string[]) {
  for (const q of qs) await b(q);
}
`;

function report(files: Record<string, string>, order: string[]) {
  const { project } = memoryProject(files);
  const model = buildReport(order.map((f) => sitesOfFile(project.analyze(f), f.slice(1), { assume: {} })), { version: "test", assume: {} });
  return { model, rows: model.sites.map((s) => [`${s.file}:${s.line}`, s.api, s.costClass, s.countedIn ?? null]) };
}

describe("report totals: a request counted once through wrappers", () => {
  it("a loop calls a(), a() calls b(), b() sends: b's call is listed and counted at the loop; a loop of b() inside the module is an outer site too", () => {
    const { model, rows } = report({ "/p/llm.ts": LLM, "/p/use.ts": `import { a } from "./llm";\nexport async function run(qs: string[]) {\n  for (const q of qs) await a(q);\n}\n` }, ["/p/llm.ts", "/p/use.ts"]);
    assert.deepEqual(rows, [
      // Reached by both loops (each one's own requests): counted at the first that reaches it.
      ["p/llm.ts:4", "chat.completions.create", "constant", "p/llm.ts › each › b() #1"],
      ["p/llm.ts:10", "b() → chat.completions.create", "linear", null],
      ["p/use.ts:3", "a() → b() → chat.completions.create", "linear", null],
    ]);
    assert.deepEqual(
      { findings: model.summary.findings, direct: model.summary.directSites, through: model.summary.throughSites, elsewhere: model.summary.countedElsewhere, byClass: model.summary.byClass },
      { findings: 3, direct: 1, through: 2, elsewhere: 1, byClass: [{ costClass: "linear", sites: 2 }] },
    );
    assert.equal(summarySentence(model), "1 LLM call site and 2 loop calls of LLM-calling functions in 2 of 2 files (2 linear; 1 counted at an outer site)");
  });

  it("nested wrappers: a loop of a() around a loop of b(): only the outermost site is counted", () => {
    const { model, rows } = report({
      "/p/llm.ts": LLM.replace("return b(`Answer: ${q}`);", "for (const part of q.split(\"\\n\")) await b(part);"),
      "/p/use.ts": `import { a } from "./llm";\nexport async function run(qs: string[]) {\n  for (const q of qs) await a(q);\n}\n`,
    }, ["/p/llm.ts", "/p/use.ts"]);
    assert.deepEqual(rows.map((r) => [r[0], r[2], r[3]]), [
      ["p/llm.ts:4", "constant", "p/use.ts › run › a() #1"],
      ["p/llm.ts:7", "linear", "p/use.ts › run › a() #1"],
      ["p/llm.ts:10", "linear", null],
      ["p/use.ts:3", "quadratic", null],
    ]);
    assert.deepEqual([model.summary.countedElsewhere, model.summary.byClass], [2, [{ costClass: "quadratic", sites: 1 }, { costClass: "linear", sites: 1 }]]);
  });

  it("a forwarding wrapper reached through an interface: the implementation that hands the request on is counted at the call through the interface", () => {
    const generator = `import { GoogleGenAI } from "@google/genai";
export interface ContentGenerator {
  generateContent(request: { model: string; contents: string[] }): Promise<{ text: string }>;
}
export async function createContentGenerator(apiKey: string): Promise<ContentGenerator> {
  return new GoogleGenAI({ apiKey }).models;
}
`;
    const logging = `import type { ContentGenerator } from "./generator";
export class LoggingContentGenerator implements ContentGenerator {
  constructor(private readonly wrapped: ContentGenerator) {}
  async generateContent(request: { model: string; contents: string[] }) {
    console.log(request.model);
    return this.wrapped.generateContent(request);
  }
  async summarize(text: string) {
    return this.wrapped.generateContent({ model: "gemini-2.5-flash", contents: [text] });
  }
}
`;
    const base = `import type { ContentGenerator } from "./generator";
export class BaseLlmClient {
  constructor(private readonly contentGenerator: ContentGenerator) {}
  async ask(q: string) {
    return this.contentGenerator.generateContent({ model: "gemini-2.5-flash", contents: [q] });
  }
}
`;
    const { model, rows } = report({ "/p/generator.ts": generator, "/p/logging.ts": logging, "/p/base.ts": base }, ["/p/base.ts", "/p/logging.ts"]);
    assert.deepEqual(rows, [
      ["p/base.ts:5", "models.generateContent", "constant", null],
      // LoggingContentGenerator.generateContent forwards: its request is the one BaseLlmClient sends through the interface.
      ["p/logging.ts:6", "models.generateContent", "constant", "p/base.ts › BaseLlmClient.ask › @google/genai models.generateContent #1"],
      // summarize is no implementation of generateContent: a request of its own.
      ["p/logging.ts:9", "models.generateContent", "constant", null],
    ]);
    assert.deepEqual([model.summary.findings, model.summary.countedElsewhere, model.summary.byClass], [3, 1, [{ costClass: "constant", sites: 2 }]]);
  });

  it("a call through the interface reached by a getter of another module's class (this.context.config.getContentGenerator()) counts the forwarding generateContentStream wrapper once", () => {
    // Config's getter returns the client its constructor made; its declared return type is the interface the wrapper implements.
    const logging = `import type { ContentGenerator } from "./generator";
export class LoggingContentGenerator implements ContentGenerator {
  constructor(private readonly wrapped: ContentGenerator) {}
  async generateContentStream(request: { model: string; contents: string[] }) {
    console.log(request.model);
    return this.wrapped.generateContentStream(request);
  }
}
`;
    const chat = `import type { Content } from "@google/genai";
import type { Config } from "./config";
export class GeminiChat {
  constructor(private readonly context: { config: Config; history: Content[] }) {}
  async send(q: string) {
    return this.context.config.getContentGenerator().generateContentStream({ model: "gemini-2.5-flash", contents: [q] });
  }
}
`;
    const { model, rows } = report({ "/p/generator.ts": CONTENT_GENERATOR, "/p/config.ts": configModule("./generator"), "/p/logging.ts": logging, "/p/chat.ts": chat }, ["/p/chat.ts", "/p/logging.ts"]);
    assert.deepEqual(rows, [
      ["p/chat.ts:6", "models.generateContentStream", "constant", null],
      ["p/logging.ts:6", "models.generateContentStream", "constant", "p/chat.ts › GeminiChat.send › @google/genai models.generateContentStream #1"],
    ]);
    assert.deepEqual([model.summary.findings, model.summary.countedElsewhere, model.summary.byClass], [2, 1, [{ costClass: "constant", sites: 1 }]]);
  });

  it("forwarding wrappers with no call through the interface outside them are each counted", () => {
    const generator = `import { GoogleGenAI } from "@google/genai";
export interface ContentGenerator {
  generateContent(request: { model: string; contents: string[] }): Promise<{ text: string }>;
}
export async function createContentGenerator(apiKey: string): Promise<ContentGenerator> {
  return new GoogleGenAI({ apiKey }).models;
}
export class A implements ContentGenerator {
  constructor(private readonly wrapped: ContentGenerator) {}
  async generateContent(request: { model: string; contents: string[] }) {
    return this.wrapped.generateContent(request);
  }
}
export class B implements ContentGenerator {
  constructor(private readonly wrapped: ContentGenerator) {}
  async generateContent(request: { model: string; contents: string[] }) {
    return this.wrapped.generateContent(request);
  }
}
`;
    const { model, rows } = report({ "/p/generator.ts": generator }, ["/p/generator.ts"]);
    assert.deepEqual(rows.map((r) => r[3]), [null, null]);
    assert.equal(model.summary.countedElsewhere, 0);
  });
});


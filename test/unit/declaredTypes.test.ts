// Values known only through declared types across modules (issue 17): gemini-cli's GeminiChat reaches
// its generator as this.context.config.getContentGenerator(), a field typed by an interface of one
// module whose property is typed by a class of another, whose method returns the client's interface.
import * as assert from "node:assert/strict";
import { memoryProject, sitesOf } from "./project";

const GENERATOR = `import { GoogleGenAI } from "@google/genai";
export interface ContentGenerator {
  generateContentStream(request: { model: string; contents: unknown[] }, promptId: string): Promise<AsyncGenerator<unknown>>;
}
export async function createContentGenerator(apiKey: string): Promise<ContentGenerator> {
  return new GoogleGenAI({ apiKey }).models;
}
`;
const CONFIG = `import { createContentGenerator, type ContentGenerator } from "./contentGenerator";
export class Config {
  private contentGenerator!: ContentGenerator;
  constructor(private readonly apiKey: string) {}
  async refreshAuth() {
    this.contentGenerator = await createContentGenerator(this.apiKey);
  }
  getContentGenerator(): ContentGenerator {
    return this.contentGenerator;
  }
}
`;
const CONTEXT = `import type { Config } from "./config";
export interface AgentLoopContext {
  readonly config: Config;
  readonly promptId: string;
}
`;

describe("declared types followed across modules", () => {
  it("this.context.config.getContentGenerator(): an interface's property typed by a class whose method returns the client's interface", () => {
    const { project } = memoryProject({
      "/p/contentGenerator.ts": GENERATOR,
      "/p/config.ts": CONFIG,
      "/p/agentLoopContext.ts": CONTEXT,
      "/p/geminiChat.ts": `import type { AgentLoopContext } from "./agentLoopContext";
import type { Content } from "@google/genai";
export class GeminiChat {
  constructor(readonly context: AgentLoopContext) {}
  async send(message: string) {
    return this.context.config.getContentGenerator().generateContentStream({ model: "gemini-2.5-pro", contents: [message] }, this.context.promptId);
  }
  async each(messages: string[]) {
    const generator = this.context.config.getContentGenerator();
    for (const m of messages) await generator.generateContentStream({ model: "gemini-2.5-flash", contents: [m] }, "id");
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/geminiChat.ts", ["api", "model", "calls", "input"]), [
      { line: 6, api: "@google/genai models.generateContentStream", model: "gemini-2.5-pro", calls: "Θ(1)", input: "Θ(|message|)" },
      { line: 10, api: "@google/genai models.generateContentStream", model: "gemini-2.5-flash", calls: "Θ(|messages|)", input: "Θ(|messages|·|m|)" },
    ]);
  });

  it("GeminiChat's shape: the history the chat keeps, copied and handed to its private helper that sends it, grows at its caller's loop", () => {
    const { project } = memoryProject({
      "/p/contentGenerator.ts": GENERATOR,
      "/p/config.ts": CONFIG,
      "/p/agentLoopContext.ts": CONTEXT,
      "/p/geminiChat.ts": `import type { AgentLoopContext } from "./agentLoopContext";
import type { Content } from "@google/genai";
export class GeminiChat {
  private history: Content[] = [];
  constructor(readonly context: AgentLoopContext) {}
  async sendMessageStream(message: string) {
    this.history.push({ role: "user", parts: [{ text: message }] });
    const requestHistory = [...this.history];
    const stream = await this.makeApiCall(requestHistory);
    this.history.push({ role: "model", parts: [{ text: "answer" }] });
    return stream;
  }
  private async makeApiCall(contents: Content[]) {
    return this.context.config.getContentGenerator().generateContentStream({ model: "gemini-2.5-pro", contents }, this.context.promptId);
  }
}
`,
      "/p/client.ts": `import type { AgentLoopContext } from "./agentLoopContext";
import { GeminiChat } from "./geminiChat";
export class GeminiClient {
  private readonly chat: GeminiChat;
  constructor(context: AgentLoopContext) {
    this.chat = new GeminiChat(context);
  }
  async run(questions: string[]) {
    for (const q of questions) await this.chat.sendMessageStream(q);
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/client.ts", ["api", "model", "calls", "input"]), [
      { line: 9, api: "@google/genai this.chat.sendMessageStream() → this.makeApiCall() → models.generateContentStream", model: "gemini-2.5-pro", calls: "Θ(|questions|)", input: "O(|questions|²·|q|)" },
    ]);
    const [site] = project.analyze("/p/client.ts").findings;
    assert.ok(site!.explanation.includes("here |message| = |q|, calls[GeminiChat] = |questions|"), site!.explanation.join("\n"));
    // The helper's own site: one request of what it is handed.
    assert.deepEqual(sitesOf(project, "/p/geminiChat.ts", ["calls", "input"]), [{ line: 14, calls: "Θ(1)", input: "Θ(|contents|·|contents[]|)" }]);
  });

  it("an interface that extends another, a getter, a local interface: each member by its declared type; an unrelated member is nothing", () => {
    const { project } = memoryProject({
      "/p/contentGenerator.ts": GENERATOR,
      "/p/config.ts": CONFIG,
      "/p/base.ts": `import type { Config } from "./config";
export interface BaseContext { readonly config: Config; }
export interface AgentContext extends BaseContext { readonly promptId: string; }
`,
      "/p/use.ts": `import type { AgentContext } from "./base";
import type { Content } from "@google/genai";
interface Holder { readonly context: AgentContext; readonly name: string; }
export class Runner {
  constructor(private readonly holder: Holder) {}
  get generator() { return this.holder.context.config.getContentGenerator(); }
  async run(qs: string[]) {
    for (const q of qs) await this.generator.generateContentStream({ model: "gemini-2.5-pro", contents: [q] }, this.holder.context.promptId);
    await (this.holder as any).name.generateContentStream({ model: "gemini-2.5-pro", contents: [] }, "x");
    await this.holder.context.promptId.generateContentStream({ model: "gemini-2.5-pro", contents: [] }, "x");
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["api", "calls"]), [{ line: 8, api: "@google/genai models.generateContentStream", calls: "Θ(|qs|)" }]);
  });

  it("methods of two modules' classes that return each other's: the cycle ends, and the path that makes a client answers", () => {
    const { project } = memoryProject({
      "/p/a.ts": `import type { B } from "./b";\nexport class A {\n  constructor(private readonly b: B) {}\n  client() { return this.b.client(); }\n  loop() { return this.b.loop(); }\n}\n`,
      "/p/b.ts": `import OpenAI from "openai";\nimport type { A } from "./a";\nexport class B {\n  constructor(private readonly a: A) {}\n  client() { return this.a.client() ?? new OpenAI(); }\n  loop() { return this.a.loop(); }\n}\n`,
      "/p/use.ts": `import type { A } from "./a";\nimport OpenAI from "openai";\nexport async function f(x: A, qs: string[]) {\n  for (const q of qs) await x.client().chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });\n  await x.loop().chat.completions.create({ model: "gpt-4o", messages: [] });\n}\n`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["api", "calls"]), [{ line: 4, api: "openai chat.completions.create", calls: "Θ(|qs|)" }]);
  });
});

describe("calls through an interface its project classes implement", () => {
  const SUMMARIZERS = `import OpenAI from "openai";
const ai = new OpenAI();
export interface Summarizer {
  summarize(text: string): Promise<string>;
}
export class LlmSummarizer implements Summarizer {
  async summarize(text: string) {
    const r = await ai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 100, messages: [{ role: "user", content: text }] });
    return r.choices[0]!.message.content ?? "";
  }
}
`;

  it("one implementation: a parameter, a field or a local typed by the interface calls that class's method", () => {
    const { project } = memoryProject({
      "/p/summarizers.ts": SUMMARIZERS,
      "/p/use.ts": `import type { Summarizer } from "./summarizers";
export class Digest {
  constructor(private readonly summarizer: Summarizer) {}
  async all(docs: string[]) {
    for (const d of docs) await this.summarizer.summarize(d);
  }
}
export async function each(s: Summarizer, docs: string[]) {
  return Promise.all(docs.map((d) => s.summarize(d)));
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["api", "model", "calls", "input", "span"]), [
      { line: 5, api: "openai this.summarizer.summarize() → chat.completions.create", model: "gpt-4o-mini", calls: "Θ(|docs|)", input: "Θ(|docs|·|d|)", span: "Θ(|docs|)" },
      { line: 9, api: "openai s.summarize() → chat.completions.create", model: "gpt-4o-mini", calls: "Θ(|docs|)", input: "Θ(|docs|·|d|)", span: "Θ(1)" },
    ]);
  });

  it("several implementations: the costliest is counted, and the derivation says which of which", () => {
    const { project } = memoryProject({
      "/p/agents.ts": `${SUMMARIZERS}export class TwoPassSummarizer implements Summarizer {
  async summarize(text: string) {
    const draft = await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: [{ role: "user", content: text }] });
    const r = await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: [{ role: "user", content: text + draft.choices[0]!.message.content }] });
    return r.choices[0]!.message.content ?? "";
  }
}
export class EchoSummarizer implements Summarizer {
  async summarize(text: string) { return text; }
}
export async function run(s: Summarizer, docs: string[]) {
  for (const d of docs) await s.summarize(d);
}
`,
    });
    const findings = project.analyze("/p/agents.ts").findings;
    const site = findings.find((f) => f.line === 23)!;
    assert.deepEqual([site.api, site.model], ["s.summarize() → 2 LLM call sites", "gpt-4o"]);
    assert.deepEqual(sitesOf(project, "/p/agents.ts", ["calls"]).find((f) => f.line === 23), { line: 23, calls: "Θ(|docs|)" });
    assert.ok(site.explanation.includes("  Summarizer.summarize has 2 implementations that make LLM calls (LlmSummarizer.summarize, TwoPassSummarizer.summarize): the costliest, TwoPassSummarizer.summarize, is counted"), site.explanation.join("\n"));
  });

  it("an interface no class implements with LLM calls is nothing", () => {
    const { project } = memoryProject({
      "/p/store.ts": `import OpenAI from "openai";\nexport const ai = new OpenAI();\nexport interface Store { get(k: string): Promise<string>; }\nexport class MemoryStore implements Store { async get(k: string) { return k; } }\n`,
      "/p/use.ts": `import type { Store } from "./store";\nimport { ai } from "./store";\nexport async function f(s: Store, ks: string[]) {\n  for (const k of ks) await s.get(k);\n}\n`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["api"]), []);
  });
});

describe("implementations searched across the project", () => {
  const LLM = `export interface Llm {\n  ask(prompt: string): Promise<string>;\n}\n`;
  const OPENAI_LLM = `import OpenAI from "openai";
import type { Llm } from "./llm";
const client = new OpenAI();
export class OpenAiLlm implements Llm {
  async ask(prompt: string) {
    const r = await client.responses.create({ model: "gpt-4.1", max_output_tokens: 200, input: prompt });
    return r.output_text;
  }
}
`;
  const LOOP = `import type { Llm } from "./llm";
export async function answerAll(llm: Llm, questions: string[]) {
  for (const q of questions) await llm.ask(q);
}
`;

  it("interface in one module, its implementation in a second, the loop over it in a third", () => {
    const { project } = memoryProject({ "/p/llm.ts": LLM, "/p/openaiLlm.ts": OPENAI_LLM, "/p/loop.ts": LOOP });
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "model", "calls", "input", "output", "growth"]), [
      { line: 3, api: "openai llm.ask() → responses.create", model: "gpt-4.1", calls: "Θ(|questions|)", input: "Θ(|questions|·|q|)", output: "Θ(|questions|)", growth: "none" },
    ]);
    // The interface's module is analysed (it stands for its implementations) but reports nothing itself.
    assert.deepEqual(sitesOf(project, "/p/llm.ts", ["api"]), []);
  });

  it("several implementations in several modules: the costliest is counted and every one is named", () => {
    const { project } = memoryProject({
      "/p/llm.ts": LLM,
      "/p/openaiLlm.ts": OPENAI_LLM,
      "/p/claudeLlm.ts": `import Anthropic from "@anthropic-ai/sdk";
import { type Llm } from "./llm";
const anthropic = new Anthropic();
export class ClaudeLlm implements Llm {
  async ask(prompt: string) {
    const draft = await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 1000, messages: [{ role: "user", content: prompt }] });
    const r = await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 1000, messages: [{ role: "user", content: prompt + JSON.stringify(draft.content) }] });
    return JSON.stringify(r.content);
  }
}
`,
      "/p/echoLlm.ts": `import type { Llm } from "./llm";\nexport class EchoLlm implements Llm {\n  async ask(prompt: string) { return prompt; }\n}\n`,
      "/p/loop.ts": LOOP,
    });
    const [site] = project.analyze("/p/loop.ts").findings;
    assert.deepEqual([site!.line, site!.api, site!.model], [3, "llm.ask() → 2 LLM call sites", "claude-sonnet-4-5"]);
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["calls"]), [{ line: 3, calls: "Θ(|questions|)" }]);
    assert.ok(site!.explanation.includes("  Llm.ask has 2 implementations that make LLM calls (ClaudeLlm.ask in claudeLlm.ts, OpenAiLlm.ask in openaiLlm.ts): the costliest, ClaudeLlm.ask in claudeLlm.ts, is counted"), site!.explanation.join("\n"));
  });

  it("an interface re-exported through an index file, implemented and used through it", () => {
    const { project } = memoryProject({
      "/p/types/llm.ts": LLM,
      "/p/types/index.ts": `export * from "./llm";\nexport type Answer = string;\n`,
      "/p/impl/openaiLlm.ts": OPENAI_LLM.replace(`from "./llm"`, `from "../types"`),
      "/p/loop.ts": LOOP.replace(`from "./llm"`, `from "./types/index"`),
    });
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "calls", "input"]), [{ line: 3, api: "openai llm.ask() → responses.create", calls: "Θ(|questions|)", input: "Θ(|questions|·|q|)" }]);
  });

  it("an abstract class extended in another module", () => {
    const { project } = memoryProject({
      "/p/base.ts": `export abstract class BaseLlm {\n  abstract ask(prompt: string): Promise<string>;\n  name() { return "llm"; }\n}\n`,
      "/p/openaiLlm.ts": `import OpenAI from "openai";
import { BaseLlm } from "./base";
const client = new OpenAI();
export class OpenAiLlm extends BaseLlm {
  async ask(prompt: string) {
    const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 50, messages: [{ role: "user", content: prompt }] });
    return r.choices[0]!.message.content ?? "";
  }
}
`,
      "/p/loop.ts": `import { BaseLlm } from "./base";\nexport async function answerAll(llm: BaseLlm, questions: string[]) {\n  for (const q of questions) await llm.ask(q);\n}\n`,
    });
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "model", "calls", "input", "output"]), [
      { line: 3, api: "openai llm.ask() → chat.completions.create", model: "gpt-4o-mini", calls: "Θ(|questions|)", input: "Θ(|questions|·|q|)", output: "Θ(|questions|)" },
    ]);
  });

  it("a class of the same name implementing another module's interface is not taken", () => {
    const { project } = memoryProject({
      "/p/llm.ts": LLM,
      "/p/other.ts": LLM,
      "/p/openaiLlm.ts": OPENAI_LLM.replace(`from "./llm"`, `from "./other"`),
      "/p/loop.ts": LOOP,
    });
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api"]), []);
  });

  it("a class edited to implement the interface: the interface's users are analysed again", () => {
    const files: Record<string, string> = { "/p/llm.ts": LLM, "/p/openaiLlm.ts": OPENAI_LLM.replace(" implements Llm", ""), "/p/loop.ts": LOOP };
    const { project } = memoryProject(files);
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api"]), []);
    files["/p/openaiLlm.ts"] = OPENAI_LLM;
    project.invalidate("/p/openaiLlm.ts");
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "calls"]), [{ line: 3, api: "openai llm.ask() → responses.create", calls: "Θ(|questions|)" }]);
    files["/p/openaiLlm.ts"] = OPENAI_LLM.replace(" implements Llm", "");
    project.invalidate("/p/openaiLlm.ts");
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api"]), []);
  });

  const SITE = { line: 3, api: "openai llm.ask() → responses.create", calls: "Θ(|questions|)", input: "Θ(|questions|·|q|)" };

  it("the interface imported under another name (implements Model): found, and only the implementing file is parsed besides the three", () => {
    const { project } = memoryProject({
      "/p/llm.ts": LLM,
      "/p/openaiLlm.ts": OPENAI_LLM.replace("import type { Llm }", "import type { Llm as Model }").replace("implements Llm", "implements Model"),
      "/p/loop.ts": LOOP,
      "/p/unrelated.ts": `export interface Model { run(): void }\nexport class Other implements Model { run() {} }\n`,
    });
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "calls", "input"]), [SITE]);
    // loop.ts, llm.ts and openaiLlm.ts: unrelated.ts implements a Model too, but reaches no LLM.
    assert.equal(project.stats.parsed, 3);
  });

  for (const [how, index] of [
    ["export { Llm as Model } from", `export { Llm as Model } from "./llm";\n`],
    ["export type { Llm as Model } from", `export type { Llm as Model } from "./llm";\n`],
    ["an imported name exported again as Model", `import type { Llm } from "./llm";\nexport type { Llm as Model };\n`],
  ] as const) {
    it(`the interface re-exported under another name (${how}), implemented and called as Model`, () => {
      const { project } = memoryProject({
        "/p/llm.ts": LLM,
        "/p/index.ts": index,
        "/p/openaiLlm.ts": OPENAI_LLM.replace(`import type { Llm } from "./llm"`, `import type { Model } from "./index"`).replace("implements Llm", "implements Model"),
        "/p/loop.ts": LOOP.replace(`import type { Llm } from "./llm"`, `import type { Model } from "./index"`).replace("llm: Llm", "llm: Model"),
      });
      assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "calls", "input"]), [SITE]);
    });
  }

  it("a default-exported interface (export default interface Llm), implemented as a default import under another name", () => {
    const { project } = memoryProject({
      "/p/llm.ts": `export default interface Llm {\n  ask(prompt: string): Promise<string>;\n}\n`,
      "/p/openaiLlm.ts": OPENAI_LLM.replace("import type { Llm }", "import type Model").replace("implements Llm", "implements Model"),
      "/p/loop.ts": LOOP.replace("import type { Llm }", "import type Llm"),
    });
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "calls", "input"]), [SITE]);
  });

  it("an interface exported as the default after its declaration (export default Llm), implemented through a default import", () => {
    const { project } = memoryProject({
      "/p/llm.ts": `${LLM.replace("export interface", "interface")}export default Llm;\n`,
      "/p/openaiLlm.ts": OPENAI_LLM.replace("import type { Llm }", "import type Llm"),
      "/p/loop.ts": LOOP.replace("import type { Llm }", "import type Llm"),
    });
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "calls", "input"]), [SITE]);
  });

  it("a class edited to implement the interface under another name: the interface's users are analysed again", () => {
    const aliased = OPENAI_LLM.replace("import type { Llm }", "import type { Llm as Model }");
    const files: Record<string, string> = { "/p/llm.ts": LLM, "/p/openaiLlm.ts": aliased.replace(" implements Llm", ""), "/p/loop.ts": LOOP };
    const { project } = memoryProject(files);
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api"]), []);
    files["/p/openaiLlm.ts"] = aliased.replace("implements Llm", "implements Model");
    project.invalidate("/p/openaiLlm.ts");
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "calls", "input"]), [SITE]);
  });

  it("an interface extending the one called (interface ChatLlm extends Llm in another module): a class implementing ChatLlm implements Llm", () => {
    const { project } = memoryProject({
      "/p/llm.ts": LLM,
      "/p/chatLlm.ts": `import type { Llm } from "./llm";\nexport interface ChatLlm extends Llm {\n  reset(): void;\n}\n`,
      "/p/openaiLlm.ts": OPENAI_LLM.replace(`import type { Llm } from "./llm"`, `import type { ChatLlm } from "./chatLlm"`).replace("implements Llm {", "implements ChatLlm {\n  reset() {}"),
      "/p/loop.ts": LOOP,
    });
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "calls", "input"]), [SITE]);
  });

  it("an interface extending the one called in the same module, implemented in another", () => {
    const { project } = memoryProject({
      "/p/llm.ts": `${LLM}export interface ChatLlm extends Llm {\n  reset(): void;\n}\n`,
      "/p/openaiLlm.ts": OPENAI_LLM.replace("import type { Llm }", "import type { ChatLlm }").replace("implements Llm {", "implements ChatLlm {\n  reset() {}"),
      "/p/loop.ts": LOOP,
    });
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "calls", "input"]), [SITE]);
  });

  it("a class extending, in a third module, a class that implements the interface: its own method is an implementation too, and both are named", () => {
    const { project } = memoryProject({
      "/p/llm.ts": LLM,
      "/p/echoLlm.ts": `import type { Llm } from "./llm";\nexport class EchoLlm implements Llm {\n  async ask(prompt: string) { return prompt; }\n}\n`,
      "/p/openaiLlm.ts": OPENAI_LLM.replace(`import type { Llm } from "./llm"`, `import { EchoLlm } from "./echoLlm"`).replace("implements Llm", "extends EchoLlm"),
      "/p/loop.ts": LOOP,
    });
    const [site] = project.analyze("/p/loop.ts").findings;
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "calls", "input"]), [SITE]);
    assert.ok(site!.explanation.some((l) => l.includes("OpenAiLlm.ask in openaiLlm.ts")), site!.explanation.join("\n"));
  });

  it("implements A, B lists and a generic interface (implements Llm<string>, called through llm: Llm<string>)", () => {
    const { project } = memoryProject({
      "/p/llm.ts": `export interface Llm<T> {\n  ask(prompt: string): Promise<T>;\n}\nexport interface Named { name: string }\n`,
      "/p/openaiLlm.ts": OPENAI_LLM.replace("import type { Llm }", "import type { Llm, Named }").replace("implements Llm {", "implements Named, Llm<string> {\n  name = \"openai\";"),
      "/p/loop.ts": LOOP.replace("llm: Llm", "llm: Llm<string>"),
    });
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "calls", "input"]), [SITE]);
  });

  it("without the project's file list (the editor's project), the files read so far: an implementation read before the loop is found", () => {
    const { project } = memoryProject({ "/p/llm.ts": LLM, "/p/openaiLlm.ts": OPENAI_LLM, "/p/loop.ts": LOOP }, { files: undefined });
    assert.deepEqual(sitesOf(project, "/p/openaiLlm.ts", ["api"]), [{ line: 6, api: "openai responses.create" }]);
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "calls"]), [{ line: 3, api: "openai llm.ask() → responses.create", calls: "Θ(|questions|)" }]);
  });

  it("the editor's project given the workspace's files (setFiles): an implementation in a file never opened is found, and the same list again changes nothing", () => {
    const { project } = memoryProject({ "/p/llm.ts": LLM, "/p/openaiLlm.ts": OPENAI_LLM, "/p/loop.ts": LOOP }, { files: undefined });
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api"]), []);
    assert.equal(project.setFiles(["/p/loop.ts", "/p/llm.ts", "/p/openaiLlm.ts"]), true);
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["api", "calls", "input"]), [SITE]);
    assert.equal(project.setFiles(["/p/openaiLlm.ts", "/p/loop.ts", "/p/llm.ts"]), false);
    assert.equal(project.setFiles(undefined), true);
    assert.equal(project.setFiles(undefined), false);
  });
});

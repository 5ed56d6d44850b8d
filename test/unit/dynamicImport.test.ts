// The awaited value of `import("x")` is followed like the static import of "x" (issue 17): a catalog
// module's namespace (`.default`, named exports, destructured, `.then((m) => m.X)`) and a project
// module's exports. A specifier that is not a string literal, or a value not awaited, is no claim.
import * as assert from "node:assert/strict";
import { memoryProject, sitesOf } from "./project";

const LLM = `import OpenAI from "openai";\nconst ai = new OpenAI();\nexport async function ask(q: string) {\n  return ai.chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] });\n}\n`;
const CLIENT = `import OpenAI from "openai";\nexport const ai = new OpenAI();\n`;
const CREATE = `chat.completions.create({ model: "gpt-4.1", messages: [{ role: "user", content: q }] })`;
const KEYS = ["calls", "input", "growth", "api"] as const;

/** One file, run.ts, with `body` inside `async function run(qs: string[])`; the loop is on line 4. */
function run(body: string, extra: Record<string, string> = {}) {
  const { project } = memoryProject({ "/p/run.ts": `export async function run(qs: string[]) {\n${body}}\n`, ...extra });
  return sitesOf(project, "/p/run.ts", [...KEYS]);
}

const CATALOG_SITE = [{ line: 4, calls: "Θ(|qs|)", input: "Θ(|qs|·|q|)", growth: "none", api: "openai chat.completions.create" }];
/** The site of `ask` of llm.ts called once per question, named as the call spells it. */
const projectSite = (callee: string) => [{ line: 4, calls: "Θ(|qs|)", input: "Θ(|qs|·|q|)", growth: "none", api: `openai ${callee}() → chat.completions.create` }];

describe("a dynamic import()'s awaited value is followed like a static import", () => {
  describe("a catalog module", () => {
    it("destructured default: const { default: OpenAI } = await import(\"openai\")", () => {
      assert.deepEqual(run(`  const { default: OpenAI } = await import("openai");\n  const client = new OpenAI();\n  for (const q of qs) await client.${CREATE};\n`), CATALOG_SITE);
    });

    it("the namespace's .default: const OpenAI = await import(\"openai\"); new OpenAI.default()", () => {
      assert.deepEqual(run(`  const OpenAI = await import("openai");\n  const client = new OpenAI.default();\n  for (const q of qs) await client.${CREATE};\n`), CATALOG_SITE);
    });

    it("a named export of the awaited namespace: (await import(\"openai\")).OpenAI", () => {
      assert.deepEqual(run(`  const OpenAI = (await import("openai")).OpenAI;\n  const client = new OpenAI();\n  for (const q of qs) await client.${CREATE};\n`), CATALOG_SITE);
    });

    it(".then((m) => m.default)", () => {
      assert.deepEqual(run(`  const OpenAI = await import("openai").then((m) => m.default);\n  const client = new OpenAI();\n  for (const q of qs) await client.${CREATE};\n`), CATALOG_SITE);
    });
  });

  describe("a project module", () => {
    it("destructured: const { ask } = await import(\"./llm\")", () => {
      assert.deepEqual(run(`  const { ask } = await import("./llm");\n  const n = 0;\n  for (const q of qs) await ask(q);\n`, { "/p/llm.ts": LLM }), projectSite("ask"));
    });

    it("the namespace's member: const llm = await import(\"./llm\"); llm.ask(q)", () => {
      assert.deepEqual(run(`  const llm = await import("./llm");\n  const n = 0;\n  for (const q of qs) await llm.ask(q);\n`, { "/p/llm.ts": LLM }), projectSite("llm.ask"));
    });

    it("the awaited call's member: (await import(\"./llm\")).ask(q)", () => {
      assert.deepEqual(run(`  const n = 0;\n  const m = 1;\n  for (const q of qs) await (await import("./llm")).ask(q);\n`, { "/p/llm.ts": LLM }), projectSite('(await import("./llm")).ask'));
    });

    it(".then((m) => m.ask)", () => {
      assert.deepEqual(run(`  const ask = await import("./llm").then((m) => m.ask);\n  const n = 0;\n  for (const q of qs) await ask(q);\n`, { "/p/llm.ts": LLM }), projectSite("ask"));
    });

    it("an exported client, destructured and through the namespace", () => {
      const extra = { "/p/client.ts": CLIENT };
      assert.deepEqual(run(`  const { ai } = await import("./client");\n  const n = 0;\n  for (const q of qs) await ai.${CREATE};\n`, extra), CATALOG_SITE);
      assert.deepEqual(run(`  const mod = await import("./client");\n  const n = 0;\n  for (const q of qs) await mod.ai.${CREATE};\n`, extra), CATALOG_SITE);
    });
  });

  describe("no claim", () => {
    it("a LangGraph graph whose START and END come from an awaited import() and whose node makes no request (langgraphjs environment_tests)", () => {
      const graph = `  const { StateGraph, END, START } = await import("@langchain/langgraph");\n  const graph = new StateGraph({ channels: { messages: { value: (x: string[], y: string[]) => x.concat(y), default: () => [] } } }).addNode("test", async () => {}).addEdge(START, "test").addEdge("test", END);\n  for (const q of qs) await graph.compile().invoke({ messages: [q] });\n`;
      assert.deepEqual(run(graph), []);
    });

    it("a specifier that is not a string literal", () => {
      assert.deepEqual(run(`  const spec = process.env.LLM ?? "./llm";\n  const { ask } = await import(spec);\n  for (const q of qs) await ask(q);\n`, { "/p/llm.ts": LLM }), []);
    });

    it("an import() not awaited is a promise, not the module", () => {
      assert.deepEqual(run(`  const llm: any = import("./llm");\n  const n = 0;\n  for (const q of qs) await llm.ask(q);\n`, { "/p/llm.ts": LLM }), []);
    });

    it("the namespace itself is not the default export: const ask = await import(\"./llm\")", () => {
      const DEFAULT = LLM.replace("export async function ask", "export default async function ask");
      assert.deepEqual(run(`  const ask: any = await import("./llm");\n  const n = 0;\n  for (const q of qs) await ask(q);\n`, { "/p/llm.ts": DEFAULT }), []);
    });
  });
});

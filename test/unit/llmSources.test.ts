// A file in which no call can reach an LLM is not walked call by call: an SDK imported and never
// used (issue 21's minified typescript.js behind `import OpenAI from "openai"`) has no source.
import * as assert from "node:assert/strict";
import ts = require("typescript");
import { FileAnalyzer } from "../../src/core/analysis/fileAnalyzer";
import { spellingStats, writtenTwice } from "../../src/core/analysis/writtenTwice";
import { memoryProject } from "./project";

const HELPERS = `function a(x: number): number { return x > 0 ? b(x - 1) : 0; }
function b(x: number): number { return a(x - 1) + c(x); }
function c(x: number): number { return Math.max(x, 1); }
export function run(xs: number[]) { for (const x of xs) a(x); }
`;

function analyse(text: string, wrappers?: string[]): { findings: number; summaries: number } {
  const a = new FileAnalyzer(ts, ts.createSourceFile("s.ts", text, ts.ScriptTarget.Latest, true), wrappers ? { wrappers } : undefined);
  return { findings: a.findings().length, summaries: a.summariesMade };
}

describe("LLM sources", () => {
  it("an SDK imported and never used: no finding, and no function summarised", () => {
    assert.deepEqual(analyse(`import OpenAI from "openai";\nimport { z } from "zod";\n${HELPERS}`), { findings: 0, summaries: 0 });
  });

  it("an SDK whose name is written once (at its import) is no source without indexing the file's identifiers", () => {
    const a = new FileAnalyzer(ts, ts.createSourceFile("s.ts", `import OpenAI from "openai";\n${HELPERS}`, ts.ScriptTarget.Latest, true));
    assert.deepEqual(a.findings(), []);
    assert.equal((a.scopes as unknown as { identifiersByName?: unknown }).identifiersByName, undefined);
    // Written again, even in a string, the references are looked up (and there are none).
    const b = new FileAnalyzer(ts, ts.createSourceFile("s.ts", `import OpenAI from "openai";\nconst name = "OpenAI";\n${HELPERS}`, ts.ScriptTarget.Latest, true));
    assert.deepEqual(b.findings(), []);
    assert.notEqual((b.scopes as unknown as { identifiersByName?: unknown }).identifiersByName, undefined);
  });

  it("a reference that spells the SDK's name with an escape is a use", () => {
    for (const spelled of ["O\\u0070enAI", "\\u{4F}penA\\u0049", "\\u004f\\u{000070}enAI"]) {
      assert.equal(analyse(`import OpenAI from "openai";\nconst ai = new ${spelled}();\nexport async function f(q: string) { return ai.chat.completions.create({ model: "m", messages: [{ role: "user", content: q }] }); }\n`).findings, 1, spelled);
    }
  });

  it("the same file with the client used once is analysed whole", () => {
    const r = analyse(`import OpenAI from "openai";\nconst ai = new OpenAI();\n${HELPERS}export async function ask(q: string) { return ai.chat.completions.create({ model: "m", messages: [{ role: "user", content: q }] }); }\n`);
    assert.equal(r.findings, 1);
    assert.equal(r.summaries, 5);
  });

  it("an SDK import used only as a parameter's type is a source", () => {
    assert.equal(analyse(`import OpenAI from "openai";\nexport async function f(c: OpenAI, qs: string[]) { for (const q of qs) await c.chat.completions.create({ model: "m", messages: [{ role: "user", content: q }] }); }\n`).findings, 1);
  });

  it("requires of other packages, a require of a computed name and an inspector's post are no source", () => {
    assert.deepEqual(analyse(`import OpenAI from "openai";
const fs = require("fs");
const m = require(process.env.M);
session.post("Profiler.enable", () => {});
${HELPERS}`), { findings: 0, summaries: 0 });
  });

  it("axios's post to an endpoint is a source", () => {
    assert.equal(analyse(`import axios from "axios";
export async function f(qs: string[]) { for (const q of qs) await axios.post("https://api.openai.com/v1/chat/completions", { model: "m", messages: [{ role: "user", content: q }] }); }
`).findings, 1);
  });

  it("a fetch to an endpoint, a catalog require and a wrapper's name are sources", () => {
    assert.equal(analyse(`export async function f(q: string) { return fetch("https://api.openai.com/v1/chat/completions", { body: JSON.stringify({ model: "m", messages: [{ role: "user", content: q }] }) }); }\n`).findings, 1);
    assert.equal(analyse(`const OpenAI = require("openai");\nconst ai = new OpenAI();\nexports.f = async (q) => ai.chat.completions.create({ model: "m", messages: [{ role: "user", content: q }] });\n`).findings, 1);
    assert.equal(analyse(`export async function f(qs: string[]) { for (const q of qs) await myLlm(q); }\n`, ["myLlm"]).findings, 1);
  });

  it("a name written twice plainly, or once in a text without escapes, is answered without a pattern of its spellings", () => {
    const before = spellingStats.patterns;
    assert.equal(writtenTwice(`import OpenAI from "openai";\nconst ai = new OpenAI();`, "OpenAI"), true);
    assert.equal(writtenTwice(`import OpenAI from "openai";\n${HELPERS}`, "OpenAI"), false);
    // Overlapping plain spellings are one, as the pattern counts them.
    assert.equal(writtenTwice("aaa", "aa"), false);
    assert.equal(writtenTwice("aa aa", "aa"), true);
    assert.equal(spellingStats.patterns, before);
    // An escape in the text: the pattern decides (and is built once per name asked).
    assert.equal(writtenTwice(`import OpenAI from "openai";\nnew O\\u0070enAI();`, "OpenAI"), true);
    assert.equal(writtenTwice(`import OpenAI from "openai";\nconst s = "\\u0041";`, "OpenAI"), false);
    assert.equal(spellingStats.patterns, before + 2);
    // A name the pattern cannot spell (not ASCII) is taken as written again.
    assert.equal(writtenTwice("import é from 'x';", "é"), true);
  });

  it("names a catalog module exports that never make a request (messages, types) are no source, without looking up their references", () => {
    const text = `import { HumanMessage, type BaseMessage } from "@langchain/core/messages";
import { RunnableLambda as Step } from "@langchain/core/runnables";
export function wrap(q: string): BaseMessage { return new HumanMessage(q); }
export const step = Step.from((x: string) => wrap(x));
${HELPERS}`;
    const a = new FileAnalyzer(ts, ts.createSourceFile("s.ts", text, ts.ScriptTarget.Latest, true));
    assert.deepEqual(a.findings(), []);
    assert.equal(a.summariesMade, 0);
    assert.equal((a.scopes as unknown as { identifiersByName?: unknown }).identifiersByName, undefined);
    // A client class of the same package family (Chat*) is one, even renamed.
    assert.equal(analyse(`import { HumanMessage } from "@langchain/core/messages";\nimport { ChatOpenAI as Model } from "@langchain/openai";\nconst m = new Model({ model: "gpt-4o" });\nexport async function f(qs: string[]) { for (const q of qs) await m.invoke([new HumanMessage(q)]); }\n`).findings, 1);
    // So is a function the catalog lists, and any named import of axios (its post is read).
    assert.equal(analyse(`import { generateText } from "ai";\nexport async function f(qs: string[]) { for (const q of qs) await generateText({ model: "openai/gpt-4o", prompt: q }); }\n`).findings, 1);
  });

  it("a project file whose catalog mentions are all imports of such names is not parsed, unless an import of it reaches an LLM", () => {
    const messages = `import { HumanMessage, type BaseMessage } from "@langchain/core/messages";\nexport function wrap(q: string): BaseMessage { return new HumanMessage(q); }\n${HELPERS}`;
    const llm = `import OpenAI from "openai";\nconst ai = new OpenAI();\nexport async function ask(q: string) { return ai.chat.completions.create({ model: "m", messages: [{ role: "user", content: q }] }); }\n`;
    const { project } = memoryProject({
      "/w/messages.ts": messages,
      // Mentioned again in a comment, in a require, or imported as a default type: not decided by the scan.
      "/w/comment.ts": `${messages}// see "@langchain/core/messages"\n`,
      "/w/required.ts": `${messages}const m = require("@langchain/core/messages");\n`,
      "/w/typed.ts": `import type Client from "openai";\nexport function f(c: Client) { return c; }\n`,
      // Imports a module that reaches an LLM (a value typed by its class may lead to a client).
      "/w/llm.ts": llm,
      "/w/typesAndLlm.ts": `import type { Helper } from "./helper";\n${messages}`,
      "/w/helper.ts": `import { ask } from "./llm";\nexport class Helper { run(q: string) { return ask(q); } }\n`,
    });
    const parsedBy = (file: string): number => {
      const before = project.stats.parsed;
      assert.deepEqual(project.analyze(file).findings, []);
      return project.stats.parsed - before;
    };
    assert.equal(parsedBy("/w/messages.ts"), 0);
    assert.equal(parsedBy("/w/comment.ts"), 1);
    assert.equal(parsedBy("/w/required.ts"), 1);
    assert.equal(parsedBy("/w/typed.ts"), 1);
    assert.equal(parsedBy("/w/typesAndLlm.ts"), 1);
    assert.equal(project.stats.analyzed, 4);
  });
});

// Issue 17, place 12 (vercel/ai generate-text.ts:1015): the AI SDK's step loop grows its history by
// each step's answer, but three links hid that the delta is the answer (catalog README, h-left5,
// "Place 12's growth kind"): a converter of this module's own (`asContent({ content: result.content, … })`),
// a function that gives back its callback's value (`current = await retry(async () => { … return { ...result, response } })`),
// and a function in an options object run in place (`exec({ …, execute: async () => model.doGenerate(…) })`).
// Each shape's test fails on the build before (growth constant, or an input that leaves the answer out).
import * as assert from "node:assert/strict";
import { memoryProject, sitesOf } from "./project";

const MESSAGES = `export async function toResponseMessages({ content: parts }: { content: { type: string; text: string }[] }) {
  const responseMessages: { role: string; content: unknown }[] = [];
  const content: { type: string; text: string }[] = [];
  for (const part of parts) {
    if (part.type === "text") content.push({ type: "text", text: part.text });
  }
  if (content.length > 0) responseMessages.push({ role: "assistant", content });
  return responseMessages;
}
`;

describe("step growth kind: a converter of this module's own", () => {
  it("asContent({ content: result.content, toolCalls, toolOutputs }) returning [...parts built from content, ...parts built from toolOutputs] carries the answer: growth output", () => {
    const { project } = memoryProject({
      "/p/messages.ts": MESSAGES,
      "/p/gen.ts": `import type { LanguageModelV4 } from "@ai-sdk/provider";
import { toResponseMessages } from "./messages";
type Part = { type: string; text: string; id: string };
export async function generate(model: LanguageModelV4, prompt: string[], maxSteps: number, run: (calls: Part[]) => Promise<Part[]>) {
  let messages: unknown[] = [...prompt];
  for (let i = 0; i < maxSteps; i++) {
    const result = await model.doGenerate({ prompt: messages });
    const toolCalls = result.content.filter((p: Part) => p.type === "tool-call");
    const toolOutputs = await run(toolCalls);
    const stepContent = asContent({ content: result.content, toolCalls, toolOutputs });
    const responseMessages = await toResponseMessages({ content: stepContent });
    messages = [...messages, ...responseMessages];
  }
}
export async function tagged(model: LanguageModelV4, prompt: string[], maxSteps: number) {
  let messages: unknown[] = [...prompt];
  for (let i = 0; i < maxSteps; i++) {
    const result = await model.doGenerate({ prompt: messages });
    messages = [...messages, ...marks({ content: result.content })];
  }
}
function asContent({ content, toolCalls, toolOutputs }: { content: Part[]; toolCalls: Part[]; toolOutputs: Part[] }) {
  const contentParts: Part[] = [];
  const pending: Part[] = [];
  for (const part of content) {
    switch (part.type) {
      case "text":
        contentParts.push(part);
        break;
      case "tool-call":
        contentParts.push(toolCalls.find((c) => c.id === part.id)!);
        break;
    }
  }
  for (const output of toolOutputs) pending.push(output);
  return [...contentParts, ...pending];
}
function marks({ content }: { content: Part[] }) {
  const out: string[] = [];
  for (const part of content) out.push(part.type === "text" ? "t" : "c");
  return [...out, ...extra()];
}
function extra(): string[] {
  return ["end"];
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/gen.ts", ["calls", "input", "growth", "loops"]), [
      // Before: O(|prompt|·maxSteps·|prompt[]| + maxSteps²·|responseMessages|), growth constant (|stepContent| opaque).
      { line: 7, calls: "Θ(maxSteps)", input: "O(|prompt|·maxSteps·|prompt[]| + maxSteps²·|responseMessages| + maxSteps²·|stepContent| + maxSteps²·|toolOutputs| + maxSteps²·out)", growth: "output", loops: "for@6:maxSteps" },
      // Not a converter (a spread of another function's result): inlined; its own pushes now count, one a part
      // of the answer's content (before: Θ(|prompt|·maxSteps·|prompt[]| + maxSteps²), the pushes left out).
      { line: 18, calls: "Θ(maxSteps)", input: "Θ(maxSteps²·|content| + |prompt|·maxSteps·|prompt[]|)", growth: "constant", loops: "for@17:maxSteps" },
    ]);
  });

  it("a builder of this module returning an array it fills by pushes: what it pushes is in its result (was left out)", () => {
    const { project } = memoryProject({
      "/p/gen.ts": `import type { LanguageModelV4 } from "@ai-sdk/provider";
export async function generate(model: LanguageModelV4, prompt: string[], maxSteps: number) {
  let messages: unknown[] = [...prompt];
  for (let i = 0; i < maxSteps; i++) {
    const result = await model.doGenerate({ prompt: messages });
    messages = [...messages, ...wrap(result.text)];
  }
}
function wrap(text: string) {
  const out: unknown[] = [];
  out.push({ role: "assistant", content: text });
  return out;
}
`,
    });
    // Before: Θ(|prompt|·maxSteps·|prompt[]|), growth constant: the answer pushed by wrap() was not counted.
    assert.deepEqual(sitesOf(project, "/p/gen.ts", ["calls", "input", "growth"]), [{ line: 5, calls: "Θ(maxSteps)", input: "Θ(|prompt|·maxSteps·|prompt[]| + maxSteps²·out)", growth: "output" }]);
  });
});

describe("step growth kind: a function that gives back its callback's value", () => {
  it("retry declared <OUTPUT>(fn: () => PromiseLike<OUTPUT>) => PromiseLike<OUTPUT> (a type alias): the closure's { ...result, response } read at content is the answer's", () => {
    const { project } = memoryProject({
      "/p/messages.ts": MESSAGES,
      "/p/gen.ts": `import type { LanguageModelV4 } from "@ai-sdk/provider";
import { toResponseMessages } from "./messages";
type RetryFunction = <OUTPUT>(fn: () => PromiseLike<OUTPUT>) => PromiseLike<OUTPUT>;
type Content = { content: { type: string; text: string }[] };
export async function generate(model: LanguageModelV4, prompt: string[], maxSteps: number, retry: RetryFunction) {
  let messages: unknown[] = [...prompt];
  let current: Content;
  for (let i = 0; i < maxSteps; i++) {
    current = await retry(async () => {
      const result = await model.doGenerate({ prompt: messages });
      return { ...result, response: { id: "r" } };
    });
    const responseMessages = await toResponseMessages({ content: current.content });
    messages = [...messages, ...responseMessages];
  }
}
export async function orDefault(model: LanguageModelV4, prompt: string[], maxSteps: number, pick: <T>(fn: () => PromiseLike<T>, fallback: T) => PromiseLike<T>, other: Content) {
  let messages: unknown[] = [...prompt];
  for (let i = 0; i < maxSteps; i++) {
    const current = await pick(async () => await model.doGenerate({ prompt: messages }), other);
    const responseMessages = await toResponseMessages({ content: current.content });
    messages = [...messages, ...responseMessages];
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/gen.ts", ["calls", "input", "growth"]), [
      // Before: O(maxSteps²·|current.content| + …), growth constant.
      { line: 10, calls: "Θ(maxSteps)", input: "O(|prompt|·maxSteps·|prompt[]| + maxSteps²·|responseMessages| + maxSteps²·out)", growth: "output" },
      // T also the type of a second parameter (a fallback): the result may be that, not the callback's.
      { line: 20, calls: "Θ(maxSteps)", input: "O(maxSteps²·|current.content| + |prompt|·maxSteps·|prompt[]| + maxSteps²·|responseMessages|)", growth: "constant" },
    ]);
  });

  it("a body that returns await fn() (withRetry), an options object's execute run by async ({ execute }) => await execute(); not through a ?? of an unread function", () => {
    const { project } = memoryProject({
      "/p/messages.ts": MESSAGES,
      "/p/gen.ts": `import type { LanguageModelV4 } from "@ai-sdk/provider";
import { toResponseMessages } from "./messages";
async function withRetry<T>(fn: () => Promise<T>, tries: number): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= tries) throw e;
    }
  }
}
export async function generate(model: LanguageModelV4, prompt: string[], maxSteps: number, traced?: <T>(o: { execute: () => PromiseLike<T>; extra: T }) => PromiseLike<T>) {
  let messages: unknown[] = [...prompt];
  const inContext = async <T>({ execute }: { execute: () => PromiseLike<T> }) => await execute();
  const maybeTraced = traced ?? inContext;
  for (let i = 0; i < maxSteps; i++) {
    const current = await withRetry(async () => await inContext({ callId: "c", execute: async () => await model.doGenerate({ prompt: messages }) }), 3);
    const responseMessages = await toResponseMessages({ content: current.content });
    const other = await maybeTraced({ execute: async () => await model.doGenerate({ prompt: messages }) });
    const otherMessages = await toResponseMessages({ content: other.content });
    messages = [...messages, ...responseMessages, ...otherMessages];
  }
}
`,
    });
    // Before: both O(maxSteps²·|current.content| + maxSteps²·|other.content| + …), growth constant.
    // |other.content| stays: `traced ?? inContext` may be traced, whose type names T twice.
    const input = "O(maxSteps²·|other.content| + maxSteps²·|otherMessages| + |prompt|·maxSteps·|prompt[]| + maxSteps²·|responseMessages| + maxSteps²·out)";
    assert.deepEqual(sitesOf(project, "/p/gen.ts", ["calls", "input", "growth"]), [
      { line: 17, calls: "Θ(maxSteps)", input, growth: "output" },
      { line: 19, calls: "Θ(maxSteps)", input, growth: "output" },
    ]);
  });
});

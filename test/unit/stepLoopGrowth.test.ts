// Issue 17, the AI SDK's step loop (generate-text.ts, second reader's place 12): the history is rebuilt
// each step from an alias of itself (`stepInputMessages = messagesForNextStep`, `stepMessages =
// prep?.messages ?? stepInputMessages`, `messagesForNextStep = [...stepMessages, ...response]`), and
// each step's prompt is that history converted by another module's function
// (`convertToLanguageModelPrompt({ prompt: { messages } })`). Each alone hid the growth.
import * as assert from "node:assert/strict";
import { costClass } from "../../src/core";
import { memoryProject, sitesOf } from "./project";

const FIELDS = ["api", "calls", "input", "growth", "loops"] as const;

function costClassesOf(project: ReturnType<typeof memoryProject>["project"], file: string): string[] {
  return project.analyze(file).findings.map((f) => costClass(f));
}

describe("a history rebuilt each round from an alias of itself grows", () => {
  it("through a const alias and a ?? fallback, the messages of the next step are the last step's plus the answer", () => {
    const { project } = memoryProject({
      "/p/gen.ts": `import type { LanguageModelV4 } from "@ai-sdk/provider";
export async function generate(model: LanguageModelV4, prompt: string[], maxSteps: number, prep?: (m: string[]) => { messages?: string[] } | undefined) {
  const steps: unknown[] = [];
  let messagesForNextStep = [...prompt];
  for (let i = 0; i < maxSteps; i++) {
    const stepInputMessages = messagesForNextStep;
    const prepared = prep?.(stepInputMessages);
    const stepMessages = prepared?.messages ?? stepInputMessages;
    const result = await model.doGenerate({ prompt: stepMessages });
    steps.push(result);
    messagesForNextStep = [...stepMessages, result.text];
  }
  return steps;
}
`,
    });
    // Before: input O(|prompt|·maxSteps·|prompt[]| + maxSteps·|prepared.messages| + maxSteps·|stepMessages| + maxSteps·out), growth none.
    assert.deepEqual(sitesOf(project, "/p/gen.ts", [...FIELDS]), [
      { line: 9, api: "@ai-sdk/provider doGenerate", calls: "Θ(maxSteps)", input: "Θ(|prompt|·maxSteps·|prompt[]| + maxSteps²·out + maxSteps·|prepared.messages|)", growth: "output", loops: "for@5:maxSteps" },
    ]);
    assert.deepEqual(costClassesOf(project, "/p/gen.ts"), ["quadratic"]);
  });

  it("a copy taken once before the loop is the old value: rebuilding from it does not grow", () => {
    const { project } = memoryProject({
      "/p/gen.ts": `import type { LanguageModelV4 } from "@ai-sdk/provider";
export async function generate(model: LanguageModelV4, prompt: string[], maxSteps: number) {
  let messages = [...prompt];
  const base = messages;
  for (let i = 0; i < maxSteps; i++) {
    const result = await model.doGenerate({ prompt: messages });
    messages = [...base, result.text];
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/gen.ts", ["input", "growth"]), [
      // |messages|: the reset's value read while messages is being sized (as before this rule).
      { line: 6, input: "Θ(|prompt|·maxSteps·|prompt[]| + maxSteps·|messages| + maxSteps·out)", growth: "none" },
    ]);
  });

  it("an alias alone assigned back replaces the variable (x = candidate, candidate = answer ?? x): no growth", () => {
    const { project } = memoryProject({
      "/p/evolve.ts": `import OpenAI from "openai";
const openai = new OpenAI();
export async function evolve(x: string, rounds: number) {
  for (let i = 0; i < rounds; i++) {
    const completion = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: x }] });
    const candidate = completion.choices[0].message.content ?? x;
    x = candidate;
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/evolve.ts", ["growth"]), [{ line: 5, growth: "none" }]);
  });
});

describe("another module's function whose result is the array nested in its options object", () => {
  it("convert({ prompt: { messages } }): a spread of messages.map(…) filtered by a push loop carries the messages' growth", () => {
    const { project } = memoryProject({
      "/p/convert.ts": `export function convert({ prompt }: { prompt: { instructions?: string; messages: string[] } }): string[] {
  const messages = [...(prompt.instructions != null ? [prompt.instructions] : []), ...prompt.messages.map((m) => m.trim())];
  const combined: string[] = [];
  for (const m of messages) {
    if (m.length > 0) combined.push(m);
  }
  return combined.filter((m) => m !== "-");
}
`,
      "/p/gen.ts": `import type { LanguageModelV4 } from "@ai-sdk/provider";
import { convert } from "./convert";
export async function generate(model: LanguageModelV4, prompt: string[], maxSteps: number) {
  let messages = [...prompt];
  for (let i = 0; i < maxSteps; i++) {
    const promptMessages = await convert({ prompt: { instructions: "Be brief.", messages } });
    const result = await model.doGenerate({ prompt: promptMessages });
    messages = [...messages, result.text];
  }
}
`,
    });
    // Before: input O(maxSteps·|promptMessages|), growth none.
    assert.deepEqual(sitesOf(project, "/p/gen.ts", [...FIELDS]), [
      { line: 7, api: "@ai-sdk/provider doGenerate", calls: "Θ(maxSteps)", input: "O(|prompt|·maxSteps·|prompt[]| + maxSteps²·out)", growth: "output", loops: "for@5:maxSteps" },
    ]);
    assert.deepEqual(costClassesOf(project, "/p/gen.ts"), ["quadratic"]);
  });

  it("not a copy: a push of something other than the loop's element or from a nested loop, a list changed another way, two parameters spread, or a key the call does not write", () => {
    const { project } = memoryProject({
      "/p/convert.ts": `export function tagged({ messages }: { messages: string[] }): string[] {
  const out: string[] = [];
  for (const m of messages) out.push("tag");
  return out;
}
export function joined(a: string[], b: string[]): string[] {
  return [...a, ...b];
}
export function nested({ prompt }: { prompt: { messages: string[] } }): string[] {
  return prompt.messages.slice();
}
export function crossed({ messages }: { messages: string[] }): string[] {
  const out: string[] = [];
  for (const m of messages) for (const k of messages) out.push(m);
  return out;
}
export function changed({ messages }: { messages: string[] }): string[] {
  const out: string[] = [];
  for (const m of messages) out.push(m);
  out[0] = messages.join("");
  return out;
}
`,
      "/p/gen.ts": `import type { LanguageModelV4 } from "@ai-sdk/provider";
import { tagged, joined, nested, crossed, changed } from "./convert";
export async function generate(model: LanguageModelV4, prompt: string[], maxSteps: number, p: { messages: string[] }) {
  let messages = [...prompt];
  for (let i = 0; i < maxSteps; i++) {
    const a = tagged({ messages });
    const b = joined(messages, prompt);
    const c = nested({ prompt: p });
    const d = crossed({ messages });
    const e = changed({ messages });
    const result = await model.doGenerate({ prompt: [...a, ...b, ...c, ...d, ...e] });
    messages = [...messages, result.text];
  }
}
`,
    });
    // None is a copy; crossed is a converter (its pushes read the elements of messages), so d carries
    // the messages' growth besides its own size |d| (the h-leftovers round; before: growth none).
    assert.deepEqual(sitesOf(project, "/p/gen.ts", ["input", "growth"]), [
      { line: 11, input: "O(|prompt|·maxSteps·|prompt[]| + maxSteps²·out + maxSteps·|a| + maxSteps·|b| + maxSteps·|c| + maxSteps·|d| + maxSteps·|e|)", growth: "output" },
    ]);
  });
});

describe("step loop growth: a converter of the answer in another module (issue 17, the review's leftovers)", () => {
  it("toResponseMessages({ content: result.content }) building its messages by pushes read off the content's parts carries the answer: growth output", () => {
    const { project } = memoryProject({
      "/p/messages.ts": `export async function toResponseMessages({ content: parts }: { content: { type: string; text: string }[] }) {
  const responseMessages: { role: string; content: unknown }[] = [];
  const content: { type: string; text: string }[] = [];
  for (const part of parts) {
    if (part.type === "text") content.push({ type: "text", text: part.text });
  }
  if (content.length > 0) responseMessages.push({ role: "assistant", content });
  return responseMessages;
}
export async function tagged({ content }: { content: { text: string }[] }) {
  const out: string[] = [];
  for (const part of content) out.push("tag");
  return out;
}
`,
      "/p/gen.ts": `import type { LanguageModelV4 } from "@ai-sdk/provider";
import { tagged, toResponseMessages } from "./messages";
export async function generate(model: LanguageModelV4, prompt: string[], maxSteps: number) {
  let messages: unknown[] = [...prompt];
  for (let i = 0; i < maxSteps; i++) {
    const result = await model.doGenerate({ prompt: messages });
    const responseMessages = await toResponseMessages({ content: result.content });
    messages = [...messages, ...responseMessages];
  }
}
export async function tags(model: LanguageModelV4, prompt: string[], maxSteps: number) {
  let messages: unknown[] = [...prompt];
  for (let i = 0; i < maxSteps; i++) {
    const result = await model.doGenerate({ prompt: messages });
    const marks = await tagged({ content: result.content });
    messages = [...messages, ...marks];
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/gen.ts", [...FIELDS]), [
      // Before: growth constant (|responseMessages| an opaque size).
      { line: 6, api: "@ai-sdk/provider doGenerate", calls: "Θ(maxSteps)", input: "O(|prompt|·maxSteps·|prompt[]| + maxSteps²·|responseMessages| + maxSteps²·out)", growth: "output", loops: "for@5:maxSteps" },
      // A function whose pushes read nothing of its parameter's elements converts nothing: its result's own size.
      { line: 14, api: "@ai-sdk/provider doGenerate", calls: "Θ(maxSteps)", input: "Θ(maxSteps²·|marks| + |prompt|·maxSteps·|prompt[]|)", growth: "constant", loops: "for@13:maxSteps" },
    ]);
  });
});

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
    assert.deepEqual(sitesOf(project, "/p/gen.ts", ["input", "growth"]), [
      { line: 11, input: "Θ(maxSteps·|a| + maxSteps·|b| + maxSteps·|c| + maxSteps·|d| + maxSteps·|e|)", growth: "none" },
    ]);
  });
});

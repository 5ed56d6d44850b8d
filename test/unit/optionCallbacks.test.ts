// Issue 17: a function written in an options object (`runInSpan({ execute: async () => … })`) runs in
// the call that receives it when that call's function calls it; the AI SDK's own entry points inside
// its package (`generateText` imported by a relative path); a step condition given with a fallback
// (`options?.stopWhen ?? stepCountIs(n)`); VoltAgent's agent, whose request is in such a closure.
import * as assert from "node:assert/strict";
import { memoryProject, sitesOf } from "./project";

const FIELDS = ["api", "calls", "input", "growth", "loops"] as const;

function explanationOf(project: ReturnType<typeof memoryProject>["project"], file: string, line: number): readonly string[] {
  return project.analyze(file).findings.find((f) => f.line === line)?.explanation ?? [];
}

/** The AI SDK's step loop (generate-text.ts): a `do … while` over the steps, each step's request in `execute` of a span helper. */
const STEP_LOOP = `import type { LanguageModelV4 } from "@ai-sdk/provider";
export async function generate(model: LanguageModelV4, prompt: string[], stopWhen: (steps: unknown[]) => boolean, telemetry: { runInSpan?: <T>(o: { name: string; execute: () => PromiseLike<T> }) => PromiseLike<T> }) {
  const runInSpan = telemetry.runInSpan ?? (async <T>({ execute }: { name: string; execute: () => PromiseLike<T> }) => await execute());
  const steps: unknown[] = [];
  let messages = [...prompt];
  do {
    await runInSpan({
      name: "step",
      execute: async () => {
        const result = await model.doGenerate({ prompt: messages });
        steps.push(result);
        messages = [...messages, result.text];
      },
    });
  } while (!stopWhen(steps));
  return steps;
}
`;

describe("a function in an options object runs in the call that receives it", () => {
  it("the AI SDK's step loop: doGenerate in execute of a span helper (a fallback that calls it), in a do … while over the steps", () => {
    const { project } = memoryProject({ "/p/generate.ts": STEP_LOOP });
    // Before: Θ(1), no loop (the closure was a function of its own that nothing called).
    assert.deepEqual(sitesOf(project, "/p/generate.ts", [...FIELDS]), [
      { line: 10, api: "@ai-sdk/provider doGenerate", calls: "O(T[generate])", input: "O(|prompt|·T[generate]·|prompt[]| + T[generate]²·out)", growth: "output", loops: "do-while@6:T[generate]!" },
    ]);
    assert.equal(explanationOf(project, "/p/generate.ts", 10)[0], "line 6: do-while (!stopWhen(steps)) exits only when data says so → T[generate] iterations, unbounded");
  });

  it("the callee's parameter read (opts.execute()), destructured in its body, and a method written in the object: each runs in place", () => {
    const { project } = memoryProject({
      "/p/run.ts": `import OpenAI from "openai";
const client = new OpenAI();
async function traced<T>(opts: { name: string; execute: () => Promise<T> }): Promise<T> {
  return opts.execute();
}
async function timed<T>(opts: { run: () => Promise<T> }): Promise<T> {
  const { run } = opts;
  return await run();
}
export async function ask(qs: string[]) {
  for (const q of qs) {
    await traced({ name: "q", execute: async () => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }) });
    await timed({ run: () => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }) });
    await traced({ name: "m", async execute() { return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }); } });
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/run.ts", ["calls", "loops"]), [
      { line: 12, calls: "Θ(|qs|)", loops: "for-of@11:|qs|" },
      { line: 13, calls: "Θ(|qs|)", loops: "for-of@11:|qs|" },
      { line: 14, calls: "Θ(|qs|)", loops: "for-of@11:|qs|" },
    ]);
  });

  it("a handler kept for later is not run in place: a package's function (tool({ execute })), a function that stores it, another property called", () => {
    const { project } = memoryProject({
      "/p/tools.ts": `import { generateText, tool } from "ai";
import { openai } from "@ai-sdk/openai";
const handlers: (() => Promise<unknown>)[] = [];
function register(o: { execute: () => Promise<unknown> }) {
  handlers.push(o.execute);
}
function onlyName(o: { name: string; execute: () => Promise<unknown> }) {
  return o.name.trim();
}
export function define(names: string[]) {
  const tools: Record<string, unknown> = {};
  for (const n of names) {
    tools[n] = tool({ description: n, execute: async (q: string) => generateText({ model: openai("gpt-4o"), prompt: q }) });
    register({ execute: async () => generateText({ model: openai("gpt-4o"), prompt: n }) });
    onlyName({ name: n, execute: async () => generateText({ model: openai("gpt-4o"), prompt: n }) });
  }
  return tools;
}
`,
    });
    // Each request is its handler's own (one per run of it); the loop over names defines them.
    assert.deepEqual(sitesOf(project, "/p/tools.ts", ["calls", "loops"]), [
      { line: 13, calls: "Θ(1)", loops: "" },
      { line: 14, calls: "Θ(1)", loops: "" },
      { line: 15, calls: "Θ(1)", loops: "" },
    ]);
  });

  it("a closure passed by name in an options object (execute: steps) is the caller's cost: a loop over the exported function's calls counts it", () => {
    const { project } = memoryProject({
      "/p/gen.ts": `import OpenAI from "openai";
const client = new OpenAI();
const runInSpan = async <T>({ execute }: { type: string; execute: () => Promise<T> }) => await execute();
export async function generate(prompt: string) {
  const executeGenerate = async () => client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] });
  return await runInSpan({ type: "generate", execute: executeGenerate });
}
`,
      "/p/use.ts": `import { generate } from "./gen";
export async function all(prompts: string[]) {
  for (const p of prompts) await generate(p);
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["api", "calls", "input"]), [{ line: 3, api: "openai generate() → executeGenerate() → chat.completions.create", calls: "Θ(|prompts|)", input: "Θ(|prompts|·|p|)" }]);
  });
});


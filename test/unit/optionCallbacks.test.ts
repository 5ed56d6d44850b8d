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

const AI = "/r/packages/ai/src";

/** The `ai` package's shape: generateText declared in generate-text/, ToolLoopAgent calling it by a relative path with prepared options. */
const aiPackage = (root: string): Record<string, string> => ({
  [`${root}/generate-text/generate-text.ts`]: `export async function generateText(options: { model: unknown; prompt?: string; stopWhen?: unknown }) {
  return { text: String(options.prompt) };
}
`,
  [`${root}/generate-text/stop-condition.ts`]: `export const isStepCount = (n: number) => (steps: unknown[]) => steps.length >= n;
`,
  [`${root}/agent/tool-loop-agent.ts`]: `import { generateText } from "../generate-text/generate-text";
import { isStepCount } from "../generate-text/stop-condition";
export class ToolLoopAgent {
  private readonly settings: { model: unknown; tools?: unknown; stopWhen?: unknown; instructions?: string };
  constructor(settings: { model: unknown; tools?: unknown; stopWhen?: unknown; instructions?: string }) {
    this.settings = { ...settings };
  }
  private async prepareCall(options: { prompt?: string }) {
    const { instructions, ...settingsRest } = this.settings;
    const baseCallArgs = { ...settingsRest, stopWhen: this.settings.stopWhen ?? isStepCount(20), ...options };
    const prepared = (await this.settings.prepareCall?.(baseCallArgs)) ?? baseCallArgs;
    const { prompt, ...callArgs } = prepared;
    return { ...callArgs, instructions, prompt };
  }
  async generate({ abortSignal, ...options }: { prompt?: string; abortSignal?: AbortSignal }) {
    const generate = generateText<unknown>;
    const preparedCall = await this.prepareCall(options);
    return await generate({ ...preparedCall, abortSignal });
  }
}
`,
  [`${root}/generate-text/generate-text.test.ts`]: `import { generateText } from "./generate-text";
export async function t(model: unknown) {
  for (const p of ["a", "b"]) await generateText({ model, prompt: p });
}
`,
});

describe("the AI SDK's own entry points inside its package", () => {
  it("ToolLoopAgent.generate: generateText imported by a relative path, stopWhen read through the prepared options' spreads (20 steps unless the agent was given one)", () => {
    const { project } = memoryProject(aiPackage(AI));
    // Before: nothing (generateText of a project module that sends nothing itself).
    assert.deepEqual(sitesOf(project, `${AI}/agent/tool-loop-agent.ts`, ["api", "calls", "growth"]), [{ line: 18, api: "ai generateText", calls: "O(steps[ToolLoopAgent.generate/generate])", growth: "output" }]);
    assert.equal(explanationOf(project, `${AI}/agent/tool-loop-agent.ts`, 18)[1], "line 10: the stop condition is the one given (this.settings.stopWhen: any condition), else isStepCount(20): at most 20 steps by default: steps[ToolLoopAgent.generate/generate] = 20");
  });

  it("the package's own tests beside it, and the same files under another path, are not the catalog's function", () => {
    const { project } = memoryProject(aiPackage(AI));
    assert.deepEqual(sitesOf(project, `${AI}/generate-text/generate-text.test.ts`, ["api"]), []);
    const other = memoryProject(aiPackage("/r/packages/mine/src"));
    assert.deepEqual(sitesOf(other.project, "/r/packages/mine/src/agent/tool-loop-agent.ts", ["api"]), []);
  });
});

describe("a step condition given with a fallback (options?.stopWhen ?? stepCountIs(n))", () => {
  it("a stated fallback count is the steps' default; one not stated leaves them unbounded; a condition written first is read as before", () => {
    const { project } = memoryProject({
      "/p/agent.ts": `import { generateText, stepCountIs } from "ai";
import { openai } from "@ai-sdk/openai";
export async function run(input: string, options: { stopWhen?: any; maxSteps: number }, fallback: any) {
  await generateText({ model: openai("gpt-4o"), prompt: input, stopWhen: options.stopWhen ?? stepCountIs(8) });
  await generateText({ model: openai("gpt-4o"), prompt: input, stopWhen: options?.stopWhen ?? fallback ?? stepCountIs(options.maxSteps) });
  await generateText({ model: openai("gpt-4o"), prompt: input, stopWhen: stepCountIs(3) ?? fallback });
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/agent.ts", ["calls", "input", "growth"]), [
      { line: 4, calls: "O(steps[run/generateText])", input: "O(steps[run/generateText]²·tool[run/generateText] + steps[run/generateText]²·out[gpt-4o] + steps[run/generateText]·|input|)", growth: "output" },
      { line: 5, calls: "O(steps[run/generateText#2])", input: "O(steps[run/generateText#2]²·tool[run/generateText#2] + steps[run/generateText#2]²·out[gpt-4o] + steps[run/generateText#2]·|input|)", growth: "output" },
      { line: 6, calls: "O(steps[run/generateText#3])", input: "O(steps[run/generateText#3]²·tool[run/generateText#3] + steps[run/generateText#3]²·out[gpt-4o] + steps[run/generateText#3]·|input|)", growth: "output" },
    ]);
    assert.deepEqual(
      [4, 5, 6].map((l) => explanationOf(project, "/p/agent.ts", l).find((e) => e.includes("steps[")) ?? ""),
      [
        "line 4: the stop condition is the one given (options.stopWhen: any condition), else stepCountIs(8): at most 8 steps by default: steps[run/generateText] = 8",
        "line 5: the stop condition is the one given (options?.stopWhen, fallback: any condition), else stepCountIs(options.maxSteps), whose count options.maxSteps is not a number stated here: steps[run/generateText#2] steps, unbounded",
        "the stop condition stepCountIs(3) ?? fallback sets no step count: steps[run/generateText#3] steps, unbounded",
      ],
    );
  });
});

describe("VoltAgent's agent: the AI SDK's generateText in a closure of a fallback helper's options", () => {
  const volt = `import { generateText, stepCountIs } from "ai";
export class Agent {
  stopWhen?: any;
  model: any;
  tools: any;
  private async prepare(options?: { maxSteps?: number }) {
    return { maxSteps: options?.maxSteps ?? 5, messages: [] as string[] };
  }
  private async executeWithModelFallback<T>({ run }: { operation: string; run: (args: { model: any; attempt: number }) => Promise<T> }): Promise<T> {
    let attempt = 0;
    while (true) {
      try {
        return await run({ model: this.model, attempt: ++attempt });
      } catch (e) {
        if (attempt > 3) throw e;
      }
    }
  }
  async generateText(input: string, options?: { stopWhen?: any; maxSteps?: number }) {
    const { maxSteps } = await this.prepare(options);
    return this.executeWithModelFallback({
      operation: "generateText",
      run: async ({ model }) =>
        generateText({ model, prompt: input, tools: this.tools, stopWhen: options?.stopWhen ?? this.stopWhen ?? stepCountIs(maxSteps) }),
    });
  }
}
`;
  const subagents = `import { Agent } from "./agent";
export class SubAgentManager {
  private async handoffTask(task: string, targetAgent: Agent) {
    return targetAgent.generateText(task);
  }
  async handoffToMultiple(task: string, targetAgents: Agent[]) {
    return Promise.all(targetAgents.map(async (agent: Agent) => this.handoffTask(task, agent)));
  }
}
`;

  it("the agent's request is unbounded in steps (the caller's or the agent's stopWhen comes first), and the sub-agent fan-out runs each agent's steps", () => {
    const { project } = memoryProject({ "/v/agent.ts": volt, "/v/subagent.ts": subagents });
    assert.deepEqual(sitesOf(project, "/v/agent.ts", ["calls", "growth"]), [{ line: 24, calls: "O(steps[Agent.generateText/generateText])", growth: "output" }]);
    assert.equal(
      explanationOf(project, "/v/agent.ts", 24).find((e) => e.includes("stop condition")),
      "line 24: the stop condition is the one given (options?.stopWhen, this.stopWhen: any condition), else stepCountIs(maxSteps), whose count maxSteps is not a number stated here: steps[Agent.generateText/generateText] steps, unbounded",
    );
    // Before: Θ(|targetAgents|), growth none (the request in run: … was not the method's).
    assert.deepEqual(sitesOf(project, "/v/subagent.ts", ["calls", "input", "growth", "loops"]), [
      { line: 7, calls: "O(|targetAgents|·steps[Agent.generateText/generateText])", input: "O(steps[Agent.generateText/generateText]²·|targetAgents|·tool[Agent.generateText/generateText] + steps[Agent.generateText/generateText]²·|targetAgents|·out + |targetAgents|·steps[Agent.generateText/generateText]·|task|)", growth: "output", loops: "map@7:|targetAgents|" },
    ]);
  });
});

// Issue 17, framework loops whose bound sits in another function or a field: agents-core's runner
// (`while (true)` ended by a maxTurns check in a helper), AgentExecutor (`while (this.shouldContinue(i))`
// over a union of agent classes), MapReduceDocumentsChain (a collapse loop capped by a field's default).
// Small programs of the same shapes, not the repositories' code.
import * as assert from "node:assert/strict";
import { analyze, expectSites, summary } from "./analyze";
import { costClass } from "../../src/core/report/costClass";
import { memoryProject, sitesOf } from "./project";

const CLIENT = `import OpenAI from "openai";\nconst client = new OpenAI();\n`;
const ask = (messages: string): string => `client.chat.completions.create({ model: "gpt-4o", messages: ${messages} })`;

describe("framework loops: a bound in a field's default, a boolean helper or a throwing check", () => {
  it("a collapse loop capped by a field with a literal default (MapReduceDocumentsChain) runs at most the default: linear in the documents", () => {
    const code = `${CLIENT}export class MapReduce {
  maxIterations = 10;
  constructor(fields: { maxIterations?: number }) {
    this.maxIterations = fields.maxIterations ?? this.maxIterations;
  }
  async call(docs: string[]) {
    let current = docs;
    for (let i = 0; i < this.maxIterations; i += 1) {
      if (current.join("").length < 3000) break;
      const results = await Promise.all(current.map((d) => ${ask(`[{ role: "user", content: d }]`)})); // @site
      current = results.map((r) => r.choices[0]!.message.content ?? "");
    }
    return current;
  }
}
`;
    expectSites(code, [{ calls: "O(|current|)", input: "O(|current|·|d|)", span: "O(1)", growth: "none", loops: "for@10:10 map@12:|current|" }]);
    const [f] = analyze(code);
    assert.equal(costClass(f!), "linear");
    assert.ok(f!.explanation.includes("line 10: for loop while i < this.maxIterations: at most maxIterations = 10 (its default) → at most 10 iterations"), f!.explanation.join("\n"));
  });

  it("a field another method changes, or set with no fallback to itself, is no default: the bound stays a symbol", () => {
    const loop = `  async call(docs: string[]) {
    for (let i = 0; i < this.maxIterations; i++) await Promise.all(docs.map((d) => ${ask(`[{ role: "user", content: d }]`)})); // @site
  }`;
    const grown = `${CLIENT}export class C {\n  maxIterations = 10;\n  more() { this.maxIterations += 5; }\n${loop}\n}\n`;
    const replaced = `${CLIENT}export class C {\n  maxIterations = 10;\n  constructor(n: number) { this.maxIterations = n; }\n${loop}\n}\n`;
    for (const code of [grown, replaced]) expectSites(code, [{ calls: "Θ(|docs|·maxIterations)", loops: "for@7:maxIterations map@7:|docs|" }]);
  });

  it("a loop bounded through a boolean helper method comparing the counter to a field the caller may unset (AgentExecutor): quadratic in maxIterations, 15 by default", () => {
    const code = `${CLIENT}export class Executor {
  maxIterations?: number = 15;
  constructor(input: { maxIterations?: number }) {
    this.maxIterations = input.maxIterations ?? this.maxIterations;
  }
  private shouldContinue(iterations: number): boolean {
    return this.maxIterations === undefined || iterations < this.maxIterations;
  }
  async run(q: string) {
    const steps: string[] = [q];
    let iterations = 0;
    while (this.shouldContinue(iterations)) {
      const r = await ${ask(`steps.map((s) => ({ role: "user" as const, content: s }))`)}; // @site
      const text = r.choices[0]!.message.content ?? "";
      if (text === "done") return text;
      steps.push(text);
      iterations += 1;
    }
    return "stopped";
  }
}
`;
    expectSites(code, [{ calls: "O(maxIterations)", input: "O(maxIterations²·out[gpt-4o] + maxIterations·|q|)", growth: "output", loops: "while@14:maxIterations" }]);
    const [f] = analyze(code);
    assert.equal(costClass(f!), "quadratic");
    assert.deepEqual(f!.symbols.filter((s) => s.name === "maxIterations").map((s) => [s.value, s.unbounded ?? false]), [[15, false]]);
  });

  it("a boolean helper function given the counter and the cap: while (under(turn, limit))", () => {
    expectSites(
      `${CLIENT}const under = (i: number, max: number) => i < max;
export async function loop(q: string, limit: number) {
  let turn = 0;
  while (under(turn, limit)) {
    await ${ask(`[{ role: "user", content: q }]`)}; // @site
    turn++;
  }
}
`,
      [{ calls: "Θ(limit)", input: "Θ(limit·|q|)", loops: "while@6:limit" }],
    );
  });

  it("while (true) ended by a check in a helper that throws past maxTurns (agents-core's runner): at most maxTurns turns, the history re-sent", () => {
    const code = `${CLIENT}function check(t: number, m: number) {
  if (t > m) throw new Error("max turns");
}
export async function run(q: string, maxTurns = 10) {
  const history: string[] = [q];
  let turn = 0;
  while (true) {
    turn++;
    check(turn, maxTurns);
    const r = await ${ask(`history.map((s) => ({ role: "user" as const, content: s }))`)}; // @site
    const text = r.choices[0]!.message.content ?? "";
    if (text === "done") return text;
    history.push(text);
  }
}
`;
    expectSites(code, [{ calls: "O(maxTurns)", input: "O(maxTurns²·out[gpt-4o] + maxTurns·|q|)", growth: "output", loops: "while@9:maxTurns" }]);
    const [f] = analyze(code);
    assert.equal(costClass(f!), "quadratic");
    assert.deepEqual(f!.symbols.filter((s) => s.name === "maxTurns").map((s) => s.value), [10]);
    assert.ok(f!.explanation.includes("line 9: while (true) stops once t > m (line 4 throws) → at most maxTurns iterations"), f!.explanation.join("\n"));
  });

  it("the check and the counter as a method of the run state (state.nextTurn() stepping this.turn), or the counter a field stepped in the loop", () => {
    const stateMethod = `${CLIENT}class RunState {
  turn = 0;
  constructor(public maxTurns = 10) {}
  nextTurn() {
    this.turn++;
    if (this.turn > this.maxTurns) throw new Error("max turns");
  }
}
export async function run(q: string) {
  const state = new RunState();
  while (true) {
    state.nextTurn();
    const r = await ${ask(`[{ role: "user", content: q }]`)}; // @site
    if (r.choices[0]!.message.content === "done") return;
  }
}
`;
    expectSites(stateMethod, [{ calls: "O(maxTurns)", input: "O(maxTurns·|q|)", loops: "while@13:maxTurns" }]);
    const fieldCounter = `${CLIENT}interface State { turn: number; maxTurns: number | null }
function check(state: State) {
  if (state.maxTurns !== null && state.turn > state.maxTurns) throw new Error("max turns");
}
export async function run(q: string, state: State) {
  while (true) {
    state.turn++;
    check(state);
    const r = await ${ask(`[{ role: "user", content: q }]`)}; // @site
    if (r.choices[0]!.message.content === "done") return;
  }
}
`;
    expectSites(fieldCounter, [{ calls: "O(state.maxTurns)", input: "O(state.maxTurns·|q|)", loops: "while@8:state.maxTurns" }]);
  });

  it("the history kept in the run state (state.history.push(answer), sent whole or mapped) grows each turn: quadratic, not linear", () => {
    const sent = (messages: string): string => `${CLIENT}type Msg = { role: "user" | "assistant"; content: string };
interface State { turn: number; maxTurns: number; history: Msg[] }
function check(state: State) {
  if (state.turn > state.maxTurns) throw new Error("max turns");
}
export async function run(state: State, other: State) {
  while (true) {
    state.turn++;
    check(state);
    const r = await ${ask(messages)}; // @site
    const text = r.choices[0]!.message.content ?? "";
    if (text === "done") return text;
    state.history.push({ role: "assistant", content: text });
  }
}
`;
    const input = "O(state.maxTurns²·out[gpt-4o] + state.maxTurns·|state.history|)";
    expectSites(sent("state.history"), [{ calls: "O(state.maxTurns)", input, growth: "output", loops: "while@9:state.maxTurns" }]);
    expectSites(sent("state.history.map((m) => ({ role: m.role, content: m.content }))"), [{ calls: "O(state.maxTurns)", input, growth: "output", loops: "while@9:state.maxTurns" }]);
    // Another object's field of the same name is not this one.
    expectSites(sent("other.history"), [{ input: "O(state.maxTurns·|other.history|)", growth: "none" }]);
  });

  it("a check that does not compare a stepped counter, or one after which the loop goes on, leaves while (true) unbounded", () => {
    const notStepped = `${CLIENT}function check(t: number, m: number) {
  if (t > m) throw new Error("too long");
}
export async function run(q: string, turn: number, max: number) {
  while (true) {
    check(turn, max);
    const r = await ${ask(`[{ role: "user", content: q }]`)}; // @site
    if (r.choices[0]!.message.content === "done") return;
  }
}
`;
    const logs = `${CLIENT}function note(t: number, m: number) {
  if (t > m) console.warn("long run");
}
export async function run(q: string, max: number) {
  let turn = 0;
  while (true) {
    turn++;
    note(turn, max);
    const r = await ${ask(`[{ role: "user", content: q }]`)}; // @site
    if (r.choices[0]!.message.content === "done") return;
  }
}
`;
    // Stepped only sometimes: under an `if`, in a `catch`, after a `continue` that skips it, in a helper after an early `return`.
    const sometimes = (body: string, helper = ""): string => `${CLIENT}${helper}export async function run(q: string, next: () => Promise<{ bad: boolean }>) {
  let errors = 0;
  while (true) {
    const m = await next();
${body}
    if (errors > 5) break;
    const r = await ${ask(`[{ role: "user", content: q }]`)}; // @site
    if (r.choices[0]!.message.content === "done") return;
  }
}
`;
    const conditional = [
      sometimes("    if (m.bad) errors++;"),
      sometimes("    try { await next(); errors++; } catch { continue; }"),
      sometimes("    if (!m.bad) continue;\n    errors++;"),
      sometimes("    errors = m.bad ? errors + 1 : errors;"),
      sometimes("    errors = count(m, errors);", "function count(m: { bad: boolean }, e: number) {\n  if (!m.bad) return e;\n  e++;\n  return e;\n}\n"),
    ];
    for (const code of [notStepped, logs, ...conditional]) {
      const [f] = analyze(code);
      assert.equal(costClass(f!), "unbounded", summary(f!).loops);
    }
    // Stepped every round, before the guard: at most 6 rounds.
    const [every] = analyze(sometimes("    errors++;"));
    assert.equal(summary(every!).calls, "O(1)");
  });

  it("AgentExecutor across modules: this.agent.plan on a union of two abstract agent classes reaches a subclass's request, and the loop is quadratic in maxIterations", () => {
    const { project } = memoryProject({
      "/p/agent.ts": `${CLIENT}export abstract class BaseSingleActionAgent {
  abstract plan(steps: string[], input: string): Promise<string>;
}
export abstract class BaseMultiActionAgent {
  abstract plan(steps: string[], input: string): Promise<string[]>;
}
`,
      "/p/chatAgent.ts": `import OpenAI from "openai";
import { BaseSingleActionAgent } from "./agent";
const client = new OpenAI();
export class ChatAgent extends BaseSingleActionAgent {
  async plan(steps: string[], input: string): Promise<string> {
    const r = await ${ask(`[{ role: "user", content: input }, ...steps.map((s) => ({ role: "assistant" as const, content: s }))]`)};
    return r.choices[0]!.message.content ?? "";
  }
}
`,
      "/p/executor.ts": `import { BaseSingleActionAgent, BaseMultiActionAgent } from "./agent";
export class Executor {
  agent: BaseSingleActionAgent | BaseMultiActionAgent;
  maxIterations?: number = 15;
  constructor(input: { agent: BaseSingleActionAgent | BaseMultiActionAgent; maxIterations?: number }) {
    this.agent = input.agent;
    this.maxIterations = input.maxIterations ?? this.maxIterations;
  }
  private shouldContinue(iterations: number): boolean {
    return this.maxIterations === undefined || iterations < this.maxIterations;
  }
  async call(input: string) {
    const steps: string[] = [];
    let iterations = 0;
    while (this.shouldContinue(iterations)) {
      const output = await this.agent.plan(steps, input);
      if (output === "done") return output;
      steps.push(String(output));
      iterations += 1;
    }
    return "stopped";
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/executor.ts", ["calls", "input", "growth", "loops"]), [
      { line: 16, calls: "O(maxIterations)", input: "O(maxIterations²·|s| + maxIterations·|input|)", growth: "output", loops: "while@15:maxIterations" },
    ]);
  });
});

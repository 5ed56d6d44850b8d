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
      // Stepped every round but set anew in some: it may never pass the bound.
      sometimes("    errors++;\n    if (!m.bad) errors = 0;"),
    ];
    for (const code of [notStepped, logs, ...conditional]) {
      const [f] = analyze(code);
      assert.equal(costClass(f!), "unbounded", summary(f!).loops);
    }
    // Stepped every round, before the guard: at most 6 rounds.
    const [every] = analyze(sometimes("    errors++;"));
    assert.equal(summary(every!).calls, "O(1)");
  });

  it("while (true) ended by `if (reason) break` on a helper's return, truthy exactly once the counter reaches the cap (gemini-cli's subagent loop): at most maxTurns turns, the history re-sent", () => {
    const executor = (mode: string, check: string, loopHead = "", roundHead = "      const reason = this.checkTermination(turnCounter, maxTurns);\n", step = "turnCounter++"): string => `${CLIENT}${mode}export class Executor {
  private checkTermination(turnCounter: number, maxTurns: number) {
${check}
  }
  private async executeTurn(history: string[], turn: number): Promise<string> {
    const r = await ${ask(`history.map((s) => ({ role: "user" as const, content: s }))`)}; // @site
    return r.choices[0]!.message.content ?? "";
  }
  async run(q: string, maxTurns = 30) {
    const history: string[] = [q];
    let turnCounter = 0;
${loopHead}    while (true) {
${roundHead}      if (reason) {
        break;
      }
      const text = await this.executeTurn(history, ${step}); // @site
      if (text === "done") break;
      history.push(text);
    }
  }
}
`;
    const localEnum = `enum Mode { GOAL = "GOAL", MAX_TURNS = "MAX_TURNS" }\n`;
    const returnsReason = "    if (turnCounter >= maxTurns) {\n      return Mode.MAX_TURNS;\n    }\n    return null;";
    const bounded = (loopLine: number) => ({ calls: "O(maxTurns)", input: "O(maxTurns²·|s|)", growth: "output", loops: `while@${loopLine}:maxTurns` });
    expectSites(executor(localEnum, returnsReason), [{}, bounded(18)]);
    const [, f] = analyze(executor(localEnum, returnsReason));
    assert.equal(costClass(f!), "quadratic");
    assert.deepEqual(f!.symbols.filter((s) => s.name === "maxTurns").map((s) => s.value), [30]);
    assert.ok(f!.explanation.includes("line 18: while (true) stops once reason (line 20 leaves the loop; this.checkTermination(turnCounter, maxTurns) is truthy once turnCounter >= maxTurns) → at most maxTurns iterations"), f!.explanation.join("\n"));
    // The same exit written as a conditional or a comparison returned, or tested without a const.
    expectSites(executor("", "    return turnCounter >= maxTurns ? \"max\" : null;"), [{}, bounded(14)]);
    expectSites(executor("", "    return turnCounter >= maxTurns;"), [{}, bounded(14)]);
    expectSites(executor("", "    if (turnCounter >= maxTurns) return { reason: \"max\" };"), [{}, bounded(14)]);
    expectSites(executor("", "    return turnCounter >= maxTurns;", "", "", "turnCounter++").replace("      if (reason) {", "      if (this.checkTermination(turnCounter, maxTurns)) {"), [{}, bounded(14)]);
    // Not an exit the helper's truthy return stands for: a numeric enum's first member (0, falsy),
    // a falsy return before the check, a truthy one otherwise, the reason taken before the loop, a counter stepped only sometimes.
    const unbounded = [
      executor("enum Mode { MAX_TURNS, GOAL }\n", returnsReason),
      executor(localEnum, "    if (this.paused) return null;\n    if (turnCounter >= maxTurns) return Mode.MAX_TURNS;\n    return null;").replace("export class Executor {", "export class Executor {\n  paused = false;"),
      executor(localEnum, "    if (turnCounter >= maxTurns) return Mode.MAX_TURNS;\n    return Mode.GOAL;"),
      executor(localEnum, returnsReason, "    const reason = this.checkTermination(turnCounter, maxTurns);\n", ""),
      executor(localEnum, returnsReason, "", "      const reason = this.checkTermination(turnCounter, maxTurns);\n", "history.length > 1 ? turnCounter++ : turnCounter"),
      executor(localEnum, returnsReason).replace("      history.push(text);", "      if (text === \"again\") turnCounter = 0;\n      history.push(text);"),
    ];
    for (const code of unbounded) {
      const [, u] = analyze(code);
      assert.equal(costClass(u!), "unbounded", `${summary(u!).loops}\n${code}`);
    }
  });

  it("the reason's enum exported by another module (gemini-cli's AgentTerminateMode in types.ts): its member's value decides whether the return is truthy", () => {
    const executor = `import OpenAI from "openai";
import { AgentTerminateMode, DEFAULT_MAX_TURNS } from "./types";
const client = new OpenAI();
export class Executor {
  private checkTermination(turnCounter: number, maxTurns: number): AgentTerminateMode | null {
    if (turnCounter >= maxTurns) {
      return AgentTerminateMode.MAX_TURNS;
    }
    return null;
  }
  async run(q: string, runConfig: { maxTurns?: number }) {
    const maxTurns = runConfig.maxTurns ?? DEFAULT_MAX_TURNS;
    const history: string[] = [q];
    let turnCounter = 0;
    while (true) {
      const reason = this.checkTermination(turnCounter, maxTurns);
      if (reason) break;
      turnCounter++;
      const r = await ${ask(`history.map((s) => ({ role: "user" as const, content: s }))`)};
      const text = r.choices[0]!.message.content ?? "";
      if (text === "done") break;
      history.push(text);
    }
  }
}
`;
    const types = (members: string): string => `export enum AgentTerminateMode {\n${members}\n}\nexport const DEFAULT_MAX_TURNS = 30;\n`;
    const { project } = memoryProject({ "/p/executor.ts": executor, "/p/types.ts": types(`  ERROR = "ERROR",\n  MAX_TURNS = "MAX_TURNS",`) });
    assert.deepEqual(sitesOf(project, "/p/executor.ts", ["calls", "input", "growth", "loops"]), [
      { line: 19, calls: "O(maxTurns)", input: "O(maxTurns²·out[gpt-4o] + maxTurns·|q|)", growth: "output", loops: "while@15:maxTurns" },
    ]);
    // The cap is the setting, else the imported default: a count valued at 30.
    const [f] = project.analyze("/p/executor.ts").findings;
    assert.deepEqual(f!.symbols.filter((s) => s.name === "maxTurns").map((s) => [s.value, s.origin]), [[30, "the loop bound maxTurns (30 by default)"]]);
    // \`MAX_TURNS\` the first member of a numeric enum is 0: the guard never fires.
    const numeric = memoryProject({ "/p/executor.ts": executor, "/p/types.ts": types("  MAX_TURNS,\n  ERROR,") }).project;
    assert.deepEqual(sitesOf(numeric, "/p/executor.ts", ["calls", "loops"]), [{ line: 19, calls: "O(T[Executor.run])", loops: "while@15:T[Executor.run]!" }]);
  });

  it("the turn stepped and checked by another module's helper (agents-core's prepareTurn({ state }) → beginTurn): at most state.maxTurns turns, the history re-sent; a step skipped on some calls bounds nothing", () => {
    const preparation = (step: string, check = "  if (state.maxTurns !== null && state.turn > state.maxTurns) {\n    throw new Error(`Max turns (${state.maxTurns}) exceeded`);\n  }\n") => `import type { RunState } from "../runState";
function beginTurn(state: RunState, options: { resuming: boolean }) {
${step}
  state.inProgress = true;
}
export async function prepareTurn(options: { state: RunState; resuming: boolean }) {
  const { state } = options;
  beginTurn(state, { resuming: options.resuming });
${check}  return { ready: true };
}
`;
    const run = (round = "") => `import OpenAI from "openai";
import { RunState } from "./runState";
import { prepareTurn } from "./runner/turnPreparation";
const client = new OpenAI();
export async function run(q: string, resuming: boolean) {
  const state = new RunState(q);
  while (true) {
${round}    await prepareTurn({ state, resuming });
    const r = await ${ask("state.history")};
    const text = r.choices[0]!.message.content ?? "";
    if (text === "done") return text;
    state.history.push({ role: "assistant", content: text });
  }
}
`;
    const runState = `export class RunState {
  turn = 0;
  maxTurns: number | null = 10;
  inProgress = false;
  history: { role: "user" | "assistant"; content: string }[];
  constructor(q: string) {
    this.history = [{ role: "user", content: q }];
  }
}
`;
    const sites = (files: { prep: string; run?: string }) =>
      sitesOf(memoryProject({ "/p/run.ts": files.run ?? run(), "/p/runState.ts": runState, "/p/runner/turnPreparation.ts": files.prep }).project, "/p/run.ts", ["calls", "input", "growth", "loops"]);
    assert.deepEqual(sites({ prep: preparation("  state.turn++;") }), [
      { line: 9, calls: "O(state.maxTurns)", input: "O(state.maxTurns²·out[gpt-4o] + state.maxTurns·|state.history|)", growth: "output", loops: "while@7:state.maxTurns" },
    ]);
    const { project } = memoryProject({ "/p/run.ts": run(), "/p/runState.ts": runState, "/p/runner/turnPreparation.ts": preparation("  state.turn++;") });
    const [f] = project.analyze("/p/run.ts").findings;
    assert.equal(costClass(f!), "quadratic");
    assert.ok(f!.explanation.includes("line 7: while (true) stops once the turn passes state.maxTurns (line 8: await prepareTurn({ state, resuming }); steps the turn and throws past it, in another module) → at most state.maxTurns iterations"), f!.explanation.join("\n"));
    // A number for the cap: at most 6 rounds (the turn may reach 6 before the check throws).
    assert.deepEqual(sites({ prep: preparation("  state.turn++;", "  if (state.turn > 5) throw new Error(\"max\");\n") }).map((x) => x.calls), ["O(1)"]);
    // The counter stepped by the loop itself, the check alone in the helper.
    assert.deepEqual(sites({ prep: preparation(""), run: run("    state.turn++;\n") }).map((x) => x.loops), ["while@7:state.maxTurns"]);
    // Unbounded: the step skipped on some calls (resuming an interrupted turn), after an early
    // return, or not made at all; the helper called after a \`continue\` that may skip it; a check on another object.
    const unbounded = [
      { prep: preparation("  if (!options.resuming) state.turn++;") },
      { prep: preparation("  if (options.resuming) return;\n  state.turn++;") },
      { prep: preparation("") },
      { prep: preparation("  state.turn++;"), run: run("    if (resuming) continue;\n") },
      { prep: preparation("  state.turn++;"), run: run("    if (resuming) state.turn = 0;\n") },
      { prep: preparation("  state.turn++;\n  if (options.resuming) state.turn = 1;") },
      { prep: preparation("  state.turn++;", "  if (other.turn > other.maxTurns) throw new Error(\"max\");\n").replace("export async function prepareTurn(options: { state: RunState; resuming: boolean }) {", "const other = { turn: 0, maxTurns: 3 };\nexport async function prepareTurn(options: { state: RunState; resuming: boolean }) {") },
    ];
    for (const files of unbounded) assert.deepEqual(sites(files).map((x) => x.calls), ["O(T[run])"], files.prep + (files.run ?? ""));
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

// Issue 17, a reviewer's findings: a guard bounds the loop only when its counter (and the object
// holding it) is made before the loop, every write to it there is a step the right way, its bound is
// not written there, and the guard is reached on every round. Each program here ran on without end
// (or one round more) where the analysis claimed "at most N".
describe("loop guards: a bound only when the counter, its object and the bound are the loop's to step and the guard is reached every round", () => {
  const OPENAI = `import OpenAI from "openai";\nconst client = new OpenAI();\n`;
  const call = `await client.chat.completions.create({ model: "gpt-4.1-mini", max_tokens: 35, messages: [] })`;
  const answer = `(await client.chat.completions.create({ model: "gpt-4.1-mini", max_tokens: 35, messages: [] })).choices[0]!.message.content`;
  const preparation = `export interface TurnState {
  turn: number;
  maxTurns: number | null;
  history: { role: "user" | "assistant"; content: string }[];
}
function beginTurn(state: TurnState): void {
  state.turn++;
}
export function prepareTurn(options: { state: TurnState }): void {
  const { state } = options;
  beginTurn(state);
  if (state.maxTurns !== null && state.turn > state.maxTurns) {
    throw new Error("max turns");
  }
}
`;
  const reset = `import type { TurnState } from "./turn-preparation";
export function maybeRestart(state: TurnState, answer: string): void {
  if (answer === "RESTART") state.turn = 0;
}
`;
  const IMPORTS = `${OPENAI}import { prepareTurn, type TurnState } from "./turn-preparation";\nimport { maybeRestart } from "./turn-reset";\n`;
  // The calls and loops of run's one request, in a project with agents-core's turn preparation and a module that may restart the turn.
  const across = (body: string, params = "state: TurnState"): Partial<Record<string, unknown>>[] =>
    sitesOf(memoryProject({ "/p/run.ts": `${IMPORTS}export async function run(${params}, skip: () => boolean): Promise<void> {\n  while (true) {\n${body}\n  }\n}\n`, "/p/turn-preparation.ts": preparation, "/p/turn-reset.ts": reset }).project, "/p/run.ts", ["calls", "loops"]).map(({ line: _, ...site }) => site);
  const one = (body: string, before = "", params = ""): string => summary(analyze(`${OPENAI}export async function run(${params}): Promise<void> {\n${before}  while (true) {\n${body}\n  }\n}\n`)[0]!).loops;
  const unboundedAcross = { calls: "O(T[run])", loops: "while@6:T[run]!" };

  it("another module's guard: bounded by state.maxTurns only while the state is the loop's and nothing else may lower its turn or raise its cap", () => {
    // The sound shape keeps its bound.
    assert.deepEqual(across(`    prepareTurn({ state });\n    ${call};`), [{ calls: "O(state.maxTurns)", loops: "while@6:state.maxTurns" }]);
    // 1: a state made anew every round starts its turn at 0 each time.
    assert.deepEqual(across(`    const state: TurnState = { turn: 0, maxTurns: 4, history };\n    prepareTurn({ state });\n    ${call};`, "history: TurnState[\"history\"]"), [unboundedAcross]);
    // 2: the state replaced by one whose turn is 0.
    assert.deepEqual(across(`    prepareTurn({ state });\n    ${call};\n    if (skip()) state = { turn: 0, maxTurns: 4, history: [] };`), [unboundedAcross]);
    // 3: another module's function handed the state sets its turn back to 0.
    assert.deepEqual(across(`    prepareTurn({ state });\n    ${call};\n    maybeRestart(state, "RESTART");`), [unboundedAcross]);
    // 4: the loop steps the turn down every round while the guard steps it up: it never moves.
    assert.deepEqual(across(`    prepareTurn({ state });\n    ${call};\n    state.turn--;`), [unboundedAcross]);
    // 5: the cap raised past the turn.
    assert.deepEqual(across(`    prepareTurn({ state });\n    ${call};\n    if (state.turn > 3) state.maxTurns = state.turn + 10;`), [unboundedAcross]);
    // 6: the guard reached (through a helper of this file) only by the rounds that do not `continue`.
    const helper = sitesOf(memoryProject({ "/p/run.ts": `${IMPORTS}function step(state: TurnState): void {\n  prepareTurn({ state });\n}\nexport async function run(state: TurnState, skip: () => boolean): Promise<void> {\n  while (true) {\n    if (skip()) {\n      ${call};\n      continue;\n    }\n    step(state);\n  }\n}\n`, "/p/turn-preparation.ts": preparation, "/p/turn-reset.ts": reset }).project, "/p/run.ts", ["calls", "loops"]);
    assert.deepEqual(helper, [{ line: 11, calls: "O(T[run])", loops: "while@9:T[run]!" }]);
    // 7: a `continue` inside a branch that otherwise throws skips the guard after it.
    assert.deepEqual(across(`    ${call};\n    if (skip()) { if (skip()) continue; throw new Error("x"); }\n    prepareTurn({ state });`), [unboundedAcross]);
  });

  it("the loop's own guard: no bound when the counter is made in the loop, stepped back, reset by a call, its object replaced, its cap raised, or the guard skipped", () => {
    const own = (body: string, before = "  let turn = 0;\n", params = ""): string => one(body, before, params);
    // The sound shape: at most 5 rounds.
    assert.equal(own(`    turn++;\n    if (turn > 5) break;\n    ${call};`), "while@5:5");
    // 9: declared in the loop (0 again every round); stepped back on some rounds.
    assert.equal(own(`    let turn = 0;\n    turn++;\n    if (turn > 5) break;\n    ${call};`, ""), "while@4:T[run]!");
    assert.equal(own(`    turn++;\n    if (turn > 5) break;\n    if (${answer} === "RETRY") turn--;`), "while@5:T[run]!");
    // 2: the object holding the counter replaced.
    assert.equal(own(`    s.turn++;\n    if (s.turn > 5) break;\n    if (${answer} === "RESTART") s = { turn: 0 };`, "", "s: { turn: number }"), "while@4:T[run]!");
    // 5: the cap raised every round.
    assert.equal(own(`    turn++;\n    if (turn > max) break;\n    ${call};\n    max = max + 1;`, "  let turn = 0;\n", "max: number"), "while@5:T[run]!");
    // 8: the guard skipped by a `continue` before it.
    assert.equal(own(`    turn++;\n    ${call};\n    if (skip()) continue;\n    if (turn > 5) break;`, "  let turn = 0;\n", "skip: () => boolean"), "while@5:T[run]!");
    // 8: a helper's guard after its early `return`.
    const early = analyze(`${OPENAI}function check(s: { turn: number; resuming: boolean }): void {\n  if (s.resuming) return;\n  if (s.turn > 5) throw new Error("max");\n}\nexport async function run(s: { turn: number; resuming: boolean }): Promise<void> {\n  while (true) {\n    s.turn++;\n    check(s);\n    ${call};\n  }\n}\n`);
    assert.equal(summary(early[0]!).loops, "while@8:T[run]!");
    // 3: another module's function handed the counter's object may set it back.
    const restarted = sitesOf(memoryProject({ "/p/run.ts": `${IMPORTS}export async function run(state: TurnState): Promise<void> {\n  while (true) {\n    state.turn++;\n    if (state.turn > 5) break;\n    ${call};\n    maybeRestart(state, "RESTART");\n  }\n}\n`, "/p/turn-preparation.ts": preparation, "/p/turn-reset.ts": reset }).project, "/p/run.ts", ["calls", "loops"]);
    assert.deepEqual(restarted, [{ line: 9, calls: "O(T[run])", loops: "while@6:T[run]!" }]);
  });

  it("12: a helper's verdict kept in a const: the round the guard ends still makes the calls before it (max + 1), and a step between the verdict and its test changes nothing", () => {
    const helper = `function check(turn: number, max: number): string | null {\n  if (turn >= max) return "max";\n  return null;\n}\n`;
    const loop = (round: string): string => summary(analyze(`${OPENAI}${helper}export async function run(): Promise<void> {\n  let turn = 0;\n  const max = 3;\n  while (true) {\n    ${call};\n${round}\n  }\n}\n`)[0]!).loops;
    // The call comes before the guard: turns 0, 1, 2 and 3 ask, the fourth round breaks after asking.
    assert.equal(loop(`    const reason = check(turn, max);\n    if (reason) break;\n    turn++;`), "while@10:4");
    assert.equal(loop(`    const reason = check(turn, max);\n    turn++;\n    if (reason) break;`), "while@10:4");
    // The verdict's arguments set anew between it and its test: refused.
    assert.equal(loop(`    const reason = check(turn, max);\n    if (reason === null) turn = 0;\n    if (reason) break;\n    turn++;`), "while@10:T[run]!");
  });
});

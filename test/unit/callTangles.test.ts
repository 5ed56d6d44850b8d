// Functions that call each other: a tangle is solved once per pass (at most TANGLE_PASSES), not
// once per path, and a recursion through it that no shape bounds is unknown, with the reason.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { FileAnalyzer } from "../../src/core/analysis/fileAnalyzer";
import { analyze, summary } from "./analyze";
import { formatCount } from "../../src/core/algebra/countText";
import { costClass } from "../../src/core/report/costClass";
import { callTangle } from "./generatedPrograms";

function analyzer(code: string): FileAnalyzer {
  // A roomy time budget: these tests count summaries; the budget has its own tests (timeBudget.test.ts),
  // and on a loaded machine the 200-function tangle can pass the default 5 s of wall-clock time.
  return new FileAnalyzer(ts, ts.createSourceFile("tangle.ts", code, ts.ScriptTarget.Latest, true), { timeBudgetMs: 600_000 });
}

describe("call tangles", () => {
  for (const m of [30, 35, 40, 200]) {
    it(`${m} functions each calling 3 others: each summarised at most 3 times (once per pass)`, () => {
      const a = analyzer(callTangle(m, 1));
      const findings = a.findings();
      // One SDK call per ten functions, one loop call per function.
      assert.equal(findings.length, m + Math.ceil(m / 10));
      assert.ok(a.summariesMade <= 3 * m, `${a.summariesMade} summaries for ${m} functions`);
    });
  }

  it("a recursion through two functions that re-enters the model's caller: unknown, with the functions named", () => {
    const code = `import OpenAI from "openai";
const client = new OpenAI();
export async function a(xs: string[], q: string) {
  await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 10, messages: [{ role: "user", content: q }] });
  for (const x of xs) await b(xs, x);
}
export async function b(xs: string[], q: string) {
  if (xs.length > 1) await a(xs.slice(1), q);
}
export async function c(xs: string[], q: string) {
  for (const x of xs) await a(xs, x);
}
`;
    const findings = analyze(code);
    assert.deepEqual(findings.map((f) => [f.line, f.functionName, summary(f).calls]), [
      [4, "a", "Θ(1)"],
      [5, "a", "unknown"],
      [11, "c", "unknown"],
    ]);
    const reason = "functions that call each other (b ↔ a): a calls b in a loop over |xs| (line 5): a recursion over parts that may be split again at every depth, which no count in the code bounds";
    assert.deepEqual(findings[1]!.calls, { kind: "unknown", reason });
    assert.equal(findings[2]!.explanation.at(-1), `a() (case.ts:3): ${reason}`);
  });

  it("a tangle that carries no LLM cost around settles, and its callers keep exact bounds", () => {
    const code = `import OpenAI from "openai";
const client = new OpenAI();
function even(n: number): boolean { return n === 0 ? true : odd(n - 1); }
function odd(n: number): boolean { return n === 0 ? false : even(n - 1); }
export async function ask(q: string, n: number) {
  if (even(n)) await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 10, messages: [{ role: "user", content: q }] });
}
export async function all(qs: string[]) {
  for (const q of qs) await ask(q, 2);
}
`;
    const a = analyzer(code);
    const findings = a.findings();
    assert.deepEqual(findings.map((f) => [f.line, f.functionName, summary(f).calls]), [
      [6, "ask", "O(1)"],
      [9, "all", "O(|qs|)"],
    ]);
  });

  it("two functions handing a counter round, one smaller each time, with a base case: counter rounds of both calls (exact)", () => {
    const code = `import OpenAI from "openai";
const client = new OpenAI();
export async function ask(q: string, left: number): Promise<void> {
  if (left <= 0) return;
  await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user", content: q }] });
  await follow(q, left);
}
async function follow(q: string, left: number): Promise<void> {
  await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user", content: "Go on: " + q }] });
  await ask(q, left - 1);
}
export async function all(questions: string[]) {
  for (const q of questions) await ask(q, 3);
}
`;
    const findings = analyze(code);
    assert.deepEqual(findings.map((f) => [f.line, f.functionName, summary(f).calls, summary(f).input]), [
      [5, "ask", "Θ(1)", "Θ(|q|)"],
      [9, "follow", "Θ(1)", "Θ(|q|)"],
      [13, "all", "Θ(|questions|)", "Θ(|questions|·|q|)"],
    ]);
    const loop = findings[2]!;
    // 3 rounds of two requests each (follow's prompt is "Go on: " + q: 4 tokens more).
    assert.equal(formatCount(loop.counts!.calls, loop.rank), "6·|questions|");
    assert.equal(formatCount(loop.counts!.input, loop.rank), "6·|questions|·|q| + 12·|questions|");
    assert.ok(loop.explanation.includes("  at most left rounds of ask ↔ follow: left − 1 each round; each round as one invocation of ask with the calls back into them left out"), loop.explanation.join("\n"));
  });

  it("methods stepping a counter capped by a constant (Math.min(turns, MAX_TURNS)), the history growing each round: quadratic in the rounds and in the questions", () => {
    const code = `import OpenAI from "openai";
const client = new OpenAI();
const MAX_TURNS = 4;
export class Session {
  private history: { role: "user" | "assistant"; content: string }[] = [];
  async send(q: string, turns: number = MAX_TURNS): Promise<void> {
    const bounded = Math.min(turns, MAX_TURNS);
    await this.turn(q, bounded);
  }
  private async turn(q: string, bounded: number): Promise<void> {
    if (!bounded) return;
    this.history.push({ role: "user", content: q });
    const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: this.history });
    this.history.push({ role: "assistant", content: r.choices[0]?.message.content ?? "" });
    await this.send("Please continue.", bounded - 1);
  }
}
export async function chat(s: Session, questions: string[]) {
  for (const q of questions) await s.send(q);
}
`;
    const findings = analyze(code);
    const loop = findings.find((f) => f.line === 19)!;
    // Question j's rounds re-send what the j earlier questions' rounds added: Σ ≈ |questions|²·rounds².
    assert.deepEqual([summary(loop).calls, summary(loop).input], ["O(|questions|·rounds[Session.send])", "O(|questions|²·rounds[Session.send]²·|q|)"]);
    assert.equal(costClass(loop), "cubic+");
    const rounds = loop.symbols.find((x) => x.name === "rounds[Session.send]")!;
    assert.deepEqual([rounds.kind, rounds.value, rounds.line], ["count", 4, 7]);
    assert.ok(loop.explanation.includes("  at most MAX_TURNS = 4 rounds of Session.send ↔ Session.turn: bounded − 1 each round, and Session.send once more before it stops; each round as one invocation of Session.send with the calls back into them left out"), loop.explanation.join("\n"));
  });

  it("a way round the tangle that nothing stops on the counter is not bounded in the code: rounds[send], unbounded, saying why (gemini-cli's hook continuation)", () => {
    const head = `import OpenAI from "openai";
const client = new OpenAI();
`;
    // send re-enters itself after turn may have; turn stops only at 0, which send's own way round steps past.
    const twice = (guard: string): string => `${head}export async function send(q: string, turns: number): Promise<void> {
  ${guard}await turn(q, turns);
  if (q.length > 3) await send(q, turns - 1);
}
async function turn(q: string, turns: number): Promise<void> {
  if (!turns) return;
  await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user", content: q }] });
  await send(q, turns - 1);
}
export async function all(qs: string[]) {
  for (const q of qs) await send(q, 5);
}
`;
    const open = analyze(twice("")).find((f) => f.functionName === "all")!;
    assert.deepEqual([open.line, summary(open).calls, summary(open).input, costClass(open)], [13, "O(|qs|·rounds[send])", "O(|qs|·rounds[send]·|q|)", "unbounded"]);
    const why = "send calls itself at line 5 with turns − 1, and nothing on that way round tests turns (no early return on it); turn stops only when turns is exactly 0, which that way round steps past: data decides how many rounds run";
    const rounds = open.symbols.find((x) => x.name === "rounds[send]")!;
    assert.deepEqual([rounds.kind, rounds.unbounded, rounds.value, rounds.origin], ["count", true, undefined, `the rounds of send ↔ turn, not bounded in the code: ${why}`]);
    assert.ok(open.explanation.includes(`  rounds[send] = the rounds of send ↔ turn, not bounded in the code: ${why}; each round as one invocation of send with the calls back into them left out`), open.explanation.join("\n"));
    // An early return on the counter on both ways round: bounded, but each round may start two (2^turns).
    const both = analyze(twice("if (turns <= 0) return;\n  ")).find((f) => f.functionName === "all")!;
    assert.deepEqual(both.calls, { kind: "unknown", reason: "functions that call each other (turn ↔ send): send may call turn (line 5) and then send (line 6) in one invocation: each round may start two, so the rounds multiply (up to 2 to the counter's power)" });
    // A guard on the counter this does not read as a base case (a condition around the call) may stop it: unknown, not unbounded.
    const guarded = analyze(twice("if (turns > 2) ")).find((f) => f.functionName === "all")!;
    assert.deepEqual(guarded.calls, { kind: "unknown", reason: "functions that call each other (turn ↔ send): send calls itself at line 5 with turns − 1 but no function on that cycle stops when turns reaches 0 (an early return on it), so nothing in the code bounds how often it runs" });
  });

  it("a cycle that hands the counter on and never tests it is not bounded (rounds unbounded); with a test of the counter this does not read, unknown", () => {
    const noBase = (guard: string): string => `import OpenAI from "openai";
const client = new OpenAI();
export async function send(q: string, turns: number): Promise<void> {
  await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user", content: q }] });
  ${guard}return relay(q, turns);
}
async function relay(q: string, turns: number): Promise<void> {
  return send(q, turns - 1);
}
export async function all(qs: string[]) {
  for (const q of qs) await send(q, 5);
}
`;
    const open = analyze(noBase("")).find((f) => f.line === 11)!;
    assert.deepEqual([summary(open).calls, summary(open).input, costClass(open)], ["O(|qs|·rounds[send])", "O(|qs|·rounds[send]·|q|)", "unbounded"]);
    assert.equal(open.symbols.find((x) => x.name === "rounds[send]")!.origin, "the rounds of send ↔ relay, not bounded in the code: a cycle of calls through relay, send, and nothing on that way round tests turns (no early return on it): data decides how many rounds run");
    const guarded = analyze(noBase("if (turns > 0) ")).find((f) => f.line === 11)!;
    assert.deepEqual(guarded.calls, { kind: "unknown", reason: "functions that call each other (relay ↔ send): a cycle of calls through relay, send but no function on that cycle stops when the counter reaches 0 (an early return on it), so nothing in the code bounds how often it runs" });
  });

  it("a recursion over the pieces of an argument (PolicyEngine.check ↔ checkShellCommand): its rounds are pieces[Engine.check], one for each piece at every depth; one handing on the whole argument stays unknown", () => {
    const program = (twice: boolean, handed = "part"): string => `import OpenAI from "openai";
const client = new OpenAI();
export class Engine {
  constructor(private readonly checkers: string[]) {}
  async check(call: { command: string }): Promise<void> {
    for (const c of this.checkers) await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 5, messages: [{ role: "user", content: c + call.command }] });
    await this.checkShell(call.command);
  }
  private async checkShell(command: string): Promise<void> {
    const parts = command.split("&&");
    for (const part of parts) {
      ${twice ? `const inner = part.replace("bash -c", "");
      if (inner !== part) await this.check({ command: inner });` : ""}
      if (part !== command) await this.check({ command: ${handed} });
    }
  }
}
export async function all(engine: Engine, commands: string[]) {
  for (const command of commands) await engine.check({ command });
}
`;
    const site = (code: string) => analyze(code).find((f) => f.functionName === "all")!;
    const each = "Engine.checkShell calls Engine.check in a loop over |parts| (line 11)";
    for (const [twice, why] of [
      [true, `${each}, 2 times an iteration (lines 13, 14): one for each part at every depth, and a part may be checked again inside another's check (one nested d deep 2^d times)`],
      [false, `${each}: one for each part at every depth`],
    ] as const) {
      const all = site(program(twice));
      assert.deepEqual([summary(all).calls, summary(all).input, costClass(all)], ["O(|checkers|·|commands|·pieces[Engine.check])", "O(|checkers|·|commands|·pieces[Engine.check]·|c| + |checkers|·|commands|·pieces[Engine.check]·|call.command|)", "cubic+"]);
      const pieces = all.symbols.find((x) => x.name === "pieces[Engine.check]")!;
      assert.deepEqual([pieces.kind, pieces.unbounded, pieces.line, pieces.origin], ["count", undefined, 5, `the rounds of Engine.check ↔ Engine.checkShell, one for each piece: ${why}`]);
      assert.ok(all.explanation.includes(`  pieces[Engine.check] = the rounds of Engine.check ↔ Engine.checkShell, one for each piece: ${why}; each round as one invocation of Engine.check with the calls back into them left out`), all.explanation.join("\n"));
    }
    // Handing on the argument the pieces were cut from may start over on all of it: no count.
    assert.deepEqual(site(program(false, "command + part")).calls, { kind: "unknown", reason: "functions that call each other (Engine.checkShell ↔ Engine.check): Engine.checkShell calls Engine.check in a loop over |parts| (line 11): a recursion over parts that may be split again at every depth, which no count in the code bounds" });
    // A loop over a collection that may hold the input itself (review finding, issue 17) need not shrink: no count.
    const notCut = (over: string) => `functions that call each other (Engine.checkShell ↔ Engine.check): Engine.checkShell calls Engine.check in a loop over ${over} (line 11), a collection not cut from the input by a call, which may hold the input itself: a recursion that need not end`;
    for (const parts of ["[command, command]", "[...command.split(\"&&\"), command]", "Array.of(command)", "[command].filter(Boolean)", "command.split(\"&&\").concat([command])", "command.split(\"&&\").map(() => command)", "Array.from(command.split(\"&&\"), () => command)", "command.split(\"&&\") ?? [command]", "JSON.parse(command).parts || [command]"]) {
      // A list of two written out in a const is counted as 2 (a const list nothing changes).
      assert.deepEqual(site(program(false).replace(`command.split("&&")`, parts)).calls, { kind: "unknown", reason: notCut(parts === "[command, command]" ? "2" : "|parts|") }, parts);
    }
    // Cut by a call and then filtered or read through a field, the pieces stay pieces.
    // gemini-cli's shape: const subCommands = parsed?.details ?? [] (an empty fallback holds no input).
    for (const parts of [`command.split("&&").filter(Boolean)`, `Array.from(command.split("&&"))`, `JSON.parse(command).parts`, `JSON.parse(command)?.parts ?? []`, `command ? command.split("&&") : []`]) {
      assert.equal(summary(site(program(false).replace(`command.split("&&")`, parts))).calls, "O(|checkers|·|commands|·pieces[Engine.check])", parts);
    }
  });


  it("a scheduler draining its request queue (this.schedule(next.requests).then(next.resolve) on a batch another call queued): that batch is the queuing call's cost, no re-entry", () => {
    const code = (settle: string): string => `import OpenAI from "openai";
const client = new OpenAI();
type Queued = { requests: string[]; resolve: (r: string[]) => void; reject: (e: unknown) => void };
export class Scheduler {
  private isProcessing = false;
  private readonly requestQueue: Queued[] = [];
  async schedule(requests: string[]): Promise<string[]> {
    if (this.isProcessing) return this.enqueue(requests);
    return this.startBatch(requests);
  }
  private enqueue(requests: string[]): Promise<string[]> {
    return new Promise((resolve, reject) => {
      this.requestQueue.push({ requests, resolve, reject });
    });
  }
  private async startBatch(requests: string[]): Promise<string[]> {
    this.isProcessing = true;
    try {
      const out: string[] = [];
      for (const r of requests) {
        const c = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 10, messages: [{ role: "user", content: r }] });
        out.push(c.choices[0]?.message.content ?? "");
      }
      return out;
    } finally {
      this.isProcessing = false;
      this.processNextInRequestQueue();
    }
  }
  private processNextInRequestQueue() {
    if (this.requestQueue.length > 0) {
      const next = this.requestQueue.shift()!;
      this.schedule(next.requests)${settle};
    }
  }
}
export async function turns(scheduler: Scheduler, batches: string[][]) {
  for (const batch of batches) await scheduler.schedule(batch);
}
`;
    const site = (settle: string) => analyze(code(settle)).find((f) => f.functionName === "turns")!;
    const drained = site(".then(next.resolve).catch(next.reject)");
    assert.deepEqual([summary(drained).calls, summary(drained).input, costClass(drained)], ["Θ(|batch|·|batches|)", "Θ(|batch|·|batches|·|r|)", "quadratic"]);
    // Its result not handed to the queued item's resolve: a re-entry, and a recursion of no recognised shape.
    assert.equal(site(".then(() => undefined)").calls.kind, "unknown");
  });
});

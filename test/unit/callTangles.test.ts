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
  return new FileAnalyzer(ts, ts.createSourceFile("tangle.ts", code, ts.ScriptTarget.Latest, true));
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

  it("a counted tangle that one invocation may re-enter twice, or that calls itself with no base case on the way, stays unknown and says why", () => {
    const head = `import OpenAI from "openai";
const client = new OpenAI();
`;
    const twice = `${head}export async function send(q: string, turns: number): Promise<void> {
  await turn(q, turns);
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
    const loop = analyze(twice).find((f) => f.line === 13)!;
    assert.deepEqual(loop.calls, { kind: "unknown", reason: "functions that call each other (turn ↔ send): send may call turn (line 4) and then send (line 5) in one invocation: each round may start two, so the rounds multiply (up to 2 to the counter's power)" });
    const noBase = `${head}export async function send(q: string, turns: number): Promise<void> {
  await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user", content: q }] });
  return relay(q, turns);
}
async function relay(q: string, turns: number): Promise<void> {
  return send(q, turns - 1);
}
export async function all(qs: string[]) {
  for (const q of qs) await send(q, 5);
}
`;
    const open = analyze(noBase).find((f) => f.line === 11)!;
    assert.deepEqual(open.calls, { kind: "unknown", reason: "functions that call each other (relay ↔ send): a cycle of calls but no function on that cycle stops when the counter reaches 0 (an early return on it), so nothing in the code bounds how often it runs" });
  });

  it("a recursion over the parts of an argument (PolicyEngine.check ↔ checkShellCommand): unknown, saying the parts may be split again or checked twice", () => {
    const program = (twice: boolean): string => `import OpenAI from "openai";
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
      if (part !== command) await this.check({ command: part });
    }
  }
}
export async function all(engine: Engine, commands: string[]) {
  for (const command of commands) await engine.check({ command });
}
`;
    const site = (code: string) => analyze(code).find((f) => f.functionName === "all")!;
    assert.deepEqual(site(program(true)).calls, { kind: "unknown", reason: "functions that call each other (Engine.checkShell ↔ Engine.check): Engine.checkShell calls Engine.check in a loop over |parts| (line 11), 2 times an iteration (lines 13, 14): a recursion over parts that may check a part again inside another's check, so no count of the parts bounds the calls" });
    assert.deepEqual(site(program(false)).calls, { kind: "unknown", reason: "functions that call each other (Engine.checkShell ↔ Engine.check): Engine.checkShell calls Engine.check in a loop over |parts| (line 11): a recursion over parts that may be split again at every depth, which no count in the code bounds" });
  });
});

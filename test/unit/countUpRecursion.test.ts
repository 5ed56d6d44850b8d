// A recursion counted up toward a cap (`if (turn >= MAX) return; … await loop(turn + 1)`, called as
// `loop(0)`): the levels are the cap less the caller's start, read as a budget like a count-down's.
import * as assert from "node:assert/strict";
import { estimate, formatBound } from "../../src/core";
import { analyze } from "./analyze";

const HEAD = `import OpenAI from "openai";
const ai = new OpenAI();
`;
const ASK = `await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: "next" }] });`;

/** Each finding's line, calls, input, and estimated calls (exact or not) at the stated values. */
const sites = (code: string): { line: number; calls: string; input: string; estimate: number; exact: boolean }[] =>
  analyze(code).map((f) => {
    const e = estimate(f, {});
    return { line: f.line, calls: formatBound(f.calls, f.rank), input: formatBound(f.inputTokens, f.rank), estimate: e.calls, exact: e.exact };
  });
const why = (code: string, line: number): string => {
  const f = analyze(code).find((x) => x.line === line)!;
  return f.explanation[f.explanation.length - 1]!;
};

describe("count-up recursion: a counter stepped toward a cap", () => {
  it("loop(0) with `if (turn >= MAX) return` before the request: MAX requests, exact, at each caller", () => {
    const code = `${HEAD}const MAX = 6;
async function loop(turn: number): Promise<void> {
  if (turn >= MAX) return;
  ${ASK}
  await loop(turn + 1);
}
export async function main() {
  await loop(0);
  await loop(2);
  await loop(-3);
}
`;
    // Before: O(1) at line 6 (at most MAX + 1 = 7 invocations, whatever the start), no site at the callers.
    assert.deepEqual(sites(code), [
      { line: 6, calls: "Θ(1)", input: "Θ(1)", estimate: 0, exact: true },
      { line: 10, calls: "Θ(1)", input: "Θ(1)", estimate: 6, exact: true },
      { line: 11, calls: "Θ(1)", input: "Θ(1)", estimate: 4, exact: true },
      { line: 12, calls: "Θ(1)", input: "Θ(1)", estimate: 9, exact: true },
    ]);
    assert.equal(why(code, 6), "recursion: the counter turn is one larger each call (loop(turn + 1)), stopping at turn >= MAX: 6 − turn levels pass the check from a start of turn, and the last stops there; this call runs at each of the 6 − turn levels that pass the check");
  });

  it("a method going on while `turn < this.maxTurns`, a cap of a parameter handed on, a default start: the calls before the check once more", () => {
    assert.deepEqual(sites(`${HEAD}export class Agent {
  constructor(private readonly maxTurns: number) {}
  async loop(turn = 0): Promise<void> {
    ${ASK}
    if (turn < this.maxTurns) {
      ${ASK}
      await this.loop(turn + 1);
    }
  }
}
export async function main(a: Agent) {
  await a.loop();
}
`), [
      { line: 6, calls: "O(maxTurns)", input: "O(maxTurns)", estimate: 11, exact: false },
      { line: 8, calls: "O(maxTurns)", input: "O(maxTurns)", estimate: 10, exact: false },
      { line: 14, calls: "O(maxTurns)", input: "O(maxTurns)", estimate: 21, exact: false },
    ]);
    const capped = `${HEAD}async function loop(turn: number, max: number): Promise<void> {
  ${ASK}
  if (max <= turn) return;
  ${ASK}
  await loop(1 + turn, max);
}
export async function main(n: number) {
  await loop(0, n);
  await loop(0, 3);
  await loop(-2, 3);
}
`;
    assert.deepEqual(sites(capped).slice(2), [
      { line: 10, calls: "Θ(n)", input: "Θ(n)", estimate: 21, exact: true },
      { line: 11, calls: "Θ(1)", input: "Θ(1)", estimate: 7, exact: true },
      { line: 12, calls: "Θ(1)", input: "Θ(1)", estimate: 11, exact: true },
    ]);
    assert.equal(why(capped, 4), "recursion: the counter turn is one larger each call (loop(1 + turn, max)), stopping at max <= turn: max − turn levels pass the check from a start of turn, and the last stops there; this call runs at each of the max − turn + 1 levels");
  });

  it("`turn > MAX` lets the cap pass; the check's own branch runs once; an exit on the answer makes it at most", () => {
    assert.deepEqual(sites(`${HEAD}const MAX = 4;
async function loop(turn = 0): Promise<void> {
  if (turn > MAX) { ${ASK} return; }
  ${ASK}
  return loop(turn + 1);
}
export async function main() {
  await loop();
}
`), [
      { line: 5, calls: "O(1)", input: "O(1)", estimate: 1, exact: false },
      { line: 6, calls: "O(1)", input: "O(1)", estimate: 5, exact: false },
      { line: 10, calls: "O(1)", input: "O(1)", estimate: 6, exact: false },
    ]);
    assert.deepEqual(sites(`${HEAD}const MAX = 4;
async function loop(turn: number): Promise<void> {
  if (turn >= MAX) return;
  const r = await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: "next" }] });
  if (r.choices[0]?.message.content === "DONE") return;
  await loop(turn + 1);
}
export async function main() {
  await loop(0);
}
`).slice(1), [{ line: 11, calls: "O(1)", input: "O(1)", estimate: 4, exact: false }]);
  });

  it("what it cannot count stays unbounded: `===` (a start past the cap never stops), a step of 2, a counter written, a cap that grows, a counter stepped in the body", () => {
    const unbounded = (body: string, call: string, params = "turn: number"): string => {
      const [f] = analyze(`${HEAD}const MAX = 4;
async function loop(${params}): Promise<void> {
${body}
}
export async function main() { await ${call}; }
`);
      return formatBound(f!.calls, f!.rank);
    };
    const rest = `  ${ASK}\n`;
    assert.equal(unbounded(`  if (turn === MAX) return;\n${rest}  await loop(turn + 1);`, "loop(0)"), "O(rounds[loop])");
    assert.equal(unbounded(`  if (turn >= MAX) return;\n${rest}  await loop(turn + 2);`, "loop(0)"), "O(rounds[loop])");
    assert.equal(unbounded(`  if (turn >= MAX) return;\n${rest}  if (reset) turn = 0;\n  await loop(turn + 1, false);`, "loop(0, true)", "turn: number, reset: boolean"), "O(rounds[loop])");
    assert.equal(unbounded(`  if (turn >= max) return;\n${rest}  await loop(turn + 1, max + 1);`, "loop(0, 3)", "turn: number, max: number"), "O(rounds[loop])");
    // Before: O(MAX), at most MAX + 1 invocations from any start (`loop(-50)` makes 55).
    assert.equal(unbounded(`  turn++;\n  if (turn > MAX) return;\n${rest}  await loop(turn);`, "loop(-50)"), "O(rounds[loop])");
  });

  it("review6: a start that is only a bound, a cap a called function raises, a self call on the answer, a request in the wrapping check's else", () => {
    // Before: Θ(1), 0 calls exact at lines 10 and 11 (the start's count symbol, 10 by default, subtracted from the cap).
    assert.deepEqual(sites(`${HEAD}const MAX = 6;
async function loop(turn: number): Promise<void> {
  if (turn >= MAX) return;
  ${ASK}
  await loop(turn + 1);
}
export async function main(items: string[]) {
  const start = items.length > 100 ? 5 : 0;
  await loop(start);
  for (let i = 0; i < 3; i++) await loop(i);
}
`).slice(1), [
      { line: 11, calls: "O(below[turn])", input: "O(below[turn])", estimate: 16, exact: false },
      { line: 12, calls: "O(below[turn])", input: "O(below[turn])", estimate: 48, exact: false },
    ]);
    // Before: Θ(cfg.max) and Θ(max), exact; grow() raises the first cap to 6, bump() the second for ever.
    assert.deepEqual(sites(`${HEAD}const cfg = { max: 3 };
function grow(): void { if (cfg.max < 6) cfg.max++; }
async function loop(turn: number): Promise<void> {
  if (turn >= cfg.max) return;
  ${ASK}
  grow();
  await loop(turn + 1);
}
export async function main() { await loop(0); }
`), [{ line: 7, calls: "O(rounds[loop])", input: "O(rounds[loop])", estimate: 10, exact: false }]);
    assert.deepEqual(sites(`${HEAD}export class Agent {
  max = 3;
  bump(): void { this.max++; }
  async loop(turn: number): Promise<void> {
    if (turn >= this.max) return;
    ${ASK}
    this.bump();
    await this.loop(turn + 1);
  }
}
`), [{ line: 8, calls: "O(rounds[Agent.loop])", input: "O(rounds[Agent.loop])", estimate: 10, exact: false }]);
    // Before: 4, exact; the answer decides whether the next level runs.
    assert.deepEqual(sites(`${HEAD}const MAX = 4;
async function loop(turn: number): Promise<void> {
  if (turn >= MAX) return;
  const r = await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: "next" }] });
  if (r.choices[0]?.message.content === "") await loop(turn + 1);
}
export async function main() {
  await loop(0);
}
`).slice(1), [{ line: 10, calls: "O(1)", input: "O(1)", estimate: 4, exact: false }]);
    // Before: at each of the 4 − turn + 1 levels (5 calls from loop(0)); the else runs at the level that stops.
    const otherwise = `${HEAD}const MAX = 4;
async function loop(turn: number): Promise<void> {
  if (turn < MAX) {
    await loop(turn + 1);
  } else {
    ${ASK}
  }
}
export async function main() {
  await loop(0);
}
`;
    assert.deepEqual(sites(otherwise).slice(1), [{ line: 12, calls: "O(1)", input: "O(1)", estimate: 1, exact: false }]);
    assert.equal(why(otherwise, 8), "recursion: the counter turn is one larger each call (loop(turn + 1)), going on while turn < MAX: 4 − turn levels pass the check from a start of turn, and the last stops there; this call runs once, at the level that stops");
  });

  it("a history each level grows and hands on is not priced at the first level's sizes: unknown, with the reason (also under a counted field)", () => {
    const [f] = analyze(`${HEAD}const MAX = 4;
type Msg = { role: "user" | "assistant"; content: string };
async function loop(turn: number, history: Msg[]): Promise<void> {
  if (turn >= MAX) return;
  const r = await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: history });
  history.push({ role: "assistant", content: r.choices[0]!.message.content ?? "" });
  await loop(turn + 1, history);
}
`);
    assert.deepEqual(f!.calls, { kind: "unknown", reason: "each level sends the parameter history, which it grows and hands on, so no level's sizes bound the next's" });
    // Before: O(1) calls and input O(|history|·…) at most 6 invocations, the history's growth left out.
    const [g] = analyze(`${HEAD}type Msg = { role: "user" | "assistant"; content: string };
export class A {
  private count = 0;
  async loop(history: Msg[]): Promise<void> {
    if (this.count >= 5) return;
    this.count += 1;
    const r = await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: history });
    history.push({ role: "assistant", content: r.choices[0]!.message.content ?? "" });
    await this.loop(history);
  }
}
`);
    assert.deepEqual(g!.inputTokens, { kind: "unknown", reason: "the function calls itself while not this.count >= 5, but each invocation sends the parameter history, which it grows and hands on, so no invocation's sizes bound the next's" });
  });
});

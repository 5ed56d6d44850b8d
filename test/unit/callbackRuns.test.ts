// Issue 17 (h-cb2): a callback handed to a function of the same file runs as often as that function
// calls it (review7: `twice(() => create(…))` in a loop of 4 claimed 4 calls, exact; 8 made), and an
// AI SDK stop condition's step count bounds the response messages a call leaves (carry9: the answer
// alone under `stopWhen: stepCountIs(5)`).
import * as assert from "node:assert/strict";
import { estimate, formatBound } from "../../src/core";
import { analyze, expectSites, summary } from "./analyze";

const OPENAI = `import OpenAI from "openai";
const client = new OpenAI();
`;
const ask = (model: string, content = "x"): string => `client.chat.completions.create({ model: "${model}", messages: [{ role: "user", content: ${content} }] })`;

/** Each site's loops, its calls and input as printed, and the estimate at |xs| = 4, |x| = 20. */
function sites(code: string): { loops: string; calls: string; input: string; estimate: string }[] {
  return analyze(code).map((f) => {
    const e = estimate(f, { "|xs|": 4, "|x|": 20 });
    return { loops: summary(f).loops, calls: formatBound(f.calls, f.rank), input: formatBound(f.inputTokens, f.rank), estimate: Number.isNaN(e.calls) ? "none" : `${e.calls} calls, ${e.inputTokens} in, ${e.exact ? "exact" : "at most"}` };
  });
}

describe("a callback handed to a function of this file runs as often as that function calls it", () => {
  it("straight-line calls add, a call in a constant loop multiplies: twice 2, thrice in a for of 3, a host of a host 2 (review7 a2: 4 claimed exact, 8 made)", () => {
    assert.deepEqual(
      sites(`${OPENAI}async function twice(fn: () => Promise<unknown>) { await fn(); return await fn(); }
async function thrice(fn: () => Promise<unknown>) { for (let i = 0; i < 3; i++) await fn(); }
async function outer(fn: () => Promise<unknown>) { return twice(() => fn()); }
class K {
  async both(fn: () => Promise<unknown>) { return Promise.all([fn(), fn()]); }
  async go(xs: string[]) { for (const x of xs) await this.both(() => ${ask("k", "x")}); }
}
export async function run(xs: string[]) {
  for (const x of xs) await twice(() => ${ask("a", "x")});
  for (const x of xs) await thrice(async () => { const r = await ${ask("b", "x")}; return r; });
  for (const x of xs) await outer(() => ${ask("c", "x")});
}
`),
      [
        { loops: "for-of@8:|xs| callback@8:2", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", estimate: "8 calls, 160 in, exact" },
        { loops: "for-of@11:|xs| callback@11:2", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", estimate: "8 calls, 160 in, exact" },
        { loops: "for-of@12:|xs| callback@12:3", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", estimate: "12 calls, 240 in, exact" },
        { loops: "for-of@13:|xs| callback@13:2", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", estimate: "8 calls, 160 in, exact" },
      ],
    );
  });

  it("a call under a condition or after an early return is an upper bound; once, as the last return after a throw (an error's path), stays exact and adds no loop", () => {
    assert.deepEqual(
      sites(`${OPENAI}const seen = new Map<string, unknown>();
async function maybe(fn: () => Promise<unknown>, ok: boolean) { if (ok) await fn(); return fn(); }
async function cached(k: string, fn: () => Promise<unknown>) { if (seen.has(k)) return seen.get(k); const v = await fn(); seen.set(k, v); return v; }
async function once(fn: () => Promise<unknown>) { if (Date.now() < 0) throw new Error("clock"); return await fn(); }
export async function run(xs: string[]) {
  for (const x of xs) await maybe(() => ${ask("a", "x")}, x.length > 3);
  for (const x of xs) await cached(x, () => ${ask("b", "x")});
  for (const x of xs) await once(() => ${ask("c", "x")});
}
`),
      [
        { loops: "for-of@8:|xs| callback@8:2", calls: "O(|xs|)", input: "O(|xs|·|x|)", estimate: "8 calls, 160 in, at most" },
        { loops: "for-of@9:|xs| callback@9:1", calls: "O(|xs|)", input: "O(|xs|·|x|)", estimate: "4 calls, 80 in, at most" },
        { loops: "for-of@10:|xs|", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", estimate: "4 calls, 80 in, exact" },
      ],
    );
  });

  it("a retry loop's try that returns the callback's value counts one run, as an inline retry loop does (failed attempts not counted)", () => {
    assert.deepEqual(
      sites(`${OPENAI}async function retry<T>(fn: () => Promise<T>): Promise<T> {
  for (let i = 0; i < 3; i++) {
    try { return await fn(); } catch { }
  }
  throw new Error("failed");
}
export async function run(xs: string[]) {
  for (const x of xs) await retry(() => ${ask("a", "x")});
}
`),
      [{ loops: "for-of@10:|xs|", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", estimate: "4 calls, 80 in, exact" }],
    );
  });

  it("a callback aliased, stored, called in a loop of the callee's own count or in a closure of its own, or handed around a cycle: unknown, never a count", () => {
    const found = analyze(`${OPENAI}async function alias(fn: () => Promise<unknown>) { const g = fn; await g(); }
async function hand(fn: () => Promise<unknown>) { const list = [fn]; await list[0]!(); }
async function other(fn: () => Promise<unknown>) { return fn(); }
async function times(n: number, fn: () => Promise<unknown>) { for (let i = 0; i < n; i++) await fn(); }
async function later(fn: () => Promise<unknown>) { const go = () => fn(); await go(); await go(); }
async function c1(fn: () => Promise<unknown>): Promise<unknown> { return c2(() => fn()); }
async function c2(fn: () => Promise<unknown>): Promise<unknown> { return c1(() => fn()); }
export async function run(xs: string[]) {
  for (const x of xs) await alias(() => ${ask("a", "x")});
  for (const x of xs) await hand(() => ${ask("b", "x")});
  for (const x of xs) await times(3, () => ${ask("c", "x")});
  for (const x of xs) await later(() => ${ask("d", "x")});
  for (const x of xs) await c1(() => ${ask("e", "x")});
}
`);
    assert.deepEqual(
      found.map((f) => [f.line, f.calls.kind === "unknown" ? f.calls.reason : formatBound(f.calls, f.rank)]),
      [
        [11, "alias (line 3) names its callback other than to call it or hand it on at line 3 (stored or aliased): how often it runs is not read"],
        [12, "hand (line 4) names its callback other than to call it or hand it on at line 4 (stored or aliased): how often it runs is not read"],
        [13, "times (line 6) calls its callback in a loop of n (line 6), a count of its own: how often it runs is not read"],
        [14, "later (line 7) calls its callback in a function of its own (line 7): how often that runs is not read"],
        [15, "c1 hands its callback around a cycle of functions: how often it runs is not read"],
      ],
    );
  });

  // fixH (review8 #9): a rest parameter or `arguments` was read as "not this function's parameter": once, exact (2 ran).
  it("a callback taken in a rest parameter or read through arguments: unknown, never once", () => {
    const found = analyze(`${OPENAI}async function twice(...fs: Array<() => Promise<unknown>>) { await fs[0]!(); await fs[0]!(); }
async function late(a: string, ...fs: Array<() => Promise<unknown>>) { await fs[0]!(); }
async function args(fn: () => Promise<unknown>) { await fn(); await (arguments[0] as () => Promise<unknown>)(); }
export async function run(xs: string[]) {
  for (const x of xs) await twice(() => ${ask("a", "x")});
  for (const x of xs) await late(x, () => ${ask("b", "x")});
  for (const x of xs) await args(() => ${ask("c", "x")});
}
`);
    assert.deepEqual(
      found.map((f) => [f.line, f.calls.kind === "unknown" ? f.calls.reason : formatBound(f.calls, f.rank)]),
      [
        [7, "twice (line 3) takes its callback in a rest parameter (...fs): how often it runs is not read"],
        [8, "late (line 4) takes its callback in a rest parameter (...fs): how often it runs is not read"],
        [9, "args (line 5) reads its arguments through `arguments`: how often it runs its callback is not read"],
      ],
    );
  });

  // h-cb3: h-cb2 made these unknown (37 real sites: vercel/ai's describeIfCapability, openai-agents-js's runWithOptionalTrace and withTestTrace).
  it("handed on to a function not read (a package's): once, assumed and said; under an if at most once; fn() on a returning branch or withTrace(fn) after it: at most once", () => {
    const code = `${OPENAI}import { describe } from "vitest";
import { withTrace } from "@openai/agents";
function describeIfCapability(ok: boolean, description: string, callback: () => void) {
  if (ok) {
    describe(description, callback);
  }
}
async function runWithOptionalTrace(name: string, fn: () => Promise<void>, auto: boolean): Promise<void> {
  if (auto) {
    await fn();
    return;
  }
  await withTrace(name, fn);
}
function withTestTrace<T>(fn: () => Promise<T>): Promise<T> {
  return withTrace("test", fn);
}
export async function run(xs: string[], ok: boolean) {
  for (const x of xs) describeIfCapability(ok, "d", () => { void ${ask("a", "x")}; });
  for (const x of xs) await runWithOptionalTrace("t", async () => { await ${ask("b", "x")}; }, ok);
  for (const x of xs) await withTestTrace(() => ${ask("c", "x")});
}
`;
    assert.deepEqual(sites(code), [
      { loops: "for-of@21:|xs| callback@21:1", calls: "O(|xs|)", input: "O(|xs|·|x|)", estimate: "4 calls, 80 in, at most" },
      { loops: "for-of@22:|xs| callback@22:1", calls: "O(|xs|)", input: "O(|xs|·|x|)", estimate: "4 calls, 80 in, at most" },
      { loops: "for-of@23:|xs|", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", estimate: "4 calls, 80 in, exact" },
    ]);
    const [first, second] = analyze(code).map((f) => f.explanation.find((e) => e.includes("its callback")));
    assert.equal(first, "line 21: describeIfCapability (line 5) calls its callback at most 1 time (line 7, handed to describe, not read: once assumed) → at most 1 iteration");
    assert.equal(second, "line 22: runWithOptionalTrace (line 10) calls its callback at most 1 time (line 12 or line 15, handed to withTrace, not read: once assumed) → at most 1 iteration");
  });

  it("handed on to a function of this file: as often as that one runs it, times the loops around the hand-over", () => {
    assert.deepEqual(
      sites(`${OPENAI}async function twice(fn: () => Promise<unknown>) { await fn(); return await fn(); }
async function viaTwice(fn: () => Promise<unknown>) { for (let i = 0; i < 3; i++) await twice(fn); }
async function viaMaybe(fn: () => Promise<unknown>, ok: boolean) { if (ok) await twice(fn); }
export async function run(xs: string[], ok: boolean) {
  for (const x of xs) await viaTwice(() => ${ask("a", "x")});
  for (const x of xs) await viaMaybe(() => ${ask("b", "x")}, ok);
}
`),
      [
        { loops: "for-of@7:|xs| callback@7:6", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", estimate: "24 calls, 480 in, exact" },
        { loops: "for-of@8:|xs| callback@8:2", calls: "O(|xs|)", input: "O(|xs|·|x|)", estimate: "8 calls, 160 in, at most" },
      ],
    );
  });

  it("stored in an array (openai-node's ts-browser-webpack it()), kept by push, or handed to an iteration: unknown, never once", () => {
    const found = analyze(`${OPENAI}const tests: { run: () => unknown }[] = [];
function it(description: string, run: () => unknown) { tests.push({ run }); }
const fns: (() => unknown)[] = [];
function keep(fn: () => unknown) { fns.push(fn); }
function each(xs: string[], fn: (x: string) => unknown) { xs.forEach(fn); }
export function run(xs: string[]) {
  it("t", () => ${ask("a", '"x"')});
  keep(() => ${ask("b", '"x"')});
  each(xs, (x) => ${ask("c", "x")});
}
`);
    assert.deepEqual(
      found.map((f) => [f.line, f.calls.kind === "unknown" ? f.calls.reason : formatBound(f.calls, f.rank)]),
      [
        [9, "it (line 4) names its callback other than to call it or hand it on at line 4 (stored or aliased): how often it runs is not read"],
        [10, "keep (line 6) hands its callback on at line 6 to push, which keeps it to run later: how often it runs is not read"],
        [11, "each (line 7) hands its callback on at line 7 to an iteration, which runs it once per element: how often it runs is not read"],
      ],
    );
  });

  it("a closure handed by name (`twice(step)`) runs as often as the function calls it", () => {
    expectSites(`${OPENAI}async function twice(fn: () => Promise<unknown>) { await fn(); return await fn(); }
export async function run(xs: string[]) {
  const step = async () => ${ask("a", '"hi"')}; // @site
  for (const x of xs) await twice(step); // @site
}
`, [{ calls: "Θ(1)" }, { calls: "Θ(|xs|)", loops: "for-of@6:|xs| callback@6:2" }]);
    const [, site] = analyze(`${OPENAI}async function twice(fn: () => Promise<unknown>) { await fn(); return await fn(); }
export async function run(xs: string[]) {
  const step = async () => ${ask("a", '"hi"')};
  for (const x of xs) await twice(step);
}
`);
    assert.equal(estimate(site!, { "|xs|": 4 }).calls, 8);
  });
});

describe("an AI SDK stop condition's step count bounds the response messages a call leaves in a history", () => {
  const history = (stop: string, model: string): string => `  {
    const h: any[] = [];
    for (const item of items) {
      h.push({ role: "user", content: item });
      const r = await generateText({ model: openai("${model}"), maxOutputTokens: 10, tools: { lookup }, ${stop}, messages: h });
      h.push(...r.response.messages);
    }
  }
`;
  const code = `import { generateText, tool, jsonSchema, stepCountIs, isStepCount, hasToolCall } from "ai";
import { openai } from "@ai-sdk/openai";
const lookup = tool({ description: "d", inputSchema: jsonSchema({ type: "object", properties: { word: { type: "string" } } }), execute: async () => "r" });
export async function run(items: string[], c: boolean) {
${history("maxSteps: 3", "a")}${history("stopWhen: stepCountIs(3)", "b")}${history("stopWhen: isStepCount(3)", "c")}${history("stopWhen: c ? stepCountIs(2) : stepCountIs(4)", "d")}${history('stopWhen: [hasToolCall("lookup"), stepCountIs(5), stepCountIs(2)]', "e")}${history('stopWhen: hasToolCall("lookup")', "f")}}
`;

  it("stepCountIs(3) and isStepCount(3) as maxSteps: 3 (carry9: the answer alone); a conditional's larger count, a list's smallest; hasToolCall alone: every step, its count unbounded", () => {
    const found = analyze(code);
    const sym = (i: number): string => (i === 0 ? "" : `#${i + 1}`);
    const rows = found.map((f, i) => {
      const e = estimate(f, { "|items|": 3, "|item|": 20, [`tool[run/generateText${sym(i)}]`]: 19, ...(i === 5 ? { [`steps[run/generateText${sym(i)}]`]: 2 } : {}) });
      return [f.model, formatBound(f.inputTokens, f.rank), e.calls, e.inputTokens, e.exact];
    });
    const input = (s: string): string => `O(|items|²·steps[run/generateText${s}]·|item| + steps[run/generateText${s}]²·|items|·tool[run/generateText${s}] + |items|²·steps[run/generateText${s}]·tool[run/generateText${s}])`;
    assert.deepEqual(rows, [
      ["a", input(""), 9, 1404, false],
      ["b", input("#2"), 9, 1404, false],
      ["c", input("#3"), 9, 1404, false],
      // Before: the conditional was no count (steps unbounded, 10 assumed: 30 calls) and the messages the answer alone.
      ["d", input("#4"), 12, 2394, false],
      // Before: the list's first count, 5 (15 calls), and the answer alone.
      ["e", input("#5"), 6, 675, false],
      // Before: the answer alone (387 at 2 steps).
      ["f", `O(|items|²·steps[run/generateText#6]²·tool[run/generateText#6] + |items|²·steps[run/generateText#6]·|item|)`, 6, 675, false],
    ]);
  });
});

// Loop bounds the soundness check (test/execution/soundness.test.ts) found unsound, minimised from
// its generated programs (seed 17; the index of each is named): each claimed "at most N" rounds
// where a run makes more. The fixed engine gives these bounds.
import * as assert from "node:assert/strict";
import { estimate } from "../../src/core";
import { analyze, summary } from "./analyze";

const HEADER = `import OpenAI from "openai";\nconst client = new OpenAI();\nconst LIMIT = 3;\n`;
const CALL = `const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: q }] });\n    const text = r.choices[0].message.content ?? "";`;

/** The loops of the one site of `run(q, n)` whose body is `body` (the loop on line 5), and its calls at n = 4. */
function site(body: string): { loops: string; calls: string; at4: number } {
  const findings = analyze(`${HEADER}export async function run(q: string, n: number): Promise<void> {\n${body}\n}\n`);
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  return { loops: summary(f).loops, calls: summary(f).calls, at4: estimate(f, { n: 4 }).calls };
}

describe("sound loop bounds: the shapes the soundness check found claiming too few rounds", () => {
  it("i <= n from 0 runs n + 1 rounds (index 20: i <= LIMIT3 had claimed 3 rounds a run made 4 times)", () => {
    assert.deepEqual(site(`  for (let i = 0; i <= n; i++) {\n    ${CALL}\n  }`), { loops: "for@5:n+1", calls: "Θ(n)", at4: 5 });
    assert.deepEqual(site(`  for (let i = 0; i <= LIMIT; i++) {\n    ${CALL}\n  }`), { loops: "for@5:4", calls: "Θ(1)", at4: 4 });
    // From 1 to LIMIT inclusive: 3 rounds (2 before).
    assert.deepEqual(site(`  for (let i = 1; i <= LIMIT; i++) {\n    ${CALL}\n  }`), { loops: "for@5:3", calls: "Θ(1)", at4: 3 });
    // From 1 to n inclusive: n rounds, as before.
    assert.deepEqual(site(`  for (let i = 1; i <= n; i++) {\n    ${CALL}\n  }`), { loops: "for@5:n", calls: "Θ(n)", at4: 4 });
    // Down to 0 inclusive: n + 1.
    assert.equal(site(`  for (let i = n; i >= 0; i--) {\n    ${CALL}\n  }`).at4, 5);
  });

  it("a stride over a symbolic bound is valued at ⌈n/k⌉ or more, never n/k (index 21: i += 3 under n = 4 had claimed 1.33 rounds of 2)", () => {
    assert.deepEqual(site(`  for (let i = 0; i < n; i += 3) {\n    ${CALL}\n  }`), { loops: "for@5:⌈n/3⌉", calls: "O(n)", at4: 2 });
    assert.deepEqual(site(`  for (let i = 0; i <= n; i += 2) {\n    ${CALL}\n  }`), { loops: "for@5:⌈(n+1)/2⌉", calls: "O(n)", at4: 3 });
  });

  it("a stride below one counts no rounds of the bound's units (review: i += 0.5 had claimed n rounds of 2n)", () => {
    assert.deepEqual(site(`  for (let i = 0; i < n; i += 0.5) {\n    ${CALL}\n  }`), { loops: "for@5:T[run]!", calls: "O(T[run])", at4: 10 });
    assert.deepEqual(site(`  for (let i = 0; i < 6; i += 1.5) {\n    ${CALL}\n  }`).loops, "for@5:T[run]!");
  });

  it("while (c < n) bounds the loop only when every round steps c and nothing sets it back (probe and index 8: a continue before c++ had claimed n)", () => {
    const step = (body: string): string => site(`  let c = 0;\n  while (c < n) {\n    ${CALL}\n    if (text.includes("DONE")) break;\n${body}\n  }`).loops;
    // The sound shape keeps its bound.
    assert.equal(step(`    c++;`), "while@6:n");
    // A continue before the step, the step under a condition, a reset, a net-zero step, the bound raised: no bound.
    assert.equal(step(`    if (text.includes("AGAIN")) continue;\n    c++;`), "while@6:T[run]!");
    assert.equal(step(`    if (text.includes("GO")) c++;`), "while@6:T[run]!");
    assert.equal(step(`    c++;\n    if (text.includes("AGAIN")) c = 0;`), "while@6:T[run]!");
    assert.equal(step(`    c++;\n    if (text.includes("AGAIN")) c -= 1;`), "while@6:T[run]!");
    assert.equal(site(`  let c = 0;\n  let limit = n;\n  while (c < limit) {\n    ${CALL}\n    if (text.includes("DONE")) break;\n    c++;\n    if (text.includes("AGAIN")) limit++;\n  }`).loops, "while@7:T[run]!");
    // The counter in an object the loop replaces.
    assert.equal(site(`  let st = { turn: 0 };\n  while (st.turn < n) {\n    ${CALL}\n    if (text.includes("DONE")) break;\n    st.turn++;\n    if (text.includes("AGAIN")) st = { turn: 0 };\n  }`).loops, "while@6:T[run]!");
  });

  it("do … while (c < n) with a continue before the step: no bound (index 8 had claimed n = 4 rounds of 7)", () => {
    const loop = (body: string): string => site(`  let c = 0;\n  do {\n    ${CALL}\n    if (text.includes("DONE")) break;\n${body}\n  } while (c < n);`).loops;
    // Its first round runs before the test: n + 1 (review5).
    assert.equal(loop(`    c++;`), "do-while@6:n+1");
    assert.equal(loop(`    if (text.includes("AGAIN")) continue;\n    c++;`), "do-while@6:T[run]!");
  });

  it("a counted for loop whose body sets its counter back: no bound (index 17: i = 0 or i-- in the body had claimed LIMIT rounds)", () => {
    const loop = (body: string): string => site(`  for (let i = 0; i < LIMIT; i++) {\n    ${CALL}\n    if (text.includes("DONE")) break;\n${body}\n  }`).loops;
    assert.equal(loop(``), "for@5:3");
    assert.equal(loop(`    if (text.includes("AGAIN")) i = 0;`), "for@5:T[run]!");
    assert.equal(loop(`    if (text.includes("AGAIN")) i--;`), "for@5:T[run]!");
    // A continue skips nothing in a for loop: its step runs on every round.
    assert.equal(loop(`    if (text.includes("AGAIN")) continue;`), "for@5:3");
  });
});

/** The loops of the one finding of `run` in a whole program (HEADER first), and its calls at the sizes given. */
function program(code: string, at: Record<string, number> = { n: 4 }, fn = "run"): { loops: string; calls: number } {
  const findings = analyze(`${HEADER}${code}`).filter((f) => f.functionName === fn);
  assert.equal(findings.length, 1);
  return { loops: summary(findings[0]!).loops, calls: estimate(findings[0]!, at).calls };
}

describe("sound loop bounds: a bound or counter changed where the loop's own text does not show it (review5)", () => {
  it("a list or bound changed through an alias (const xs = items; xs.push(…) under i < items.length) bounds nothing", () => {
    const run = (before: string, inLoop: string, loop = "for (let i = 0; i < items.length; i++)"): string =>
      program(`export async function run(q: string, items: string[]): Promise<void> {\n  ${before}\n  ${loop} {\n    ${CALL}\n    if (text.includes("DONE")) break;\n    ${inLoop}\n  }\n}\n`).loops;
    // The sound shape keeps its bound.
    assert.equal(run(`const xs = items;`, `console.log(xs.length);`), "for@6:|items|");
    assert.equal(run(`const xs = items;`, `if (text.includes("AGAIN")) xs.push(text);`), "for@6:T[run]!");
    assert.equal(run(`let xs: string[] = [];\n  xs = items;`, `if (text.includes("AGAIN")) xs.push(text);`), "for@7:T[run]!");
    assert.equal(run(`const box = { list: items };`, `if (text.includes("AGAIN")) box.list.push(text);`), "for@6:T[run]!");
    assert.equal(run(`const all = [items];`, `if (text.includes("AGAIN")) all[0].push(text);`), "for@6:T[run]!");
    // for … of over a list the loop lengthens through an alias never ends.
    assert.equal(run(`const xs = items;`, `if (text.includes("AGAIN")) xs.push(text);`, "for (const item of items)"), "for-of@6:T[run]!");
    // The bound's object, and the counter's, written through an alias.
    const state = (inLoop: string): string =>
      program(`export async function run(q: string, n: number): Promise<void> {\n  const state = { turn: 0, max: n };\n  const s = state;\n  while (state.turn < state.max) {\n    ${CALL}\n    if (text.includes("DONE")) break;\n    state.turn++;\n    ${inLoop}\n  }\n}\n`).loops;
    assert.equal(state(``), "while@7:state.max");
    assert.equal(state(`if (text.includes("AGAIN")) s.max++;`), "while@7:T[run]!");
    assert.equal(state(`if (text.includes("AGAIN")) s.turn = 0;`), "while@7:T[run]!");
  });

  it("a bound changed by a helper three calls deep, or by a function kept and called later (a callback, a field, a timer), bounds nothing", () => {
    const deep = (inLoop: string, helpers: string): string =>
      program(`${helpers}\nexport async function run(q: string, n: number, xs: string[]): Promise<void> {\n  for (let i = 0; i < xs.length; i++) {\n    ${CALL}\n    if (text.includes("DONE")) break;\n    ${inLoop}\n  }\n}\n`).loops;
    const chain = `function c(list: string[]): void { list.push("x"); }\nfunction b(list: string[]): void { c(list); }\nfunction a(list: string[]): void { b(list); }`;
    assert.equal(deep(`a(xs);`, chain), "for@8:T[run]!");
    // The same chain only reading the list keeps the bound.
    assert.equal(deep(`a(xs);`, chain.replace(`list.push("x")`, "console.log(list.length)")), "for@8:|xs|");
    // A closure three calls deep raising the bound.
    const closures = (body: string): string =>
      program(`export async function run(q: string, n: number): Promise<void> {\n  let max = n;\n${body}\n  for (let i = 0; i < max; i++) {\n    ${CALL}\n    if (text.includes("DONE")) break;\n    if (text.includes("AGAIN")) step();\n  }\n}\n`).loops;
    assert.equal(closures(`  const raise = () => { max++; };\n  const relay = () => raise();\n  const step = () => relay();`), "for@9:T[run]!");
    // Kept and called by other code: a timer, an emitter's listener.
    assert.equal(closures(`  setTimeout(() => { max++; }, 0);\n  const step = () => {};`), "for@8:T[run]!");
    assert.equal(closures(`  const raise = () => { max++; };\n  process.on("warning", raise);\n  const step = () => {};`), "for@9:T[run]!");
    // A function that only reads the bound, or steps what the loop steps up, changes nothing.
    assert.equal(closures(`  const step = () => console.log(max);`), "for@7:max");
    // A function kept in a field and called in the loop: set in the constructor, or as the field's value.
    const kept = (field: string, made = ""): string =>
      program(`class Agent {\n  turn = 0;\n  max = 3;\n  ${field}\n  constructor() { ${made} }\n  async run(q: string): Promise<void> {\n    while (this.turn < this.max) {\n      ${CALL}\n      if (text.includes("DONE")) break;\n      this.turn++;\n      this.onStep();\n    }\n  }\n}\n`, { n: 4 }, "Agent.run").loops;
    assert.equal(kept(`onStep: () => void;`, `this.onStep = () => { console.log(this.turn); };`), "while@10:3");
    assert.equal(kept(`onStep: () => void;`, `this.onStep = () => { this.max++; };`), "while@10:T[Agent.run]!");
    assert.equal(kept(`onStep = (): void => { this.max += 2; };`), "while@10:T[Agent.run]!");
  });
});

describe("sound loop bounds: strides, do … while, module-level counters (review5)", () => {
  it("a stride not shown to be at least one (a parameter, a call's value, a length) bounds nothing; a const number keeps ⌈n/k⌉", () => {
    const stride = (before: string, by: string, params = ""): { loops: string; calls: number } =>
      program(`export async function run(q: string, n: number${params}): Promise<void> {\n  ${before}\n  for (let i = 0; i < n; i += ${by}) {\n    ${CALL}\n  }\n}\n`, { n: 40 });
    assert.deepEqual(stride(`const BATCH = 10;`, "BATCH"), { loops: "for@6:⌈n/10⌉", calls: 4.9 });
    assert.equal(stride(``, "step", ", step: number").loops, "for@6:T[run]!");
    assert.equal(stride(`const next = (): number => Math.random();`, "next()").loops, "for@6:T[run]!");
    assert.equal(stride(``, "xs.length", ", xs: string[]").loops, "for@6:T[run]!");
    // A stride kept at one or more: n rounds at most.
    assert.deepEqual(stride(`const by = Math.max(1, step);`, "by", ", step: number"), { loops: "for@6:n", calls: 40 });
    assert.deepEqual(stride(`if (step < 1) throw new Error("step");`, "step", ", step: number"), { loops: "for@6:n", calls: 40 });
    // The same in a while loop's body.
    assert.equal(program(`export async function run(q: string, n: number, step: number): Promise<void> {\n  let c = 0;\n  while (c < n) {\n    ${CALL}\n    c += step;\n  }\n}\n`).loops, "while@6:T[run]!");
  });

  it("do … while (c < n) runs once even when n ≤ 0: max(1, n) rounds, n + 1 where n is a symbol", () => {
    const loop = (bound: string, at: Record<string, number> = { n: 4 }): { loops: string; calls: number } =>
      program(`export async function run(q: string, n: number): Promise<void> {\n  let c = 0;\n  do {\n    ${CALL}\n    c++;\n  } while (c < ${bound});\n}\n`, at);
    assert.deepEqual(loop("n", { n: 0 }), { loops: "do-while@6:n+1", calls: 1 });
    assert.deepEqual(loop("n"), { loops: "do-while@6:n+1", calls: 5 });
    assert.deepEqual(loop("0"), { loops: "do-while@6:1", calls: 1 });
    assert.deepEqual(loop("-3"), { loops: "do-while@6:1", calls: 1 });
    assert.deepEqual(loop("LIMIT"), { loops: "do-while@6:3", calls: 3 });
  });

  it("a module-level counter or bound that other code may write while the loop awaits bounds nothing", () => {
    const mod = (top: string, before = ""): string =>
      program(`let turns = 0;\nlet cap = 3;\n${top}\nexport async function run(q: string, n: number): Promise<void> {\n  ${before}\n  while (turns < cap) {\n    ${CALL}\n    turns++;\n  }\n}\n`).loops;
    // Written only by the loop (and stepped up elsewhere, which only ends it sooner): bounded.
    assert.equal(mod(``), "while@9:cap");
    assert.equal(mod(`export function skipTurn(): void { turns++; }`), "while@9:cap");
    // Set back, or the cap raised, by another exported function (or by run itself, entered again during an await).
    assert.equal(mod(`export function reset(): void { turns = 0; }`), "while@9:T[run]!");
    assert.equal(mod(`export function raise(): void { cap += 10; }`), "while@9:T[run]!");
    assert.equal(mod(``, `turns = 0;`), "while@9:T[run]!");
    // A local counter reset before the loop is the loop's own start.
    assert.equal(program(`export async function run(q: string, n: number): Promise<void> {\n  let turns = 5;\n  turns = 0;\n  while (turns < n) {\n    ${CALL}\n    turns++;\n  }\n}\n`).loops, "while@7:n");
  });
});

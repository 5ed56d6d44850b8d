// Issue 17, the last review's leftovers: a counted loop's condition (`i < n`, `i < xs.length`,
// `queue.length > 0`, `for … of xs`) bounds the loop only under the rules a guard's does: the
// counter made before the loop and stepped its way on every path that completes a round, no other
// write to it, the bound (or the collection) not written in the loop nor handed to code that may
// write it. Each program below claimed "at most n" while it may run on without end (or longer).
import * as assert from "node:assert/strict";
import { analyze, summary } from "./analyze";
import { memoryProject, sitesOf } from "./project";

const HEAD = `import OpenAI from "openai";\nconst client = new OpenAI();\n`;
const CALL = `await client.chat.completions.create({ model: "gpt-4o", messages: [] });`;
/** The loops of the one finding of a function written on line 3 (helpers after it). */
const loopsOf = (fn: string, after = ""): string => {
  const findings = analyze(`${HEAD}${fn}\n${after}`);
  assert.equal(findings.length, 1, fn);
  return summary(findings[0]!).loops;
};

describe("counted loops: a count only when the counter and the bound are the loop's under the guards' rules", () => {
  it("the common shapes keep their exact counts", () => {
    assert.equal(loopsOf(`export async function run(n: number) { for (let i = 0; i < n; i++) { ${CALL} } }`), "for@3:n");
    assert.equal(loopsOf(`export async function run(items: string[]) { for (const x of items) { ${CALL} } }`), "for-of@3:|items|");
    assert.equal(loopsOf(`export async function run(items: string[]) { for (let i = 0; i < items.length; i++) { await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: items.slice(0, i).join(",") }] }); } }`), "for@3:|items|");
    // The history handed to the SDK's call is read, not written.
    assert.equal(loopsOf(`export async function run(messages: { role: "user"; content: string }[]) { for (let i = 0; i < messages.length; i++) { await client.chat.completions.create({ model: "gpt-4o", messages }); } }`), "for@3:|messages|");
    // Stepped on both ways through the round, one of them a `continue`.
    assert.equal(loopsOf(`export async function run(n: number, skip: () => boolean) { let i = 0; while (i < n) { if (skip()) { i++; continue; } ${CALL} i++; } }`), "while@3:n");
    // A for loop's step runs after a `continue` too.
    assert.equal(loopsOf(`export async function run(n: number, skip: () => boolean) { for (let i = 0; i < n; i++) { if (skip()) continue; ${CALL} } }`), "for@3:n");
    // A copy of the list iterated while the list grows; a drained queue.
    assert.equal(loopsOf(`export async function run(items: string[]) { for (const x of [...items]) { items.push(x); ${CALL} } }`), "for-of@3:|items|");
    assert.equal(loopsOf(`export async function run(queue: string[]) { while (queue.length > 0) { queue.shift(); ${CALL} } }`), "while@3:|queue|");
  });

  it("the bound written in the loop or a helper, or the collection it counts grown there: no count", () => {
    assert.equal(loopsOf(`export async function run(max: number) { for (let i = 0; i < max; i++) { max++; ${CALL} } }`), "for@3:T[run]!");
    assert.equal(loopsOf(`export async function run(items: string[]) { let i = 0; while (i < items.length) { items.push("x"); i++; ${CALL} } }`), "while@3:T[run]!");
    assert.equal(loopsOf(`export async function run(items: string[]) { for (let i = 0; i < items.length; i++) { grow(items); ${CALL} } }`, `function grow(xs: string[]) { xs.push("y"); }`), "for@3:T[run]!");
    assert.equal(loopsOf(`export async function run(items: string[]) { for (let i = 0; i < items.length; i++) { items[items.length] = "z"; ${CALL} } }`), "for@3:T[run]!");
    // for … of sees what is pushed while it runs.
    assert.equal(loopsOf(`export async function run(items: string[]) { for (const x of items) { items.push(x); ${CALL} } }`), "for-of@3:T[run]!");
    assert.equal(loopsOf(`export async function run(items: string[]) { for (const [k, x] of items.entries()) { items.push(x + k); ${CALL} } }`), "for-of@3:T[run]!");
    // A queue refilled by a helper, or drained only on some rounds.
    assert.equal(loopsOf(`export async function run(queue: string[]) { while (queue.length > 0) { queue.shift(); refill(queue); ${CALL} } }`, `function refill(q: string[]) { q.push("a"); }`), "while@3:T[run]!");
    assert.equal(loopsOf(`export async function run(queue: string[], ok: () => boolean) { while (queue.length > 0) { if (ok()) queue.shift(); ${CALL} } }`), "while@3:T[run]!");
  });

  it("the counter set anew, stepped back or the wrong way, stepped only on some rounds, or made in the round: no count", () => {
    const refused = [
      `export async function run(n: number) { for (let i = 0; i < n; i++) { if (Math.random() > 0.5) i = 0; ${CALL} } }`,
      `export async function run(n: number, ok: () => boolean) { let i = 0; while (i < n) { ${CALL} if (ok()) i++; } }`,
      `export async function run(n: number, ok: () => boolean) { let i = 0; while (i < n) { ${CALL} if (ok()) continue; i++; } }`,
      `export async function run(n: number) { for (let i = 0; i < n; i += -1) { ${CALL} } }`,
      `export async function run(n: number) { for (let i = 0; i < n; i *= 2) { ${CALL} } }`,
      `export async function run(n: number) { let i = 0; while (i < n) { let i = 0; i++; ${CALL} } }`,
      // Skipping past an inequality: 0, 2, 4, … never equals 9.
      `export async function run() { for (let i = 0; i !== 9; i += 2) { ${CALL} } }`,
      // A try whose step an error skips, the catch going on to the next round.
      `export async function run(n: number) { let i = 0; while (i < n) { try { ${CALL} i++; } catch { } } }`,
    ];
    for (const fn of refused) assert.match(loopsOf(fn), /^(for|while)@3:T\[run\]!$/, fn);
    // The counter's object stepped by a helper every round but set back by a helper on some.
    assert.equal(loopsOf(`export async function run(s: { turn: number }, n: number) { while (s.turn < n) { next(s); ${CALL} if (Math.random() > 0.5) restart(s); } }`, `function next(x: { turn: number }) { x.turn++; }\nfunction restart(x: { turn: number }) { x.turn = 0; }`), "while@3:T[run]!");
  });

  it("another module's function handed the counter's or the bound's object may write it: no count", () => {
    const run = (loop: string): string => `import OpenAI from "openai";\nimport { bump } from "./other";\nconst client = new OpenAI();\nexport async function run(state: { turn: number; max: number }) {\n${loop}\n}\n`;
    const other = `export function bump(s: { turn: number; max: number }) { s.max++; s.turn = 0; }\n`;
    const loops = (loop: string): Partial<Record<string, unknown>>[] => sitesOf(memoryProject({ "/p/run.ts": run(loop), "/p/other.ts": other }).project, "/p/run.ts", ["loops"]);
    assert.deepEqual(loops(`  for (let i = 0; i < state.max; i++) { bump(state); ${CALL} }`), [{ line: 5, loops: "for@5:T[run]!" }]);
    assert.deepEqual(loops(`  while (state.turn < 4) { state.turn++; bump(state); ${CALL} }`), [{ line: 5, loops: "while@5:T[run]!" }]);
    // Handed the number only: the loop's own copy of it stays.
    assert.deepEqual(loops(`  for (let i = 0; i < state.max; i++) { bump({ turn: i, max: state.max }); ${CALL} }`), [{ line: 5, loops: "for@5:state.max" }]);
  });

  it("the count from where the counter starts and whether the bound is reached: i <= 5 from 0 is 6 rounds, from -2 to n is n + 2", () => {
    assert.equal(loopsOf(`export async function run() { for (let i = 0; i <= 5; i++) { ${CALL} } }`), "for@3:6");
    assert.equal(loopsOf(`export async function run() { for (let i = 1; i <= 5; i++) { ${CALL} } }`), "for@3:5");
    assert.equal(loopsOf(`export async function run(n: number) { for (let i = -2; i < n; i++) { ${CALL} } }`), "for@3:n+2");
    assert.equal(loopsOf(`export async function run(n: number) { for (let i = 0; i <= n; i++) { ${CALL} } }`), "for@3:n+1");
    assert.equal(loopsOf(`export async function run(maxRetries: number) { for (let attempt = 1; attempt <= maxRetries; attempt++) { ${CALL} } }`), "for@3:maxRetries");
    // Counting down from the bound.
    assert.equal(loopsOf(`export async function run(items: string[]) { for (let i = items.length - 1; i >= 0; i--) { ${CALL} } }`), "for@3:|items|");
  });
});

// Issue 17, item 2: `const stop = shouldStop(turn, max); turn++; if (stop) break` is the verdict on
// the turn before the step, tested in the same round: the loop breaks where testing before the step
// would. What a round does before the guard also runs in the round the guard ends.
describe("a helper's verdict kept in a const and tested after the step", () => {
  const helper = `function shouldStop(turn: number, max: number): boolean {\n  return turn >= max;\n}\n`;
  const run = (round: string): string[] => analyze(`${HEAD}${helper}export async function run(max: number) {\n  let turn = 0;\n  while (true) {\n${round}\n  }\n}\n`).map((f) => summary(f).loops);
  it("at most max rounds past the guard, max + 1 for a call before it", () => {
    assert.deepEqual(run(`    const stop = shouldStop(turn, max);\n    turn++;\n    if (stop) break;\n    ${CALL}`), ["while@8:max"]);
    assert.deepEqual(run(`    ${CALL}\n    const stop = shouldStop(turn, max);\n    turn++;\n    if (stop) break;\n    ${CALL}`), ["while@8:max+1", "while@8:max"]);
    // A step only on some rounds still bounds nothing.
    assert.deepEqual(run(`    const stop = shouldStop(turn, max);\n    if (Math.random() > 0.5) turn++;\n    if (stop) break;\n    ${CALL}`), ["while@8:T[run]!"]);
  });
});

describe("a function the class keeps in a field, called in the loop", () => {
  it("is handed its arguments, not the object (AgentExecutor's handleParsingErrors): the loop keeps its cap; a method of a base class not read still may write it", () => {
    const cls = (call: string): string => `${HEAD}class Base {\n  reset(): void {}\n}\nexport class Executor extends Base {\n  maxIterations = 15;\n  handle?: (e: unknown) => string;\n  async run() { for (let i = 0; i < this.maxIterations; i++) { ${CALL} ${call} } }\n}\n`;
    assert.equal(summary(analyze(cls(`this.handle?.(i);`))[0]!).loops, "for@9:15");
    assert.equal(summary(analyze(cls(`this.reset();`))[0]!).loops, "for@9:T[Executor.run]!");
  });
});

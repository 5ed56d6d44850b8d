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
    assert.equal(loop(`    c++;`), "do-while@6:n");
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

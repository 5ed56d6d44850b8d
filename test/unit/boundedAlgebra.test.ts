// The bounded algebra: no operation's result passes POLY_LIMITS; past them a bound is O (terms
// folded) or unknown with the reason; summaries grown by their callees do not square per level.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { Bound, Poly, estimate, formatBound } from "../../src/core";
import { POLY_LIMITS } from "../../src/core/algebra/poly";
import { analyze, summary } from "./analyze";
import { growingChain } from "./generatedPrograms";

const rank = (): number => 0;
const sum = (names: string[]): Poly => Poly.sum(names.map((n) => Poly.symbol(n)));

describe("bounded algebra", () => {
  it("keeps within the term limit by folding dominated terms into a dominating one: an upper bound, O", () => {
    // (1 + a)·(1 + b)·…·(1 + g): 128 monomials, one of which (a·b·…·g) dominates all others.
    const names = ["a", "b", "c", "d", "e", "f", "g"];
    const p = Poly.product(names.map((n) => Poly.one.add(Poly.symbol(n))));
    assert.equal(p.monomials.length, 1);
    assert.equal(p.upper, true);
    assert.equal(p.monomials[0]!.coef, 128);
    assert.equal(formatBound(Bound.of(p, true), rank), "O(a·b·c·d·e·f·g)");
    // Still an upper bound at any values ≥ 1.
    const at = { a: 2, b: 3, c: 1, d: 5, e: 1, f: 2, g: 4 };
    assert.equal(p.evaluate(at, 1), 128 * 2 * 3 * 5 * 2 * 4);
    assert.ok(p.evaluate(at, 1) >= Object.values(at).reduce((x, v) => x * (1 + v), 1));
    // Below the limit nothing changes.
    const q = Poly.product(names.slice(0, 6).map((n) => Poly.one.add(Poly.symbol(n))));
    assert.equal(q.monomials.length, 64);
    assert.equal(q.upper, false);
  });

  it("widens to unknown, with the reason, when incomparable terms pass the limit", () => {
    const p = sum(["a", "b", "c", "d", "e", "f"]).mul(sum(["a", "b", "c", "d", "e", "f"])).mul(sum(["a", "b", "c", "d", "e", "f"])).mul(sum(["a", "b", "c", "d", "e", "f"]));
    assert.equal(p.widenedReason, "a bound of more than 64 incomparable terms passed the algebra's limit");
    assert.deepEqual(Bound.of(p, true), { kind: "unknown", reason: "a bound of more than 64 incomparable terms passed the algebra's limit" });
  });

  it("widens past the degree limit before multiplying out, and top absorbs every operation", () => {
    const h = Poly.symbol("h");
    const big = Poly.symbol("h", 20);
    const top = big.mul(Poly.symbol("h", 5));
    assert.equal(top.widenedReason, `a bound of degree 25 passed the algebra's limit of ${POLY_LIMITS.degree}`);
    assert.equal(formatBound(Bound.of(top, true), rank), "unknown");
    for (const r of [top.add(h), h.add(top), top.mul(h), h.mul(top), top.subst("h", h), h.subst("h", top), top.scale(2), top.rename((n) => `${n}'`), top.dropZeros()]) assert.equal(r.widenedReason, top.widenedReason);
    assert.ok(Number.isNaN(top.evaluate({ h: 2 }, 1)));
    assert.deepEqual([top.isZero(), top.symbols(), top.dominant()], [false, [], []]);
    // Substitution knows the degree it would reach without expanding: (h + 1)^24 ← h^2 is refused.
    const p = Poly.symbol("h", 13);
    assert.equal(p.subst("h", h.mul(h)).widenedReason, `substituting h gives a bound of degree 26, past the algebra's limit of ${POLY_LIMITS.degree}`);
    assert.equal(Poly.symbol("h", 12).subst("h", h.mul(h)).totalDegree(), 24);
  });

  it("keeps fractional and negative coefficients exact below the limits", () => {
    const b = Poly.symbol("b");
    const tri = b.mul(b).scale(0.5).add(b.scale(-0.5)); // b(b−1)/2
    assert.equal(tri.evaluate({ b: 10 }, 1), 45);
    assert.equal(tri.upper, false);
    assert.deepEqual(tri.dominant().map((m) => [m.coef, m.factors.b]), [[0.5, 2]]);
  });

  it("the issue's chain of 8 functions that grow an array and hand it on: no |h|³⁸³, the exponential growth stated", () => {
    const findings = analyze(growingChain(7));
    const reason = "f1() grows h in proportion to its size, on every iteration of a loop before this call: exponential growth, no polynomial bound";
    assert.deepEqual(
      findings.map((f) => [f.line, f.functionName, summary(f).calls, summary(f).input]),
      [
        [5, "f0", "Θ(|h|)", "Θ(|h|·|x|)"],
        [11, "f1", "Θ(|h|²)", "Θ(|h|²·|x|)"],
        [17, "f2", "unknown", "unknown"],
        [23, "f3", "unknown", "unknown"],
        [29, "f4", "unknown", "unknown"],
        [35, "f5", "unknown", "unknown"],
        [41, "f6", "unknown", "unknown"],
        [47, "f7", "unknown", "unknown"],
        [51, "main", "unknown", "unknown"],
      ],
    );
    assert.equal(findings[2]!.explanation.at(-1), `no bound: ${reason}`);
    assert.equal(findings[3]!.explanation.at(-1), `f2() (case.ts:14): ${reason}`);
    assert.equal(findings[8]!.explanation.at(-1), `f7() (case.ts:44): ${reason}`);
    // f1 before it: each of |h| iterations pushes one element then calls f0 on the grown array.
    assert.equal(findings[1]!.explanation.includes("here f0()'s |h| = |h|²"), false);
  });

  it("growth in proportion to the size compounds a constant number of times: 2·|h|, then 4·|h|", () => {
    const code = `import OpenAI from "openai";
const client = new OpenAI();
export async function double(h: string[]) {
  for (const x of h.slice()) {
    h.push(x);
    await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 10, messages: [{ role: "user", content: x }] });
  }
}
export async function main(h: string[]) {
  for (let k = 0; k < 2; k++) await double(h); // @site
}
`;
    const [, site] = analyze(code);
    assert.ok(site);
    assert.equal(formatBound(site.calls, site.rank), "O(|h|)");
    // |h| = 10: the upper bound counts both invocations at the size after both: 2 × (10 → 20 → 40).
    assert.equal(estimate(site, { "|h|": 10 }).calls, 80);
  });

  it("an array grown by the callee on each element of a loop over fresh arrays: no compounding, the counted calls", async () => {
    const code = `import OpenAI from "openai";
const client = new OpenAI();
export async function f0(h: string[]) {
  for (const x of h) {
    await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 10, messages: [{ role: "user", content: x }] });
  }
}
export async function f1(h: string[]) {
  for (const x of h.slice()) h.push(x);
  await f0(h);
}
export async function each(hs: string[][]) {
  for (const h of hs) await f1(h);
}
export async function twice(h: string[]) {
  for (let k = 0; k < 2; k++) await f1(h);
}
`;
    const [, each, twice] = analyze(code);
    assert.ok(each && twice);
    // h is a fresh array on every iteration: its growth does not carry over (it was widened as exponential).
    assert.equal(formatBound(each.calls, each.rank), "O(|h|·|hs|)");
    assert.equal(formatBound(twice.calls, twice.rank), "O(|h|)");
    const at = { "|h|": 10, "|hs|": 10, "|x|": 5 };
    const hs = Array.from({ length: 10 }, () => Array.from({ length: 10 }, (_, i) => `item ${i}`));
    assert.equal(await countCalls(code, "each", [hs]), 200);
    assert.equal(estimate(each, at).calls, 200);
    // On the same array twice: 20 then 40 calls; the upper bound counts both at the larger size.
    assert.equal(await countCalls(code, "twice", [Array.from({ length: 10 }, (_, i) => `item ${i}`)]), 60);
    assert.equal(estimate(twice, at).calls, 80);
  });
});

/** Runs a snippet with a fake openai client and counts the requests it sends. */
async function countCalls(code: string, entry: string, args: unknown[]): Promise<number> {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  let calls = 0;
  class FakeOpenAI {
    chat = { completions: { create: async (): Promise<object> => (calls++, {}) } };
  }
  const mod: { exports: Record<string, (...a: unknown[]) => Promise<void>> } = { exports: {} };
  const load = (name: string): unknown => {
    if (name !== "openai") throw new Error(name);
    return { __esModule: true, default: FakeOpenAI };
  };
  new Function("require", "module", "exports", js)(load, mod, mod.exports);
  await mod.exports[entry]!(...args);
  return calls;
}

// The cost algebra: arithmetic, dominance, Θ/O printing, substitution, JSON terms.
import * as assert from "node:assert/strict";
import { Bound, Poly, boundTerms, formatBound } from "../../src/core";

const rank = (s: string): number => (s.startsWith("|") ? 1 : s.startsWith("out") ? 2 : s.startsWith("m[") ? 3 : 0);
const b = Poly.symbol("b");
const n = Poly.symbol("n");
const k = Poly.symbol("k");
const l = Poly.symbol("l");

describe("cost algebra", () => {
  it("keeps only non-dominated monomials: Θ(b²·n + k·l) keeps both", () => {
    const p = b.mul(b).mul(n).add(k.mul(l)).add(b.mul(n)).add(Poly.constant(7));
    assert.equal(formatBound(Bound.of(p, true), rank), "Θ(b²·n + k·l)");
    assert.deepEqual(boundTerms(Bound.of(p, true)), [{ factors: { b: 2, n: 1 } }, { factors: { k: 1, l: 1 } }]);
  });

  it("prints O for upper bounds, constants as 1, zero and unknown", () => {
    assert.equal(formatBound(Bound.of(Poly.constant(42), false), rank), "O(1)");
    assert.equal(formatBound(Bound.of(Poly.zero, true), rank), "0");
    assert.equal(formatBound(Bound.unknown("recursion without a recognised shape"), rank), "unknown");
    assert.deepEqual(boundTerms(Bound.of(Poly.constant(3), true)), []);
  });

  it("multiplies, adds coefficients, substitutes and evaluates (constants kept for estimates)", () => {
    const p = b.add(b).mul(b.add(n)); // 2b² + 2bn
    assert.equal(p.evaluate({ b: 3, n: 5 }, 1), 2 * 9 + 2 * 15);
    assert.equal(p.degreeIn("b"), 2);
    const q = p.subst("n", k.mul(l)); // the paper's n = k·l
    assert.equal(formatBound(Bound.of(q, true), rank), "Θ(b·k·l + b²)");
    assert.equal(q.evaluate({ b: 2, k: 3, l: 4 }, 1), 2 * 4 + 2 * 2 * 12);
  });

  it("orders factors: loop counts, then sizes, outputs, model sizes", () => {
    const p = Poly.symbol("m[gpt-4o]").mul(Poly.symbol("out[gpt-4o]")).mul(Poly.symbol("|q|")).mul(Poly.symbol("turns", 2));
    assert.equal(formatBound(Bound.of(p, true), rank), "Θ(turns²·|q|·out[gpt-4o]·m[gpt-4o])");
  });
});

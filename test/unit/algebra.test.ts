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

  it("a product with a constant keeps the other side's factor tables, keys and order (no copies)", () => {
    const p = b.mul(b).mul(n).scale(2).add(k.mul(l).scale(3)).add(Poly.constant(-1)); // 2b²n + 3kl − 1
    for (const q of [p.scale(3), Poly.constant(3).mul(p), p.mul(Poly.constant(3))]) {
      assert.deepEqual(q.monomials.map((m) => m.coef), [6, 9, -3]);
      q.monomials.forEach((m, i) => assert.equal(m.factors, p.monomials[i]!.factors));
      assert.equal(q.evaluate({ b: 2, n: 5, k: 7, l: 11 }, 1), 3 * (2 * 4 * 5 + 3 * 77 - 1));
      assert.ok(q.add(p.scale(-3)).dropZeros().isZero());
    }
    // A polynomial past the term limit is an upper bound, and so is its product with a constant.
    const wide = Poly.sum(Array.from({ length: 70 }, (_, i) => Poly.symbol(`x${i}`).mul(Poly.symbol(`y${i}`))));
    assert.equal(wide.upper, true);
    assert.equal(wide.scale(2).upper, true);
    assert.equal(Poly.constant(2).mul(wide).upper, true);
    assert.equal(Poly.constant(0).mul(b), Poly.zero);
  });

  it("orders factors: loop counts, then sizes, outputs, model sizes", () => {
    const p = Poly.symbol("m[gpt-4o]").mul(Poly.symbol("out[gpt-4o]")).mul(Poly.symbol("|q|")).mul(Poly.symbol("turns", 2));
    assert.equal(formatBound(Bound.of(p, true), rank), "Θ(turns²·|q|·out[gpt-4o]·m[gpt-4o])");
  });
});

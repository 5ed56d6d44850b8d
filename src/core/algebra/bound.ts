// An asymptotic bound: a polynomial with Θ (upper and lower bound known) or O (upper bound only),
// or unknown with the reason. Printing keeps the non-dominated monomials.
import { compareNames } from "../lineRefs";
import { Poly, type Factors, type Monomial } from "./poly";

export type Bound =
  | { readonly kind: "poly"; readonly poly: Poly; readonly tight: boolean }
  | { readonly kind: "unknown"; readonly reason: string };

export const Bound = {
  /** A polynomial past the algebra's limits is O (terms folded) or unknown (widened), with its reason. */
  of(poly: Poly, tight: boolean): Bound {
    const widened = poly.widenedReason;
    if (widened !== undefined) return { kind: "unknown", reason: widened };
    return { kind: "poly", poly, tight: tight && !poly.upper };
  },
  unknown(reason: string): Bound {
    return { kind: "unknown", reason };
  },
};

/** Orders the factors inside a monomial: loop counts first, then sizes, outputs, model sizes. */
export type SymbolRank = (name: string) => number;

const SUPERSCRIPT: Record<string, string> = { "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

function power(e: number): string {
  return e === 1 ? "" : String(e).replace(/\d/g, (d) => SUPERSCRIPT[d] ?? d);
}

export function formatFactors(factors: Factors, rank: SymbolRank): string {
  const names = Object.keys(factors).sort((a, b) => rank(a) - rank(b) || (factors[b] ?? 0) - (factors[a] ?? 0) || compareNames(a, b));
  return names.length === 0 ? "1" : names.map((s) => `${s}${power(factors[s] ?? 1)}`).join("·");
}

export function formatPoly(poly: Poly, rank: SymbolRank): string {
  // Highest degree first; among equals, terms in loop counts and sizes before outputs and models
  // (each term's degree and weight worked out once, not at every comparison).
  const terms = poly.dominant().map((m) => ({ m, ...degreeAndWeight(m, rank) }));
  if (terms.length === 0) return "0";
  terms.sort((a, b) => b.degree - a.degree || a.weight - b.weight);
  return terms.map(({ m }) => formatFactors(m.factors, rank)).join(" + ");
}

function degreeAndWeight(m: Monomial, rank: SymbolRank): { degree: number; weight: number } {
  let degree = 0;
  let weight = 0;
  for (const s in m.factors) {
    const e = m.factors[s]!;
    degree += e;
    weight += rank(s) * e;
  }
  return { degree, weight };
}

/** A polynomial as a value in a derivation (`|h| = 2·|h|`): its terms, without Θ/O around them. */
export function formatValue(poly: Poly, rank: SymbolRank): string {
  return poly.widenedReason !== undefined ? "unbounded" : formatPoly(poly, rank);
}

export function formatBound(b: Bound, rank: SymbolRank): string {
  if (b.kind === "unknown") return "unknown";
  if (b.poly.isZero()) return "0";
  return `${b.tight ? "Θ" : "O"}(${formatPoly(b.poly, rank)})`;
}

/** The JSON form: the non-dominated monomials with constants omitted. */
export function boundTerms(b: Bound): { factors: Record<string, number> }[] {
  if (b.kind === "unknown") return [];
  return b.poly
    .dominant()
    .filter((m) => Object.keys(m.factors).length > 0)
    // A spread copies `__proto__` as an own key too (it is a data property of a null-prototype table).
    .map((m) => ({ factors: { ...m.factors } }));
}

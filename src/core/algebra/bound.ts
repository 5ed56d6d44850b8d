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
  const weight = (m: Monomial): number => Object.entries(m.factors).reduce((w, [s, e]) => w + rank(s) * e, 0);
  const degree = (m: Monomial): number => Object.values(m.factors).reduce((a, b) => a + b, 0);
  // Highest degree first; among equals, terms in loop counts and sizes before outputs and models.
  const terms = poly.dominant().sort((a, b) => degree(b) - degree(a) || weight(a) - weight(b));
  if (terms.length === 0) return "0";
  return terms.map((m: Monomial) => formatFactors(m.factors, rank)).join(" + ");
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
